import type { overview as en } from '../en/overview';

/** Översikten över alla företag och tillgångsvyn (issue 15). */
export const overview: typeof en = {
  title: 'Alla företag',
  open: 'Alla företag',
  intro:
    'Varje företag som Scopekeeper har läst i den här webbläsaren, det mest riskfyllda först: fynd, ändringar som ingen post godkänner, saker som förfaller och öppna checklistor. Sparas bara i den här webbläsaren.',
  loading: 'Läser in företagen…',
  none: 'Scopekeeper har inte läst något företag än. Öppna Personer, Partner eller Systemanvändare i Företagsinställningar och kom sedan tillbaka.',
  noMatch: 'Inget företag matchar filtret.',
  shown: (shown, all) => (shown === all ? `${all} företag` : `${shown} av ${all} företag visas`),
  listLabel: 'Företag',
  business: (label) => `Företag ${label}`,
  sort: 'Sortera efter',
  sorts: { risk: 'Risknivå', business: 'Företag', recent: 'Senast läst' },
  filter: 'Visa',
  filters: {
    all: 'Alla företag',
    findings: 'Med fynd',
    unrecorded: 'Med oregistrerade ändringar',
    due: 'Med saker som förfaller',
    checklists: 'Med öppna checklistor eller granskningar',
  },
  search: 'Sök',
  severities: { high: 'hög', medium: 'medel', low: 'låg' },
  findings: 'Fynd',
  noFindings: 'Inga fynd',
  unrecorded: (n, full) =>
    `${n} ${n === 1 ? 'oregistrerad ändring' : 'oregistrerade ändringar'}` +
    (full > 0 ? ` (${full} med full kontroll)` : ''),
  due: (n) => `${n} ${n === 1 ? 'sak förfaller' : 'saker förfaller'}`,
  openRuns: (n) => `${n} ${n === 1 ? 'öppen checklista' : 'öppna checklistor'}`,
  openReviews: (n) => `${n} ${n === 1 ? 'öppen behörighetsgranskning' : 'öppna behörighetsgranskningar'}`,
  counts: (principals, assets) =>
    `${principals} behörighetshavare, ${assets} ${assets === 1 ? 'tillgång' : 'tillgångar'}`,
  lastRead: 'Senast läst i sin helhet',
  neverRead: 'aldrig',
  assetPage: 'en tillgångssida',
  openSettings: 'Öppna i Företagsinställningar',
  notOpened: 'Företagsinställningar kunde inte öppnas.',
  assetPathsLink: 'Vem som når den här tillgången',
  assetsLink: 'Tillgångar och vem som når dem',
  assets: {
    title: (label) => `Vem som når tillgångarna i företag ${label}`,
    intro:
      'Varje väg till varje tillgång som Scopekeeper har sett: personer med direkt åtkomst, partner och systemanvändare, med åtkomst, uppgifter, liggarens post och när varje uppgift lästes.',
    back: 'Alla företag',
    loading: 'Läser in tillgångarna…',
    none: 'Ingen tillgång i det här företaget har lästs än. Öppna en persons, partners eller systemanvändares detaljer, eller en tillgångs sida, i Företagsinställningar.',
    noMatch: 'Ingen tillgång matchar sökningen.',
    shown: (shown, all) =>
      shown === all
        ? `${all} ${all === 1 ? 'tillgång' : 'tillgångar'}`
        : `${shown} av ${all} ${all === 1 ? 'tillgång' : 'tillgångar'} visas`,
    listLabel: 'Tillgångar',
    paths: (people, partners, systemUsers) =>
      `${people} ${people === 1 ? 'person' : 'personer'}, ${partners} partner, ${systemUsers} systemanvändare`,
    pageRead: (date) => `Tillgångssidan lästes ${date}`,
    noPath: 'Ingen är känd för att ha den här tillgången.',
    via: { person: 'Person', partner: 'Partner', 'system-user': 'Systemanvändare' },
    access: {
      full: 'Full kontroll',
      'full-except-sensitive': 'Full kontroll utom känsliga uppgifter',
      partial: 'Delvis åtkomst',
    },
    pending: 'väntande',
    pageEnds: (date) => `åtkomsten upphör ${date}`,
    grant: (id, endsAt) => `Post ${id}` + (endsAt ? `, till ${endsAt}` : ', inget slutdatum'),
    grantOther: 'en post för den här behörighetshavaren som inte nämner tillgången',
    noGrant: 'Ingen post',
    seen: (date) => `läst ${date}`,
    exportCsv: 'Exportera CSV',
    exported: (file) => `Sparade ${file}.`,
  },
};
