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

/**
 * Businesses' rows, from what the ledger keeps of them: their facts in one read per table
 * (`overviewFacts`), then each business's rules in turn.
 */
async function businessRows(
  hub: OverviewHub,
  ids: readonly string[],
  known: ReadonlyMap<string, { updatedAt?: string; name?: string }>,
  reviews: Awaited<ReturnType<Hub['store']['openCampaigns']>>,
): Promise<OverviewRow[]> {
  const [facts, settings] = await Promise.all([hub.store.overviewFacts(ids), hub.currentSettings()]);
  const now = hub.clock();
  const locale = hub.locale();
  return ids.map((businessId) => {
    const { snapshots: rows, baseline, ledger, runs } = facts.get(businessId)!;
    const { updatedAt, name } = known.get(businessId) ?? {};
    const review = reviews.get(businessId);
    const snapshots = [...rows].sort((a, b) => foldOrder[a.kind] - foldOrder[b.kind]).map((r) => r.snapshot);
    return {
      ...overviewRow({
        businessId,
        // The name a page showed (issue 15, item 1); the ID alone until one has.
        ...(name ? { name } : {}),
        ...(baseline ? { baseline } : {}),
        findings: storedFindings(snapshots, { settings, now, ledger, locale }),
        open: ledger.open,
        due: hub.reminders.currentDue(businessId).length,
        openRuns: runs.filter((r) => r.status === 'open').length,
        ...(review ? { openReviews: review.count, openReview: review.latest.id } : {}),
      }),
      ...(updatedAt ? { updatedAt } : {}),
    };
  });
}

/**
 * How many businesses are read at once: their facts come in one read per table, so a group's memory is
 * bounded (an agency's 200 businesses of 5,000 people each are not all held at once).
 */
const AT_ONCE = 25;

/** Every business's overview row, in ID order. */
export async function overviewRows(hub: OverviewHub): Promise<OverviewRow[]> {
  const [watched, ids, reviews] = await Promise.all([
    hub.store.watchedBusinesses(),
    hub.store.seenBusinesses(),
    hub.store.openCampaigns(),
  ]);
  const known = new Map(watched.map((w) => [w.businessId, w]));
  const rows: OverviewRow[] = [];
  for (let i = 0; i < ids.length; i += AT_ONCE)
    rows.push(...(await businessRows(hub, ids.slice(i, i + AT_ONCE), known, reviews)));
  return rows;
}

/** How long rows are kept while nothing is written: rules that count days from now see a fresh clock. */
const KEPT_MS = 10 * 60_000;

/**
 * The overview's rows, kept while the store is not written (`writeMark`), the settings stay and for at
 * most `KEPT_MS`: going back and forth between the overview and an asset view, or opening it again, does not
 * read 200 businesses and run their rules again. Items due are the reminders' own count, taken afresh.
 */
export function keptOverviewRows(
  hub: OverviewHub & { store: Pick<Hub['store'], 'writeMark'> },
): () => Promise<OverviewRow[]> {
  let kept: { key: string; until: number; rows: Promise<OverviewRow[]> } | undefined;
  return async () => {
    // A read the admin has just seen, still waiting for its quiet time, is recorded first.
    await hub.recording.flush();
    // The key is taken before anything is read: a write during the reads makes the next call read again.
    const key = `${hub.store.writeMark()}|${hub.locale()}|${JSON.stringify(await hub.currentSettings())}`;
    const now = hub.clock().getTime();
    if (!kept || kept.key !== key || now >= kept.until) {
      const rows = overviewRows(hub);
      kept = { key, until: now + KEPT_MS, rows };
      rows.catch(() => {
        if (kept?.rows === rows) kept = undefined;
      });
    }
    return (await kept.rows).map((row) => ({ ...row, due: hub.reminders.currentDue(row.businessId).length }));
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
