import { describe, expect, it } from 'vitest';
import { badgeFindings } from '@/lib/domain/badge-findings';
import { observe } from '@/lib/domain/baseline';
// Every language, as in the background, which words the reminders and badges in all three.
import '@/lib/domain/i18n';
import { decide, foldRead, startCampaign, type ReviewCampaign } from '@/lib/domain/review/campaign';
import {
  followUpBadges,
  followUpText,
  pendingFollowUps,
  verifiedRevocations,
} from '@/lib/domain/review/follow-ups';
import type { Finding } from '@/lib/domain/rules/types';
import type { PageSnapshot, Principal } from '@/lib/domain/snapshot';
import { me, partner, person, snapshot } from '../rules/helpers';

const BID = '1203456789012345';
const OWN = ['sjobod.se'];
const ads = {
  type: 'ad-account' as const,
  id: '1111',
  name: 'Sjöbod Ads',
  access: 'partial' as const,
  tasks: ['ads' as const, 'insights' as const],
};
const eve = person('Eve Holm', 'eve@byraab.se', { portfolioAccess: 'full-control' });
const list = (kind: PageSnapshot['kind'], principals: Principal[]): PageSnapshot => ({
  ...snapshot(principals, kind),
  businessId: BID,
  url: `https://business.facebook.com/latest/settings/${kind}?business_id=${BID}`,
});
const EVE = 'person:eve@byraab.se|portfolio';
const ADS = 'partner:3228568050780001|asset:ad-account:1111';

function decided(id: string, at: string, startedAt = '2026-11-02T10:00:00.000Z'): ReviewCampaign {
  let base = observe(undefined, list('people', [me, eve]), '2026-11-01T10:00:00.000Z', OWN).baseline;
  base = observe(
    base,
    list('partners', [partner('Byrå AB', '3228568050780001', [ads])]),
    '2026-11-01T10:00:00.000Z',
    OWN,
  ).baseline;
  const c = startCampaign({
    id,
    businessId: BID,
    now: new Date(startedAt),
    startedBy: 'anna',
    baseline: base,
    source: 'baseline',
  });
  const done = decide(
    c,
    [
      { itemId: EVE, kind: 'revoke', rationale: 'Left the agency' },
      { itemId: ADS, kind: 'reduce', rationale: 'Reporting only', reduce: { tasks: ['ads'] } },
      { itemId: 'person:anna@sjobod.se|portfolio', kind: 'keep', rationale: '' },
    ],
    'anna@sjobod.se',
    new Date(at),
  );
  if (!done.ok) throw new Error(done.problem);
  return done.campaign;
}

describe('an access review’s follow-ups (issue 14, item 3)', () => {
  it('lists each reduce and revoke not yet verified, waiting and then overdue after 7 days', () => {
    const c = decided('c1', '2026-11-02T11:00:00.000Z');
    const waiting = pendingFollowUps([c], new Date('2026-11-05T10:00:00.000Z'));
    expect(waiting.map((f) => [f.itemId, f.decision.kind, f.state])).toEqual(
      [
        [ADS, 'reduce', 'waiting'],
        [EVE, 'revoke', 'waiting'],
      ].sort((a, b) => c.items.findIndex((i) => i.id === a[0]) - c.items.findIndex((i) => i.id === b[0])),
    );
    expect(waiting[0]!.overdueAt).toBe('2026-11-09T11:00:00.000Z');
    const late = pendingFollowUps([c], new Date('2026-11-09T11:00:01.000Z'));
    expect(late.every((f) => f.state === 'overdue')).toBe(true);
  });

  it('drops one once a read shows it gone, and records a whole principal’s revocation at its verification', () => {
    const c = decided('c1', '2026-11-02T11:00:00.000Z');
    expect(verifiedRevocations([c])).toEqual([]);
    const gone = observe(undefined, list('people', [me]), '2026-11-03T10:00:00.000Z', OWN).baseline;
    const after = foldRead(
      c,
      { ...gone, principals: { ...gone.principals } },
      {
        at: '2026-11-03T10:00:00.000Z',
        page: 'people',
        url: 'https://business.facebook.com/latest/settings/business_users',
      },
    );
    expect(pendingFollowUps([after], new Date('2026-11-20T00:00:00.000Z')).map((f) => f.itemId)).toEqual([
      ADS,
    ]);
    expect(verifiedRevocations([after])).toEqual([
      { businessId: BID, subject: 'person:eve@byraab.se', at: '2026-11-03T10:00:00.000Z' },
    ]);
  });

  it('follows only the business’s newest campaign: a newer one takes over what an older one left', () => {
    const old = decided('c1', '2026-11-02T11:00:00.000Z');
    const finished = { ...old, status: 'finished' as const };
    const next = startCampaign({
      id: 'c2',
      businessId: BID,
      now: new Date('2026-12-02T10:00:00.000Z'),
      startedBy: 'anna',
      baseline: observe(undefined, list('people', [me, eve]), '2026-12-01T10:00:00.000Z', OWN).baseline,
      source: 'baseline',
      previous: finished,
    });
    expect(pendingFollowUps([next, finished], new Date('2026-12-03T00:00:00.000Z'))).toEqual([]);
  });

  it('is drawn as the page draws findings: on the row (or the asset’s row), in words, overdue as high', () => {
    const c = decided('c1', '2026-11-02T11:00:00.000Z');
    const badges = followUpBadges(pendingFollowUps([c], new Date('2026-11-10T00:00:00.000Z')), 'en');
    const eveBadge = badges.find((b) => b.subject === 'person:eve@byraab.se')!;
    expect(eveBadge).toEqual({
      ruleId: 'review-follow-up',
      severity: 'high',
      subject: 'person:eve@byraab.se',
      message:
        'Access review: revoke Eve Holm (eve@byraab.se), Business portfolio: Full control · still present after 7 days',
    });
    const adsBadge = badges.find((b) => b.subject === 'partner:3228568050780001')!;
    expect(adsBadge.asset).toEqual({ type: 'ad-account', id: '1111', name: 'Sjöbod Ads' });
    expect(adsBadge.message).toMatch(/^Access review: reduce Byrå AB/);
    // Sent after the findings, with no fix (the page draws it as a badge).
    const finding = {
      ruleId: 'no-expiry',
      severity: 'medium',
      subject: 'x',
      message: 'm',
      fix: 'f',
      why: 'w',
    } as Finding;
    expect(badgeFindings([finding], () => false, badges).map((b) => b.ruleId)).toEqual([
      'no-expiry',
      'review-follow-up',
      'review-follow-up',
    ]);
    const sv = followUpText(
      'sv',
      pendingFollowUps([c], new Date('2026-11-03T00:00:00.000Z')).find((f) => f.decision.kind === 'revoke')!,
    );
    expect(sv).toMatch(/^Åtkomstgranskning: återkalla Eve Holm/);
    const fr = followUpText(
      'fr',
      pendingFollowUps([c], new Date('2026-11-03T00:00:00.000Z')).find((f) => f.decision.kind === 'reduce')!,
    );
    expect(fr).toMatch(/^Revue des accès : réduire Byrå AB/);
  });
});
