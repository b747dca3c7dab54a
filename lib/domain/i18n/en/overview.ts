/**
 * The overview of every business and the asset view (issue 15, items 2 and 3). Meta's words (asset types,
 * tasks, list names) are not here: they come from the lexicon.
 */
export const overview = {
  title: 'All businesses',
  /** The link to this page from the popup and the options page. */
  open: 'All businesses',
  intro:
    'Every business Scopekeeper has read in this browser, riskiest first: findings, changes no record approves, items due and open checklists. Kept in this browser only.',
  loading: 'Loading the businesses…',
  none: 'Scopekeeper has not read any business yet. Open People, Partners or System users in Business Settings, then come back.',
  noMatch: 'No business matches the filter.',
  shown: (shown: number, all: number) =>
    shown === all
      ? `${all} ${all === 1 ? 'business' : 'businesses'}`
      : `${shown} of ${all} ${all === 1 ? 'business' : 'businesses'} shown`,
  listLabel: 'Businesses',
  business: (label: string) => `Business ${label}`,
  sort: 'Sort by',
  sorts: { risk: 'Risk', business: 'Business', recent: 'Last read' },
  filter: 'Show',
  filters: {
    all: 'All businesses',
    findings: 'With findings',
    unrecorded: 'With unrecorded changes',
    due: 'With items due',
    checklists: 'With open checklists or reviews',
  },
  search: 'Search',
  severities: { high: 'high', medium: 'medium', low: 'low' },
  findings: 'Findings',
  noFindings: 'No findings',
  unrecorded: (n: number, full: number) =>
    `${n} unrecorded ${n === 1 ? 'change' : 'changes'}` + (full > 0 ? ` (${full} with full control)` : ''),
  due: (n: number) => `${n} ${n === 1 ? 'item' : 'items'} due`,
  openRuns: (n: number) => `${n} open ${n === 1 ? 'checklist' : 'checklists'}`,
  openReviews: (n: number) => `${n} open ${n === 1 ? 'access review' : 'access reviews'}`,
  counts: (principals: number, assets: number) =>
    `${principals} ${principals === 1 ? 'principal' : 'principals'}, ${assets} ${assets === 1 ? 'asset' : 'assets'}`,
  lastRead: 'Last read in full',
  neverRead: 'never',
  assetPage: 'an asset page',
  openSettings: 'Open in Business Settings',
  notOpened: 'Business Settings could not be opened.',
  /** The panel's link on an asset page. */
  assetPathsLink: 'Who can reach this asset',
  assetsLink: 'Assets and who can reach them',
  assets: {
    title: (label: string) => `Who can reach the assets of business ${label}`,
    intro:
      'Every path to each asset Scopekeeper has seen: people with direct access, partners and system users, with their access, tasks, the ledger’s record and when each fact was read.',
    back: 'All businesses',
    loading: 'Loading the assets…',
    none: 'No asset of this business has been read yet. Open a person’s, partner’s or system user’s details, or an asset’s page, in Business Settings.',
    noMatch: 'No asset matches the search.',
    shown: (shown: number, all: number) =>
      shown === all
        ? `${all} ${all === 1 ? 'asset' : 'assets'}`
        : `${shown} of ${all} ${all === 1 ? 'asset' : 'assets'} shown`,
    listLabel: 'Assets',
    paths: (people: number, partners: number, systemUsers: number) =>
      `${people} ${people === 1 ? 'person' : 'people'}, ${partners} ${partners === 1 ? 'partner' : 'partners'}, ${systemUsers} ${systemUsers === 1 ? 'system user' : 'system users'}`,
    pageRead: (date: string) => `Asset page read ${date}`,
    noPath: 'No one is known to hold this asset.',
    via: { person: 'Person', partner: 'Partner', 'system-user': 'System user' },
    access: {
      full: 'Full control',
      'full-except-sensitive': 'Full control except sensitive tasks',
      partial: 'Partial access',
    },
    pending: 'pending',
    pageEnds: (date: string) => `access ends ${date}`,
    grant: (id: string, endsAt?: string) => `Record ${id}` + (endsAt ? `, until ${endsAt}` : ', no end date'),
    grantOther: 'a record of this principal that does not name this asset',
    noGrant: 'No record',
    seen: (date: string) => `read ${date}`,
    exportCsv: 'Export CSV',
    exported: (file: string) => `Saved ${file}.`,
  },
};
