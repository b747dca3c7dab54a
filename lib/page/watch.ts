import type { PageSnapshot } from '../domain/snapshot';
import { nextTask } from '../domain/turn';
import type { Anchor } from './anchors';
import { mergeDialogDraft, type DialogDraft } from './dialog-draft';
import { getOutline } from './outline';
import { readPageWithAnchors } from './read';
import { createRowCache, type RowCache } from './row-cache';
import * as selector from './selectors';

export interface WatchOptions {
  signal: AbortSignal;
  /** Our own hosts (panel, badges): changes inside them are not page changes, and they are never read. */
  ownHosts?: () => (Element | undefined)[];
  /**
   * Every read (the receiver sends only what changed). `outline`: the unreadable page's outline for the
   * diagnostics bundle (lib/page/outline.ts), built when asked (it walks the whole page). `partial`: a first slice of a long list, the rest follows within
   * a few tasks.
   */
  onRead: (snapshot: PageSnapshot, outline: () => string[] | undefined, partial: boolean) => void;
  /** Where subjects are shown, after every read (rows re-render even when the snapshot does not change). */
  onAnchors?: (anchors: Anchor[]) => void;
  /** The longest stretch of reading before the page gets the main thread back (ms). */
  sliceMs?: number;
  /** Tests: the clock slices are measured by, how the watcher yields, and its row memory. */
  clock?: () => number;
  yieldToPage?: () => Promise<void>;
  rows?: RowCache;
}

/** How long a list that shows "Loading…" again is held back before it is handed on (ms). */
const HOLD_LOADING_MS = 400;

/** Gives the main thread back to the page: `scheduler.yield` where there is one, else a new task. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : nextTask();
}

/**
 * Reads the page as soon as it changes (issue 12, item 1): a MutationObserver tells which rows changed
 * (lib/page/row-cache.ts), and a read takes the rows nothing changed in from memory and reads the others.
 * Nothing is read in the page's own task but a dialog's input (`readNow`): the observer's callback, which
 * runs at the end of the task that changed the page, only keeps where it changed (on a page whose own task
 * is near 50 ms, any reading there made it a long task, issue 12). A change is read in the next task; the changes that come while a run reads
 * are read once more after it (on a page that keeps changing, a run of reads waits twice as long as the
 * last one took). Reading that would hold the main thread longer than
 * `sliceMs` goes in slices: the first slice's rows are handed on at once (a list partly read), the rest
 * is read a slice per task and handed on whole. Everything else is read in full every time (page kind,
 * dialogs, detail panes, a list's structure), so every read equals a fresh read of the whole page.
 * Everything hangs off one AbortSignal: the observer disconnects and the work stops when it aborts.
 */
