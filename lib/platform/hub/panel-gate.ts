import { problem } from '../../domain/problems';
import { unframedOnly } from '../../domain/protocol';
import type { PageGate, Sender } from '../router';
import type { PanelTokens } from './panel-tokens';

/** The extension page that is web-accessible, so that the content script can frame it on Business Settings. */
export const PANEL_PATH = '/panel.html';

function pathOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).pathname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether an extension page must show a panel token: panel.html wherever it is (a page can frame it, or open
 * it in a window of its own), and any of our pages inside a frame. Popup and options are not web-accessible:
 * the popup has no tab, the options page is its tab's top frame.
 */
export function needsPanelToken(sender: Pick<Sender, 'url' | 'frameId'>): boolean {
  return pathOf(sender.url) === PANEL_PATH || (sender.frameId ?? 0) !== 0;
}

/**
 * The router's check of every `page` message (lib/domain/protocol.ts): a panel is answered only from a frame
 * that connected with its tab's current token; a panel the page framed itself is refused every message.
 * The `unframedOnly` messages are refused to every panel and every framed page.
 */
export function createPanelGate(tokens: PanelTokens): PageGate {
  return async (sender, message) => {
    if (!needsPanelToken(sender)) return undefined;
    // Every business at once (issue 15) goes to no panel, not even the bound one.
    if (unframedOnly.has(message)) return problem('panel-not-ours');
    const bound =
      sender.tabId !== undefined &&
      (await tokens.isBound(sender.tabId, {
        frameId: sender.frameId ?? 0,
        ...(sender.documentId ? { documentId: sender.documentId } : {}),
      }));
    return bound ? undefined : problem('panel-not-ours');
  };
}
