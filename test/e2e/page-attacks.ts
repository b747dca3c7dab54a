/**
 * What a hostile page does to Scopekeeper's overlay and badges (issue 11, item 1), as page-script sources
 * shared by the Chromium and Firefox tests. Each runs in the page's own world, as a page script would.
 */

/** The elements a page script finds as Scopekeeper's: fixed, above every z-index a page uses (not its own cover). */
export const findHosts = `() => [...document.querySelectorAll('*')].filter((e) => {
  const style = getComputedStyle(e);
  return style.position === 'fixed' && Number(style.zIndex) >= 2147483645 && !e.hasAttribute('data-attack');
})`;

/**
 * Points well inside the panel (at the bottom right, 340 px wide and over 500 px tall when open), as a page
 * sees it: its host has no box of its own size (what it draws is in the top layer).
 */
const panelPoints = `[[innerWidth - 40, innerHeight - 60], [innerWidth - 330, innerHeight - 60], [innerWidth - 100, innerHeight - 480]]`;

/**
 * Defines custom elements under Scopekeeper's old and plausible host names before any content script runs:
 * each takes the one shadow root an element can have, hides itself and leaves the page once connected.
 */
export const defineLookalikes = `(() => {
  const names = ['overlay', 'badges', 'panel', 'badge', 'host', 'root', 'ui', 'app'].flatMap((part) => [
    'scopekeeper-' + part, 'sk-' + part, 'scope-keeper-' + part,
  ]);
  for (const name of names)
    customElements.define(name, class extends HTMLElement {
      constructor() { super(); this.attachShadow({ mode: 'open' }); }
      connectedCallback() {
        this.style.setProperty('display', 'none', 'important');
        queueMicrotask(() => this.remove());
      }
    });
})()`;

const hide = `display: none !important; opacity: 0 !important; visibility: hidden !important;
  transform: scale(0) !important; clip-path: inset(50%) !important; filter: opacity(0) !important;
  width: 0 !important; height: 0 !important; max-width: 0 !important; max-height: 0 !important;
  overflow: hidden !important; content-visibility: hidden !important; pointer-events: none !important;
  position: absolute !important; left: -99999px !important; z-index: -1 !important; zoom: 0.01 !important;
  transition: all 100000s !important; animation: none !important;`;

/** Where a page would look for what a content script adds (without hiding its own rows). */
const selectors = [
  'html > div',
  'html > *:not(head):not(body)',
  'body ~ *',
  'body + *',
  '[popover]',
  ':popover-open',
  '[style*="2147483647"]',
  '[style*="2147483646"]',
  '[style*="2147483645"]',
  '[style*="important"]',
  'scopekeeper-overlay',
  'scopekeeper-badges',
].join(', ');

/** `!important` rules that hide, shrink, move or make transparent, plain, in a layer and adopted. */
export const injectHidingStyles = `(() => {
  const rules = ${JSON.stringify(`${selectors} { ${hide} }`)};
  const sheet = document.createElement('style');
  sheet.textContent = rules + ' @layer attack { ' + rules + ' } *::backdrop { background: #fff !important; }';
  document.head.append(sheet);
  const adopted = new CSSStyleSheet();
  adopted.replaceSync(rules);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, adopted];
})()`;

/** The root element clipped where the panel is (the rest of the page looks the same). */
export const clipRootAroundPanel = `(() => {
  const r = { left: innerWidth - 370, top: innerHeight - 600, right: innerWidth - 8, bottom: innerHeight - 8 };
  const hole = [[r.left, r.top], [r.right, r.top], [r.right, r.bottom], [r.left, r.bottom], [r.left, r.top]]
    .map(([x, y]) => x + 'px ' + y + 'px').join(', ');
  const sheet = document.createElement('style');
  sheet.textContent = 'html { clip-path: polygon(evenodd, 0 0, 100% 0, 100% 100%, 0 100%, 0 0, ' + hole + ') !important; }';
  document.head.append(sheet);
})()`;

