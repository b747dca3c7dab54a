import type { UiLocale } from '../domain/locales';
import {
  followUpBadges,
  pendingFollowUps,
  verifiedRevocations,
  type FollowUp,
} from '../domain/review/follow-ups';
import type { LedgerStore } from '../ledger/store';

/**
 * What the page's badges, the panel's reminders and the grant reminders need of the access review campaigns
 * (issue 14, items 3 and 4), kept apart from lib/platform/review.ts so the hub's publisher and the reminders
 * can ask without importing the hub's commands.
 */
/** What the page's badges and the reminders need of the campaigns: their removals still to see, and revocations seen. */
export interface ReviewFacts {
  followUps: FollowUp[];
  revocations: { businessId: string; subject: string; at: string }[];
}

/**
 * Kept per store and business (or '' for every business) while the store's watch mark stays: every write
 * moves the mark, so what a decision, a read or an import changed is read again, and a publish or a
 * reminder check in between parses no campaign (a campaign of 5,000 people takes ~100 ms to parse).
 */
const factsCache = new WeakMap<object, Map<string, { mark: string; facts: ReviewFacts }>>();

export async function reviewFacts(
  store: Pick<LedgerStore, 'campaigns' | 'watchMark'>,
  now: Date,
  businessId?: string,
): Promise<ReviewFacts> {
  let byScope = factsCache.get(store);
  if (!byScope) factsCache.set(store, (byScope = new Map()));
  const scope = businessId ?? '';
  const mark = store.watchMark();
  let cached = byScope.get(scope);
  if (cached?.mark !== mark) {
    const campaigns = await store.campaigns(businessId);
    cached = {
      mark,
      facts: { followUps: pendingFollowUps(campaigns, now), revocations: verifiedRevocations(campaigns) },
    };
    byScope.set(scope, cached);
  }
  const at = now.toISOString();
  return {
    ...cached.facts,
    // Waiting or overdue as of now, not as of when they were read.
    followUps: cached.facts.followUps.map((f) =>
      f.state === (at > f.overdueAt ? 'overdue' : 'waiting')
        ? f
        : { ...f, state: at > f.overdueAt ? 'overdue' : 'waiting' },
    ),
  };
}

/** The badges of a business's removals still to switch off (its page's rows; issue 14, item 3). */
export async function reviewBadges(
  hub: { store: Pick<LedgerStore, 'campaigns' | 'watchMark'>; clock(): Date; locale(): UiLocale },
  businessId: string,
) {
  const { followUps } = await reviewFacts(hub.store, hub.clock(), businessId);
  return followUpBadges(followUps, hub.locale());
}
