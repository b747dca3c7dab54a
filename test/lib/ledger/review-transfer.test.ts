import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { decide, startCampaign, type ReviewCampaign } from '@/lib/domain/review/campaign';
import { LedgerStore } from '@/lib/ledger/store';
import { me, person, snapshot } from '../domain/rules/helpers';

/** Issue 14: review campaigns travel in the export file, under the watch signature, and come back whole. */
const B = '1203456789012345';
const OWN = ['sjobod.se'];
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 10));
const NOW = day(29);

const opened: LedgerStore[] = [];
const open = () => {
  const store = new LedgerStore(`ledger-${Math.random()}`);
  opened.push(store);
  return store;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const bytes = (text: string) => new TextEncoder().encode(text).length;
async function imported(store: LedgerStore, text: string, trust: string[] = []) {
  const result = await store.applyImport(text, bytes(text), { now: NOW }, { trust });
  if (!result.ok || 'replayed' in result) throw new Error(JSON.stringify(result));
  return result.plan;
}

/** A store that read People once and holds one campaign with a revoke decided. */
async function reviewed(): Promise<{ store: LedgerStore; campaign: ReviewCampaign }> {
  const store = open();
  await store.observeBaseline(snapshot([me, person('Nils Holm', 'nils@byraab.se')]), day(1), OWN);
  const started = startCampaign({
    id: 'c1',
    businessId: B,
    now: day(2),
    startedBy: 'anna@sjobod.se',
    baseline: (await store.baseline(B))!,
    source: 'baseline',
  });
  const decided = decide(
    started,
    [{ itemId: 'person:nils@byraab.se|portfolio', kind: 'revoke', rationale: 'Left' }],
    'anna@sjobod.se',
    day(2),
  );
  if (!decided.ok) throw new Error(decided.problem);
  await store.commit({ campaigns: [decided.campaign] });
  return { store, campaign: decided.campaign };
}

describe('review campaigns in the export file (issue 14)', () => {
  it('exports them signed with the watch data and restores them from a backup without loss', async () => {
    const { store, campaign } = await reviewed();
    const text = JSON.stringify(await store.exportFile(NOW));
    const file = JSON.parse(text);
    expect(file.reviewCampaigns).toEqual([campaign]);
    await store.deleteAll();
    expect(await store.campaigns()).toEqual([]);
    // After "Delete all data" the installation has a new identity: its backup is a former one's, taken
    // once the admin trusts it.
    expect((await imported(store, text)).watch).toMatchObject({ status: 'untrusted', applied: false });
    const plan = await imported(store, text, [file.ledgerId]);
    expect(plan.watch).toMatchObject({ applied: true });
    expect(await store.campaign('c1')).toEqual(campaign);
    // Imported again: nothing changes (the one held is as far along).
    await imported(store, text, [file.ledgerId]);
    expect(await store.campaigns()).toEqual([campaign]);
  });

  it('lists them in the import preview', async () => {
    const { store } = await reviewed();
    const text = JSON.stringify(await store.exportFile(NOW));
    const other = open();
    const result = await other.planImport(text, bytes(text), { now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.plan.watch?.campaigns).toEqual([
      { id: 'c1', businessId: B, status: 'open', startedAt: day(2).toISOString(), items: 2, decided: 1 },
    ]);
  });

  it('refuses a file whose campaigns were changed after it was signed', async () => {
    const { store } = await reviewed();
    const file = await store.exportFile(NOW);
    const forged = structuredClone(file);
    forged.reviewCampaigns![0]!.items.find((i) => i.decision)!.decision!.kind = 'keep';
    const text = JSON.stringify(forged);
    const result = await store.planImport(text, bytes(text), { now: NOW });
    expect(result).toMatchObject({ ok: false, error: { code: 'import-watch-signature' } });
  });

  it('takes a colleague’s campaigns only once the admin trusts them', async () => {
    const { store: colleague, campaign } = await reviewed();
    const text = JSON.stringify(await colleague.exportFile(NOW));
    const local = open();
    expect((await imported(local, text)).watch).toMatchObject({ status: 'untrusted', applied: false });
    expect(await local.campaigns()).toEqual([]);
    await imported(local, text, [await colleague.getLedgerId()]);
    expect(await local.campaigns()).toEqual([campaign]);
  });
});
