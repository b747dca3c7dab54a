import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { LedgerStore } from '@/lib/ledger/store';
import { ALL, writtenBusinesses } from '@/lib/ledger/written';
import { RangeSet, type IndexableType } from 'dexie';
import { me, person, snapshot } from '../domain/rules/helpers';

/** Issue 15's overview: which businesses a committed write touched, so only their rows are read again. */
const B = '1203456789012345';
const C = '2203456789012345';
const OWN = ['sjobod.se'];
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 10));
const in_ = (businessId: string, s: PageSnapshot): PageSnapshot => ({
  ...s,
  businessId,
  url: s.url.replace(B, businessId),
});

const opened: LedgerStore[] = [];
const open = () => {
  const store = new LedgerStore(`ledger-${Math.random()}`);
  opened.push(store);
  return store;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function twoBusinesses(): Promise<LedgerStore> {
  const store = open();
  for (const id of [B, C]) {
    const s = in_(id, snapshot([me]));
    await store.recordSnapshot(s, day(1));
    await store.observeBaseline(s, day(1), OWN);
  }
  return store;
}

describe('businessMark (issue 15)', () => {
  it('changes for the business a stored read names, and not for another', async () => {
    const store = await twoBusinesses();
    const [b, c] = [store.businessMark(B), store.businessMark(C)];
    await store.recordSnapshot(in_(B, snapshot([me, person('Lisa Kant', 'lisa@sjobod.se')])), day(2));
    expect(store.businessMark(B)).not.toBe(b);
    expect(store.businessMark(C)).toBe(c);
    // A baseline fold that keeps changes names its business too.
    const b2 = store.businessMark(B);
    const later = in_(
      C,
      snapshot([me, person('Eve', 'eve@evil.example', { portfolioAccess: 'full-control' })]),
    );
    await store.observeBaseline(later, day(3), OWN);
    expect(store.businessMark(C)).not.toBe(c);
    expect(store.businessMark(B)).toBe(b2);
  });

  it('changes for every business on a write it cannot place: a decision, an import, a colleague trusted', async () => {
    const store = await twoBusinesses();
    let marks = [store.businessMark(B), store.businessMark(C)];
    const moved = () => {
      const now = [store.businessMark(B), store.businessMark(C)];
      const both = now[0] !== marks[0] && now[1] !== marks[1];
      marks = now;
      return both;
    };
    await store.appendDecision({
      at: '2026-11-12T09:05:00.000Z',
      businessId: B,
      subject: 'person:lisa@sjobod.se',
      action: 'note',
      rationale: 'Asked',
      decidedBy: 'anna@sjobod.se',
    });
    expect(moved()).toBe(true);

    const other = open();
    await other.appendDecision({
      at: '2026-11-12T09:06:00.000Z',
      businessId: C,
      subject: 'person:eve@evil.example',
      action: 'note',
      rationale: 'Asked',
      decidedBy: 'bo@sjobod.se',
    });
    const text = JSON.stringify(await other.exportFile(day(20)));
    const size = new TextEncoder().encode(text).length;
    const imported = await store.applyImport(text, size, { now: day(20) }, { trust: [] });
    expect(imported.ok).toBe(true);
    expect(moved()).toBe(true);

    await store.deleteAll();
    expect(moved()).toBe(true);
  });

  it('reads Dexie’s parts conservatively', () => {
    const p = 'idb://db/';
    const keys = (...k: IndexableType[]) => new RangeSet().addKeys(k);
    expect(writtenBusinesses({ [`${p}snapshots/`]: keys([B, 'people'], [C, 'asset']) }, p)).toEqual(
      new Set([B, C]),
    );
    // The full range (a clear, or 50 rows and more in one write) names all.
    expect(writtenBusinesses({ [`${p}seen/`]: new RangeSet(-Infinity, [[[]]]) }, p)).toBe(ALL);
    // A range across two businesses names all.
    expect(writtenBusinesses({ [`${p}baselines/`]: new RangeSet(B, C) }, p)).toBe(ALL);
    // Changes added name their business; a change deleted names only its row number.
    expect(
      writtenBusinesses(
        {
          [`${p}changes/`]: keys(7),
          [`${p}changes/:dels`]: new RangeSet(),
          [`${p}changes/[businessId+at]`]: keys([C, 'x']),
        },
        p,
      ),
    ).toEqual(new Set([C]));
    expect(writtenBusinesses({ [`${p}changes/`]: keys(7), [`${p}changes/:dels`]: keys(7) }, p)).toBe(ALL);
    // Names and review campaigns are read afresh, the reminders' state not at all; other meta keys (trusted colleagues) name all.
    expect(
      writtenBusinesses({ [`${p}meta/`]: keys(`business-name:${B}`, 'reviewCampaign:x', 'reminders') }, p),
    ).toEqual(new Set());
    expect(writtenBusinesses({ [`${p}meta/`]: keys('trustedLedger.abc') }, p)).toBe(ALL);
    expect(writtenBusinesses({ [`${p}grants/`]: keys('g-1') }, p)).toBe(ALL);
    expect(writtenBusinesses({ [`${p}commands/`]: keys('k') }, p)).toEqual(new Set());
    // Another database's parts are not this store's.
    expect(writtenBusinesses({ 'idb://other/grants/': keys('g-1') }, p)).toEqual(new Set());
  });
});
