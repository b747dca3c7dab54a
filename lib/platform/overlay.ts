import { browser } from 'wxt/browser';
import { createGuardedHost } from '../page/guarded-host';
import { overlayStyles } from '../page/page-styles';

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
  /** This page load's panel token, carried in the panel's URL (issue 11, item 2). */
  panelToken?: string;
}

export function mountOverlay(doc: Document, signal: AbortSignal, options: OverlayOptions = {}): Overlay {
  // Hidden, the panel stays laid out (unseen, out of the pointer's way, inert): its frame loads and draws
  // while the page's rows arrive, and is there to be clicked as soon as it is shown (issue 12, item 4).
  const guarded = createGuardedHost(doc, signal, {
    mark: 'overlay',
    style: { position: 'fixed', right: '16px', bottom: '16px' },
    keepLaidOut: true,
  });
  const { host, shadow, root } = guarded;
  let visible = true;
  const style = doc.createElement('style');
  style.textContent = overlayStyles;
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
  frame.append(notice, toggle);
  shadow.prepend(style);
  root.append(frame);
  // The panel's frame goes in in a task of its own: the browser's making of it alone took 24-55 ms of the
  // page's main thread here, and with the rest of the overlay it made one long task (issue 12).
  // (Not once the context has ended: the abort below leaves only the farewell.)
  setTimeout(() => signal.aborted || frame.append(iframe));
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
      // Inert while hidden: nothing in it takes the keyboard's focus or is read out.
      frame.inert = !next;
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
