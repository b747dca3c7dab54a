import { browser } from 'wxt/browser';
import { parseReply } from '../domain/protocol';
import { createAsk, type Ask } from './ask';

export { uiLocale, type Ask } from './ask';

/**
 * Sends a request from an extension page and checks the answer's shape with the protocol's schemas (the
 * options, overview, review, changes and popup pages; the panel reads its answers lighter: ask.ts). A lost
 * worker is a problem too; a keyed command is sent again with its key when its answer is lost.
 */
export const ask: Ask = createAsk(parseReply);

/** The tab the popup was opened over (its id only: the "tabs" permission is not needed for that). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
