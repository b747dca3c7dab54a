import type { BadgeFinding } from '../badge-findings';
// Only the words this context loaded (the panel loads its one language; the background imports them all).
import { catalogue } from '../i18n/words';
import type { UiLocale } from '../locales';
import { taskList } from '../rules/words';
import type { ReviewAccess, ReviewCampaign, ReviewDecision, ReviewItem } from './campaign';
import { REMOVAL_OVERDUE_DAYS, followUpState } from './summary';

/**
 * The follow-ups of access reviews (issue 14, item 3): every reduce or revoke not yet seen carried out on
 * the page. The page shows them as badges on the rows to switch off, the panel lists those of its page, and
 * one still present after 7 days is reminded until it is verified or the campaign changes. Pure.
 */
export interface FollowUp {
  campaignId: string;
  businessId: string;
  itemId: string;
  subject: string;
  principalKind: ReviewItem['principalKind'];
  name: string;
  email?: string;
  access: ReviewAccess;
  decision: ReviewDecision & { kind: 'reduce' | 'revoke' };
  /** When it is overdue: 7 days after the decision. */
  overdueAt: string;
  state: 'waiting' | 'overdue';
}

/**
 * The removals still to see carried out, of each business's newest campaign only: "until verified or the
 * campaign changes". A newer campaign takes over what an older one left (its scope has the access again,
 * for a decision of its own); an older campaign's removals are still verified by reads, not reminded.
 */
export function pendingFollowUps(campaigns: readonly ReviewCampaign[], now: Date): FollowUp[] {
  const newest = new Map<string, ReviewCampaign>();
  for (const c of campaigns) {
    const seen = newest.get(c.businessId);
    if (!seen || c.startedAt > seen.startedAt) newest.set(c.businessId, c);
  }
  const out: FollowUp[] = [];
  for (const c of newest.values())
    for (const item of c.items) {
      const state = followUpState(item, now);
      if (state !== 'waiting' && state !== 'overdue') continue;
      const decision = item.decision as FollowUp['decision'];
      out.push({
        campaignId: c.id,
        businessId: c.businessId,
        itemId: item.id,
        subject: item.subject,
        principalKind: item.principalKind,
        name: item.name,
        ...(item.email !== undefined ? { email: item.email } : {}),
        access: item.access,
        decision,
        overdueAt: new Date(Date.parse(decision.at) + REMOVAL_OVERDUE_DAYS * 86_400_000).toISOString(),
        state,
      });
    }
  return out;
}

/**
 * A whole principal's revocation decided in a review is in effect once a read showed it gone, not at the
 * decision: the principal keeps its access (and its grant's end date stays worth reminding) until then.
 * When each was verified, by business and subject.
 */
export function verifiedRevocations(
  campaigns: readonly ReviewCampaign[],
): { businessId: string; subject: string; at: string }[] {
  return campaigns.flatMap((c) =>
    c.items
      .filter((i) => i.access.kind === 'portfolio' && i.decision?.kind === 'revoke' && i.verified)
      .map((i) => ({ businessId: c.businessId, subject: i.subject, at: i.verified!.at })),
  );
}

/** An access in words: "Business portfolio: Full control", "Sjöbod Ads: Partial · Ads, Insights". */
export function accessWords(locale: UiLocale, access: ReviewAccess): string {
  const t = catalogue(locale).review;
  if (access.kind === 'portfolio')
    return `${t.portfolio}: ${t.level[access.level] ?? access.level}${access.pending ? ` (${t.pending})` : ''}`;
  const tasks = access.tasks.length > 0 ? ` · ${taskList(locale, access.tasks)}` : '';
  return `${access.asset.name}: ${t.access[access.access] ?? access.access}${tasks}`;
}

/** What a follow-up asks to switch off, in the admin's language, naming who and which access. */
export function followUpText(locale: UiLocale, f: FollowUp): string {
  const t = catalogue(locale).review;
  const who = f.email && f.email !== f.name ? `${f.name} (${f.email})` : f.name;
  const what = `${who}, ${accessWords(locale, f.access)}`;
  const reduce = f.decision.reduce;
  const text =
    f.decision.kind === 'revoke'
      ? t.followUp.revoke(what)
      : t.followUp.reduce(
          what,
          [
            reduce?.tasks?.length ? `${t.removeTasks}: ${taskList(locale, reduce.tasks)}` : undefined,
            reduce?.assets?.length
              ? `${t.removeTasks}: ${reduce.assets.map((a) => a.name).join(', ')}`
              : undefined,
            reduce?.lowerTo
              ? `${t.lowerTo}: ${t.level[reduce.lowerTo] ?? t.access[reduce.lowerTo] ?? reduce.lowerTo}`
              : undefined,
          ]
            .filter(Boolean)
            .join('; '),
        );
  return f.state === 'overdue' ? `${text} · ${t.followUp.overdue}` : text;
}

/**
 * The follow-ups as the page's badges draw findings (lib/domain/badge-findings.ts): on the principal's row,
 * or on the asset's row of its detail pane; overdue ones in the colour of a high finding. The content script
 * draws them as it draws findings: no new code on the page.
 */
export function followUpBadges(followUps: readonly FollowUp[], locale: UiLocale): BadgeFinding[] {
  return followUps.map((f) => ({
    ruleId: 'review-follow-up',
    severity: f.state === 'overdue' ? 'high' : 'medium',
    subject: f.subject,
    message: followUpText(locale, f),
    ...(f.access.kind === 'asset' ? { asset: f.access.asset } : {}),
  }));
}
