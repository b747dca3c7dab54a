/**
 * The change timeline's own page (issue 13, item 5): every change Scopekeeper saw on a business, when it
 * was first seen, on which page, and whether a record approves it; with filters and CSV/JSON export.
 * Meta's words (access levels, tasks, asset types, list names) are not here: they come from the lexicon.
 */
export const changes = {
  title: 'Change timeline',
  /** The link to this page from the popup, the options page and the panel. */
  open: 'Change timeline',
  intro:
    'Every change Scopekeeper saw on a business’s pages, newest first, and whether a record in the ledger approves it. Kept in this browser only.',
  loading: 'Loading the changes…',
  business: 'Business',
  chooseBusiness: 'Choose a business',
  businessOption: (id: string, date: string) => `Business ${id} (last read ${date})`,
  noBusinesses:
    'Scopekeeper has not read any business yet. Open People, Partners or System users in Business Settings, then come back.',
  none: 'No change seen on this business yet: what its pages showed has stayed the same since the first read.',
  noMatch: 'No change matches the filter.',
  shown: (shown: number, all: number) =>
    shown === all
      ? `${all} ${all === 1 ? 'change' : 'changes'}`
      : `${shown} of ${all} ${all === 1 ? 'change' : 'changes'} shown`,
  openCount: (n: number) => (n === 1 ? '1 open alert' : `${n} open alerts`),
  listLabel: 'Changes, newest first',
  filter: 'Show',
  filters: {
    all: 'All changes',
    unrecorded: 'Unrecorded only',
    'hide-informational': 'Hide informational',
  },
  search: 'Search name or subject',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  exported: (file: string) => `Saved as ${file}.`,
  firstSeen: 'First seen',
  page: 'Seen on',
  openAlert: 'Open alert',
  fullControl: 'Full control',
  /** What happened, one sentence per kind of change (`asset` is its type, with its article in sv/fr, and name). */
  what: {
    added: { person: 'New person', partner: 'New partner', 'system-user': 'New system user' },
    removed: {
      person: 'Person removed',
      partner: 'Partner removed',
      'system-user': 'System user removed',
    },
    portfolioRaised: (from: string, to: string) =>
      `Access to the business portfolio raised from “${from}” to “${to}”`,
    assetAdded: (asset: string, access: string) => `Access to the ${asset} added: “${access}”`,
    assetRaised: (asset: string, from: string, to: string) =>
      `Access to the ${asset} raised from “${from}” to “${to}”`,
    taskAdded: (asset: string, task: string) => `Task “${task}” added on the ${asset}`,
    assetRemoved: (asset: string) => `Access to the ${asset} removed`,
    endDateRemoved: (from: string) => `End date ${from} removed: the access no longer ends`,
    endDateExtended: (from: string, to: string) => `End date moved from ${from} to ${to}`,
    fullControlToThirdParty: (replaced: string) =>
      `Full control of the business portfolio went to a third party while ${replaced} lost it`,
    someone: 'an own-domain holder',
  },
  /** Whether a record approves the change, and which. */
  verdict: {
    grant: (id: string) => `Approved by grant record ${id}`,
    grantCase: (caseText: string, ticket: string | undefined) =>
      ticket ? `Case “${caseText}”, ticket ${ticket}` : `Case “${caseText}”`,
    decision: (id: string) => `Approved by decision ${id}`,
    decisionBy: (action: string, by: string) => `${action}, by ${by}`,
    onboarding: (runId: string) => `Made through Scopekeeper’s onboarding checklist (${runId})`,
    unrecorded: 'Unrecorded: no record approves it',
    informational: 'Informational: a removal needs no approval',
  },
};
