import { runContentSession } from '@/lib/platform/content-session';

export default defineContentScript({
  matches: ['https://business.facebook.com/*'],
  runAt: 'document_idle',
  // WXT would post its "script started" event name (with the extension's id) to the page: the page has
  // no use for it, and could use it to end this script (lib/platform/page-guard.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    runContentSession(ctx);
  },
});
