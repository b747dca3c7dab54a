/**
 * Work done for a tab at most once per interval, always for the latest call (issue 12, item 2): while a
 * page streams deltas, what the ledger records of it (the latest snapshot per page kind, first-seen
 * dates) and the checklist evidence run once a second, and once more a second after the last delta, with
 * the page as it was then. One tab's runs never overlap and run in the order they were called, so an older
 * read is never recorded over a newer one. A run that throws is logged; the next call runs again.
 */
export class Throttle {
  /** Per tab: when its last run started (`performance.now()`). */
  private last = new Map<number, number>();
  /** Per tab: the run waiting for the end of the interval (the latest call's). */
  private waiting = new Map<number, { timer: ReturnType<typeof setTimeout>; run: () => Promise<unknown> }>();
  /** Per tab: its latest run (the next one starts after it). */
  private tails = new Map<number, Promise<unknown>>();
  private running = new Set<Promise<unknown>>();

  constructor(private readonly intervalMs = 1000) {}

  /** Runs `run` now when the tab's last run is an interval ago, else at the interval's end (the latest). */
  call(tabId: number, run: () => Promise<unknown>): void {
    const since = performance.now() - (this.last.get(tabId) ?? -Infinity);
    const waiting = this.waiting.get(tabId);
    if (waiting) {
      waiting.run = run;
      return;
    }
    if (since >= this.intervalMs) {
      void this.start(tabId, run);
      return;
    }
    const timer = setTimeout(() => {
      const latest = this.waiting.get(tabId);
      this.waiting.delete(tabId);
      if (latest) void this.start(tabId, latest.run);
    }, this.intervalMs - since);
    this.waiting.set(tabId, { timer, run });
  }

  /**
   * Runs `run` now, outside the throttle (a full report), after what waited for this tab: that one runs
   * first, never dropped (it may be the read of another page, before the tab navigated). Resolves when
   * `run` is done.
   */
  now(tabId: number, run: () => Promise<unknown>): Promise<void> {
    const waiting = this.waiting.get(tabId);
    if (waiting) {
      clearTimeout(waiting.timer);
      this.waiting.delete(tabId);
      void this.start(tabId, waiting.run);
    }
    return this.start(tabId, run);
  }

  /** Drops what waits, for every tab (the ledger was erased: what a page showed before is not recorded). */
  cancelAll(): void {
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }

  /** A tab closed: what waited for it runs now (the admin saw that page), and the tab is forgotten. */
  forget(tabId: number): void {
    const waiting = this.waiting.get(tabId);
    if (waiting) {
      clearTimeout(waiting.timer);
      this.waiting.delete(tabId);
      void this.start(tabId, waiting.run);
    }
    this.last.delete(tabId);
  }

  /** Runs what waits now, and resolves when every run is done (tests, and before the store closes). */
  async flush(): Promise<void> {
    for (const [tabId, { timer, run }] of [...this.waiting]) {
      clearTimeout(timer);
      this.waiting.delete(tabId);
      void this.start(tabId, run);
    }
    await Promise.all([...this.running]);
  }

  private async start(tabId: number, run: () => Promise<unknown>): Promise<void> {
    this.last.set(tabId, performance.now());
    const running = (this.tails.get(tabId) ?? Promise.resolve())
      .then(run)
      .catch((e) => console.error('Scopekeeper: recording a report', e));
    this.tails.set(tabId, running);
    this.running.add(running);
    await running;
    this.running.delete(running);
    if (this.tails.get(tabId) === running) this.tails.delete(tabId);
  }
}
