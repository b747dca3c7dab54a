import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRun, tickByHand } from '@/lib/domain/checklists/runs';
import { recordSigningText } from '@/lib/domain/ledger/signing';
import { decide, startCampaign, type ReviewCampaign } from '@/lib/domain/review/campaign';
import { LedgerStore } from '@/lib/ledger/store';
import { me, person, snapshot } from '../domain/rules/helpers';

/**
 * Issue 16: what the import takes for the team ledger, from a file as well: campaigns vouched for one by
 * one (`reviewSignatures`), and a trusted colleague's later grant or run in place of ours (`replaceNewer`).
 */
const B = '1203456789012345';
const NOW = new Date('2026-11-28T12:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const opened: LedgerStore[] = [];
const open = () => {
  const store = new LedgerStore(`ledger-${Math.random()}`);
  opened.push(store);
  return store;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const bytes = (text: string) => new TextEncoder().encode(text).length;

async function campaignOf(store: LedgerStore): Promise<ReviewCampaign> {
  await store.observeBaseline(snapshot([me, person('Nils Holm', 'nils@byraab.se')]), NOW, ['sjobod.se']);
  const started = startCampaign({
    id: 'c1',
    businessId: B,
    now: NOW,
    startedBy: 'anna@sjobod.se',
    baseline: (await store.baseline(B))!,
    source: 'baseline',
  });
  const decided = decide(
    started,
    [{ itemId: 'person:nils@byraab.se|portfolio', kind: 'keep', rationale: 'Still works here' }],
    'anna@sjobod.se',
    NOW,
  );
  if (!decided.ok) throw new Error(decided.problem);
  return decided.campaign;
}

/** A colleague's file without watch data, its campaign signed on its own (as the team path builds one). */
async function campaignFile(colleague: LedgerStore, campaign: ReviewCampaign, sig?: string) {
  const file = await colleague.exportFile(NOW, { watch: false });
  const ledgerId = await colleague.getLedgerId();
  return {
    ...file,
    reviewCampaigns: [campaign],
    reviewSignatures: [
      sig ?? (await colleague.signTeamText(recordSigningText('review', ledgerId, campaign))),
    ],
  };
}

describe('campaigns vouched for one by one (reviewSignatures)', () => {
  it("are taken from a trusted colleague's file, and wait for an untrusted one's", async () => {
    const colleague = open();
    const campaign = await campaignOf(colleague);
    const text = JSON.stringify(await campaignFile(colleague, campaign));
    const local = open();
    const first = await local.applyImport(text, bytes(text), { now: NOW });
    expect(first).toMatchObject({ ok: true, plan: { watch: { status: 'untrusted', applied: false } } });
    expect(await local.campaigns()).toEqual([]);
    // Trusted in the preview's consent, as the admin does when importing again.
    const trust = { trust: [await colleague.getLedgerId()] };
    const again = await local.applyImport(text, bytes(text), { now: NOW }, trust);
    expect(again).toMatchObject({ ok: true, plan: { watch: { applied: true } } });
    expect(await local.campaigns()).toEqual([campaign]);
  });

  it('refuse a campaign changed after it was signed, or signed by another key', async () => {
    const colleague = open();
    const campaign = await campaignOf(colleague);
    const changed = await campaignFile(colleague, campaign);
    changed.reviewCampaigns[0] = { ...campaign, startedBy: 'mallory@example.com' };
    const other = open();
    const wrongKey = await campaignFile(
      colleague,
      campaign,
      await other.signTeamText(recordSigningText('review', await colleague.getLedgerId(), campaign)),
    );
    const missing = { ...(await campaignFile(colleague, campaign)), reviewSignatures: [] };
    const local = open();
    for (const file of [changed, wrongKey, missing]) {
      const text = JSON.stringify(file);
      expect(await local.planImport(text, bytes(text), { now: NOW })).toMatchObject({
        ok: false,
        error: { code: 'import-watch-signature' },
      });
    }
    expect(await local.campaigns()).toEqual([]);
  });

  it('vouch for campaigns only: a file with baselines needs its watch signature', async () => {
    const colleague = open();
    const campaign = await campaignOf(colleague);
    const full = await colleague.exportFile(NOW);
    const { watchSignature: _dropped, ...unsigned } = full;
    const file = {
      ...unsigned,
      reviewSignatures: [
        await colleague.signTeamText(recordSigningText('review', await colleague.getLedgerId(), campaign)),
      ],
      reviewCampaigns: [campaign],
    };
    expect(file.baselines?.length).toBeGreaterThan(0);
    const text = JSON.stringify(file);
    expect(await open().planImport(text, bytes(text), { now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'import-watch-signature' },
    });
  });
});

describe("a colleague's later version (replaceNewer)", () => {
  /** A colleague's grant and run, held here from its file; then the colleague's later versions. */
  async function setUp() {
    const colleague = open();
    const grant = {
      id: crypto.randomUUID(),
      businessId: B,
      subject: 'partner:3228568050780001',
      assets: [{ type: 'page' as const, name: 'Sjöbod Café', access: 'full' as const, tasks: [] }],
      case: 'Spring campaign',
      startsAt: '2026-11-20',
      endsAt: '2027-01-15',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    };
    const run = createRun({
      id: 'run-1',
      businessId: B,
      templateId: 'onboard-partner',
      subject: 'partner:3228568050780001',
      now: NOW,
    });
    await colleague.commit({ grants: [grant], runs: [run] });
    const local = open();
    const first = JSON.stringify(await colleague.exportFile(NOW, { watch: false }));
    expect(await local.applyImport(first, bytes(first), { now: NOW })).toMatchObject({ ok: true });
    const edited = { ...grant, endsAt: '2027-01-20', updatedAt: later(1).toISOString() };
    const ticked = tickByHand(run, run.steps[0]!.id, true, later(1))!;
    await colleague.commit({ grants: [edited], runs: [ticked] });
    const text = JSON.stringify(await colleague.exportFile(later(2), { watch: false }));
    return { colleague, local, grant, run, edited, ticked, text };
  }

  it('replaces ours when the colleague is trusted and theirs is the later', async () => {
    const { colleague, local, edited, ticked, text } = await setUp();
    await local.setTrusted(await colleague.getLedgerId(), true, NOW);
    const result = await local.applyImport(text, bytes(text), { now: later(2), replaceNewer: true });
    expect(result).toMatchObject({ ok: true, plan: { replaceGrants: [edited], replaceRuns: [ticked] } });
    expect(await local.grants()).toEqual([edited]);
    expect(await local.run('run-1')).toEqual(ticked);
  });

  it('never from a file the admin picks, an untrusted colleague, or an older version', async () => {
    const { colleague, local, grant, run, text } = await setUp();
    // Untrusted colleague, with the team rule.
    const untrusted = await local.applyImport(text, bytes(text), { now: later(2), replaceNewer: true });
    expect(untrusted).toMatchObject({ ok: true, plan: { conflictingGrants: [{ id: grant.id }] } });
    // Trusted, but a picked file (no replaceNewer): reported, never overwritten.
    await local.setTrusted(await colleague.getLedgerId(), true, NOW);
    const picked = await local.applyImport(text, bytes(text), { now: later(2) });
    expect(picked).toMatchObject({ ok: true, plan: { conflictingGrants: [{ id: grant.id }] } });
    expect(await local.grants()).toEqual([grant]);
    expect(await local.run('run-1')).toEqual(run);

    // Ours is the later one: kept.
    const ours = { ...grant, endsAt: '2027-01-10', updatedAt: later(3).toISOString() };
    await local.commit({ grants: [ours] });
    const older = await local.applyImport(text, bytes(text), { now: later(3), replaceNewer: true });
    expect(older).toMatchObject({ ok: true, plan: { conflictingGrants: [{ id: grant.id }] } });
    expect(await local.grants()).toEqual([ours]);
  });
});
