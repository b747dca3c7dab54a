/**
 * One publisher for every tab: invalidations are gathered and a tab is published at most once per task,
 * however many events asked for it (a ledger command, its evidence ticks and the reminders' refresh all
 * invalidate the same tabs). `settled()` resolves once nothing is waiting (tests and handlers await it).
 */
export class Publisher {
  private dirty = new Set<number>();
  private all = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private holds = 0;

  constructor(
    private readonly publish: (tabId: number) => Promise<void>,
    private readonly tabsOf: (businessId?: string) => number[],
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
    await this.publish(tabId).catch((e) => console.error('Scopekeeper: publish', e));
  }

  invalidateBusiness(businessId: string): void {
    for (const tabId of this.tabsOf(businessId)) this.dirty.add(tabId);
    this.schedule();
  }

  invalidateAll(): void {
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
    for (const tabId of tabs)
      await this.publish(tabId).catch((e) => console.error('Scopekeeper: publish', e));
  }

  /** Resolves when every invalidation made so far has been published. */
  async settled(): Promise<void> {
    while (this.timer !== undefined || this.holds > 0 || this.dirty.size > 0 || this.all) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await this.running;
    }
    await this.running;
  }
}
