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
  what: {
    added: { person: 'Ny person', partner: 'Ny partner', 'system-user': 'Ny systemanvändare' },
    removed: {
      person: 'Person borttagen',
      partner: 'Partner borttagen',
      'system-user': 'Systemanvändare borttagen',
    },
    portfolioRaised: (from, to) => `Åtkomsten till företagsportföljen höjd från ”${from}” till ”${to}”`,
    assetAdded: (asset, access) => `Åtkomst till ${asset} tillagd: ”${access}”`,
    assetRaised: (asset, from, to) => `Åtkomsten till ${asset} höjd från ”${from}” till ”${to}”`,
    taskAdded: (asset, task) => `Uppgiften ”${task}” tillagd på ${asset}`,
    assetRemoved: (asset) => `Åtkomsten till ${asset} borttagen`,
    endDateRemoved: (from) => `Slutdatumet ${from} borttaget: åtkomsten upphör inte längre`,
    endDateExtended: (from, to) => `Slutdatumet flyttat från ${from} till ${to}`,
    fullControlToThirdParty: (replaced) =>
      `Full kontroll över företagsportföljen gick till en extern part medan ${replaced} förlorade den`,
    someone: 'en innehavare i den egna domänen',
  },
  verdict: {
    grant: (id) => `Godkänd genom dokumentationen ${id}`,
    grantCase: (caseText, ticket) =>
      ticket ? `Ärende ”${caseText}”, ärendenummer ${ticket}` : `Ärende ”${caseText}”`,
    decision: (id) => `Godkänd genom beslutet ${id}`,
    decisionBy: (action, by) => `${action}, av ${by}`,
    onboarding: (runId) => `Gjord genom Scopekeepers checklista för introduktion (${runId})`,
    unrecorded: 'Odokumenterad: inget dokument godkänner den',
    informational: 'Informativ: en borttagning behöver inget godkännande',
  },
};
