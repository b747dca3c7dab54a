import { z } from 'zod';
import type { Baseline, ListKind } from './baseline';
import { mergeSnapshot, type BusinessView } from './business-view';
import type { OpenChanges } from './open-change';
import { resolveOwnDomains } from './principals';
import { analyse } from './rules';
import type { Finding, LedgerFacts, Severity, UiLocale } from './rules/types';
import type { Settings } from './settings';
import { BUSINESS_ID_PATTERN, type PageSnapshot } from './snapshot';

/**
 * The overview of every business Scopekeeper has seen (issue 15, item 2): one row per business with what
 * needs the admin's attention there, ranked by risk. Pure: the background gathers the facts
 * (lib/platform/handlers/overview.ts), this module counts, ranks, filters and searches them.
 */

/** The page kinds whose last full read the overview shows. */
export const readKinds = ['people', 'partners', 'system-users', 'asset'] as const;
export type ReadKind = (typeof readKinds)[number];

const at = z.string().datetime();
const count = z.number().int().nonnegative();

export const overviewRowSchema = z.object({
  businessId: z.string().regex(BUSINESS_ID_PATTERN),
  /**
   * The business's name as Business Settings shows it: empty until the store keeps it (issue 15, item 1);
   * every screen shows it through `businessLabel`.
   */
  name: z.string().max(500).optional(),
  findings: z.object({ high: count, medium: count, low: count }),
  /** Principals with a change that no record approves (issue 13's open alerts), and of them full control. */
  unrecorded: count,
  unrecordedFullControl: count,
  /** Reminders due now (end dates, rechecks, reviews) and checklist runs still open. */
  due: count,
  openRuns: count,
  /** Access reviews started and not yet signed off (issue 14). */
  openReviews: count,
  /** The latest open review's campaign, for a link to its report. */
  openReview: z.string().min(1).max(200).optional(),
  principals: count,
  assets: count,
  /** When each page kind was last read in full (lists) or an asset page read (asset). */
  lastRead: z.partialRecord(z.enum(readKinds), at),
  /** When a read last folded into the business's baseline. */
  updatedAt: at.optional(),
});
export type OverviewRow = z.infer<typeof overviewRowSchema>;

/** What the overview shows of a business: its name once known, its ID until then (never guessed). */
export function businessLabel(row: Pick<OverviewRow, 'businessId' | 'name'>): string {
  return row.name?.trim() ? row.name.trim() : row.businessId;
}

/** Everything known of one business, as the background gathers it. */
export interface BusinessFacts {
  businessId: string;
  name?: string;
  baseline?: Baseline;
  findings: readonly Pick<Finding, 'severity' | 'accepted'>[];
  open?: OpenChanges;
  due: number;
  openRuns: number;
  openReviews?: number;
  openReview?: string;
}

/** One business's row. Accepted findings are muted (the panel shows them so) and not counted. */
export function overviewRow(facts: BusinessFacts): OverviewRow {
  const findings: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const f of facts.findings) if (!f.accepted) findings[f.severity] += 1;
  let unrecorded = 0;
  let unrecordedFullControl = 0;
  for (const changes of facts.open?.values() ?? []) {
    if (changes.length === 0) continue;
    unrecorded += 1;
    if (changes.some((c) => c.fullControl)) unrecordedFullControl += 1;
  }
  const baseline = facts.baseline;
  const lastRead: OverviewRow['lastRead'] = {};
  const assets = new Set<string>();
  if (baseline) {
    for (const kind of ['people', 'partners', 'system-users'] as ListKind[]) {
      const when = baseline.lists[kind];
      if (when) lastRead[kind] = when;
    }
    for (const [key, page] of Object.entries(baseline.assetPages)) {
      assets.add(key);
      if (!lastRead.asset || page.at > lastRead.asset) lastRead.asset = page.at;
    }
    for (const p of Object.values(baseline.principals))
      for (const key of Object.keys(p.assets ?? {})) assets.add(key);
  }
  return {
    businessId: facts.businessId,
    ...(facts.name ? { name: facts.name } : {}),
    findings,
    unrecorded,
    unrecordedFullControl,
    due: facts.due,
    openRuns: facts.openRuns,
    openReviews: facts.openReviews ?? 0,
    ...(facts.openReview ? { openReview: facts.openReview } : {}),
    principals: baseline ? Object.keys(baseline.principals).length : 0,
    assets: assets.size,
    lastRead,
  };
}

