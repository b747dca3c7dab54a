import type { Catalogue } from '../shape';

/** The change timeline's page in Swedish (see en/changes.ts). */
export const changes: Catalogue['changes'] = {
  title: 'Ändringshistorik',
  open: 'Ändringshistorik',
  intro:
    'Varje ändring som Scopekeeper såg på ett företags sidor, nyast först, och om något dokument i liggaren godkänner den. Sparas bara i den här webbläsaren.',
  loading: 'Läser in ändringarna…',
  business: 'Företag',
  chooseBusiness: 'Välj ett företag',
  businessOption: (id, date) => `Företag ${id} (senast läst ${date})`,
  namedBusinessOption: (name, id, date) => `${name} · ${id} (senast läst ${date})`,
  noBusinesses:
    'Scopekeeper har inte läst något företag ännu. Öppna Personer, Partner eller Systemanvändare i Företagsinställningar och kom sedan tillbaka.',
  none: 'Ingen ändring har setts på det här företaget ännu: det som sidorna visade är detsamma sedan första läsningen.',
  noMatch: 'Ingen ändring matchar filtret.',
  shown: (shown, all) =>
    shown === all
      ? `${all} ${all === 1 ? 'ändring' : 'ändringar'}`
      : `${shown} av ${all} ${all === 1 ? 'ändring' : 'ändringar'} visas`,
  openCount: (n) => (n === 1 ? '1 öppen varning' : `${n} öppna varningar`),
  listLabel: 'Ändringar, nyast först',
  filter: 'Visa',
  filters: {
    all: 'Alla ändringar',
    unrecorded: 'Bara odokumenterade',
    'hide-informational': 'Dölj informativa',
  },
  search: 'Sök namn eller identitet',
  exportCsv: 'Exportera CSV',
  exportJson: 'Exportera JSON',
  exported: (file) => `Sparad som ${file}.`,
  firstSeen: 'Sågs första gången',
  page: 'Sågs på',
  openAlert: 'Öppen varning',
  fullControl: 'Full kontroll',
  replaced: (who) => `I stället för ${who}`,
  record: {
    grantCase: (caseText, ticket) =>
      ticket ? `Ärende ”${caseText}”, ärendenummer ${ticket}` : `Ärende ”${caseText}”`,
    decisionBy: (action, by) => `${action}, av ${by}`,
  },
};
