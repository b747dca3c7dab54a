import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { canonicalJson, sha256Hex } from '@/lib/domain/ledger/canonical';
import { verifyChain } from '@/lib/domain/ledger/chain';
import type { ReviewCampaign } from '@/lib/domain/review/campaign';
import type { AssetGrant, PageSnapshot } from '@/lib/domain/snapshot';
import { me, partner, person } from '../domain/rules/helpers';
import { B, listSnapshot, refusal, testHub, type TestHub } from './test-hub';

/**
 * Access reviews in the background (issue 14): a campaign over what was read, decided, its removals seen
 * gone on the page, signed off with a ledger decision, its report hashed, the periodic review ticked.
 */
describe('an access review in the background', () => {
  let t: TestHub;
  let now = new Date('2026-11-01T10:00:00Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const visit = async (snapshot: PageSnapshot) => {
    const reply = await t.ask('reportSnapshot', { snapshot });
    expect(reply.ok).toBe(true);
    await t.hub.recording.flush();
  };
  const ads = (tasks: AssetGrant['tasks']): AssetGrant => ({
    type: 'ad-account',
    id: '1111',
    name: 'Sjöbod Ads',
    access: 'partial',
    tasks,
  });
  const lisa = person('Lisa Kant', 'lisa@sjobod.se');
  const nils = person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control' });
  const agency = (tasks: AssetGrant['tasks']) => partner('Byrå AB', '3228568050780001', [ads(tasks)]);
  const NILS = 'person:nils@byraab.se|portfolio';
  const AGENCY_ADS = 'partner:3228568050780001|asset:ad-account:1111';

  const must = <T>(reply: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!reply.ok) throw new Error(`refused: ${refusal(reply as never)}`);
    return reply.value;
  };
  const started = async (): Promise<ReviewCampaign> =>
    must(await t.ask('reviewStart', { businessId: B })).campaign;

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    at('2026-11-01T10:00:00Z');
    t = testHub({ now: () => now });
    await visit(listSnapshot('people', [me, lisa, nils]));
    await visit(listSnapshot('partners', [agency(['ads', 'insights'])]));
  });
  afterEach(() => t.close());

  it('freezes its scope from the latest read, even one still waiting to be recorded', async () => {
    // Lisa removed on the page a moment before the review starts: the read is not recorded yet.
    at('2026-11-02T10:00:00Z');
    expect((await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [me, nils]) })).ok).toBe(true);
    const campaign = await started();
    const subjects = new Set(campaign.items.map((i) => i.subject));
    expect(subjects.has('person:nils@byraab.se')).toBe(true);
    expect(subjects.has('person:lisa@sjobod.se')).toBe(false);
  });

  it('runs from start to a signed report: keep, reduce, revoke, removals verified by later reads', async () => {
    const run = must(
      await t.ask('checklistCommand', { type: 'start', businessId: B, templateId: 'periodic-review' }),
    ).run!;
    at('2026-11-02T10:00:00Z');
    const campaign = await started();
    expect(campaign.items).toHaveLength(5);
    expect(campaign.source).toBe('baseline');
    // One open campaign per business.
    expect(await t.ask('reviewStart', { businessId: B })).toMatchObject({
      ok: false,
      error: { code: 'review-open-exists' },
    });

    const decided = must(
      await t.ask('reviewDecide', {
        campaignId: campaign.id,
        decisions: [
          { itemId: NILS, kind: 'revoke', rationale: 'Left the agency' },
          { itemId: AGENCY_ADS, kind: 'reduce', rationale: 'Reporting only', reduce: { tasks: ['ads'] } },
          ...['person:anna@sjobod.se|portfolio', 'person:lisa@sjobod.se|portfolio'].map((itemId) => ({
            itemId,
            kind: 'keep' as const,
            rationale: '',
          })),
        ],
      }),
    ).campaign;
    expect(decided.items.filter((i) => i.decision)).toHaveLength(4);
    // A decision without a rationale for a removal is refused, in words.
    const refused = await t.ask('reviewDecide', {
      campaignId: campaign.id,
      decisions: [{ itemId: 'partner:3228568050780001|portfolio', kind: 'revoke', rationale: '' }],
    });
    expect(refusal(refused)).toBe('Say why: a reduce or a revoke needs a rationale.');
    // Signing off with an undecided access is refused.
    expect(
      await t.ask('reviewSignOff', { campaignId: campaign.id, reviewer: 'Anna Berg', role: 'Owner' }),
    ).toMatchObject({ ok: false, error: { code: 'review-undecided-items', facts: { count: 1 } } });
    must(
      await t.ask('reviewDecide', {
        campaignId: campaign.id,
        decisions: [
          { itemId: 'partner:3228568050780001|portfolio', kind: 'keep', rationale: 'Contract to 2027' },
        ],
      }),
    );

    // The decisions are in the ledger, signed and chained, with the campaign's item.
    const chain = await t.store.chain(await t.store.getLedgerId());
    expect((await verifyChain(chain)).ok).toBe(true);
    const revoke = chain.find((d) => d.action === 'revoke')!;
    expect(revoke).toMatchObject({ subject: 'person:nils@byraab.se', rationale: 'Left the agency' });
    expect(revoke.after).toEqual({ campaign: campaign.id, item: NILS });
    expect(revoke.sig).toMatch(/^[0-9a-f]{128}$/);
    expect(chain.filter((d) => d.action === 'keep')).toHaveLength(3);
    expect(chain.find((d) => d.action === 'reduce')?.after).toMatchObject({ tasks: ['ads'] });
    // Every access decided: the periodic review's "review each grant" ticked itself.
    const steps = async () =>
      Object.fromEntries(
        ((await t.store.run(run.id))?.steps ?? []).filter((s) => s.done).map((s) => [s.id, s.evidence]),
      );
    expect(await steps()).toMatchObject({
      'review-each-grant': { code: 'review-decided', facts: { count: 5 } },
    });
    expect((await steps())['revoke-unneeded']).toBeUndefined();

    // The admin removes Nils and the agency's ads task; the next reads show it.
    at('2026-11-03T10:00:00Z');
    await visit(listSnapshot('people', [me, lisa]));
    await visit(listSnapshot('partners', [agency(['insights'])]));
    const after = (await t.store.campaign(campaign.id))!;
    const verified = (id: string) => after.items.find((i) => i.id === id)?.verified;
    expect(verified(NILS)).toMatchObject({ at: '2026-11-03T10:00:00.000Z', page: 'people' });
    expect(verified(AGENCY_ADS)).toMatchObject({ page: 'partners' });
    // The lists read in full after the start tick completeness.
    expect(
      after.requirements.filter((r) => r.kind === 'list' && r.readAt).map((r) => r.kind === 'list' && r.list),
    ).toEqual(['people', 'partners']);
    expect(await steps()).toMatchObject({
      'revoke-unneeded': { code: 'review-removals-verified', facts: { count: 2 } },
    });

    // Sign-off: a ledger note with the counts, the campaign finished.
    const signed = must(
      await t.ask('reviewSignOff', { campaignId: campaign.id, reviewer: 'Anna Berg', role: 'Owner' }),
    ).campaign;
    expect(signed).toMatchObject({ status: 'finished', signOff: { reviewer: 'Anna Berg', role: 'Owner' } });
    const note = (await t.store.chain(await t.store.getLedgerId())).at(-1)!;
    expect(note).toMatchObject({ action: 'note', subject: `business:${B}`, id: signed.signOff!.decisionId });
    expect(note.after).toMatchObject({
      review: { campaign: campaign.id, items: 5, keep: 3, reduce: 1, revoke: 1, unverified: 0 },
    });
    expect(
      await t.ask('reviewDecide', {
        campaignId: campaign.id,
        decisions: [{ itemId: NILS, kind: 'keep', rationale: '' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'review-finished' },
    });

    // The report: its hash recomputed from its JSON; producing it ticks "export the report".
    // Looking at the campaign produces no report.
    expect(must(await t.ask('reviewGet', { campaignId: campaign.id })).report).toBeUndefined();
    expect(await steps()).not.toHaveProperty('export-report');
    const { report, hash, csv } = must(await t.ask('reviewGet', { campaignId: campaign.id, report: true }));
    expect(await sha256Hex(canonicalJson(JSON.parse(JSON.stringify(report))))).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(report).toMatchObject({
      format: 'scopekeeper-access-review',
      businessId: B,
      signOff: { reviewer: 'Anna Berg', role: 'Owner' },
      integrity: { chainHead: note.hash },
    });
    expect(csv!.split('\r\n')[0]).toBe(
      'account,emailOrBusinessId,type,access,asset,decision,rationale,reviewer,date,verified',
    );
    expect(await steps()).toHaveProperty('export-report');

    const list = must(await t.ask('reviewList', { businessId: B })).campaigns;
    expect(list).toEqual([
      expect.objectContaining({ id: campaign.id, status: 'finished', items: 5, decided: 5, unverified: 0 }),
    ]);
  });

  it('starts the next campaign with the delta since the last finished one', async () => {
    at('2026-11-02T10:00:00Z');
    const first = await started();
    must(
      await t.ask('reviewDecide', {
        campaignId: first.id,
        decisions: first.items.map((i) => ({ itemId: i.id, kind: 'keep' as const, rationale: '' })),
      }),
    );
    must(await t.ask('reviewSignOff', { campaignId: first.id, reviewer: 'Anna', role: 'Owner' }));
    at('2026-12-02T10:00:00Z');
    await visit(listSnapshot('people', [me, nils, person('Ola Ek', 'ola@sjobod.se')]));
    const second = await started();
    expect(second.previousId).toBe(first.id);
    expect(second.items[0]).toMatchObject({ delta: 'new', subject: 'person:ola@sjobod.se' });
    expect(second.removed.map((r) => r.subject)).toEqual(['person:lisa@sjobod.se']);
  });

  it('is refused to a content script', async () => {
    expect(await t.ask('reviewStart', { businessId: B }, t.contentSender(1))).toMatchObject({
      ok: false,
      error: { code: 'sender-not-allowed' },
    });
  });
});
