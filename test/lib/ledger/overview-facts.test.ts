import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRun } from '@/lib/domain/checklists/runs';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { LedgerStore } from '@/lib/ledger/store';
import { grant } from '../domain/ledger/fixtures';
import { me, person, snapshot } from '../domain/rules/helpers';

const B = '1203456789012345';
const C = '2203456789012345';
const D = '3303456789012345';
const E = '4403456789012345';
const OWN = ['sjobod.se'];

const in_ = (businessId: string, s: PageSnapshot): PageSnapshot => ({
  ...s,
  businessId,
  url: s.url.replace(B, businessId),
});

const stores: LedgerStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

/** Three businesses with every kind of fact the overview draws on, and one with none. */
async function seeded(): Promise<LedgerStore> {
  const store = new LedgerStore(`ledger-${Math.random()}`);
  stores.push(store);
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 10));
  const lisa = person('Lisa Kant', 'lisa@sjobod.se');
  const nils = person('Nils Holm', 'nils@byraab.se', { pending: true });
  const eve = person('Eve', 'eve@evil.example', { portfolioAccess: 'full-control' });
  for (const [id, first, later] of [
    [B, [me, lisa], [me, lisa, nils, eve]],
    [C, [me], [me, eve]],
    [D, [me, nils], [me, nils, eve]],
  ] as const) {
    for (const [i, principals] of [first, later].entries()) {
      const s = in_(id, snapshot([...principals]));
      await store.recordSnapshot(s, day(1 + i * 10));
      await store.observeBaseline(s, day(1 + i * 10), OWN);
    }
    await store.recordSnapshot(in_(id, snapshot([], 'partners')), day(12));
  }
  // B: a grant that approves Eve, an acceptance, a note (not approving); C: an onboarding run for Eve.
  await store.saveGrant(grant('g-b', { subject: 'person:eve@evil.example', endsAt: '2026-12-31' }), {
    at: '2026-11-12T09:00:00.000Z',
    businessId: B,
    subject: 'person:eve@evil.example',
    action: 'grant',
    rationale: 'Campaign',
    decidedBy: 'anna@sjobod.se',
  });
  await store.appendDecision({
    at: '2026-11-12T09:05:00.000Z',
    businessId: B,
    subject: 'person:nils@byraab.se',
    action: 'accept-finding',
    rationale: 'Known',
    decidedBy: 'anna@sjobod.se',
    after: { ruleId: 'pending-invitation', reviewAt: '2027-01-01' },
  });
  await store.appendDecision({
    at: '2026-11-12T09:06:00.000Z',
    businessId: D,
    subject: 'person:nils@byraab.se',
    action: 'note',
    rationale: 'Asked',
    decidedBy: 'anna@sjobod.se',
  });
  await store.saveRuns([
    createRun({
      id: 'run-c',
      businessId: C,
      templateId: 'onboard-person',
      subject: 'person:eve@evil.example',
      now: new Date('2026-11-05T12:00:00Z'),
    }),
  ]);
  return store;
}

describe("the overview's facts in one read (issue 15, item 2)", () => {
  it('gives every business exactly what the per-business queries give', async () => {
    const store = await seeded();
    const all = await store.overviewFacts([D, B, C, E, B]);
    expect([...all.keys()]).toEqual([B, C, D, E]);
    for (const id of [B, C, D, E]) {
      const facts = all.get(id)!;
      const byKind = (rows: { kind: string }[]) => [...rows].sort((a, b) => a.kind.localeCompare(b.kind));
      expect(byKind(facts.snapshots)).toEqual(byKind(await store.latestSnapshots(id)));
      expect(facts.baseline).toEqual(await store.baseline(id));
      expect(facts.ledger).toEqual(await store.ledgerFacts(id));
      expect(facts.runs).toEqual(await store.runs({ businessId: id }));
    }
    // The facts are the seeded ones, not two empty answers agreeing.
    const b = all.get(B)!;
    expect(b.snapshots).toHaveLength(2);
    expect(b.ledger.grants.get('person:eve@evil.example')).toEqual({ endsAt: '2026-12-31' });
    expect(b.ledger.accepted?.get('person:nils@byraab.se pending-invitation')).toBe('2027-01-01');
    expect(b.ledger.firstSeen.has('person:nils@byraab.se')).toBe(true);
    expect(b.ledger.open?.get('person:eve@evil.example') ?? []).toEqual([]);
    expect((all.get(C)!.ledger.open?.get('person:eve@evil.example') ?? []).length).toBe(0);
    expect(all.get(C)!.runs.map((r) => r.id)).toEqual(['run-c']);
    // D's intruder has no record at all: an open change, the same one the per-business query gives.
    expect(all.get(D)!.ledger.open?.get('person:eve@evil.example')?.length).toBeGreaterThan(0);
    expect(all.get(E)).toEqual({
      snapshots: [],
      ledger: { grants: new Map(), firstSeen: new Map(), accepted: new Map(), open: new Map() },
      runs: [],
    });
  });
});
