import { browser } from 'wxt/browser';

/**
 * The panel overlay: the extension page panel.html in an iframe, inside a closed shadow root so page
 * scripts and styles cannot reach it. A real <button> collapses it to a small tab; both are keyboard
 * reachable. Page scripts cannot read the iframe (it has the extension's origin).
 */
export interface Overlay {
  host: HTMLElement;
  setVisible(visible: boolean): void;
  /** Opens the panel if it was collapsed. */
  expand(): void;
  remove(): void;
}

const HOST_TAG = 'scopekeeper-overlay';

export function mountOverlay(doc: Document, signal: AbortSignal): Overlay {
  doc.querySelectorAll(HOST_TAG).forEach((stale) => stale.remove());
  const host = doc.createElement(HOST_TAG);
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483646; right: 16px; bottom: 16px;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `
    .frame { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; font: 13px system-ui, sans-serif; }
    button { font: inherit; font-weight: 600; border: 1px solid #c9ccd1; border-radius: 16px; padding: 6px 12px;
      background: #fff; color: #1c1e21; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
    button:focus-visible { outline: 3px solid #0866ff; outline-offset: 2px; }
    iframe { width: 340px; height: min(60vh, 520px); border: 1px solid #c9ccd1; border-radius: 10px; background: #fff;
      box-shadow: 0 8px 24px rgba(0,0,0,.2); }
    .collapsed iframe { display: none; }
  `;
  const frame = doc.createElement('div');
  frame.className = 'frame';
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'true');
  toggle.textContent = 'Scopekeeper ▾';
  const iframe = doc.createElement('iframe');
  iframe.title = 'Scopekeeper';
  iframe.src = browser.runtime.getURL('/panel.html');
  iframe.setAttribute('allow', 'clipboard-write');
  const setCollapsed = (collapsed: boolean) => {
    frame.classList.toggle('collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = collapsed ? 'Scopekeeper ▸' : 'Scopekeeper ▾';
  };
  toggle.addEventListener('click', () => setCollapsed(!frame.classList.contains('collapsed')), { signal });
  frame.append(toggle, iframe);
  shadow.append(style, frame);
  (doc.body ?? doc.documentElement).append(host);
  signal.addEventListener('abort', () => host.remove());
  return {
    host,
    setVisible(visible) {
      host.style.display = visible ? '' : 'none';
    },
    expand() {
      setCollapsed(false);
    },
    remove() {
      host.remove();
    },
  };
}
