import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as lexicon from '@/lib/domain/lexicon';
import * as outlineWords from '@/lib/page/outline-words';
import { PAGE_DATA_MESSAGE, pageDataMessage, pageDataModules } from '@/lib/page/page-data';
import * as pageStyles from '@/lib/page/page-styles';
import * as routeTables from '@/lib/page/route-tables';
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

  it('is what the build loads in place of each data module: the same names, read through getMessage', async () => {
    const getMessage = vi.fn((name: string) => (name === PAGE_DATA_MESSAGE ? pageDataMessage() : ''));
    (fakeBrowser as unknown as { i18n: unknown }).i18n = { getMessage };
    mkdirSync(probeDir, { recursive: true });
    for (const [file, module] of Object.entries(pageDataModules)) {
      const code = pageDataPlugin.load(path.join(root, file));
      expect(code, file).toBeTypeOf('string');
      // The stand-in, as the build gets it, run from a file of its own.
      const probe = path.join(probeDir, `${path.basename(file, '.ts')}.ts`);
      writeFileSync(probe, code!);
      const loaded = (await import(/* @vite-ignore */ probe)) as Record<string, unknown>;
      expect(Object.keys(loaded).sort(), file).toEqual(Object.keys(module).sort());
      for (const [name, value] of Object.entries(module)) expect(loaded[name], name).toEqual(value);
    }
    // Asked for once, whatever the number of modules.
    expect(getMessage).toHaveBeenCalledTimes(1);
    // Any other module is the build's own.
    expect(pageDataPlugin.load(path.join(root, 'lib/page/match.ts'))).toBeUndefined();
    expect(pageDataPlugin.load(path.join(root, 'lib/domain/snapshot.ts'))).toBeUndefined();
  });
});
