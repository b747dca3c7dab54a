/**
 * A host for what Scopekeeper draws on a page it does not own (the panel overlay, the badge layer), made so
 * that no page script or stylesheet can quietly take it away (issue 11, item 1):
 *
 * - It is a plain `div`: a page can predefine a custom element's name (and break or fake it), never `div`.
 *   It is known by the reference held here, never looked up by a tag, class or id a page could copy.
 * - Its content is in a closed shadow root. Its own box is styled twice, each way out of a page's reach:
 *   inline `all: initial !important` plus what it needs (an element's own inline `!important` beats any
 *   author sheet's `!important`, layers included), and the same in a `:host` rule inside the closed root
 *   (for `!important`, the shadow tree's rule beats the page's, inline ones too). `all` covers opacity,
 *   visibility, display, transform, clip-path, filter, pointer-events, size, position, content-visibility
 *   and the rest at once.
 * - What it draws is in a manual popover inside the closed root, in the top layer where the browser has
 *   one: above every z-index the page can set, and out of reach of its ancestors' transforms, clips,
 *   filters and overflow. The popover is inside the closed root so that a page can neither close it nor
 *   cancel its opening (its `beforetoggle` and `toggle` events do not leave the shadow root). Without a
 *   top layer, the host still has the highest z-index and comes after the body.
 * - The page's own top-layer elements (a popover, a modal dialog) opened after ours would be drawn above
 *   it: when one opens, ours is shown again, which puts it on top; while one is open, the slow check raises
 *   ours again (bounded as below).
 *   Over a page's modal dialog it is seen, not clicked: the browser makes all outside the dialog inert.
 * - A MutationObserver puts back at once whatever a page script changes: its style attribute, any
 *   attribute added (hidden, inert, popover, class, …), its place (removed, moved into a hidden container,
 *   the document's root replaced). It is a child of the root element, not of `body`, so replacing `body`
 *   does not take it away. A page that fights back in a loop gets a bounded number of repairs per second;
 *   after that, a slow check repairs it once a second (no busy loop on either side).
 * - When the signal aborts (the extension was reloaded or updated), the guard stops at once and never
 *   puts the host back: its owner decides what stays (a farewell notice) and removes it.
 */
export interface GuardedHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the content goes (styles may go in `shadow`): the layer that is in the top layer. */
  root: HTMLElement;
  /**
   * Shown (as laid out) or not: not drawn at all, or (`keepLaidOut`) laid out but unseen and untouchable;
   * the guard keeps whichever was asked last.
   */
  setShown(shown: boolean): void;
  /** Stops guarding and removes the host from the page. */
  remove(): void;
  /** How many times the host was repaired (for tests and diagnostics). */
  repairs(): number;
}

export interface GuardedHostOptions {
  /**
   * What it is (`data-scopekeeper`), only so that a newer copy of the script can remove what an earlier one
   * left (Firefox can inject an updated extension's script into open tabs). Nothing finds its own host by
   * it; a page's element with the same mark is the page's own to lose.
   */
  mark: string;
  /** The host box's own declarations, e.g. `{ position: 'fixed', right: '16px' }`; `!important` is added. */
  style: Readonly<Record<string, string>>;
  /**
   * Not shown means laid out but unseen (`opacity: 0`) and out of the pointer's way (`pointer-events:
   * none`), instead of `display: none`: a frame inside keeps its size and goes on being drawn, so showing it
   * needs no new layout of it and no new embedding of an out-of-process frame (issue 12, item 4). The host
   * is fixed: it takes no room from the page either way.
   */
  keepLaidOut?: boolean;
  /** Repairs allowed at once within one second; more wait for the slow check. */
  burst?: number;
  /** How often the slow check looks (milliseconds). */
  checkMs?: number;
}

const MARK = 'data-scopekeeper';
const BURST = 8;
const CHECK_MS = 1000;

