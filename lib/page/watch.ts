import type { PageSnapshot } from '../domain/snapshot';
import { buildDiagnostics, type Diagnostics } from './diagnostics';
import { readPage } from './read';

export interface WatchOptions {
  signal: AbortSignal;
  /** Our own overlay host: changes inside it are not page changes, and it is never read. */
  ownHost?: () => Element | undefined;
  onRead: (snapshot: PageSnapshot, diagnostics: Diagnostics | undefined) => void;
  /** Quiet time before a read after the last change. */
  settleMs?: number;
  /** A read happens at least this often while the page keeps changing. */
  maxWaitMs?: number;
}

/**
 * Reads the page once it settles, then again after DOM changes and form input, throttled. Everything hangs
 * off one AbortSignal: the observer disconnects and the timers stop when it aborts.
 */
export function watchPage(doc: Document, options: WatchOptions): { readNow: () => void } {
  const { signal, onRead } = options;
  const settleMs = options.settleMs ?? 200;
  const maxWaitMs = options.maxWaitMs ?? 800;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt: number | undefined;
  let lastSent = '';

  const readNow = () => {
    if (signal.aborted) return;
    clearTimeout(settleTimer);
    settleTimer = undefined;
    firstChangeAt = undefined;
    const snapshot = readPage(doc.location.href, doc);
    const key = JSON.stringify(snapshot);
    if (key === lastSent) return;
    lastSent = key;
    const diagnostics =
      snapshot.readStatus === 'ok' ? undefined : buildDiagnostics(snapshot, doc.body, options.ownHost?.());
    onRead(snapshot, diagnostics);
  };

  const schedule = () => {
    if (signal.aborted) return;
    const now = Date.now();
    firstChangeAt ??= now;
    clearTimeout(settleTimer);
    const wait = Math.max(0, Math.min(settleMs, firstChangeAt + maxWaitMs - now));
    settleTimer = setTimeout(readNow, wait);
  };

  const observer = new MutationObserver((records) => {
    const host = options.ownHost?.();
    if (host && records.every((r) => host === r.target || host.contains(r.target))) return;
    schedule();
  });
  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: [
      'aria-checked',
      'aria-selected',
      'aria-current',
      'checked',
      'value',
      'hidden',
      'aria-hidden',
    ],
  });
  doc.addEventListener('input', schedule, { capture: true, signal });
  doc.addEventListener('change', schedule, { capture: true, signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(settleTimer);
  });
  schedule();
  return { readNow };
}
