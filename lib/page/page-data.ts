import * as lexicon from '../domain/lexicon';
import { PAGE_DATA_MESSAGE } from '../domain/page-data-copy';
import * as outlineWords from './outline-words';
import * as pageStyles from './page-styles';
import * as routeTables from './route-tables';
import * as selectors from './selectors';
import * as snapshotLists from './snapshot-lists';

/**
 * The reader's data (issue 12, item 2): the words of Business Settings in three languages (the lexicon),
 * the words of its URLs, the tokens the diagnostics outline may show, the longer selectors of the
 * structures it looks for, and the styles of what the script draws (badges, the panel's overlay). The
 * content script's build does not carry them: wxt.config.ts writes them into each language's
 * `_locales/<locale>/messages.json` as one message (`PAGE_DATA_MESSAGE`, this JSON), and puts in place of
 * each module below one that exports the same names, read from the worker's copy of that message in
 * `storage.local` (pageDataFirst below), or from the message itself through the browser
 * (lib/platform/page-data.ts). Tests and the background import the modules themselves: each value has one
 * source.
 *
 * Keyed by each module's path from the project's root, as the build finds them.
 */
export const pageDataModules: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'lib/domain/lexicon.ts': lexicon,
  'lib/page/outline-words.ts': outlineWords,
  'lib/page/route-tables.ts': routeTables,
  'lib/page/page-styles.ts': pageStyles,
  'lib/page/snapshot-lists.ts': snapshotLists,
  'lib/page/selectors.ts': selectors,
};

export { PAGE_DATA_MESSAGE };

/** The variable through which the content script's code gets the background's copy of the page data. */
export const PAGE_DATA_VARIABLE = 'skPageDataText';

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

/**
 * The content script's code, run once storage has answered the script's ask for the background's copy of
 * the page data (lib/platform/page-data-copy.ts): the build wraps its code in this. Asking is asynchronous,
 * so the script's evaluation does not wait on the browser's process. The copy's text goes to the code in PAGE_DATA_VARIABLE when there
 * is one under this build's `key` (lib/domain/page-data-copy.ts pageDataKey); else that variable is
 * undefined, and the code asks `getMessage`, a synchronous trip (lib/platform/page-data.ts): on a first
 * page load after an install or an update, before the background has made its copy, or where storage
 * failed. (`chrome`, not `browser`: both browsers have it in a content script, with callbacks.)
 */
export function pageDataFirst(code: string, key: string): string {
  const quoted = JSON.stringify(key);
  // `(function`: V8 compiles a function in parentheses at once, with the script, as it did the code before
  // it was wrapped; an arrow would be parsed once with the script and again when it is called. (`arguments`
  // keeps terser from making it an arrow; its `wrap_func_args` keeps the parentheses, wxt.config.ts.)
  return `chrome.storage.local.get(${quoted},(function(){let ${PAGE_DATA_VARIABLE}=arguments[0]?.[${quoted}];\n${code}\n}))`;
}
