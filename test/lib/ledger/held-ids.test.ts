import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sealDecision } from '@/lib/domain/ledger/chain';
import { buildExport } from '@/lib/domain/ledger/export';
import type { Decision } from '@/lib/domain/ledger/records';
import { openLedgerDb } from '@/lib/ledger/db';
import { LedgerStore } from '@/lib/ledger/store';
import { chainOf, OTHER_LEDGER } from '../domain/ledger/fixtures';

/**
 * Issue 16: the import's check that no new decision's id is held already reads the ids kept beside each
 * decision row, not every decision held: a restarted worker (a new store over the same database) pays no
 * parse of the whole ledger for a colleague's next decision, and the check still holds.
 */
const NOW = new Date('2026-11-28T12:00:00Z');
const stores: LedgerStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});
const open = (name: string) => {
  const store = new LedgerStore(name);
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
/** Every decision row the store reads whole (a scan of the ledger parses each one). */
const scans = (store: LedgerStore) =>
  vi.spyOn((store as unknown as { db: ReturnType<typeof openLedgerDb> }).db.decisionChunks, 'each');

describe('the held decision ids after a worker restart', () => {
  it('are read from the rows kept beside the decisions, and still refuse an id held anywhere', async () => {
    const name = `held-${Math.random()}`;
    const before = open(name);
    const theirs = await chainOf(4, OTHER_LEDGER);
    await before.commit({ decisions: [0, 1].map(note) });
    await before.appendDecision({ ...note(2), id: 'ours-held' });
    expect((await importText(before, fileOf(theirs.slice(0, 2)))).ok).toBe(true);
    before.close();

    // The worker restarts: a new store over the same database.
    const after = open(name);
    const scanned = scans(after);
    expect((await importText(after, fileOf(theirs.slice(2, 3)))).ok).toBe(true);
    // An id of ours, and one of theirs imported before the restart, are still known.
    for (const id of ['ours-held', theirs[0]!.id]) {
      const reused = await sealDecision({ ...note(7), id, ledgerId: OTHER_LEDGER }, theirs[2]!.hash);
      const refused = await importText(after, fileOf([reused]));
      expect(refused.ok ? 'ok' : refused.error.code, id).toBe('import-decision-elsewhere');
    }
    expect((await importText(after, fileOf(theirs.slice(3)))).ok).toBe(true);
    expect(await after.chain(OTHER_LEDGER)).toEqual(theirs);
    // No decision row was read whole for the checks.
    expect(scanned).not.toHaveBeenCalled();
  });

  it('are built once from the decisions in a store from before them, then kept; emptied with the ledger', async () => {
    const name = `held-old-${Math.random()}`;
    const old = open(name);
    await old.commit({ decisions: [0, 1].map(note) });
    await old.appendDecision({ ...note(2), id: 'ours-held' });
    // As a store from before: no ids kept beside the rows.
    const db = (old as unknown as { db: ReturnType<typeof openLedgerDb> }).db;
    await db.meta.where('key').startsWith('heldIds').delete();
    old.close();

    const first = open(name);
    const scanned = scans(first);
    const theirs = await chainOf(2, OTHER_LEDGER);
    const reused = await sealDecision(
      { ...note(7), id: 'ours-held', ledgerId: OTHER_LEDGER },
      theirs[1]!.hash,
    );
    expect((await importText(first, fileOf(theirs))).ok).toBe(true);
    expect(scanned).toHaveBeenCalledTimes(1);
    first.close();

    const again = open(name);
    const rescanned = scans(again);
    const refused = await importText(again, fileOf([reused]));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('import-decision-elsewhere');
    expect(rescanned).not.toHaveBeenCalled();

    // "Delete all data": the ids go with the decisions, and an id is free again.
    await again.deleteAll();
    const fresh = await chainOf(1, OTHER_LEDGER);
    expect((await importText(again, fileOf(fresh))).ok).toBe(true);
    const reborn = await sealDecision(
      { ...note(8), id: 'ours-held', ledgerId: OTHER_LEDGER },
      fresh[0]!.hash,
    );
    expect((await importText(again, fileOf([reborn]))).ok).toBe(true);
  });
});
