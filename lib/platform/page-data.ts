import { browser } from 'wxt/browser';

let data: Record<string, Record<string, unknown>> | undefined;

/**
 * The reader's data (lib/page/page-data.ts) as the browser gives it from the build's `_locales`: in the
 * content script's build, the modules that read it stand in for the data modules themselves
 * (wxt.config.ts), so the script injected into business.facebook.com carries none of it (issue 12,
 * item 2). Asked for once, when the script is evaluated: the browser's first `getMessage` in a tab is a
 * synchronous trip to its own process, and every later one (the page's sentences) is answered in place.
 */
export function readPageData(name: string): Record<string, Record<string, unknown>> {
  // (WXT types getMessage by public/_locales alone: this message is added at build time.)
  const i18n = browser.i18n as unknown as { getMessage(name: string): string };
  return (data ??= JSON.parse(i18n.getMessage(name)) as Record<string, Record<string, unknown>>);
}
