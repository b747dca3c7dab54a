import * as lexicon from '../domain/lexicon';
import * as outlineWords from './outline-words';
import * as pageStyles from './page-styles';
import * as routeTables from './route-tables';
import * as snapshotLists from './snapshot-lists';

/**
 * The reader's data (issue 12, item 2): the words of Business Settings in three languages (the lexicon),
 * the words of its URLs, the tokens the diagnostics outline may show, and the styles of what the script
 * draws (badges, the panel's overlay). The content script's build does
 * not carry them: wxt.config.ts writes them into each language's `_locales/<locale>/messages.json` as one
 * message (`PAGE_DATA_MESSAGE`, this JSON), and puts in place of each module below one that exports the
 * same names, read from that message through the browser (lib/platform/page-data.ts). Tests and the
 * background import the modules themselves: each value has one source.
 *
 * Keyed by each module's path from the project's root, as the build finds them.
 */
export const pageDataModules: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'lib/domain/lexicon.ts': lexicon,
  'lib/page/outline-words.ts': outlineWords,
  'lib/page/route-tables.ts': routeTables,
  'lib/page/page-styles.ts': pageStyles,
  'lib/page/snapshot-lists.ts': snapshotLists,
};

/** The name of the message that holds the page data in `_locales`. */
export const PAGE_DATA_MESSAGE = 'page_data';

/** Whether a value survives JSON as it is: strings, finite numbers, booleans, null, arrays and plain objects. */
function isJsonData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonData);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isJsonData);
}

/**
 * The page data as the message's text: JSON of every module's exports. Fails when a value would not come
 * back the same from JSON (a Set, a function, `undefined`), or when the text holds a `$`, which a browser
 * reads as a placeholder in a message.
 */
export function pageDataMessage(): string {
  const data: Record<string, Record<string, unknown>> = {};
  for (const [path, module] of Object.entries(pageDataModules)) {
    data[path] = {};
    // By name, as a module namespace lists them (a loader that keeps the source's order gives the same text).
    for (const name of Object.keys(module).sort()) {
      const value = module[name];
      if (!isJsonData(value)) throw new Error(`${path}: ${name} is not plain data (page-data.ts).`);
      data[path][name] = value;
    }
  }
  const text = JSON.stringify(data);
  if (text.includes('$')) throw new Error('The page data holds a $, which a browser would read otherwise.');
  return text;
}
