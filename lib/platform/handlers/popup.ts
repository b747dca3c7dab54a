import type { Hub } from '../hub';
import { ok } from '../router';
import { replayOf, requestHashOf } from './context';

/** The toolbar popup's state, and snoozes and their undo (panel). */
export function registerPopupHandlers(hub: Hub): void {
  const { router, store, cache } = hub;

  router.handle('popupState', async ({ tabId }) => {
    const record = tabId === undefined ? undefined : await cache.tab(tabId);
    const businessId = record?.report.snapshot.businessId;
    const state = await store.reminderState();
    // The reply's schema holds at most 1,000 runs: the newest are shown.
    const runs = (await store.runs(businessId ? { businessId } : {}))
      .filter((r) => r.status === 'open')
      .slice(0, 1000);
    const businesses = [...new Set([...Object.keys(state.reviewSince), ...cache.businessIds()])];
    const known = await store.businessNames();
    const names: Record<string, string> = {};
    for (const id of businessId ? [businessId, ...businesses] : businesses) {
      const name = known.get(id);
      if (name) names[id] = name;
    }
    return ok<'popupState'>({
      ...(businessId ? { businessId } : {}),
      businesses,
      names,
      runs,
      due: hub.reminders.currentDue(),
      locale: hub.locale(),
    });
  });

  router.handle('snooze', async ({ group, days, commandKey }) => {
    const requestHash = commandKey ? await requestHashOf('snooze', { group, days }) : undefined;
    const first = await replayOf(hub, commandKey, 'snooze', requestHash);
    if (first) return first;
    await hub.reminders.snooze(group, days, hub.clock(), commandKey, requestHash);
    return ok<'snooze'>({});
  });

  router.handle('unsnooze', async ({ group }) => {
    await hub.reminders.unsnooze(group, hub.clock());
    return ok<'unsnooze'>({});
  });
}
