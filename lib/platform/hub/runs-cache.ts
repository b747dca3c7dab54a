import type { ChecklistRun } from '../../domain/checklists/runs';

/** The most runs a panel is sent (open ones first). */
export const PANEL_RUNS = 50;

/**
 * Each business's checklist runs as its panels show them (open ones first, at most PANEL_RUNS), read from the
 * ledger once and kept between publishes (issue 12: a page's every report used to read and parse them
 * again). Whatever writes a run asks for the business's tabs to be published again (the publisher's
 * `invalidateBusiness` or `invalidateAll`), and that drops what is kept here first. An unchanged list is the
 * same array, so a panel's delta does not carry it again.
 */
export class RunsCache {
  private kept = new Map<string, Promise<ChecklistRun[]>>();

  constructor(private readonly read: (businessId: string) => Promise<ChecklistRun[]>) {}

  of(businessId: string): Promise<ChecklistRun[]> {
    let runs = this.kept.get(businessId);
    if (!runs) {
      runs = this.read(businessId).then((all) =>
        [...all]
          .sort((a, b) => Number(a.status === 'finished') - Number(b.status === 'finished'))
          .slice(0, PANEL_RUNS),
      );
      this.kept.set(businessId, runs);
      const mine = runs;
      // A failed read is not kept: the next publish reads again.
      mine.catch(() => {
        if (this.kept.get(businessId) === mine) this.kept.delete(businessId);
      });
    }
    return runs;
  }

  /** The ledger changed for a business (or, without one, for any): its runs are read again next time. */
  drop(businessId?: string): void {
    if (businessId === undefined) this.kept.clear();
    else this.kept.delete(businessId);
  }
}
