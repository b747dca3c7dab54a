import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '@/lib/domain/ledger/chain';
import { MAX_IMPORT_BYTES } from '@/lib/domain/ledger/import';
import { decisionChunks, openLedgerDb } from '@/lib/ledger/db';
import { LedgerStore } from '@/lib/ledger/store';
import { ledgerAdmin } from '@/lib/platform/ledger';
import { LARGE_LEDGER, largeChain } from './large-ledger';

const N = 100_000;
const LEDGER = LARGE_LEDGER;

describe('a large ledger round-trips through its own export and import', () => {
  it(`exports ${N.toLocaleString('en')} decisions compactly, under the import limit, and imports them back as the same chain`, async () => {
    const chain = await largeChain(N);

    // The ledger Scopekeeper holds: this installation's chain of N decisions.
    const name = `scale-a-${Math.random()}`;
    const raw = openLedgerDb(name);
    await raw.meta.put({ key: 'ledgerId', value: LEDGER });
    await raw.decisionChunks.bulkAdd(decisionChunks(LEDGER, 0, chain));
    raw.close();
    const source = new LedgerStore(name);

    const started = performance.now();
    const exported = await ledgerAdmin(source, { type: 'export' }, new Date('2026-11-30T06:00:00Z'));
    const exportMs = performance.now() - started;
    if (!exported.ok || exported.result.type !== 'export') throw new Error('export failed');
    const { json } = exported.result;
    const bytes = new TextEncoder().encode(json).length;
    const pretty = new TextEncoder().encode(JSON.stringify(JSON.parse(json), null, 2)).length;
    // Compact: no pretty printing (what a pretty-printed file of the same ledger would weigh, for the report).
    expect(json.includes('\n')).toBe(false);
    // In ASCII (its names and notes are Swedish: "Sjöbod Café"), which a browser reads as a one-byte string.
    expect(json).toContain('Sj\\u00f6bod');
    expect(/^[\x20-\x7e]*$/.test(json)).toBe(true);
    expect(bytes).toBeLessThan(MAX_IMPORT_BYTES);

    const target = new LedgerStore(`scale-b-${Math.random()}`);
    const importStarted = performance.now();
    const applied = await ledgerAdmin(
      target,
      { type: 'apply-import', text: json, trust: [], acceptKeys: [] },
      new Date('2026-11-30T06:00:00Z'),
    );
    const importMs = performance.now() - importStarted;
    expect(applied).toMatchObject({ ok: true, result: { type: 'import', applied: true } });
    const back = await target.chain(LEDGER);
    expect(back).toHaveLength(N);
    expect(back.at(-1)?.hash).toBe(chain.at(-1)?.hash);
    expect(back).toEqual(chain);
    expect(await verifyChain(back)).toMatchObject({ ok: true, length: N });
    console.info(
      `export-scale: ${N} decisions, compact export ${(bytes / 1024 / 1024).toFixed(1)} MB ` +
        `(pretty-printed ${(pretty / 1024 / 1024).toFixed(1)} MB, limit ${MAX_IMPORT_BYTES / 1024 / 1024} MB), ` +
        `export ${Math.round(exportMs)} ms, plan + apply import ${Math.round(importMs)} ms (fake-indexeddb)`,
    );
    source.close();
    target.close();
  }, 600_000);
});
