import { assetPaths } from '../../domain/asset-paths';
import { overviewRow, storedFindings, type OverviewRow } from '../../domain/overview';
import type { PageSnapshot } from '../../domain/snapshot';
import type { Hub } from '../hub';
import { ok } from '../router';

/** The order stored reads are folded in: the lists first, then the asset page over them. */
const foldOrder: Record<PageSnapshot['kind'], number> = {
  people: 0,
  partners: 1,
  'system-users': 2,
  asset: 3,
  'invite-dialog': 4,
  'add-partner-dialog': 4,
  'business-info': 4,
  'security-center': 4,
  other: 4,
};

type OverviewHub = Pick<Hub, 'store' | 'clock' | 'locale' | 'currentSettings' | 'reminders' | 'recording'>;

/** A business's row without what every overview takes afresh: its name, open reviews and items due. */
type StoredRow = Omit<OverviewRow, 'name' | 'due' | 'openReviews' | 'openReview'>;

/**
 * Businesses' rows, from what the ledger keeps of them: their facts in one read per table
 * (`overviewFacts`), then each business's rules in turn.
 */
async function storedRows(hub: OverviewHub, ids: readonly string[]): Promise<StoredRow[]> {
  const [facts, settings] = await Promise.all([hub.store.overviewFacts(ids), hub.currentSettings()]);
  const now = hub.clock();
  const locale = hub.locale();
  return ids.map((businessId) => {
    const { snapshots: rows, baseline, ledger, runs, updatedAt } = facts.get(businessId)!;
    const snapshots = [...rows].sort((a, b) => foldOrder[a.kind] - foldOrder[b.kind]).map((r) => r.snapshot);
    const {
      name: _name,
      due: _due,
      openReviews: _reviews,
      openReview: _review,
      ...row
    } = overviewRow({
      businessId,
      ...(baseline ? { baseline } : {}),
      findings: storedFindings(snapshots, { settings, now, ledger, locale }),
      open: ledger.open,
      due: 0,
      openRuns: runs.filter((r) => r.status === 'open').length,
    });
    return { ...row, ...(updatedAt ? { updatedAt } : {}) };
  });
}

/**
 * How many businesses are read at once: their facts come in one read per table, so a group's memory is
 * bounded (an agency's 200 businesses of 5,000 people each are not all held at once).
 */
const AT_ONCE = 25;

/** How long rows are kept while nothing is written: rules that count days from now see a fresh clock. */
const KEPT_MS = 10 * 60_000;

type KeptHub = OverviewHub & { store: Pick<Hub['store'], 'writeMark' | 'businessMark' | 'businessNames'> };

/**
 * The overview's rows in ID order, each business's kept while the store writes nothing that touches it
 * (`businessMark`: a write naming another business leaves it; an import, a trust change or any write that
 * cannot be placed touches all), the settings and locale stay, and for at most `KEPT_MS`: going back and
 * forth between the overview and an asset view, opening it again, or a read of one business stored since,
 * does not read 200 businesses and run their rules again. While nothing at all is written (`writeMark`)
 * not even the list of businesses is read again. Items due (the reminders' own count) are taken afresh
 * every time; names and open reviews whenever anything was written.
 */
export function keptOverviewRows(hub: KeptHub): () => Promise<OverviewRow[]> {
  let kept:
    | {
        key: string;
        until: number;
        rows: Map<string, { mark: string; row: StoredRow }>;
        last?: { writeMark: string; rows: OverviewRow[] };
      }
    | undefined;
  const withDue = (rows: readonly OverviewRow[]) =>
    rows.map((row) => ({ ...row, due: hub.reminders.currentDue(row.businessId).length }));
  return async () => {
    // A read the admin has just seen, still waiting for its quiet time, is recorded first.
    await hub.recording.flush();
    // Taken before anything is read: a write during the reads makes the next call read again.
    const writeMark = hub.store.writeMark();
    const key = `${hub.locale()}|${JSON.stringify(await hub.currentSettings())}`;
    const now = hub.clock().getTime();
    if (!kept || kept.key !== key || now >= kept.until) kept = { key, until: now + KEPT_MS, rows: new Map() };
    const current = kept;
    if (current.last?.writeMark === writeMark) return withDue(current.last.rows);
    const held = current.rows;
    const [ids, reviews, names] = await Promise.all([
      hub.store.seenBusinesses(),
      hub.store.openCampaigns(),
      hub.store.businessNames(),
    ]);
    const marks = new Map(ids.map((id) => [id, hub.store.businessMark(id)]));
    const stale = ids.filter((id) => held.get(id)?.mark !== marks.get(id));
    for (let i = 0; i < stale.length; i += AT_ONCE) {
      const group = stale.slice(i, i + AT_ONCE);
      const rows = await storedRows(hub, group);
      rows.forEach((row, j) => held.set(group[j]!, { mark: marks.get(group[j]!)!, row }));
    }
    const seen = new Set(ids);
    for (const id of held.keys()) if (!seen.has(id)) held.delete(id);
    const rows = ids.map((businessId): OverviewRow => {
      const { row } = held.get(businessId)!;
      const name = names.get(businessId);
      const review = reviews.get(businessId);
      return {
        ...row,
        // The name a page showed (issue 15, item 1); the ID alone until one has.
        ...(name ? { name } : {}),
        due: 0,
        openReviews: review?.count ?? 0,
        ...(review ? { openReview: review.latest.id } : {}),
      };
    });
    current.last = { writeMark, rows };
    return withDue(rows);
  };
}

/** The overview of every business and the asset view of one (issue 15): extension pages only. */
export function registerOverviewHandlers(hub: Hub): void {
  const rows = keptOverviewRows(hub);
  hub.router.handle('overview', async () =>
    ok<'overview'>({ businesses: await rows(), at: hub.clock().toISOString() }),
  );
  hub.router.handle('assetPaths', async ({ businessId }) => {
    const [baseline, name] = await Promise.all([
      hub.store.baseline(businessId),
      hub.store.businessName(businessId),
    ]);
    const named = name ? { name } : {};
    if (!baseline) return ok<'assetPaths'>({ assets: [], ...named });
    return ok<'assetPaths'>({
      assets: assetPaths(baseline, await hub.store.grants({ businessId })),
      ...named,
    });
  });
}
