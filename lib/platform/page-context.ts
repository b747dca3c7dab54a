import { browser } from 'wxt/browser';

/**
 * What the content session needs of its context: one AbortSignal that ends when the extension goes away
 * (reloaded, updated, removed), and a way to ask whether it has. WXT's ContentScriptContext has this shape
 * (the unit tests pass one).
 *
 * The content script itself runs on the class below, which wxt.config.ts puts in the place of WXT's in the
 * content script's build (issue 12, item 2): WXT's weighs about 1 KB gzip of the page's 20 KB, and it
 * listens for a "newer copy of this script" event that any page script can send to end it (issue 11,
 * item 1), and announces location changes by events that a page can send too. Scopekeeper never starts a
 * second copy in a tab (its content script is declared in the manifest; an extension reload is noticed by
 * the runtime id), and follows the location with `onLocationChange`, which no page event reaches.
 */
export interface PageContext {
  readonly signal: AbortSignal;
  /** Whether the context has ended; asking ends it when the extension is gone. */
  readonly isInvalid: boolean;
}

/** Whether this content script's extension is gone (reloaded, updated, removed): its runtime has no id. */
export function extensionGone(): boolean {
  try {
    return browser.runtime?.id == null;
  } catch {
    return true;
  }
}

/** The content script's context (constructed by WXT's content-script entrypoint, as it would its own). */
export class ContentScriptContext implements PageContext {
  private readonly controller = new AbortController();
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  get isInvalid(): boolean {
    if (extensionGone()) this.controller.abort();
    return this.signal.aborted;
  }
}

type NavigateEvent = Event & { destination: { url: string } };
type Navigation = {
  addEventListener(
    type: 'navigate',
    listener: (event: NavigateEvent) => void,
    options: AddEventListenerOptions,
  ): void;
};

/**
 * Calls `onChange` when the page's address changes without a load (an SPA navigation), as WXT's location
 * watcher did: at the Navigation API's `navigate` event where there is one (before the new page is drawn),
 * else by looking once a second. Nothing a page script dispatches reaches it.
 */
export function onLocationChange(signal: AbortSignal, onChange: () => void): void {
  let last = location.href;
  const seen = (url: string) => {
    if (url === last) return;
    last = url;
    onChange();
  };
  const navigation = (globalThis as { navigation?: Navigation }).navigation;
  if (typeof navigation?.addEventListener === 'function')
    navigation.addEventListener('navigate', (event) => seen(event.destination.url), { signal });
  else {
    const timer = setInterval(() => seen(location.href), 1000);
    signal.addEventListener('abort', () => clearInterval(timer));
  }
}
