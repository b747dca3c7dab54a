import { sha256Hex } from '../../domain/ledger/canonical';

/**
 * What each tab's page was last sent to draw, so that the same findings for the same read go to a page
 * once. A publish that follows a ledger write or a reminder's refresh (the page did not change) used to
 * send them again: at 5,000 people that is a 2.2 MB message, whose delivery alone held the page's main
 * thread for 80-110 ms here (issue 12). A new read of the page always gets its findings, even the same
 * ones: the page may have cleared its own (a page that is no longer a Business Settings one), or be a new
 * load (a new stream of reads). Memory only: a restarted worker sends again.
 */
export class SentFindings {
  private last = new Map<number, { read: object | undefined; digest: string }>();

  /**
   * Whether these findings are news to the tab's page, for its read `read` (the tab cache's record of it:
   * each report the page sends makes a new one); either way they are remembered as the ones it has.
   */
  async isNew(tabId: number, read: object | undefined, findings: unknown): Promise<boolean> {
    const digest = await sha256Hex(JSON.stringify(findings));
    const before = this.last.get(tabId);
    this.last.set(tabId, { read, digest });
    return before === undefined || before.read !== read || before.digest !== digest;
  }

  /** A tab closed. */
  forget(tabId: number): void {
    this.last.delete(tabId);
  }
}
