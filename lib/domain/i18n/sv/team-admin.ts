import type { teamAdmin as en } from '../en/team-admin';

/** Teamliggarens konflikter och avvisade dokument (ärende 16), på svenska (se en/team-admin.ts). */
export const teamAdmin: typeof en = {
  conflict: {
    marker: 'Ändrad på två ställen: båda versionerna sparas tills du väljer en.',
    compare: 'Jämför och välj',
    hide: 'Dölj versionerna',
    loading: 'Hämtar versionerna…',
    versionsOf: (subject) => `Versioner av tilldelningen för ${subject}`,
    version: (n) => `Version nr ${n}`,
    you: 'Du (den här webbläsaren)',
    colleague: (fingerprint, ledgerId, trusted) =>
      `En kollega (${fingerprint ? `nyckel ${fingerprint}` : `liggare ${ledgerId}`}${trusted ? ', betrodd' : ', inte betrodd'})`,
    field: {
      assets: 'Tillgångar och roller',
      startsAt: 'Startdatum',
      endsAt: 'Slutdatum',
      case: 'Ärende (varför)',
      ticket: 'Ärendenummer',
      approver: 'Godkänt av',
      notes: 'Anteckningar',
    },
    differs: 'skiljer sig',
    none: '—',
    noTasks: 'inga uppgifter',
    keep: 'Behåll den här versionen',
    keepHint:
      'Versionen du behåller blir tilldelningen överallt; ett beslut i din liggare registrerar valet.',
    resolved: 'Löst: versionen du valde behålls, och ett beslut registrerar ditt val.',
    gone: 'Den här tilldelningen är inte längre i konflikt: den löstes under tiden.',
    off: 'Teamliggaren är avstängd: det finns inget att lösa här.',
  },
  records: {
    runMarker: 'Den här checklistan ändrades på två ställen: båda versionerna sparas tills du väljer en.',
    campaignMarker:
      'Den här åtkomstgranskningen ändrades på två ställen: båda versionerna sparas tills du väljer en.',
    runVersionsOf: (title, who) => `Versioner av checklistan ”${title}” för ${who}`,
    campaignVersionsOf: (started) => `Versioner av åtkomstgranskningen som startades ${started}`,
    status: 'Läge',
    case: 'Ärende (varför)',
    open: 'Pågår',
    closed: 'Avslutad',
    finished: (when) => `Avslutad ${when}`,
    ticked: (when, how) => `Bockad ${when} (${how})`,
    notTicked: 'Inte bockad',
    notInVersion: 'Finns inte i den här versionen',
    signedOff: (reviewer, role, when) => `Undertecknad av ${reviewer} (${role}) ${when}`,
    answers: 'Svar',
    answerCounts: (keep, reduce, revoke, undecided) =>
      `behåll ${keep} · minska ${reduce} · återkalla ${revoke} · inte beslutat ${undecided}`,
    answered: (kind, rationale, reviewer) =>
      rationale ? `${kind}: ”${rationale}” (${reviewer})` : `${kind} (${reviewer})`,
    undecided: 'Inte beslutat',
    verified: (when) => `borttagningen bekräftad ${when}`,
    sameItems: (n) => `${n} andra åtkomster har samma svar i alla versioner.`,
    moreItems: (n) => `${n} åtkomster till har olika svar (visas inte här).`,
    keepHint: 'Versionen du behåller blir posten överallt; ett beslut i din liggare registrerar valet.',
    gone: 'Den här posten är inte längre i konflikt: den löstes under tiden.',
  },
  recordConflicts: {
    title: 'Checklistor och åtkomstgranskningar ändrade på två ställen',
    intro:
      'Samma checklista eller åtkomstgranskning ändrades i två webbläsare innan de synkroniserades. Båda versionerna sparas; ingen räknas som vald förrän en administratör behåller en.',
    none: 'Ingen checklista eller åtkomstgranskning är i konflikt.',
    runRow: (title, who, businessId, versions) =>
      `Checklistan ”${title}” för ${who} (företag ${businessId}): ${versions} versioner`,
    campaignRow: (started, businessId, versions) =>
      `Åtkomstgranskning startad ${started} (företag ${businessId}): ${versions} versioner`,
  },
  conflicts: {
    title: 'Tilldelningar ändrade på två ställen',
    intro:
      'Samma tilldelning ändrades i två webbläsare innan de synkroniserades. Båda versionerna sparas; ingen räknas som vald förrän en administratör behåller en.',
    none: 'Ingen tilldelning är i konflikt.',
    row: (subject, businessId, versions) => `${subject} (företag ${businessId}): ${versions} versioner`,
  },
  quarantine: {
    title: 'Dokument som avvisats från servern',
    intro:
      'Dokument som inte klarade kontrollerna som en importerad fil går igenom. De tillämpades aldrig; din liggare påverkas inte av dem.',
    none: 'Inget dokument från servern har avvisats.',
    more: (shown, total) => `De senaste ${shown} av ${total} visas.`,
    when: (when) => `Avvisat ${when}`,
    whenUnknown: 'Avvisat innan den här versionen registrerade när',
    document: (id) => `Dokument ${id}`,
    reason: {
      malformed: 'Det är ingen Scopekeeper-post: formen är inte giltig.',
      'wrong-id': 'Dess id stämmer inte med innehållet.',
      unsigned: 'Det saknar författarens signatur.',
      'bad-signature':
        'Signaturen stämmer inte med författarens nyckel: det ändrades efter att det signerades.',
      'changed-decision':
        'Det är ett beslut som redan finns registrerat här (ditt eller en kollegas), ändrat på servern. Ett beslut ändras aldrig: det som finns här står kvar som det registrerades.',
      'refused-by-import':
        'Författarens poster klarade inte kontrollerna som en importerad fil går igenom, så ingen av dem tillämpades.',
      'incomplete-chain':
        'Det är en kollegas huvudbokshuvud som nämner beslut som servern inte har (inte alla skickade än, raderade där, eller huvudet ändrat): inget av kollegans efter det senaste beslutet som finns här tillämpas förrän de kommer.',
      'too-many-versions':
        'Servern har fler versioner av posten än ett team gör (ett teams administratörer ändrar en post på högst några få ställen): ingen av dem tillämpas eller erbjuds att välja.',
    },
    problem: (text) => `Kontrollen fann: ${text}`,
  },
};
