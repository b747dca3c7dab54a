import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { observe } from '@/lib/domain/baseline';
import { createRun } from '@/lib/domain/checklists/runs';
import { decisionSchema } from '@/lib/domain/ledger/records';
import { decide, startCampaign, type ReviewCampaign } from '@/lib/domain/review/campaign';
import { reviewTicks } from '@/lib/domain/review/checklist';
import { CampaignChanged, campaignKey, LedgerStore } from '@/lib/ledger/store';
import { openLedgerDb } from '@/lib/ledger/db';
import { me, person, snapshot } from '../domain/rules/helpers';

const B = '1203456789012345';
const AT = '2026-11-02T10:00:00.000Z';
const stores: LedgerStore[] = [];
const open = (name = `review-${Math.random()}`) => {
  const store = new LedgerStore(name);
  stores.push(store);
  return store;
};
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const baseline = observe(
  undefined,
  snapshot([me, person('Nils Holm', 'nils@byraab.se')]),
  '2026-11-01T10:00:00.000Z',
  ['sjobod.se'],
).baseline;
const campaign = (id = 'c1'): ReviewCampaign =>
  startCampaign({ id, businessId: B, now: new Date(AT), startedBy: 'anna', baseline, source: 'baseline' });

describe('access review campaigns in the ledger store (issue 14)', () => {
  it('stores campaigns with the decisions that record them, and lists them newest first', async () => {
    const store = open();
    const c = campaign();
    await store.commit({
      campaigns: [c],
      expectCampaigns: new Map([[c.id, -1]]),
      decisions: [
        {
          at: AT,
          businessId: B,
          subject: 'person:nils@byraab.se',
          action: 'keep',
          rationale: '',
          decidedBy: 'anna',
          after: { campaign: c.id, item: 'person:nils@byraab.se|portfolio' },
        },
      ],
    });
    expect(await store.campaign(c.id)).toEqual(c);
    const later = { ...campaign('c2'), startedAt: '2026-12-02T10:00:00.000Z' };
    await store.commit({ campaigns: [later] });
    expect((await store.campaigns(B)).map((x) => x.id)).toEqual(['c2', 'c1']);
    expect(await store.campaigns('999')).toEqual([]);
    expect((await store.chain(await store.getLedgerId())).map((d) => d.action)).toEqual(['keep']);
  });

  it('refuses a write over a campaign changed since it was read, and writes nothing of it', async () => {
    const store = open();
    const c = campaign();
    await store.commit({ campaigns: [c], expectCampaigns: new Map([[c.id, -1]]) });
    const decided = decide(
      c,
      [{ itemId: c.items[0]!.id, kind: 'keep', rationale: '' }],
      'anna',
      new Date(AT),
    );
    if (!decided.ok) throw new Error(decided.problem);
    await store.commit({ campaigns: [decided.campaign], expectCampaigns: new Map([[c.id, c.revision]]) });
    // A second writer that read revision 0 too.
    await expect(
      store.commit({
        campaigns: [{ ...c, revision: 1 }],
        expectCampaigns: new Map([[c.id, c.revision]]),
        decisions: [
          { at: AT, businessId: B, subject: 'x', action: 'note', rationale: 'lost', decidedBy: 'anna' },
        ],
      }),
    ).rejects.toBeInstanceOf(CampaignChanged);
    expect((await store.campaign(c.id))?.items[0]?.decision?.kind).toBe('keep');
    expect(await store.chain(await store.getLedgerId())).toEqual([]);
  });

  it('leaves out a stored campaign that does not parse, and never returns it half-read', async () => {
    const name = `review-${Math.random()}`;
    const store = open(name);
    await store.commit({ campaigns: [campaign()] });
    const db = openLedgerDb(name);
    await db.meta.put({ key: campaignKey('bad'), value: { id: 'bad', businessId: B, items: 'x' } });
    db.close();
    expect((await store.campaigns(B)).map((c) => c.id)).toEqual(['c1']);
    expect(await store.campaign('bad')).toBeUndefined();
  });

  it('counts a review’s revocation of a whole principal as a revocation, not one of a single asset', async () => {
    const store = open();
    const base = { at: AT, businessId: B, decidedBy: 'anna', rationale: 'r', action: 'revoke' as const };
    await store.commit({
      decisions: [
        {
          ...base,
          subject: 'person:nils@byraab.se',
          after: { campaign: 'c1', item: 'person:nils@byraab.se|portfolio' },
        },
        {
          ...base,
          subject: 'partner:3228568050780001',
          after: {
            campaign: 'c1',
            item: 'partner:3228568050780001|asset:page:Sjöbod Café',
            asset: { type: 'page', name: 'Sjöbod Café' },
          },
        },
      ],
    });
    expect((await store.revocations(B)).map((d) => d.subject)).toEqual(['person:nils@byraab.se']);
  });
});

