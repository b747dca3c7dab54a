import { summarise } from '../../domain/review/summary';
import { fail } from '../../domain/problems';
import type { Hub } from '../hub';
import {
  decideReview,
  replayReview,
  reviewReport,
  signOffReview,
  startReview,
  type ReviewCommandKey,
} from '../review';
import { ok } from '../router';
import { keyReused, requestHashOf } from './context';

/** A review command's idempotency key with the hash of its request (none: carried out each time). */
async function keyOf(
  name: ReviewCommandKey['name'],
  request: { commandKey?: string | undefined },
): Promise<ReviewCommandKey | undefined> {
  if (!request.commandKey) return undefined;
  return { key: request.commandKey, name, requestHash: await requestHashOf(name, request) };
}

/**
 * Access reviews (issue 14): start, get (with the report's data, hash and roster), decide, sign off, list.
 * Extension pages only (protocol.ts); a framed copy of the panel is refused by the panel gate.
 */
export function registerReviewHandlers(hub: Hub): void {
  const { router, store, publisher } = hub;
  // A retried start, decision or sign-off (same idempotency key) answers with its campaign, writing nothing.
  router.handle('reviewStart', (request) =>
    publisher.during(async () => {
      const command = await keyOf('reviewStart', request);
      const first = await replayReview(hub, command);
      if (first === 'reused') return keyReused();
      if (first) return first.ok ? ok<'reviewStart'>({ campaign: first.campaign }) : first;
      const started = await startReview(hub, request.businessId, command);
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
  router.handle('reviewDecide', (request) =>
    publisher.during(async () => {
      const command = await keyOf('reviewDecide', request);
      const first = await replayReview(hub, command);
      if (first === 'reused') return keyReused();
      if (first) return first.ok ? ok<'reviewDecide'>({ campaign: first.campaign }) : first;
      const done = await decideReview(hub, request.campaignId, request.decisions, command);
      return done.ok ? ok<'reviewDecide'>({ campaign: done.campaign }) : done;
    }),
  );
  router.handle('reviewSignOff', (request) =>
    publisher.during(async () => {
      const command = await keyOf('reviewSignOff', request);
      const first = await replayReview(hub, command);
      if (first === 'reused') return keyReused();
      if (first) return first.ok ? ok<'reviewSignOff'>({ campaign: first.campaign }) : first;
      const { campaignId, reviewer, role } = request;
      const done = await signOffReview(hub, campaignId, { reviewer, role }, command);
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
