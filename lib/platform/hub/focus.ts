import type { FocusAction } from '../../domain/ui-state';
import type { ToTab } from './deps';

export interface Focus {
  subject: string;
  at: number;
  action?: FocusAction;
}

/**
 * Which subject each tab's panel should open on, and why: a badge click, a notification, a due item in the
 * popup. A tab that is still loading gets its panel opened when its first snapshot arrives.
 */
export class FocusMap {
  private focus = new Map<number, Focus>();
  private toReveal = new Set<number>();

  constructor(
    private readonly toTab: ToTab,
    private readonly changed: (tabId: number) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get(tabId: number): Focus | undefined {
    return this.focus.get(tabId);
  }

  /** Focuses a tab's panel on a subject; `reveal` also opens the collapsed panel and highlights the row. */
  set(tabId: number, subject: string, options: { action?: FocusAction; reveal?: boolean } = {}): void {
    this.focus.set(tabId, { subject, at: this.now(), ...(options.action ? { action: options.action } : {}) });
    if (options.reveal) {
      this.toReveal.add(tabId);
      void this.revealIfPending(tabId);
    }
    this.changed(tabId);
  }

  /** Called when a tab reports a snapshot: a panel that was asked to open does so now. */
  async revealIfPending(tabId: number): Promise<void> {
    const wanted = this.focus.get(tabId);
    if (!this.toReveal.has(tabId) || !wanted) return;
    if (await this.toTab(tabId, 'revealPanel', wanted.subject)) this.toReveal.delete(tabId);
  }

  forget(tabId: number): void {
    this.focus.delete(tabId);
    this.toReveal.delete(tabId);
  }
}
