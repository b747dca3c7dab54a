import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BadgeFinding } from '@/lib/domain/badge-findings';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { me, person } from '../domain/rules/helpers';
import { B, listSnapshot, testHub, type TestHub } from './test-hub';

/** Issue 14, item 3: the page shows what to switch off, as badges the background sends with the findings. */
describe('an access review’s removals on the page', () => {
  let t: TestHub;
  let now = new Date('2026-11-01T10:00:00Z');
  const nils = person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control' });
  const visit = async (snapshot: PageSnapshot) => {
    expect((await t.ask('reportSnapshot', { snapshot })).ok).toBe(true);
    await t.hub.recording.flush();
  };
  const lastBadges = () =>
    (t.sent.filter((s) => s.name === 'showFindings' && s.tabId === 1).at(-1)?.data ?? []) as BadgeFinding[];
  const followUps = () => lastBadges().filter((b) => b.ruleId === 'review-follow-up');

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    now = new Date('2026-11-01T10:00:00Z');
    t = testHub({ now: () => now });
    await visit(listSnapshot('people', [me, nils]));
  });
  afterEach(() => t.close());

  it('draws a revoke on the row until a read shows it gone, overdue after 7 days', async () => {
    const started = await t.ask('reviewStart', { businessId: B });
    if (!started.ok) throw new Error('not started');
    now = new Date('2026-11-02T10:00:00Z');
    const decided = await t.ask('reviewDecide', {
      campaignId: started.value.campaign.id,
      decisions: [{ itemId: 'person:nils@byraab.se|portfolio', kind: 'revoke', rationale: 'Left' }],
    });
    expect(decided.ok).toBe(true);
    await vi.waitFor(() =>
      expect(followUps()).toEqual([
        expect.objectContaining({ subject: 'person:nils@byraab.se', severity: 'medium' }),
      ]),
    );
    expect(followUps()[0]!.message).toBe(
      'Access review: revoke Nils Holm (nils@byraab.se), Business portfolio: Full control',
    );
    // A week later the page is read again and still shows Nils: the badge says so, in red.
    now = new Date('2026-11-09T11:00:00Z');
    await visit(listSnapshot('people', [me, nils]));
    await vi.waitFor(() => expect(followUps()).toEqual([expect.objectContaining({ severity: 'high' })]));
    // Removed: the next read verifies it and the badge goes.
    now = new Date('2026-11-10T10:00:00Z');
    await visit(listSnapshot('people', [me]));
    await vi.waitFor(async () => {
      const c = await t.store.campaign(started.value.campaign.id);
      expect(c?.items.find((i) => i.decision?.kind === 'revoke')?.verified).toBeDefined();
      expect(followUps()).toEqual([]);
    });
  });
});
