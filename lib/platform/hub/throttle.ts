/**
 * What the ledger learns from a tab's page (the latest snapshot per page kind, first-seen dates, checklist
 * evidence), recorded off the path to the findings (issue 12): once the tab's reports have been quiet for a
 * moment (a burst of reads as a list arrives is recorded once, with the page as it was last, and the worker
 * is free for the burst's findings meanwhile), and at most a second after the first report that waits (a
 * page that never stops changing is still recorded every second). A report of another page (the tab
 * navigated) first records what waited for the one before, never drops it. One tab's recordings never
 * overlap and run in the order they were called, so an older read is never recorded over a newer one. A
 * run that throws is logged; the next call runs again.
 */
export class Throttle {
  /** Per tab: the run waiting (the latest call's), for which page, since when (`performance.now()`). */
  private waiting = new Map<
    number,
    { timer: ReturnType<typeof setTimeout>; run: () => Promise<unknown>; key: string; since: number }
  >();
  /** Per tab: its latest run (the next one starts after it). */
  private tails = new Map<number, Promise<unknown>>();
  private running = new Set<Promise<unknown>>();

  constructor(
    private readonly quietMs = 250,
    private readonly maxWaitMs = 1000,
  ) {}

  /** Runs `run` (the recording of the page `key`) once the tab is quiet, replacing what waited for that page. */
  call(tabId: number, key: string, run: () => Promise<unknown>): void {
    let waiting = this.waiting.get(tabId);
    if (waiting && waiting.key !== key) {
      this.runNow(tabId);
      waiting = undefined;
    }
    clearTimeout(waiting?.timer);
    const since = waiting?.since ?? performance.now();
    const delay = Math.min(this.quietMs, since + this.maxWaitMs - performance.now());
    const timer = setTimeout(() => this.runNow(tabId), Math.max(0, delay));
    this.waiting.set(tabId, { timer, run, key, since });
  }

  /** Drops what waits, for every tab (the ledger was erased: what a page showed before is not recorded). */
  cancelAll(): void {
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }

  /** A tab closed: what waited for it runs now (the admin saw that page). */
  forget(tabId: number): void {
    this.runNow(tabId);
  }

  /** Runs what waits for the tab now, and resolves when the tab's runs are done. */
  async settled(tabId: number): Promise<void> {
    this.runNow(tabId);
    await this.tails.get(tabId);
  }

  /** Runs what waits now, and resolves when every run is done (tests, and before the store closes). */
  async flush(): Promise<void> {
    for (const tabId of [...this.waiting.keys()]) this.runNow(tabId);
    await Promise.all([...this.running]);
  }

  private runNow(tabId: number): void {
    const waiting = this.waiting.get(tabId);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.waiting.delete(tabId);
    void this.start(tabId, waiting.run);
  }

  private async start(tabId: number, run: () => Promise<unknown>): Promise<void> {
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
