import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { sealDecision } from '@/lib/domain/ledger/chain';
import { buildExport } from '@/lib/domain/ledger/export';
import type { Decision } from '@/lib/domain/ledger/records';
import { LedgerStore } from '@/lib/ledger/store';
import { chainOf, OTHER_LEDGER } from '../domain/ledger/fixtures';

/**
 * A chain read from a position (issue 16: the team ledger pushes and imports only a chain's new part),
 * and an import that continues a chain held in the store.
 */
const NOW = new Date('2026-11-28T12:00:00Z');
const stores: LedgerStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});
const open = () => {
  const store = new LedgerStore(`parts-${Math.random()}`);
  stores.push(store);
  return store;
};
const note = (i: number) => ({
  at: '2026-11-27T10:00:00.000Z',
  businessId: '1203456789012345',
  subject: 'partner:3228568050780001',
  action: 'note' as const,
  rationale: `Note ${i}`,
  decidedBy: 'anna@sjobod.se',
});
const fileOf = (decisions: Decision[]) =>
  JSON.stringify(buildExport(OTHER_LEDGER, [], new Map([[OTHER_LEDGER, decisions]]), NOW));
const importText = (store: LedgerStore, text: string) => store.applyImport(text, text.length, { now: NOW });

describe('a chain by parts', () => {
  it('reads any range across rows of any length, and its length without the decisions', async () => {
    const store = open();
    // Rows of 1, 4 and 2 decisions (one a command).
    await store.appendDecision(note(0));
    await store.commit({ decisions: [1, 2, 3, 4].map(note) });
    await store.commit({ decisions: [5, 6].map(note) });
    const ledgerId = await store.getLedgerId();
    const whole = await store.chain(ledgerId);
    expect(await store.chainLength(ledgerId)).toBe(7);
    for (const [from, count] of [
      [0, 7],
      [0, 1],
      [2, 3],
      [4, 1],
      [4, 100],
      [6, 1],
      [7, 1],
      [3, 0],
    ] as const)
      expect(await store.chainFrom(ledgerId, from, count)).toEqual(whole.slice(from, from + count));
    expect(await store.chainFrom(ledgerId, 3)).toEqual(whole.slice(3));
    expect(await store.chainLength(OTHER_LEDGER)).toBe(0);
    expect(await store.chainFrom(OTHER_LEDGER, 0)).toEqual([]);
  });

  it('imports a continuation onto what it holds, and still refuses an id held anywhere', async () => {
    const store = open();
    const theirs = await chainOf(4, OTHER_LEDGER);
    expect((await importText(store, fileOf(theirs.slice(0, 2)))).ok).toBe(true);
    expect((await importText(store, fileOf(theirs.slice(2)))).ok).toBe(true);
    expect(await store.chain(OTHER_LEDGER)).toEqual(theirs);
    // An id of our own chain, appended after the import read the ids held, is still known to the next one.
    const mine = await store.appendDecision({ ...note(9), id: 'taken-here' });
    expect(mine.id).toBe('taken-here');
    const reused = await sealDecision(
      { ...note(4), id: 'taken-here', ledgerId: OTHER_LEDGER },
      theirs[3]!.hash,
    );
    const refused = await importText(store, fileOf([reused]));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('import-decision-elsewhere');
    // A continuation from a decision not held is a gap.
    const after = await sealDecision({ ...note(5), ledgerId: OTHER_LEDGER, id: 'x5' }, reused.hash);
    const gap = await importText(store, fileOf([after]));
    expect(gap.ok ? 'ok' : gap.error.code).toBe('import-chain-gap');
    expect(await store.chain(OTHER_LEDGER)).toEqual(theirs);
  });
});
