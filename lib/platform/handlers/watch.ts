import type { Hub } from '../hub';
import { ok } from '../router';

/** The watch's messages (issue 13): a business's change timeline, the businesses watched. */
export function registerWatchHandlers(hub: Hub): void {
  const { router, store } = hub;
  router.handle('changeTimeline', async ({ businessId }) =>
    ok<'changeTimeline'>(await store.changeTimeline(businessId)),
  );
  router.handle('watchedBusinesses', async () =>
    ok<'watchedBusinesses'>({ businesses: await store.watchedBusinesses() }),
  );
}