export const overviewSorts = ['risk', 'business', 'recent'] as const;
export type OverviewSort = (typeof overviewSorts)[number];
export const overviewFilters = ['all', 'findings', 'unrecorded', 'due', 'checklists'] as const;
export type OverviewFilter = (typeof overviewFilters)[number];

/**
 * Risk first: high findings, then unrecorded full control, then other unrecorded changes, medium findings,
 * items due, open checklists, open reviews, low findings; ties by business ID (a stable order for the same facts).
 */
const riskKeys: ((r: OverviewRow) => number)[] = [
  (r) => r.findings.high,
  (r) => r.unrecordedFullControl,
  (r) => r.unrecorded,
  (r) => r.findings.medium,
  (r) => r.due,
  (r) => r.openRuns,
  (r) => r.openReviews,
  (r) => r.findings.low,
];

export function compareRisk(a: OverviewRow, b: OverviewRow): number {
  for (const key of riskKeys) {
    const d = key(b) - key(a);
    if (d !== 0) return d;
  }
  return compareBusiness(a, b);
}

function compareBusiness(a: OverviewRow, b: OverviewRow): number {
  const byLabel = businessLabel(a).localeCompare(businessLabel(b));
  if (byLabel !== 0) return byLabel;
  return a.businessId < b.businessId ? -1 : a.businessId > b.businessId ? 1 : 0;
}

const latestRead = (r: OverviewRow) =>
  Object.values(r.lastRead).reduce<string>((m, v) => (v && v > m ? v : m), r.updatedAt ?? '');

export function sortOverview(rows: readonly OverviewRow[], sort: OverviewSort): OverviewRow[] {
  const out = [...rows];
  if (sort === 'risk') return out.sort(compareRisk);
  if (sort === 'business') return out.sort(compareBusiness);
  return out.sort((a, b) => {
    const la = latestRead(a);
    const lb = latestRead(b);
    return la === lb ? compareBusiness(a, b) : la < lb ? 1 : -1;
  });
}

const filterTests: Record<OverviewFilter, (r: OverviewRow) => boolean> = {
  all: () => true,
  findings: (r) => r.findings.high + r.findings.medium + r.findings.low > 0,
  unrecorded: (r) => r.unrecorded > 0,
  due: (r) => r.due > 0,
  checklists: (r) => r.openRuns > 0 || r.openReviews > 0,
};

/** The rows a filter keeps whose ID or name contains the search text (case and spacing ignored). */
export function filterOverview(
  rows: readonly OverviewRow[],
  filter: OverviewFilter,
  query: string,
): OverviewRow[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  const test = filterTests[filter];
  return rows.filter(
    (r) =>
      test(r) &&
      (q === '' || r.businessId.includes(q) || (r.name ?? '').toLowerCase().replace(/\s+/g, ' ').includes(q)),
  );
}

/** The business as known from its stored reads (each page kind's latest), folded as the tabs fold them. */
export function viewOfSnapshots(snapshots: readonly PageSnapshot[]): BusinessView | undefined {
  let view: BusinessView | undefined;
  for (const s of snapshots) view = mergeSnapshot(view, s);
  return view;
}

/**
 * The findings of a business from its stored reads: the page rules on the business as read across its
 * pages (as a tab on People would show them), with the ledger's facts. None without a read.
 */
export function storedFindings(
  snapshots: readonly PageSnapshot[],
  input: { settings: Settings; now: Date; ledger: LedgerFacts; locale: UiLocale },
): Finding[] {
  const view = viewOfSnapshots(snapshots);
  const first = snapshots.find((s) => s.readStatus !== 'unreadable' && s.businessId);
  if (!view || !first) return [];
  const business: PageSnapshot = {
    ...first,
    principals: view.principals,
    ...(view.currentUser ? { currentUser: view.currentUser } : {}),
  };
  return analyse(
    business,
    undefined,
    {
      settings: input.settings,
      now: input.now,
      ownDomains: resolveOwnDomains(input.settings.ownDomains, view.currentUser?.email),
      ledger: input.ledger,
      peopleListComplete: view.peopleListComplete,
      ...(view.security ? { security: view.security } : {}),
    },
    input.locale,
  ).findings;
}
