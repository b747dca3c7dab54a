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
  /** A business whose name a page showed (issue 15). */
  namedBusinessOption: (name: string, id: string, date: string) => `${name} · ${id} (last read ${date})`,
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
  /** The full control went to a third party in place of this own-domain holder. */
  replaced: (who: string) => `In place of ${who}`,
  /** The approving record, as the ledger holds it (the verdict's sentence names its id). */
  record: {
    grantCase: (caseText: string, ticket: string | undefined) =>
      ticket ? `Case “${caseText}”, ticket ${ticket}` : `Case “${caseText}”`,
    decisionBy: (action: string, by: string) => `${action}, by ${by}`,
  },
};
