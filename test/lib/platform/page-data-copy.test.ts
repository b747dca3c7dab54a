import { describe, expect, it } from 'vitest';
import { PAGE_DATA_KEY_PREFIX, pageDataKey } from '@/lib/domain/page-data-copy';
import { keepPageDataCopy, type CopyArea } from '@/lib/platform/page-data-copy';

/** A storage area in memory that counts its writes. */
function memoryArea(initial: Record<string, unknown> = {}) {
  const items = new Map(Object.entries(initial));
  let writes = 0;
  const area: CopyArea = {
    get: async (keys) =>
      keys === null ? Object.fromEntries(items) : items.has(keys) ? { [keys]: items.get(keys) } : {},
    set: async (next) => {
      writes++;
      for (const [key, value] of Object.entries(next)) items.set(key, value);
    },
    remove: async (keys) => {
      writes++;
      for (const key of keys) items.delete(key);
    },
  };
  return { area, items, writes: () => writes };
}

describe('the copy of the reader’s data for the content script (issue 12)', () => {
  const text = '{"lib/page/selectors.ts":{"dialogs":"[role=\\"dialog\\"]"}}';

  it('is kept under a key of the text’s own: the same text, the same key; another, another', () => {
    expect(pageDataKey(text)).toBe(pageDataKey(text));
    expect(pageDataKey(text)).toMatch(
      new RegExp(`^${PAGE_DATA_KEY_PREFIX.replace('.', '\\.')}[0-9a-f]{12}$`),
    );
    expect(pageDataKey(text + ' ')).not.toBe(pageDataKey(text));
  });

  it('is written when missing, and not again while it is there', async () => {
    const { area, items, writes } = memoryArea({ settings: { reminderDays: 7 } });
    expect(await keepPageDataCopy(area, text)).toBe(true);
    expect(items.get(pageDataKey(text))).toBe(text);
    expect(await keepPageDataCopy(area, text)).toBe(false);
    expect(writes()).toBe(1);
    // What else is kept there is left alone.
    expect(items.get('settings')).toEqual({ reminderDays: 7 });
  });

  it('replaces another build’s copy, and mends one whose text was changed', async () => {
    const old = '{"old":"data"}';
    const { area, items } = memoryArea({ [pageDataKey(old)]: old, [pageDataKey(text)]: 'changed' });
    expect(await keepPageDataCopy(area, text)).toBe(true);
    expect(Object.fromEntries(items)).toEqual({ [pageDataKey(text)]: text });
  });

  it('writes nothing when the build has no such message', async () => {
    const { area, writes } = memoryArea();
    expect(await keepPageDataCopy(area, '')).toBe(false);
    expect(writes()).toBe(0);
  });
});
