import { browser } from 'wxt/browser';
import { pickUiLocale, type UiLocale } from '../domain/locales';
import { parseReply, type MessagesFrom, type Reply, type RequestOf } from '../domain/protocol';
import { sendMessage } from './messaging';

/** What an extension page (panel, popup, options) may ask the background, typed by the protocol. */
export type Ask = <N extends MessagesFrom<'page'>>(name: N, data: RequestOf<N>) => Promise<Reply<N>>;

/** Sends a request from an extension page and checks the answer's shape; a lost worker is a problem too. */
export const ask: Ask = async (name, data) => {
  try {
    return parseReply(name, await (sendMessage as (n: string, d: unknown) => Promise<unknown>)(name, data));
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'internal',
        facts: { message: error instanceof Error ? error.message.slice(0, 500) : 'no answer' },
      },
    };
  }
};

/** The tab the popup was opened over (its id only: the "tabs" permission is not needed for that). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The admin's language on Scopekeeper's pages: the browser's, when Scopekeeper speaks it. */
export function uiLocale(): UiLocale {
  return pickUiLocale(browser.i18n?.getUILanguage?.());
}
