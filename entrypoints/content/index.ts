import { runContentSession } from '@/lib/platform/content-session';

export default defineContentScript({
  matches: ['https://business.facebook.com/*'],
  runAt: 'document_idle',
  // WXT's context would post its "script started" event name (with the extension's id) to the page; the
  // build gives this script its own context instead (lib/platform/page-context.ts, wxt.config.ts), which
  // posts nothing, and this says so should WXT's ever come back.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runContentSession(ctx);
  },
});
