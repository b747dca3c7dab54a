import type { PageSnapshot } from '../domain/snapshot';
import { buildDiagnostics, type Diagnostics } from './diagnostics';
import type { Anchor } from './anchors';
import { mergeDialogDraft, type DialogDraft } from './dialog-draft';
import { readPageWithAnchors } from './read';

export interface WatchOptions {
  signal: AbortSignal;
  /** Our own hosts (panel, badges): changes inside them are not page changes, and they are never read. */
  ownHosts?: () => (Element | undefined)[];
  /** A new snapshot (only when it differs from the last one). */
  onRead: (snapshot: PageSnapshot, diagnostics: Diagnostics | undefined) => void;
  /** Where subjects are shown, after every read (rows re-render even when the snapshot does not change). */
  onAnchors?: (anchors: Anchor[]) => void;
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
  let draft: DialogDraft | undefined;

  const readNow = () => {
    if (signal.aborted) return;
    clearTimeout(settleTimer);
    settleTimer = undefined;
    firstChangeAt = undefined;
    const read = readPageWithAnchors(doc.location.href, doc);
    const merged = mergeDialogDraft(draft, read.snapshot, read.dialogSeen);
    draft = merged.draft;
    const snapshot = merged.snapshot;
    options.onAnchors?.(
      read.anchors.map((a) => ({ ...a, subject: merged.renamed.get(a.subject) ?? a.subject })),
    );
    const key = JSON.stringify(snapshot);
    if (key === lastSent) return;
    lastSent = key;
    const diagnostics =
      snapshot.readStatus === 'ok' ? undefined : buildDiagnostics(snapshot, doc.body, options.ownHosts?.());
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
    const hosts = (options.ownHosts?.() ?? []).filter((h): h is Element => h !== undefined);
    if (hosts.length > 0 && records.every((r) => hosts.some((h) => h === r.target || h.contains(r.target))))
      return;
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
  // What the admin types or toggles in a dialog is read at once: the next click may move the dialog to
  // a step that no longer shows it. A dialog is small, so this read is cheap; elsewhere input waits.
  const onInput = (event: Event) => {
    const target = event.target as Element | null;
    if (target?.closest?.('[role="dialog"], [role="alertdialog"], dialog')) readNow();
    else schedule();
  };
  doc.addEventListener('input', onInput, { capture: true, signal });
  doc.addEventListener('change', onInput, { capture: true, signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(settleTimer);
  });
  schedule();
  return { readNow };
}
