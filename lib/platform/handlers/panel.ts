import type { Browser } from 'wxt/browser';
import { pageMessages } from '../../domain/i18n/page-messages';
import { fail, problem } from '../../domain/problems';
import type { Hub } from '../hub';
import { needsPanelToken } from '../hub/panel-gate';
import { panelTokenOfPort } from '../messaging';
import { ok } from '../router';

/**
 * The panel's token (issue 11, item 2): chosen by a tab's own content script for each page load, presented by
 * the panel when it connects. A panel without the tab's current token gets no state and one message saying
 * why, and every request from its frame is refused (the router's page gate).
 */
export function registerPanelHandlers(hub: Hub): void {
  hub.router.handle('panelToken', async ({ token }, sender) => {
    // The router let only a content script in a tab's top frame on business.facebook.com through.
    if (sender.tabId === undefined) return fail('snapshot-no-tab');
    const words = pageMessages(hub.locale());
    return ok<'panelToken'>({
      taken: await hub.panelTokens.adopt(sender.tabId, token),
      farewell: { unreachable: words.page_unreachable, dismiss: words.page_dismiss },
    });
  });
  // A tab that left Business Settings (for another site: the browser then does not even tell us its
  // address) keeps no panel token; only its own content script, shown again from the back/forward cache,
  // may take it back.
  hub.browser.tabs.onUpdated.addListener((tabId, _change, tab) => {
    if (!tab.url?.startsWith(BUSINESS_PREFIX)) void hub.panelTokens.retire(tabId);
  });
}

const BUSINESS_PREFIX = 'https://business.facebook.com/';

/** A port opened by a panel: bound to its tab when its token is current, refused otherwise. */
export function acceptPanelPort(hub: Hub, port: Browser.runtime.Port): void {
  const token = panelTokenOfPort(port.name);
  if (token === undefined) return;
  const sender = port.sender;
  const tabId = sender?.tab?.id;
  // Only our own panel page, inside a tab, may connect.
  if (
    tabId === undefined ||
    !sender?.url?.startsWith(hub.browser.runtime.getURL('/')) ||
    !needsPanelToken({ url: sender.url, frameId: sender.frameId ?? 0 })
  ) {
    port.disconnect();
    return;
  }
  const documentId = (sender as { documentId?: unknown }).documentId;
  const frame = {
    frameId: sender.frameId ?? 0,
    ...(typeof documentId === 'string' ? { documentId } : {}),
  };
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
    void hub.panelTokens.disconnect(tabId, frame);
  });
  void hub.panelTokens.connect(tabId, frame, token).then((accepted) => {
    if (!open) return;
    if (!accepted) {
      port.postMessage({ refused: problem('panel-not-ours') });
      port.disconnect();
      return;
    }
    hub.ports.add(tabId, port);
    // Through the publisher, so a state computed earlier never arrives after a newer one.
    hub.publisher.invalidate(tabId);
  });
}
