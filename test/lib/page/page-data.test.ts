import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as lexicon from '@/lib/domain/lexicon';
import * as outlineWords from '@/lib/page/outline-words';
import { pageDataKey } from '@/lib/domain/page-data-copy';
import {
  PAGE_DATA_MESSAGE,
  PAGE_DATA_VARIABLE,
  pageDataFirst,
  pageDataMessage,
  pageDataModules,
} from '@/lib/page/page-data';
import * as pageStyles from '@/lib/page/page-styles';
import * as routeTables from '@/lib/page/route-tables';
import * as selectors from '@/lib/page/selectors';
import * as snapshotLists from '@/lib/page/snapshot-lists';
import { pageDataPlugin } from '@/wxt.config';

const root = path.resolve(__dirname, '../../..');
const probeDir = path.join(root, 'test/.probe-page-data');
afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

describe('the page data (the reader’s words, tables and styles, read from _locales in the content script)', () => {
  it('holds the data modules the reader imports, by their paths', () => {
    expect(pageDataModules).toEqual({
      'lib/domain/lexicon.ts': lexicon,
      'lib/page/outline-words.ts': outlineWords,
      'lib/page/route-tables.ts': routeTables,
      'lib/page/page-styles.ts': pageStyles,
      'lib/page/snapshot-lists.ts': snapshotLists,
      'lib/page/selectors.ts': selectors,
    });
  });

  it('comes back from its message as every export of every module, value for value', () => {
    const data = JSON.parse(pageDataMessage()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(data)).toEqual(Object.keys(pageDataModules));
    for (const [file, module] of Object.entries(pageDataModules)) {
      expect(Object.keys(data[file]!).sort(), file).toEqual(Object.keys(module).sort());
      for (const [name, value] of Object.entries(module)) expect(data[file]![name], name).toEqual(value);
    }
    expect(pageDataMessage()).not.toContain('$');
  });

  /** Every stand-in, as the build gets it, run from a file of its own (`dir`, a new one per load). */
  const loadStandIns = async (dir: string) => {
    mkdirSync(path.join(probeDir, dir), { recursive: true });
    for (const [file, module] of Object.entries(pageDataModules)) {
      const code = pageDataPlugin.load(path.join(root, file));
      expect(code, file).toBeTypeOf('string');
      const probe = path.join(probeDir, dir, `${path.basename(file, '.ts')}.ts`);
      writeFileSync(probe, code!);
      const loaded = (await import(/* @vite-ignore */ probe)) as Record<string, unknown>;
      expect(Object.keys(loaded).sort(), file).toEqual(Object.keys(module).sort());
      for (const [name, value] of Object.entries(module)) expect(loaded[name], name).toEqual(value);
    }
  };
  const copy = globalThis as unknown as Record<string, string | undefined>;

  it('is what the build loads in place of each data module: the same names, read through getMessage', async () => {
    const getMessage = vi.fn((name: string) => (name === PAGE_DATA_MESSAGE ? pageDataMessage() : ''));
    (fakeBrowser as unknown as { i18n: unknown }).i18n = { getMessage };
    // No copy from the background (a first page load after an install): the browser's message.
    copy[PAGE_DATA_VARIABLE] = undefined;
    vi.resetModules();
    await loadStandIns('from-message');
    // Asked for once, whatever the number of modules.
    expect(getMessage).toHaveBeenCalledTimes(1);
    // Any other module is the build's own.
    expect(pageDataPlugin.load(path.join(root, 'lib/page/match.ts'))).toBeUndefined();
    expect(pageDataPlugin.load(path.join(root, 'lib/domain/snapshot.ts'))).toBeUndefined();
  });

  it('reads the background’s copy where the build’s wrapper found one, without asking getMessage', async () => {
    const getMessage = vi.fn(() => {
      throw new Error('asked the browser');
    });
    (fakeBrowser as unknown as { i18n: unknown }).i18n = { getMessage };
    copy[PAGE_DATA_VARIABLE] = pageDataMessage();
    try {
      vi.resetModules();
      await loadStandIns('from-copy');
    } finally {
      copy[PAGE_DATA_VARIABLE] = undefined;
    }
    expect(getMessage).not.toHaveBeenCalled();
  });

  it('asks getMessage when the copy is no JSON object (the worker did not write it)', async () => {
    for (const [dir, text] of [
      ['not-json', '{"lib/domain/lexicon.ts":'],
      ['not-object', '42'],
    ] as const) {
      const getMessage = vi.fn((name: string) => (name === PAGE_DATA_MESSAGE ? pageDataMessage() : ''));
      (fakeBrowser as unknown as { i18n: unknown }).i18n = { getMessage };
      copy[PAGE_DATA_VARIABLE] = text;
      try {
        vi.resetModules();
        await loadStandIns(dir);
      } finally {
        copy[PAGE_DATA_VARIABLE] = undefined;
      }
      expect(getMessage, dir).toHaveBeenCalledTimes(1);
    }
  });

  describe('the content script’s wrapper (pageDataFirst)', () => {
    const key = pageDataKey(pageDataMessage());
    /** Runs the wrapped code against a storage that answers `stored` (undefined: it failed), later. */
    const run = (stored: Record<string, unknown> | undefined) => {
      const seen: { ran: boolean; text?: string } = { ran: false };
      let answer: (() => void) | undefined;
      const chrome = {
        storage: {
          local: {
            get(asked: string, callback: (items: Record<string, unknown> | undefined) => void) {
              expect(asked).toBe(key);
              answer = () => callback(stored);
            },
          },
        },
      };
      runInNewContext(pageDataFirst(`seen.ran = true; seen.text = ${PAGE_DATA_VARIABLE};`, key), {
        chrome,
        seen,
      });
      // Nothing runs before storage answers.
      expect(seen.ran).toBe(false);
      answer!();
      expect(seen.ran).toBe(true);
      return seen.text;
    };

    it('gives the code this build’s copy', () => {
      expect(run({ [key]: pageDataMessage() })).toBe(pageDataMessage());
    });

    it('gives nothing for another build’s copy, an empty storage or a failed read (the code asks getMessage)', () => {
      expect(run({ [pageDataKey('{"another":"build"}')]: '{"another":"build"}' })).toBeUndefined();
      expect(run({})).toBeUndefined();
      expect(run(undefined)).toBeUndefined();
    });
  });
});
