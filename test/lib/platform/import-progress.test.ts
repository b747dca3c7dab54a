import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildExport } from '@/lib/domain/ledger/export';
import { ImportMemo, planImport, type ImportProgress } from '@/lib/domain/ledger/import';
import { Sha256 } from '@/lib/domain/ledger/sha256';
import { ImportProgressBoard } from '@/lib/platform/import-progress';
import { chainOf, OTHER_LEDGER } from '../domain/ledger/fixtures';
import { testHub, type TestHub } from './test-hub';

/** Issue 12, item 5: an import says how far it is, and its import does not redo its preview's checks. */
const NOW = new Date('2026-11-28T12:00:00Z');
let file: string;
const N = 1500;

beforeEach(async () => {
  fakeBrowser.reset();
  file ??= JSON.stringify(
    buildExport(OTHER_LEDGER, [], new Map([[OTHER_LEDGER, await chainOf(N, OTHER_LEDGER)]]), NOW),
  );
});

const holding = { ledgerId: '11111111-2222-4333-8444-555555555555', grants: new Map(), chains: new Map() };

describe('an import’s progress', () => {
  it('counts every decision hashed, in batches, up to the total', async () => {
    const seen: ImportProgress[] = [];
    const check = await planImport(file, file.length, holding, { now: NOW, onProgress: (p) => seen.push(p) });
    expect(check.ok).toBe(true);
    expect(seen.every((p) => p.stage === 'checking' && p.total === N && p.done <= p.total)).toBe(true);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    // Told along the way (a slice is at most 1,024 decisions, fewer when the machine is slow), not only at
    // the end: how many times depends on the machine's speed, that it is told before the end does not.
    expect(seen.some((p) => p.done > 0 && p.done < N)).toBe(true);
    expect(seen.at(-1)).toEqual({ stage: 'checking', done: N, total: N });
  });

  it('keeps the preview’s parse and hashes for the same text, and only for it', async () => {
    const memo = new ImportMemo();
    // Decisions are hashed on the worker's thread (lib/domain/ledger/sha256.ts), one call per decision.
    const digest = vi.spyOn(Sha256.prototype, 'hex');
    const first = await planImport(file, file.length, holding, { now: NOW, memo });
    expect(digest.mock.calls.length).toBeGreaterThanOrEqual(N);
    digest.mockClear();
    const again = await planImport(`${file}`, file.length, holding, { now: NOW, memo });
    expect(digest).not.toHaveBeenCalled();
    expect(again).toEqual(first);
    // Another text (a changed rationale, same length) is checked in full, and its break is found.
    const tampered = file.replace('"Case 7"', '"Case 8"');
    expect(tampered).not.toBe(file);
    const refused = await planImport(tampered, tampered.length, holding, { now: NOW, memo });
    expect(digest.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(refused).toMatchObject({ ok: false, error: { code: 'import-chain-broken' } });
    digest.mockRestore();
  });

  it('is kept by command key while it runs, and forgotten when it answers', () => {
    const board = new ImportProgressBoard();
    expect(board.reporter(undefined)).toBeUndefined();
    board.reporter('k1')!({ stage: 'writing', done: 5, total: 10 });
    expect(board.get('k1')).toEqual({ stage: 'writing', done: 5, total: 10 });
    expect(board.get('k2')).toBeUndefined();
    board.done('k1');
    expect(board.get('k1')).toBeUndefined();
  });

  it('answers a poll when the import is in another stage than the page shows, or after a while with the counts', async () => {
    const board = new ImportProgressBoard();
    const report = board.reporter('k1')!;
    // Nothing known yet: the poll waits for the first stage, and hears of it as soon as it starts.
    const first = board.next('k1', undefined, 60_000);
    report({ stage: 'checking', done: 0, total: 10 });
    expect(await first).toEqual({ stage: 'checking', done: 0, total: 10 });
    // A stage the page does not show yet is answered at once.
    expect(await board.next('k1', 'reading', 60_000)).toEqual({ stage: 'checking', done: 0, total: 10 });
    // The same stage: counts alone do not answer it before its time, the next stage does.
    const next = board.next('k1', 'checking', 60_000);
    let answered: unknown;
    void next.then((p) => (answered = p));
    report({ stage: 'checking', done: 5, total: 10 });
    await Promise.resolve();
    expect(answered).toBeUndefined();
    report({ stage: 'writing', done: 0, total: 10 });
    expect(await next).toEqual({ stage: 'writing', done: 0, total: 10 });
    // After its time, with the counts so far.
    report({ stage: 'writing', done: 3, total: 10 });
    expect(await board.next('k1', 'writing', 5)).toEqual({ stage: 'writing', done: 3, total: 10 });
    // The import answered: a waiting poll is told so (nothing), and a later one finds nothing.
    const last = board.next('k1', 'writing', 60_000);
    board.done('k1');
    expect(await last).toBeUndefined();
    expect(await board.next('k1', undefined, 5)).toBeUndefined();
  });

  describe('through the background', () => {
    let t: TestHub;
    beforeEach(() => {
      t = testHub({ now: NOW.toISOString() });
    });
    afterEach(() => t.close());

    it('answers importProgress polls with the checks and then the writes, until the import answers', async () => {
      for (const type of ['plan-import', 'apply-import'] as const) {
        const commandKey = crypto.randomUUID();
        let answered = false;
        const request = t
          .ask('ledgerAdmin', { type, text: file, commandKey })
          .finally(() => (answered = true));
        const polled: ImportProgress[] = [];
        while (!answered) {
          const r = await t.ask('importProgress', { commandKey });
          if (r.ok && r.value.progress) polled.push(r.value.progress);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        expect(await request).toMatchObject({
          ok: true,
          value: { type: 'import', applied: type === 'apply-import' },
        });
        // The preview hashes batch by batch; the import takes its preview's checks and writes in chunks.
        if (type === 'plan-import')
          expect(polled.some((p) => p.stage === 'checking' && p.done < p.total)).toBe(true);
        else expect(polled.some((p) => p.stage === 'writing')).toBe(true);
        // Once answered, nothing is kept for that key.
        expect(await t.ask('importProgress', { commandKey })).toEqual({ ok: true, value: {} });
      }
    });
  });
});