/** A white box over the corner where the panel sits, above every z-index. */
export const coverPanelCorner = `(() => {
  const cover = document.createElement('div');
  cover.setAttribute('data-attack', '');
  cover.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 420px; height: 100vh; background: #fff; z-index: 2147483647;';
  document.body.append(cover);
})()`;

/** The same, put after everything in the root element (after Scopekeeper's hosts too). */
export const coverPanelCornerFromRoot = coverPanelCorner.replace(
  'document.body.append',
  'document.documentElement.append',
);

/**
 * The page's own element in the top layer, over the whole window: a popover (shown by script, no click
 * needed) and a modal dialog. Both are drawn above whatever was in the top layer before them.
 */
export const coverWithPagePopover = `(() => {
  const cover = document.createElement('div');
  cover.setAttribute('data-attack', '');
  cover.popover = 'manual';
  cover.style.cssText = 'position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; border: 0; background: #fff;';
  document.body.append(cover);
  cover.showPopover();
})()`;

export const coverWithModalDialog = `(() => {
  const dialog = document.createElement('dialog');
  dialog.setAttribute('data-attack', '');
  dialog.style.cssText = 'position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; background: #fff;';
  document.body.append(dialog);
  dialog.showModal();
})()`;

/** Every 100 ms a new popover of the page is shown over the window (a page that keeps covering). */
export const keepCoveringWithPopovers = `(() => {
  window.__covers = setInterval(() => ${coverWithPagePopover}, 100);
})()`;

/** The page's covering popovers shown again (each goes back above whatever was shown since). */
export const reshowPagePopovers = `document.querySelectorAll('[data-attack][popover]').forEach((p) => { p.hidePopover(); p.showPopover(); })`;

/** Before any other script: every toggle event is stopped at the window, before anyone else hears it. */
export const swallowToggleEvents = `window.addEventListener('toggle', (e) => e.stopImmediatePropagation(), true)`;

/** Changes made to each host by a page script, one at a time. */
export const tamperings: string[] = [
  `(h) => h.style.setProperty('display', 'none', 'important')`,
  `(h) => { h.style.cssText = 'opacity: 0 !important; visibility: hidden !important; width: 0 !important'; }`,
  `(h) => { h.hidden = true; h.inert = true; }`,
  `(h) => { h.className = 'x'; h.id = 'x'; h.setAttribute('aria-hidden', 'true'); }`,
  `(h) => { h.setAttribute('popover', 'auto'); }`,
  `(h) => { try { h.hidePopover(); } catch {} }`,
  `(h) => { h.removeAttribute('popover'); h.removeAttribute('style'); }`,
  // Out of the top layer for good: every later showing is cancelled.
  `(h) => { window.addEventListener('beforetoggle', (e) => e.preventDefault(), true); try { h.hidePopover(); } catch {} }`,
];

/** Applies a tampering to every host found. */
export const tamper = (change: string) => `(${findHosts})().forEach(${change})`;

export const removeHosts = `(${findHosts})().forEach((h) => h.remove())`;

export const moveHostsIntoHiddenBox = `(() => {
  const box = document.createElement('div');
  box.style.cssText = 'display: none';
  document.body.append(box);
  (${findHosts})().forEach((h) => box.append(h));
})()`;

/**
 * The panel as the page's own APIs see it: how many hosts there are, whether one host is what is drawn
 * at every point inside the panel (wide, tall, and nothing over it), and whether that host is shown.
 */
export const probePanelFromPage = `(() => {
  const hosts = (${findHosts})();
  const hits = ${panelPoints}.map(([x, y]) => document.elementFromPoint(x, y));
  const panel = hits[0];
  return {
    hosts: hosts.length,
    hit: hosts.includes(panel) && hits.every((h) => h === panel),
    visible: hosts.every((h) => h.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })),
  };
})()`;
