import { Sha256 } from './ledger/sha256';

/** The name of the message that holds the reader's data in `_locales` (lib/page/page-data.ts). */
export const PAGE_DATA_MESSAGE = 'page_data';

/** What every copy's key in `storage.local` starts with (pageDataKey). */
export const PAGE_DATA_KEY_PREFIX = 'page_data.';

/**
 * Where the background keeps a copy of that message's text in `storage.local`, for the content script to
 * read without the browser's synchronous trip (lib/platform/page-data.ts): a key of the text's own, the
 * first 12 hex digits of its SHA-256. The build writes the same key into the content script, so a copy of
 * another build's data (an update that the background has not copied yet) is never read.
 */
export function pageDataKey(text: string): string {
  return PAGE_DATA_KEY_PREFIX + new Sha256().hex(text).slice(0, 12);
}
