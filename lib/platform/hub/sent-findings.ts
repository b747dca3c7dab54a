import { findingParts } from '../../domain/badge-findings';
import { sha256Hex } from '../../domain/ledger/canonical';

/** Delivers one message of findings to a tab's page; false when it did not get there. */
export type DeliverFindings = (name: 'showFindings' | 'moreFindings', part: unknown[]) => Promise<boolean>;

/**
 * Sends each tab's page the findings its badges draw, in parts (`findingParts`), and the same findings for
 * the same read once. A publish that follows a ledger write or a reminder's refresh (the page did not
 * change) used to send them again: at 5,000 people that is 2.2 MB, whose delivery alone held the page's
 * main thread for 80-110 ms here (issue 12). A new read of the page always gets its findings, even the
 * same ones: the page may have cleared its own (a page that is no longer a Business Settings one), or be a
 * new load. Memory only: a restarted worker sends again.
 */
export class SentFindings {
  /** Per read of a page (the tab cache's record of it): the digest of the findings it got whole. */
  private sent = new WeakMap<object, string>();
  /** Tabs whose page may hold the first parts of a list that was cut off (it went away, or was cached). */
  private cut = new Set<number>();

  /**
   * Sends `findings` to the tab's page unless it got them whole for this read (`read`: the tab cache's
   * record of it; undefined, always sent). Stops at the first part that does not get there.
   */
  async send(
    tabId: number,
    read: object | undefined,
    findings: unknown[],
    deliver: DeliverFindings,
  ): Promise<void> {
    const digest = await sha256Hex(JSON.stringify(findings));
    if (read && this.sent.get(read) === digest) return;
    // A page holding parts of a cut list would put them before the next list: it is emptied first.
    if (this.cut.has(tabId)) {
      if (!(await deliver('showFindings', []))) return;
      this.cut.delete(tabId);
    }
    const parts = findingParts(findings);
    for (const [i, part] of parts.entries()) {
      if (!(await deliver(i < parts.length - 1 ? 'moreFindings' : 'showFindings', part))) {
        if (i > 0) this.cut.add(tabId);
        return;
      }
    }
    if (read) this.sent.set(read, digest);
  }

  /** A tab closed. */
  forget(tabId: number): void {
    this.cut.delete(tabId);
  }
}
