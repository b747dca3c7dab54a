import type { Catalogue } from '../shape';

/** Panelens ord för åtkomstgranskningar (issue 14). */
export const review: Catalogue['review'] = {
  title: 'Åtkomstgranskning',
  start: 'Starta en åtkomstgranskning',
  popupHint:
    'Besluta om varje behörighet i panelen, under Personer, Partner eller Systemanvändare för det här företaget.',
  popupStarted:
    'Granskningen är öppen: besluta om varje behörighet i panelen, under Personer, Partner eller Systemanvändare.',
  startHint:
    'Fryser varje person, partner och systemanvändare som Scopekeeper har läst här, med varje åtkomst de har, för ett beslut om var och en.',
  progress: (decided: number, items: number) => `${decided} av ${items} åtkomster beslutade`,
  completeness: (met: number, all: number) => `${met} av ${all} sidor lästa i sin helhet sedan starten`,
  complete: 'Omfånget är komplett: varje sida som krävs har lästs i sin helhet sedan starten.',
  incomplete: 'Omfånget är inte komplett än. Öppna de här sidorna och låt dem laddas helt:',
  list: { people: 'Personer', partners: 'Partner', 'system-users': 'Systemanvändare' },
  detail: (name: string) => `${name}: öppna deras detaljer`,
  delta: { new: 'Ny', changed: 'Ändrad', unchanged: '' },
  removedSince: (n: number) => `${n} åtkomst(er) borta sedan förra granskningen.`,
  portfolio: 'Företagsportfölj',
  pending: 'väntar',
  level: {
    'full-control': 'Full kontroll',
    partial: 'Delvis åtkomst',
    basic: 'Grundläggande åtkomst',
    'apps-integrations': 'Appar och integreringar',
    finance: 'Ekonomi',
    unknown: 'Åtkomst visas inte',
  },
  access: { full: 'Full kontroll', 'full-except-sensitive': 'Full, utom känsligt', partial: 'Delvis' },
  grant: (text: string, until: string | undefined) =>
    until ? `Dokumenterad: ${text} (till ${until})` : `Dokumenterad: ${text}`,
  noGrant: 'Ingen dokumenterad åtkomst',
  accepted: (rules: string) => `Godtagna varningar: ${rules}`,
  keep: 'Behåll',
  reduce: 'Begränsa',
  revoke: 'Återkalla',
  decided: { keep: 'Behålls', reduce: 'Ska begränsas', revoke: 'Ska återkallas' },
  by: (who: string, date: string) => `av ${who}, ${date}`,
  rationale: 'Varför',
  removeTasks: 'Uppgifter att ta bort',
  lowerTo: 'Sänk till',
  save: 'Spara beslutet',
  cancel: 'Avbryt',
  select: 'Välj',
  keepSelected: (n: number) => `Behåll valda (${n})`,
  verified: (date: string, page: string) => `Borttagen, verifierad ${date} på ${page}`,
  waiting: 'Stäng av den i företagsinställningarna: nästa läsning av sidan verifierar det.',
  overdue: 'Finns kvar efter 7 dagar.',
  more: (n: number) => `${n} åtkomster till visas inte.`,
  signOffTitle: 'Godkänn',
  reviewer: 'Granskare',
  role: 'Roll',
  signOff: 'Godkänn granskningen',
  finished: (who: string, role: string, date: string) => `Godkänd av ${who} (${role}), ${date}.`,
  unverified: (n: number) => `${n} borttagning(ar) ännu inte verifierade på sidan.`,
  openReport: 'Rapporten för revisorn (skriv ut eller spara som PDF)',
  report: 'Ta fram rapporten',
  reportHash: (hash: string) => `Rapportens SHA-256: ${hash}`,
  downloadCsv: 'Ladda ner förteckningen (CSV)',
  downloadJson: 'Ladda ner rapporten (JSON)',
  startPage: {
    title: 'Åtkomstgranskning',
    noBusiness: 'Inget företag anges: öppna sidan från en påminnelse eller från popup-fönstret.',
    starting: 'Startar åtkomstgranskningen…',
    started: (date: string) =>
      `Åtkomstgranskningen startade ${date}: alla personer, partner och systemanvändare som lästs här ingår.`,
    resumed: (date: string) =>
      `En åtkomstgranskning av företaget pågår redan (startad ${date}): fortsätt med den.`,
    business: (id: string) => `Företags-ID ${id}`,
    decideHint:
      'Besluta om varje åtkomst i panelen, på Personer, Partner eller Systemanvändare för företaget.',
    openSettings: 'Öppna företagsinställningarna för att besluta',
  },
  followUp: {
    revoke: (what: string) => `Åtkomstgranskning: återkalla ${what}`,
    reduce: (what: string, change: string) => `Åtkomstgranskning: minska ${what} (${change})`,
    overdue: 'finns kvar efter 7 dagar',
    onPage: 'Att stänga av på den här sidan',
    onPageHint:
      'Beslutat i granskningen och visas fortfarande här. Stäng av det i företagsinställningarna; nästa läsning bekräftar det.',
  },
  imported: {
    heading: (n: number) => `Åtkomstgranskningar i filen (${n}), tas med dess baslinjer:`,
    campaign: (business: string, date: string, decided: number, items: number) =>
      `${business}, startad ${date}: ${decided} av ${items} åtkomster beslutade`,
    open: 'pågår',
    signed: (who: string) => `undertecknad av ${who}`,
  },
};