export function watchPage(
  doc: Document,
  options: WatchOptions,
): { readNow: () => void; idle: () => boolean } {
  const { signal, onRead } = options;
  const sliceMs = options.sliceMs ?? 8;
  const clock = options.clock ?? (() => performance.now());
  const pause = options.yieldToPage ?? yieldToPage;
  const rows = options.rows ?? createRowCache();
  let draft: DialogDraft | undefined;
  /** How many principals the last read handed on held. */
  let handedOn = 0;
  let heldSince: number | undefined;
  let scheduled = false;
  let running = false;
  let again = false;
  /** When the last run of reads ended, and how long it held the main thread (ms, by `clock`). */
  let lastEnd = -Infinity;
  let lastCost = 0;
  let cost = 0;
  /**
   * Where the page changed since the last read: the targets of the observer's records (not the records,
   * which would keep every removed node alive until then), each once.
   */
  const changed = new Set<Node>();
  const timed = <T>(work: () => T): T => {
    const start = clock();
    try {
      return work();
    } finally {
      cost += clock() - start;
    }
  };

  /**
   * Whether a slice of `ms` has time left. The clock is read less often while much is left (what a call
   * cost so far predicts half the rest holds), so a slice of thousands of rows reads it a few dozen times,
   * and ends where reading it on every call would.
   */
  const budget = (ms: number): (() => boolean) => {
    const start = clock();
    const until = start + ms;
    let calls = 0;
    let skip = 0;
    let over = false;
    return () => {
      if (over) return false;
      calls++;
      if (skip > 0) {
        skip--;
        return true;
      }
      const now = clock();
      if (now >= until) {
        over = true;
        return false;
      }
      const perCall = (now - start) / calls;
      skip = perCall > 0 ? Math.floor((until - now) / perCall / 2) : 0;
      return true;
    };
  };

  /**
   * One read of the page: whether rows were left for later slices, and what hands the read on (none: it
   * is not handed on). The caller hands it on at once, or in the next task when the read was long.
   */
  const readOnce = (hasTime: () => boolean, firstOfRun: boolean): [boolean, (() => void)?] => {
    for (const record of observer.takeRecords()) changed.add(record.target);
    rows.touch(changed);
    changed.clear();
    const read = readPageWithAnchors(doc.location.href, doc, rows.reader(hasTime));
    const partial = (read.deferred ?? 0) > 0;
    // Only the first slice of a list that grew goes out before the list is read whole (rows that arrive);
    // a list re-rendered with new rows waits until it is read whole, so nothing flickers.
    if (partial && (!firstOfRun || read.snapshot.principals.length <= handedOn)) return [true];
    // A list that shows "Loading…" again (re-rendered) is not handed on at once: it erases what was read of
    // it; it is handed on only when it stays so (a page reads as before, when it settled).
    const loading =
      read.snapshot.principals.length === 0 &&
      read.snapshot.readProblems.some((p) => p.code === 'list-loading');
    if (loading && handedOn > 0) {
      heldSince ??= clock();
      if (clock() - heldSince < HOLD_LOADING_MS) {
        setTimeout(schedule, HOLD_LOADING_MS);
        return [false];
      }
    }
    heldSince = undefined;
    handedOn = read.snapshot.principals.length;
    return [partial, () => handOn(read, partial)];
  };

  const handOn = (read: ReturnType<typeof readPageWithAnchors>, partial: boolean) => {
    const merged = mergeDialogDraft(draft, read.snapshot, read.dialogSeen);
    draft = merged.draft;
    const snapshot = merged.snapshot;
    options.onAnchors?.(
      merged.renamed.size === 0
        ? read.anchors
        : read.anchors.map((a) => ({ ...a, subject: merged.renamed.get(a.subject) ?? a.subject })),
    );
    const outline = () =>
      snapshot.readStatus === 'ok' || partial ? undefined : getOutline(doc.body, options.ownHosts?.());
    onRead(snapshot, outline, partial);
  };

  /** How many reads `readNow` handed on: a read it overtook is not handed on after it. */
  let readsNow = 0;
  /**
   * Reads, and hands on what it read: in the same task, or after a pause when the read took a slice (at
   * 5,000 people the two together made one long task, issue 12). A read overtaken meanwhile by `readNow`
   * is dropped, and the page read again.
   */
  const readAndHandOn = async (firstOfRun: boolean): Promise<boolean> => {
    const start = clock();
    const before = readsNow;
    const [left, hand] = timed(() => readOnce(budget(sliceMs), firstOfRun));
    if (hand) {
      if (clock() - start > sliceMs) await pause();
      if (signal.aborted) return false;
      if (before === readsNow) timed(hand);
      else again = true;
    }
    return left;
  };

  const run = async () => {
    running = true;
    again = false;
    cost = 0;
    try {
      let left = await readAndHandOn(true);
      while (left) {
        await pause();
        if (signal.aborted) return;
        if (timed(() => rows.readDeferred(budget(sliceMs)))) continue;
        // Every row is remembered now (but those changed meanwhile): the page is read whole once more.
        await pause();
        if (signal.aborted) return;
        again = false;
        left = await readAndHandOn(false);
      }
    } finally {
      running = false;
      lastEnd = clock();
      lastCost = cost;
      // Changed while it was read: read again, after the pause a page that keeps changing is owed.
      if (again) schedule();
    }
  };

  const schedule = () => {
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    if (scheduled) return;
    scheduled = true;
    const go = () => {
      scheduled = false;
      if (!signal.aborted && !running) void run();
    };
    // A page that keeps changing gets at least two thirds of the main thread: the next run waits twice
    // as long as the last one took (a first read, or one after a quiet while, waits only for the next task).
    const wait = lastEnd + 2 * lastCost - clock();
    if (wait >= 1) setTimeout(go, wait);
    else void pause().then(go);
  };

  /** Reads at once, in full (a dialog's input, before the next click moves it on). */
  const readNow = () => {
    if (signal.aborted) return;
    readsNow++;
    readOnce(() => true, true)[1]?.();
  };

  const observer = new MutationObserver((records) => {
    const hosts = (options.ownHosts?.() ?? []).filter((h): h is Element => h !== undefined);
    const page =
      hosts.length === 0
        ? records
        : records.filter((r) => !hosts.some((h) => h === r.target || h.contains(r.target)));
    if (page.length === 0) return;
    // Kept, not looked at: the rows they touch are forgotten by the read, in a task of its own.
    for (const record of page) changed.add(record.target);
    schedule();
  });
  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    // What a read looks at: states, values, what is shown, and what names a row (a remembered row is
    // forgotten when any of them changes inside it).
    attributeFilter: [
      'aria-checked',
      'aria-selected',
      'aria-current',
      'checked',
      'value',
      'hidden',
      'aria-hidden',
      'aria-labelledby',
      'aria-level',
      'role',
      'datetime',
    ],
  });
  // What the admin types or toggles in a dialog is read at once: the next click may move the dialog to
  // a step that no longer shows it. A dialog is small, so this read is cheap; elsewhere input waits.
  const onInput = (event: Event) => {
    const target = event.target as Element | null;
    if (target?.closest?.(selector.dialogs)) readNow();
    else schedule();
  };
  doc.addEventListener('input', onInput, { capture: true, signal });
  doc.addEventListener('change', onInput, { capture: true, signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    changed.clear();
  });
  schedule();
  // idle: nothing to read and nothing being read (tests wait for it).
  return { readNow, idle: () => !scheduled && !running };
}
