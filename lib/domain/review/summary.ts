import type { ReviewCampaign, ReviewItem } from './campaign';

/**
 * A campaign's follow-ups and counts, as the panel, the report and the reminders show them (issue 14). Pure,
 * and apart from ./campaign.ts's schemas so that the panel's code carries no zod (issue 12, item 4).
 */

/** An unverified reduce or revoke older than this is overdue (issue 14, item 3). */
export const REMOVAL_OVERDUE_DAYS = 7;

/** Where a reduce or revoke stands: verified, waiting, or overdue (unverified after 7 days). */
export type FollowUpState = 'verified' | 'waiting' | 'overdue';
export function followUpState(item: ReviewItem, now: Date): FollowUpState | undefined {
  if (!item.decision || item.decision.kind === 'keep') return undefined;
  if (item.verified) return 'verified';
  const due = Date.parse(item.decision.at) + REMOVAL_OVERDUE_DAYS * 86_400_000;
  return now.getTime() > due ? 'overdue' : 'waiting';
}

/** How many accesses of how many principals, and how they were answered: the report's summary sentence. */
export interface DecisionCounts {
  principals: number;
  items: number;
  decided: number;
  keep: number;
  reduce: number;
  revoke: number;
}

/** Counts a campaign's report and sign-off state. */
export interface CampaignSummary extends DecisionCounts {
  verified: number;
  unverified: number;
  overdue: number;
  delta: { new: number; changed: number; removed: number };
  requirements: number;
  requirementsMet: number;
  complete: boolean;
}

export function summarise(campaign: ReviewCampaign, now: Date): CampaignSummary {
  const s: CampaignSummary = {
    principals: new Set(campaign.items.map((item) => item.subject)).size,
    items: campaign.items.length,
    decided: 0,
    keep: 0,
    reduce: 0,
    revoke: 0,
    verified: 0,
    unverified: 0,
    overdue: 0,
    delta: { new: 0, changed: 0, removed: campaign.removed.length },
    requirements: campaign.requirements.length,
    requirementsMet: campaign.requirements.filter((req) => req.readAt !== undefined).length,
    complete: false,
  };
  for (const item of campaign.items) {
    if (item.delta === 'new') s.delta.new += 1;
    if (item.delta === 'changed') s.delta.changed += 1;
    if (!item.decision) continue;
    s.decided += 1;
    s[item.decision.kind] += 1;
    const state = followUpState(item, now);
    if (state === 'verified') s.verified += 1;
    if (state === 'waiting' || state === 'overdue') s.unverified += 1;
    if (state === 'overdue') s.overdue += 1;
  }
  s.complete = s.requirementsMet === s.requirements;
  return s;
}
