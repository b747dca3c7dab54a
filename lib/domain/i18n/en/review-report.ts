import type { DecisionCounts } from '../../review/summary';

/**
 * The access review's report page (issue 14, item 5): a campaign as a document an auditor reads, prints to
 * PDF and recomputes the hash of. Meta's words (access levels, tasks, asset types) come from the lexicon.
 */
export const reviewReport = {
  title: 'Access review report',
  loading: 'Loading the review…',
  missing: 'No review is named in the address. Open the report from the review in the panel or the popup.',
  print: 'Print or save as PDF',
  downloadCsv: 'Download roster (CSV)',
  downloadJson: 'Download report (JSON)',
  business: 'Business',
  businessId: (id: string) => `Business ID ${id}`,
  campaign: 'Review',
  period: 'Period',
  periodText: (start: string, end: string | undefined) =>
    end ? `${start} to ${end}` : `${start}, not signed off yet`,
  startedBy: 'Started by',
  reviewer: 'Reviewer',
  signedOff: (reviewer: string, role: string, at: string) => `${reviewer}, ${role}, signed off ${at}`,
  notSignedOff: 'Not signed off: this report is a draft.',
  source: 'Scope taken from',
  sources: {
    baseline: 'what Scopekeeper read of the business’s pages (its baseline)',
    snapshots: 'the latest reads of the business’s pages (no baseline yet)',
  },
  previous: (id: string | undefined) =>
    id ? `Compared with the review ${id}` : 'First review of this business',
  summaryTitle: 'Summary',
  summary: (s: DecisionCounts) =>
    `${s.items} ${s.items === 1 ? 'access' : 'accesses'} of ${s.principals} ${s.principals === 1 ? 'principal' : 'principals'}; ${s.decided} decided: ${s.keep} kept, ${s.reduce} reduced, ${s.revoke} revoked.`,
  removals: (verified: number, unverified: number, overdue: number) =>
    `Removals verified on the page: ${verified}; not yet verified: ${unverified}${overdue > 0 ? ` (${overdue} overdue)` : ''}.`,
  completenessTitle: 'Completeness of the scope',
  complete: 'Complete: every page the scope needs was read in full during the review.',
  incomplete: (met: number, all: number) =>
    `Incomplete: ${met} of ${all} pages the scope needs were read in full during the review. Access on the others may be missing from this report.`,
  lists: { people: 'People', partners: 'Partners', 'system-users': 'System users' },
  detailOf: (name: string) => `Details of ${name}`,
  readAt: (at: string) => `read in full ${at}`,
  notRead: 'not read during the review',
  readBefore: (at: string) => ` (last read before: ${at})`,
  deltaTitle: 'Changes since the previous review',
  deltaNone: 'No previous review: every access is listed as new.',
  deltaCounts: (n: number, c: number, r: number) => `${n} new, ${c} changed, ${r} no longer present.`,
  removedTitle: 'No longer present',
  itemsTitle: 'Every access, with its decision',
  columns: {
    who: 'Who',
    access: 'Access',
    decision: 'Decision',
    rationale: 'Rationale',
    verification: 'Removal',
    record: 'Record',
  },
  kinds: { person: 'Person', partner: 'Partner', 'system-user': 'System user' },
  portfolio: 'Business portfolio',
  levelNotShown: 'level not shown on the page',
  pending: 'invitation pending',
  delta: { new: 'new', changed: 'changed', unchanged: '' },
  decisions: { keep: 'Keep', reduce: 'Reduce', revoke: 'Revoke' },
  undecided: 'No decision',
  decidedBy: (reviewer: string, at: string) => `${reviewer}, ${at}`,
  reduceWhat: (what: string) => `remove: ${what}`,
  lowerTo: (level: string) => `lower to ${level}`,
  followUp: {
    verified: (at: string, page: string) => `Removed, verified ${at} on ${page}`,
    waiting: 'Waiting for the page to show it removed',
    overdue: 'Not removed after 7 days',
  },
  grant: (kase: string, ends: string | undefined) =>
    ends ? `Grant: ${kase} (ends ${ends})` : `Grant: ${kase}`,
  noGrant: 'No grant record',
  accepted: (n: number) => `${n} accepted ${n === 1 ? 'finding' : 'findings'}`,
  openTitle: 'Open follow-ups',
  openNone: 'None: every reduce and revoke was verified on the page.',
  integrityTitle: 'Integrity',
  chainHead: 'Ledger chain head',
  noChain: 'no decisions yet',
  keyFingerprint: 'Signing key fingerprint',
  noKey: 'none',
  hash: 'SHA-256 of this report’s data',
  howToCheck:
    'To check: download the report as JSON, write it as canonical JSON (object keys sorted, no white space, as the ledger does) and compute its SHA-256; it must equal the value above. The chain head and key fingerprint can be compared with the ledger’s export.',
  generated: (at: string) => `Generated ${at} by Scopekeeper, in this browser; nothing was sent anywhere.`,
};