describe('the ledger decisions of a review', () => {
  const decision = (action: string, after: unknown) => ({
    id: 'd1',
    ledgerId: '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f',
    at: AT,
    businessId: B,
    subject: 'person:nils@byraab.se',
    action,
    rationale: '',
    decidedBy: 'anna',
    after,
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
  });
  it('accepts a revoke naming its campaign and item, or an end date; refuses anything else', () => {
    expect(
      decisionSchema.safeParse(decision('revoke', { campaign: 'c1', item: 'x|portfolio' })).success,
    ).toBe(true);
    expect(decisionSchema.safeParse(decision('revoke', { endsAt: '2026-11-02' })).success).toBe(true);
    expect(
      decisionSchema.safeParse(decision('revoke', { campaign: 'c1', item: 'x', extra: 1 })).success,
    ).toBe(false);
  });
  it('accepts a sign-off note with its counts, and the checklist notes as before', () => {
    const review = {
      campaign: 'c1',
      role: 'Owner',
      startedAt: AT,
      principals: 2,
      items: 3,
      keep: 2,
      reduce: 0,
      revoke: 1,
      unverified: 1,
      requirements: 4,
      requirementsMet: 3,
    };
    expect(decisionSchema.safeParse(decision('note', { review })).success).toBe(true);
    expect(decisionSchema.safeParse(decision('note', { review: { ...review, items: -1 } })).success).toBe(
      false,
    );
    expect(
      decisionSchema.safeParse(decision('note', { checklist: 'periodic-review', runId: 'r', steps: [] }))
        .success,
    ).toBe(true);
  });
});

describe('the periodic review ticked by a campaign', () => {
  it('ticks review-each-grant once all is decided, revoke-unneeded once removals are verified, export-report once reported', () => {
    const run = createRun({
      id: 'r1',
      businessId: B,
      templateId: 'periodic-review',
      subject: `business:${B}`,
      now: new Date('2026-11-01T00:00:00Z'),
    });
    const c = campaign();
    expect(reviewTicks(run, c, new Date(AT))).toBe(run);
    const all = decide(
      c,
      c.items.map((i, n) => ({
        itemId: i.id,
        kind: n === 0 ? ('revoke' as const) : ('keep' as const),
        rationale: 'r',
      })),
      'anna',
      new Date(AT),
    );
    if (!all.ok) throw new Error(all.problem);
    const ticked = reviewTicks(run, all.campaign, new Date(AT));
    const done = (r: typeof run) => r.steps.filter((s) => s.done).map((s) => s.id);
    expect(done(ticked)).toEqual(['review-each-grant']);
    const verified = {
      ...all.campaign,
      reportedAt: AT,
      items: all.campaign.items.map((i) =>
        i.decision?.kind === 'revoke' ? { ...i, verified: { at: AT, page: 'people' as const, url: 'u' } } : i,
      ),
    };
    expect(done(reviewTicks(ticked, verified, new Date(AT))).sort()).toEqual(
      ['export-report', 'review-each-grant', 'revoke-unneeded'].sort(),
    );
    // Another template, or a finished run, is left as it was.
    expect(reviewTicks({ ...run, status: 'finished' }, verified, new Date(AT)).steps).toEqual(run.steps);
  });
});
