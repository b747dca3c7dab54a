/** A frame of the screen: reports of one tab that arrive within it are published together. */
export const FRAME_MS = 16;

/**
 * One publisher for every tab: invalidations are gathered and a tab is published at most once per task,
 * however many events asked for it (a ledger command, its evidence ticks and the reminders' refresh all
 * invalidate the same tabs); a page's reports are published at most once per frame per tab (`soon`). One
 * tab's publishes never overlap, so its panel never gets an older state after a newer one. `settled()`
 * resolves once nothing is waiting (tests and handlers await it).
 */
export class Publisher {
  private dirty = new Set<number>();
  /** Per tab: its publish under way (the next one starts after it). */
  private publishing = new Map<number, Promise<void>>();
  /** Per tab: when its last publish started (`performance.now()`). */
  private lastStart = new Map<number, number>();
  /** Per tab: the publish at the end of the current frame, which every report of that frame waits for. */
  private frames = new Map<number, Promise<void>>();
  private all = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private holds = 0;

  constructor(
    private readonly publish: (tabId: number) => Promise<void>,
    private readonly tabsOf: (businessId?: string) => number[],
    /** The ledger changed for a business (undefined: for any): told before its tabs are published again. */
    private readonly changed: (businessId?: string) => void = () => undefined,
  ) {}

  invalidate(tabId: number): void {
    this.dirty.add(tabId);
    this.schedule();
  }

  /**
   * Publishes one tab now, not at the end of the task: a new snapshot's findings go out before the
   * ledger records what the page showed (that write would otherwise hold the findings' reads back).
   */
  async now(tabId: number): Promise<void> {
    this.dirty.delete(tabId);
    await this.after(tabId);
  }

  /** Publishes a tab once its publish under way (if any) is done. */
  private async after(tabId: number): Promise<void> {
    const run = (this.publishing.get(tabId) ?? Promise.resolve())
      .then(() => {
        this.lastStart.set(tabId, performance.now());
        return this.publish(tabId);
      })
      .catch((e) => console.error('Scopekeeper: publish', e));
    this.publishing.set(tabId, run);
    await run;
    if (this.publishing.get(tabId) === run) this.publishing.delete(tabId);
  }

  /**
   * Publishes a tab whose page reported (issue 12, item 4): at once when the tab was not published within
   * the last frame (the first report of a burst shows without delay), else once at the end of that frame
   * for every report that arrived in it. Resolves when the publish that includes this report is done.
   */
  soon(tabId: number): Promise<void> {
    const frame = this.frames.get(tabId);
    if (frame) return frame;
    const since = performance.now() - (this.lastStart.get(tabId) ?? -Infinity);
    if (since >= FRAME_MS && !this.publishing.has(tabId)) return this.now(tabId);
    const next = new Promise((resolve) => setTimeout(resolve, Math.max(0, FRAME_MS - since))).then(() => {
      // From here on, a new report waits for the next frame: this publish may already be reading.
      this.frames.delete(tabId);
      return this.now(tabId);
    });
    this.frames.set(tabId, next);
    return next;
  }

  /** A tab closed: when it was last published is forgotten (what is under way finishes). */
  forget(tabId: number): void {
    this.lastStart.delete(tabId);
  }

  invalidateBusiness(businessId: string): void {
    this.changed(businessId);
    for (const tabId of this.tabsOf(businessId)) this.dirty.add(tabId);
    this.schedule();
  }

  invalidateAll(): void {
    this.changed(undefined);
    this.all = true;
    this.schedule();
  }

  /**
   * Runs a piece of work (a command and what follows from it) with publishing held back, so every tab it
   * invalidates is published once, after it, with everything it changed.
   */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.holds += 1;
    try {
      return await work();
    } finally {
      this.holds -= 1;
      if (this.holds === 0 && (this.dirty.size > 0 || this.all)) this.schedule();
    }
  }

  private schedule(): void {
    if (this.timer !== undefined || this.holds > 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A command started since this was armed: it publishes when it is done (`during`'s finally).
      if (this.holds > 0) return;
      this.running = this.running
        .then(() => this.flush())
        .catch((e) => console.error('Scopekeeper: publish', e));
    }, 0);
  }

  private async flush(): Promise<void> {
    const tabs = new Set(this.all ? this.tabsOf() : []);
    for (const tabId of this.dirty) tabs.add(tabId);
    this.dirty.clear();
    this.all = false;
    for (const tabId of tabs) await this.after(tabId);
  }

  /** Resolves when every invalidation made so far has been published. */
  async settled(): Promise<void> {
    const busy = () =>
      this.timer !== undefined ||
      this.holds > 0 ||
      this.dirty.size > 0 ||
      this.all ||
      this.frames.size > 0 ||
      this.publishing.size > 0;
    while (busy()) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await this.running;
      await Promise.all([...this.frames.values(), ...this.publishing.values()]);
    }
    await this.running;
  }
}
