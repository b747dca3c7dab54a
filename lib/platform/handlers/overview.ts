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
  other: 4,
};

/** One business's overview row, from what the ledger keeps of it. */
export async function businessRow(
  hub: Pick<Hub, 'store' | 'clock' | 'locale' | 'currentSettings' | 'reminders'>,
  businessId: string,
  known: { updatedAt?: string; name?: string } = {},
): Promise<OverviewRow> {
  const { store } = hub;
  const [rows, baseline, ledger, open, runs, settings] = await Promise.all([
    store.latestSnapshots(businessId),
    store.baseline(businessId),
    store.ledgerFacts(businessId),
    store.openChanges(businessId),
    store.runs({ businessId }),
    hub.currentSettings(),
  ]);
  const snapshots = rows.sort((a, b) => foldOrder[a.kind] - foldOrder[b.kind]).map((r) => r.snapshot);
  const findings = storedFindings(snapshots, { settings, now: hub.clock(), ledger, locale: hub.locale() });
  return {
    ...overviewRow({
      businessId,
      // The name a page showed (issue 15, item 1); the ID alone until one has.
      ...(known.name ? { name: known.name } : {}),
      ...(baseline ? { baseline } : {}),
      findings,
      open,
      due: hub.reminders.currentDue(businessId).length,
      openRuns: runs.filter((r) => r.status === 'open').length,
    }),
    ...(known.updatedAt ? { updatedAt: known.updatedAt } : {}),
  };
}

/** How many businesses are gathered at once (their IndexedDB reads overlap; the rules run in turn). */
const AT_ONCE = 8;

/** Every business's overview row, in ID order. */
export async function overviewRows(
  hub: Pick<Hub, 'store' | 'clock' | 'locale' | 'currentSettings' | 'reminders'>,
): Promise<OverviewRow[]> {
  const known = new Map((await hub.store.watchedBusinesses()).map((w) => [w.businessId, w]));
  const ids = await hub.store.seenBusinesses();
  const rows: OverviewRow[] = [];
  for (let i = 0; i < ids.length; i += AT_ONCE)
    rows.push(
      ...(await Promise.all(ids.slice(i, i + AT_ONCE).map((id) => businessRow(hub, id, known.get(id))))),
    );
  return rows;
}

/** The overview of every business and the asset view of one (issue 15): extension pages only. */
export function registerOverviewHandlers(hub: Hub): void {
  hub.router.handle('overview', async () =>
    ok<'overview'>({ businesses: await overviewRows(hub), at: hub.clock().toISOString() }),
  );
  hub.router.handle('assetPaths', async ({ businessId }) => {
    const baseline = await hub.store.baseline(businessId);
    if (!baseline) return ok<'assetPaths'>({ assets: [] });
    return ok<'assetPaths'>({ assets: assetPaths(baseline, await hub.store.grants({ businessId })) });
  });
}
