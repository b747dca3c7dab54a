import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildExport } from '@/lib/domain/ledger/export';
import type { ImportProgress } from '@/lib/domain/ledger/import';
import type { Decision } from '@/lib/domain/ledger/records';
import { DECISION_CHUNK, openLedgerDb } from '@/lib/ledger/db';
import { LedgerStore } from '@/lib/ledger/store';
import { chainOf, OTHER_LEDGER } from '../domain/ledger/fixtures';

/**
 * Issue 12, item 5: an import writes its decisions a part at a time (each part's rows made while the part
 * before is written), all in one transaction: every row where a single write would have put it, the bar told
 * how far, and nothing at all when a part fails.
 */
const NOW = new Date('2026-11-28T12:00:00Z');
const N = 2 * 10 * DECISION_CHUNK + 500;
const stores: LedgerStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});
const open = () => {
  const store = new LedgerStore(`import-write-${Math.random()}`);
  stores.push(store);
  return store;
};
const fileOf = (decisions: Decision[]) =>
  JSON.stringify(buildExport(OTHER_LEDGER, [], new Map([[OTHER_LEDGER, decisions]]), NOW));
const dbOf = (store: LedgerStore) => (store as unknown as { db: ReturnType<typeof openLedgerDb> }).db;
let chain: Decision[];

describe('an import of many decisions', () => {
  it('writes them in parts, every row in place, and says how far it is', async () => {
    chain ??= await chainOf(N, OTHER_LEDGER);
    const store = open();
    // A first part held already: the file's rest continues it, its rows counted from there.
    const head = 1234;
    expect((await store.applyImport(fileOf(chain.slice(0, head)), 1, { now: NOW })).ok).toBe(true);
    const told: ImportProgress[] = [];
    const text = fileOf(chain.slice(head));
    const r = await store.applyImport(text, text.length, { now: NOW, onProgress: (p) => told.push(p) });
    expect(r.ok).toBe(true);
    expect(await store.chain(OTHER_LEDGER)).toEqual(chain);
    const rows = await dbOf(store).decisionChunks.where('ledgerId').equals(OTHER_LEDGER).toArray();
    // The held part's rows, then the file's rows of DECISION_CHUNK from where it continues.
    const firsts = [
      0,
      DECISION_CHUNK,
      ...Array.from({ length: Math.ceil((N - head) / DECISION_CHUNK) }, (_, i) => head + i * DECISION_CHUNK),
    ];
    expect(rows.map((row) => row.first).sort((a, b) => a - b)).toEqual(firsts);
    const writing = told.filter((p) => p.stage === 'writing').map((p) => p.done);
    expect(writing).toEqual([0, 10 * DECISION_CHUNK, N - head]);
    // The subject directory finds the decisions (a subject's history reads it).
    expect((await store.decisionsAbout(chain[0]!.businessId, chain[0]!.subject)).length).toBe(N);
  });

  it('writes nothing when a part fails', async () => {
    chain ??= await chainOf(N, OTHER_LEDGER);
    const store = open();
    const table = dbOf(store).decisionChunks;
    const bulkAdd = table.bulkAdd.bind(table);
    let calls = 0;
    vi.spyOn(table, 'bulkAdd').mockImplementation(((rows: never) => {
      calls += 1;
      return calls === 2 ? Promise.reject(new Error('disk full')) : bulkAdd(rows);
    }) as never);
    const text = fileOf(chain);
    await expect(store.applyImport(text, text.length, { now: NOW })).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await store.chain(OTHER_LEDGER)).toEqual([]);
    expect(await dbOf(store).decisionChunks.count()).toBe(0);
    expect(await dbOf(store).decisionSubjects.count()).toBe(0);
  });
});
