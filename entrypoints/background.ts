import { registerChecklistHandlers } from '@/lib/platform/handlers/checklists';
import { registerLedgerHandlers } from '@/lib/platform/handlers/ledger';
import { registerNavigationHandlers } from '@/lib/platform/handlers/navigation';
import { registerOverviewHandlers } from '@/lib/platform/handlers/overview';
import { registerPanelHandlers } from '@/lib/platform/handlers/panel';
import { registerPopupHandlers } from '@/lib/platform/handlers/popup';
import { registerSnapshotHandlers } from '@/lib/platform/handlers/snapshots';
import { registerTabs } from '@/lib/platform/handlers/tabs';
import { registerWatchHandlers } from '@/lib/platform/handlers/watch';
import { registerReviewHandlers } from '@/lib/platform/handlers/review';
import { registerTeamHandlers } from '@/lib/platform/handlers/team';
import { createHub } from '@/lib/platform/hub';
import { keepPageDataCopy } from '@/lib/platform/page-data-copy';
import { setupReminders } from '@/lib/platform/reminders';
import { setupTeamSync } from '@/lib/platform/team-runner';
import type { PouchConstructor } from '@/lib/platform/team-sync';
import PouchDB from 'pouchdb-browser';

export default defineBackground(() => {
  // The content script reads the reader's data from this copy (asynchronously); without one it asks the
  // browser's i18n, synchronously, as it did before there was a copy.
  void keepPageDataCopy().catch((e: unknown) => console.error('Scopekeeper: the page data copy', e));
  const hub = createHub();
  registerSnapshotHandlers(hub);
  registerLedgerHandlers(hub);
  registerChecklistHandlers(hub);
  registerPopupHandlers(hub);
  registerNavigationHandlers(hub);
  registerPanelHandlers(hub);
  registerTabs(hub);
  registerWatchHandlers(hub);
  registerOverviewHandlers(hub);
  registerReviewHandlers(hub);
  // The team ledger (issue 16): PouchDB lives in the background only, never in a page or the content script.
  registerTeamHandlers(hub, setupTeamSync(hub, PouchDB as PouchConstructor));
  setupReminders(hub);
  hub.router.listen();
});
