import { runContentSession } from '@/lib/platform/content-session';

export default defineContentScript({
  matches: ['https://business.facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runContentSession(ctx);
  },
});
