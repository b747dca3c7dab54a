import type { Hub } from '../hub';
import { ok } from '../router';

/** The toolbar popup's state, and snoozes (panel). */
export function registerPopupHandlers(hub: Hub): void {
  const { router, store, cache } = hub;

  router.handle('popupState', async ({ tabId }) => {
    const record = tabId === undefined ? undefined : await cache.tab(tabId);
    const businessId = record?.report.snapshot.businessId;
    const state = await store.reminderState();
    const runs = (await store.runs(businessId ? { businessId } : {})).filter((r) => r.status === 'open');
    return ok<'popupState'>({
      ...(businessId ? { businessId } : {}),
      businesses: [...new Set([...Object.keys(state.reviewSince), ...cache.businessIds()])],
      runs,
      due: hub.reminders.currentDue(),
      locale: hub.locale(),
    });
  });

  router.handle('snooze', async ({ group, days }) => {
    await hub.reminders.snooze(group, days, hub.clock());
    return ok<'snooze'>({});
  });
}
