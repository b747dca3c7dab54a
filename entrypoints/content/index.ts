import { runContentSession } from '@/lib/platform/content-session';

export default defineContentScript({
  matches: ['https://business.facebook.com/*'],
  runAt: 'document_idle',
  // WXT's context would post its "script started" event name (with the extension's id) to the page; the
  // build gives this script its own context instead (lib/platform/page-context.ts, wxt.config.ts), which
  // posts nothing, and this says so should WXT's ever come back.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The session starts in a task of its own: evaluating the script is one task already (its compile
    // and its indexes of the lexicon), and at a cold load on a long list the two together made one long
    // task (issue 12).
    setTimeout(() => runContentSession(ctx), 0);
  },
});
