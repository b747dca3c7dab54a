import { browser } from 'wxt/browser';
import { PAGE_DATA_KEY_PREFIX, PAGE_DATA_MESSAGE, pageDataKey } from '../domain/page-data-copy';

/** The part of `storage.local` the copy needs; a unit test passes its own. */
export interface CopyArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/**
 * Keeps a copy of the reader's data in `storage.local` for the content script (issue 12: its evaluation
 * waited up to ~50 ms on the browser's synchronous answer to `getMessage`; `storage.local.get` answers
 * asynchronously). Run each time the worker starts: it writes only when this build's copy is missing or
 * differs (lib/domain/page-data-copy.ts pageDataKey), removes other builds' copies then, and says whether
 * it wrote. The text is this build's own message.
 */
export async function keepPageDataCopy(
  area: CopyArea = browser.storage.local as unknown as CopyArea,
  text: string = (browser.i18n as unknown as { getMessage(name: string): string }).getMessage(
    PAGE_DATA_MESSAGE,
  ),
): Promise<boolean> {
  if (!text) return false; // no such message in this build: nothing to copy
  const key = pageDataKey(text);
  if ((await area.get(key))[key] === text) return false;
  const others = Object.keys(await area.get(null)).filter(
    (k) => k.startsWith(PAGE_DATA_KEY_PREFIX) && k !== key,
  );
  if (others.length > 0) await area.remove(others);
  await area.set({ [key]: text });
  return true;
}
