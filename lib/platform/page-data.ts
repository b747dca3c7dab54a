import { browser } from 'wxt/browser';

/** The background's copy of the page data, as the build's wrapper gives it (lib/page/page-data.ts pageDataFirst). */
declare const skPageDataText: string | undefined;

let data: Record<string, Record<string, unknown>> | undefined;

/**
 * The reader's data (lib/page/page-data.ts) as the browser gives it from the build's `_locales`: in the
 * content script's build, the modules that read it stand in for the data modules themselves
 * (wxt.config.ts), so the script injected into business.facebook.com carries none of it (issue 12,
 * item 2). Read once, from the background's copy where the build's wrapper found one; else asked for with
 * `getMessage`, whose first call in a tab is a synchronous trip to the browser's process (up to ~50 ms of
 * the page's main thread measured while the browser was busy loading the page; every later one, the
 * page's sentences, is answered in place).
 */
export function readPageData(name: string): Record<string, Record<string, unknown>> {
  if (data) return data;
  // A copy that is no JSON object (none, or not written by this build's worker) is not read.
  try {
    data = JSON.parse(skPageDataText!) as typeof data;
  } catch {
    // the browser's message, below
  }
  // (WXT types getMessage by public/_locales alone: this message is added at build time.)
  const i18n = browser.i18n as unknown as { getMessage(name: string): string };
  if (typeof data !== 'object' || !data) data = JSON.parse(i18n.getMessage(name)) as typeof data;
  return data!;
}