export function createGuardedHost(
  doc: Document,
  signal: AbortSignal,
  options: GuardedHostOptions,
): GuardedHost {
  const burst = options.burst ?? BURST;
  const checkMs = options.checkMs ?? CHECK_MS;
  const view = doc.defaultView!;
  const host = doc.createElement('div');
  const shadow = host.attachShadow({ mode: 'closed' });
  const hostRule = doc.createElement('style');
  const layer = doc.createElement('div');
  shadow.append(hostRule, layer);
  const topLayer = typeof layer.showPopover === 'function';
  if (topLayer) layer.popover = 'manual';

  let shown = true;
  let inline = '';
  const declare = () => {
    const declarations = {
      'z-index': '2147483647',
      ...options.style,
      display: shown || options.keepLaidOut ? (options.style.display ?? 'block') : 'none',
      ...(shown || !options.keepLaidOut ? {} : { opacity: '0', 'pointer-events': 'none' }),
    };
    inline = ['all: initial !important']
      .concat(Object.entries(declarations).map(([property, value]) => `${property}: ${value} !important`))
      .join('; ');
    hostRule.textContent = `:host, .layer { ${inline}; }`;
    layer.className = 'layer';
  };

  let stopped = false;
  let repaired = 0;
  let windowStart = 0;
  let spent = 0;
  let observedRoot: Element | null = null;

  const isOpen = () => {
    try {
      return layer.matches(':popover-open');
    } catch {
      return true;
    }
  };
  // The page's own top-layer elements (its popovers, its modal dialogs) are drawn above ours when they open
  // after it. The top layer's order cannot be read, only remade (the last one shown is drawn last): when one
  // opens, ours is shown again; and while any is open, the slow check raises ours each time, for a page that
  // swallows its toggle events or shows the same element again.
  let raise = false;
  // The scan walks the whole document: on a page of thousands of rows it is not cheap, so it runs at most
  // 0.2% of the time (after a scan of 20 ms, the next waits 10 s), however short the slow check's period.
  let nextScan = 0;
  const pageTopLayer = (): boolean => {
    const start = performance.now();
    if (start < nextScan) return false;
    try {
      return doc.querySelector(':popover-open, :modal') !== null;
    } catch {
      return false;
    } finally {
      nextScan = start + (performance.now() - start) * 500;
    }
  };
  const intact = () => {
    const root = doc.documentElement;
    return (
      root !== null &&
      host.parentNode === root &&
      host.getAttribute('style') === inline &&
      host.getAttribute(MARK) === options.mark &&
      host.attributes.length === 2 &&
      (!topLayer || (isOpen() && !raise))
    );
  };
  const repair = () => {
    const root = doc.documentElement;
    if (root && host.parentNode !== root) root.append(host);
    for (const name of host.getAttributeNames())
      if (name !== 'style' && name !== MARK) host.removeAttribute(name);
    if (host.getAttribute('style') !== inline) host.setAttribute('style', inline);
    if (host.getAttribute(MARK) !== options.mark) host.setAttribute(MARK, options.mark);
    if (topLayer && host.isConnected && (!isOpen() || raise)) {
      raise = false;
      try {
        if (isOpen()) layer.hidePopover();
        layer.showPopover();
      } catch {
        // Not showable right now: the next check retries.
      }
    }
    if (root && root !== observedRoot) {
      observedRoot = root;
      observer.observe(root, { childList: true });
    }
  };
  const check = (bounded: boolean) => {
    if (stopped || signal.aborted || intact()) return;
    if (bounded) {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        spent = 0;
      }
      if (spent >= burst) return;
      spent++;
    }
    repaired++;
    repair();
  };

  const observer = new MutationObserver(() => check(true));
  const raiseNow = () => {
    raise = true;
    check(true);
  };
  // Its own observer: `observe` on a node already observed replaces the options (childList of the document).
  const opened = new MutationObserver(raiseNow);
  const slowCheck = view.setInterval(() => {
    if (topLayer && pageTopLayer()) raise = true;
    check(false);
  }, checkMs);
  const stop = () => {
    stopped = true;
    observer.disconnect();
    opened.disconnect();
    view.clearInterval(slowCheck);
  };
  // Registered before the owner's own abort listener: nothing is put back once the context has ended.
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  if (topLayer) {
    layer.addEventListener('toggle', () => check(true), { signal });
    // A page's popover or modal dialog opening goes above ours: seen at once through the capture phase of
    // its toggle event or its `open` attribute, and by the slow check if the page hid both.
    view.addEventListener(
      'toggle',
      (event) => {
        if ((event as ToggleEvent).newState === 'open') raiseNow();
      },
      { capture: true, signal },
    );
    opened.observe(doc, { subtree: true, attributes: true, attributeFilter: ['open'] });
  }

  declare();
  // What an earlier copy of the script left (a page's look-alike may go too: it is the page's own).
  const root = doc.documentElement;
  for (const stale of root ? [...root.children, ...(doc.body?.children ?? [])] : [])
    if (stale.getAttribute(MARK) === options.mark) stale.remove();
  host.setAttribute('style', inline);
  host.setAttribute(MARK, options.mark);
  observer.observe(host, { attributes: true });
  observer.observe(doc, { childList: true });
  repair();

  return {
    host,
    shadow,
    root: layer,
    setShown(next) {
      if (next === shown) return;
      shown = next;
      declare();
      if (!stopped) host.setAttribute('style', inline);
    },
    remove() {
      stop();
      host.remove();
    },
    repairs: () => repaired,
  };
}
