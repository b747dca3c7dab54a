import { checkSnapshotOrigin } from '../../domain/messages';
import { fail } from '../../domain/problems';
import type { Hub } from '../hub';
import { updateRunsFromEvidence } from '../checklists';
import { ok } from '../router';

/** What the content scripts report: snapshots of their page, badge clicks; and the panel's "Show on page". */
export function registerSnapshotHandlers(hub: Hub): void {
  const { router, cache, publisher, store } = hub;

  // Not held back: the findings go out first; the ledger's records and checklist ticks follow (and publish
  // again only when a run ticked).
  router.handle('reportSnapshot', async (report, sender) => {
    const tabId = sender.tabId;
    if (tabId === undefined) return fail('snapshot-no-tab');
    // The router parsed it; the page must be the sender's own, on business.facebook.com.
    const refused = checkSnapshotOrigin(report, sender.url);
    if (refused) return { ok: false, error: refused };
    const now = hub.clock();
    await cache.setTab(tabId, { report, receivedAt: now.toISOString() });
    await publisher.now(tabId);
    // Then first-seen dates (stale invitations) and the latest snapshot per page kind go to the ledger.
    // Off the path to the findings: a subject seen pending for the first time is never stale yet.
    const { snapshot } = report;
    await store.recordSnapshot(snapshot, now).catch(() => undefined);
    void hub.focus.revealIfPending(tabId);
    if (snapshot.businessId && snapshot.readStatus !== 'unreadable' && snapshot.kind !== 'other') {
      await hub.reminders.noteBusinessSeen(snapshot.businessId, now).catch(() => undefined);
      // Checklist steps that this page proves tick themselves.
      await updateRunsFromEvidence(hub, snapshot.businessId, now).catch(() => false);
    }
    return ok<'reportSnapshot'>({});
  });

  router.handle('openPanelOn', (subject, sender) => {
    if (sender.tabId !== undefined) hub.focus.set(sender.tabId, subject);
    return ok<'openPanelOn'>({});
  });

  router.handle('focusSubject', async (subject, sender) => {
    if (sender.tabId === undefined) return ok<'focusSubject'>({ shown: false });
    const shown = await hub.toTab(sender.tabId, 'scrollToSubject', subject);
    return ok<'focusSubject'>({ shown: shown === true });
  });
}
