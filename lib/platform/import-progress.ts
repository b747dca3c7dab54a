import type { ImportProgress } from '../domain/ledger/import';

/**
 * How far each running import is, by its command key (issue 12, item 5): written by the ledgerAdmin
 * handler as the checks and writes go, read by the options page's `importProgress` polls. In memory only
 * (an import runs in one worker's life); an entry goes when its import answers.
 */
export class ImportProgressBoard {
  private readonly running = new Map<string, ImportProgress>();

  /** A reporter for one import (nothing is kept without a key: no page can ask for it). */
  reporter(commandKey: string | undefined): ((progress: ImportProgress) => void) | undefined {
    if (!commandKey) return undefined;
    return (progress) => {
      // At most a few hundred imports' worth is ever kept (a page that never polls leaves nothing behind
      // once its import answers); the bound only guards against a misbehaving page.
      if (!this.running.has(commandKey) && this.running.size >= 100) return;
      this.running.set(commandKey, progress);
    };
  }

  get(commandKey: string): ImportProgress | undefined {
    return this.running.get(commandKey);
  }

  done(commandKey: string | undefined): void {
    if (commandKey) this.running.delete(commandKey);
  }
}
