import type { ImportProgress, ImportStage } from '../domain/ledger/import';

/** How long a progress poll waits for the import's next stage before it answers with the counts so far. */
export const PROGRESS_WAIT_MS = 250;

/**
 * How far each running import is, by its command key (issue 12, item 5): written by the ledgerAdmin
 * handler as the checks and writes go, read by the options page's `importProgress` polls. In memory only
 * (an import runs in one worker's life); an entry goes when its import answers.
 *
 * A poll names the stage the page shows and is answered as soon as the import is in another one (or has
 * answered), else after `PROGRESS_WAIT_MS` with the counts so far: the page hears of each stage when it
 * starts, however short it is, and of the counts a few times a second.
 */
export class ImportProgressBoard {
  private readonly running = new Map<string, ImportProgress>();
  /** Polls waiting for a key's next stage: each is told the key's progress (undefined once it answered). */
  private readonly waiting = new Map<string, Set<(progress: ImportProgress | undefined) => void>>();

  /** A reporter for one import (nothing is kept without a key: no page can ask for it). */
  reporter(commandKey: string | undefined): ((progress: ImportProgress) => void) | undefined {
    if (!commandKey) return undefined;
    return (progress) => {
      // At most a few hundred imports' worth is ever kept (a page that never polls leaves nothing behind
      // once its import answers); the bound only guards against a misbehaving page.
      if (!this.running.has(commandKey) && this.running.size >= 100) return;
      const before = this.running.get(commandKey)?.stage;
      this.running.set(commandKey, progress);
      if (before !== progress.stage) this.wake(commandKey, progress);
    };
  }

  get(commandKey: string): ImportProgress | undefined {
    return this.running.get(commandKey);
  }

  /**
   * The key's progress once its stage is not `seen` (at once if it is not already), or after `waitMs`
   * whatever it is; undefined when nothing is known of the key (not started, answered, or never sent).
   */
  next(
    commandKey: string,
    seen: ImportStage | undefined,
    waitMs = PROGRESS_WAIT_MS,
  ): Promise<ImportProgress | undefined> {
    const now = this.running.get(commandKey);
    if (now && now.stage !== seen) return Promise.resolve(now);
    // A bound like the reporter's: a page polling many unknown keys holds no more than this.
    if (!this.waiting.has(commandKey) && this.waiting.size >= 100) return Promise.resolve(now);
    return new Promise((resolve) => {
      const waiters = this.waiting.get(commandKey) ?? new Set();
      this.waiting.set(commandKey, waiters);
      const answer = (progress: ImportProgress | undefined) => {
        clearTimeout(timer);
        waiters.delete(answer);
        if (waiters.size === 0 && this.waiting.get(commandKey) === waiters) this.waiting.delete(commandKey);
        resolve(progress);
      };
      const timer = setTimeout(() => answer(this.running.get(commandKey)), waitMs);
      waiters.add(answer);
    });
  }

  done(commandKey: string | undefined): void {
    if (!commandKey) return;
    this.running.delete(commandKey);
    this.wake(commandKey, undefined);
  }

  private wake(commandKey: string, progress: ImportProgress | undefined): void {
    for (const answer of [...(this.waiting.get(commandKey) ?? [])]) answer(progress);
  }
}
