import { summarise } from '../../domain/review/campaign';
import { fail } from '../../domain/problems';
import type { Hub } from '../hub';
import { decideReview, reviewReport, signOffReview, startReview } from '../review';
import { ok } from '../router';

/**
 * Access reviews (issue 14): start, get (with the report's data, hash and roster), decide, sign off, list.
 * Extension pages only (protocol.ts); a framed copy of the panel is refused by the panel gate.
 */
export function registerReviewHandlers(hub: Hub): void {
  const { router, store, publisher } = hub;
  router.handle('reviewStart', ({ businessId }) =>
    publisher.during(async () => {
      const started = await startReview(hub, businessId);
      return started.ok ? ok<'reviewStart'>({ campaign: started.campaign }) : started;
    }),
  );
  router.handle('reviewGet', async ({ campaignId, report }) => {
    if (!report) {
      const campaign = await store.campaign(campaignId);
      return campaign ? ok<'reviewGet'>({ campaign }) : fail('review-missing');
    }
    const made = await reviewReport(hub, campaignId);
    if (!made.ok) return made;
    return ok<'reviewGet'>({
      campaign: made.campaign,
      report: made.report as unknown as Record<string, unknown>,
      hash: made.hash,
      csv: made.csv,
    });
  });
  router.handle('reviewDecide', ({ campaignId, decisions }) =>
    publisher.during(async () => {
      const done = await decideReview(hub, campaignId, decisions);
      return done.ok ? ok<'reviewDecide'>({ campaign: done.campaign }) : done;
    }),
  );
  router.handle('reviewSignOff', ({ campaignId, reviewer, role }) =>
    publisher.during(async () => {
      const done = await signOffReview(hub, campaignId, { reviewer, role });
      return done.ok ? ok<'reviewSignOff'>({ campaign: done.campaign }) : done;
    }),
  );
  router.handle('reviewList', async ({ businessId }) => {
    const now = hub.clock();
    const campaigns = (await store.campaigns(businessId)).map((c) => {
      const s = summarise(c, now);
      return {
        id: c.id,
        businessId: c.businessId,
        status: c.status,
        startedAt: c.startedAt,
        ...(c.signOff ? { finishedAt: c.signOff.at } : {}),
        items: s.items,
        decided: s.decided,
        unverified: s.unverified,
        complete: s.complete,
      };
    });
    return ok<'reviewList'>({ campaigns });
  });
}
