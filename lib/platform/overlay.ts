import { browser } from 'wxt/browser';
import { createGuardedHost } from '../page/guarded-host';

/**
 * The panel overlay: the extension page panel.html in an iframe, inside a closed shadow root so page
 * scripts and styles cannot reach it. A real <button> collapses it to a small tab; both are keyboard
 * reachable. Page scripts cannot read the iframe (it has the extension's origin). Its host is guarded
 * (lib/page/guarded-host.ts): a plain element no stylesheet can hide and no script can take away while
 * the content script lives.
 */
export interface Overlay {
  host: HTMLElement;
  setVisible(visible: boolean): void;
  /** Opens the panel if it was collapsed. */
  expand(): void;
  /**
   * A sentence above the panel (shown even when it is collapsed), for what the panel cannot say itself:
   * the background refused what was read, or cannot be reached. Undefined removes it.
   */
  setNotice(notice: OverlayNotice | undefined): void;
  remove(): void;
}

export interface OverlayNotice {
  kind: 'refused' | 'unreachable';
  text: string;
  /** The problem's code, for tests and bug reports (`data-problem-code`). */
  code?: string;
}

export interface OverlayOptions {
  /**
   * Asked when the signal aborts: a last notice to leave on the page instead of removing the overlay (the
   * extension was reloaded or updated under the page: its panel is gone, and the page says so and how to
   * get it back), with the label of the button that dismisses it. Nothing: the overlay is removed.
   */
  farewell?: () => { notice: OverlayNotice; dismiss: string } | undefined;
  /** The background's token for this page load, carried in the panel's URL (issue 11, item 2). */
  panelToken?: string;
}

export function mountOverlay(doc: Document, signal: AbortSignal, options: OverlayOptions = {}): Overlay {
  const guarded = createGuardedHost(doc, signal, {
    mark: 'overlay',
    style: { position: 'fixed', right: '16px', bottom: '16px' },
  });
  const { host, shadow, root } = guarded;
  let visible = true;
  const style = doc.createElement('style');
  style.textContent = `
    .frame { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; font: 13px system-ui, sans-serif; }
    button { font: inherit; font-weight: 600; border: 1px solid #c9ccd1; border-radius: 16px; padding: 6px 12px;
      background: #fff; color: #1c1e21; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
    button:focus-visible { outline: 3px solid #0866ff; outline-offset: 2px; }
    iframe { width: 340px; height: min(60vh, 520px); border: 1px solid #c9ccd1; border-radius: 10px; background: #fff;
      box-shadow: 0 8px 24px rgba(0,0,0,.2); }
    .collapsed iframe { display: none; }
    .notice { box-sizing: border-box; width: 340px; margin: 0; padding: 8px 10px; border: 1px solid #e0a040;
      border-left: 4px solid #b45309; border-radius: 8px; background: #fff8eb; color: #1c1e21; line-height: 1.35;
      box-shadow: 0 2px 8px rgba(0,0,0,.15); }
    .notice[hidden] { display: none; }
  `;
  const frame = doc.createElement('div');
  frame.className = 'frame';
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'true');
  toggle.textContent = 'Scopekeeper ▾';
  const iframe = doc.createElement('iframe');
  iframe.title = 'Scopekeeper';
  iframe.src = `${browser.runtime.getURL('/panel.html')}#${options.panelToken ?? ''}`;
  iframe.setAttribute('allow', 'clipboard-write');
  const setCollapsed = (collapsed: boolean) => {
    frame.classList.toggle('collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = collapsed ? 'Scopekeeper ▸' : 'Scopekeeper ▾';
  };
  toggle.addEventListener('click', () => setCollapsed(!frame.classList.contains('collapsed')), { signal });
  // Page text never reaches the notice: its sentences are ours, set as text.
  const notice = doc.createElement('p');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  notice.hidden = true;
  const setNotice = (next: OverlayNotice | undefined) => {
    notice.hidden = !next;
    notice.textContent = next?.text ?? '';
    if (next) notice.dataset.notice = next.kind;
    else delete notice.dataset.notice;
    if (next?.code) notice.dataset.problemCode = next.code;
    else delete notice.dataset.problemCode;
  };
  frame.append(notice, toggle, iframe);
  shadow.prepend(style);
  root.append(frame);
  signal.addEventListener('abort', () => {
    const last = visible ? options.farewell?.() : undefined;
    if (!last) {
      host.remove();
      return;
    }
    // The panel's page belongs to the extension that is gone: only the notice stays, until dismissed.
    iframe.remove();
    toggle.remove();
    setNotice(last.notice);
    const dismiss = doc.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = last.dismiss;
    dismiss.addEventListener('click', () => host.remove(), { once: true });
    frame.append(dismiss);
  });
  return {
    host,
    setVisible(next) {
      visible = next;
      guarded.setShown(next);
    },
    expand() {
      setCollapsed(false);
    },
    setNotice,
    remove() {
      guarded.remove();
    },
  };
}
