import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPage } from '../page/watch';
import { sendMessage } from './messaging';
import { mountOverlay, type Overlay } from './overlay';

/**
 * The content script's work on one tab: read the page as it settles and changes, send each new snapshot to
 * the background, and show the panel on every page kind but `other`. One AbortSignal tree: the page
 * context's signal, and under it one per location (renewed on SPA navigation).
 */
export function runContentSession(ctx: ContentScriptContext): void {
  let overlay: Overlay | undefined;
  let locationController: AbortController | undefined;

  const start = () => {
    locationController?.abort();
    locationController = new AbortController();
    const signal = AbortSignal.any([ctx.signal, locationController.signal]);
    watchPage(document, {
      signal,
      ownHost: () => overlay?.host,
      onRead: (snapshot, diagnostics) => {
        if (snapshot.kind === 'other') overlay?.setVisible(false);
        else {
          overlay ??= mountOverlay(document, ctx.signal);
          overlay.setVisible(true);
        }
        sendMessage('reportSnapshot', { snapshot, diagnostics }).catch(() => {
          // The background is restarting or the extension was updated: the next change sends again.
        });
      },
    });
  };

  ctx.addEventListener(window, 'wxt:locationchange', () => start());
  start();
}
