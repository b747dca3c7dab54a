// Bundled into a page by scripts/bench.ts: times the ledger store in the browser (IndexedDB, Web Crypto).
import { sealDecision } from '../../lib/domain/ledger/chain';
import type { Decision } from '../../lib/domain/ledger/records';
import {
  decisionChunks,
  decisionRuns,
  indexSubjects,
  openLedgerDb,
  type LedgerDb,
} from '../../lib/ledger/db';
import { LedgerStore } from '../../lib/ledger/store';
import { addDays } from '../../lib/domain/ledger/commands';
import { checkSignatures, decisionSigningText, signText } from '../../lib/domain/ledger/signing';
import { exportText } from '../../lib/domain/ledger/export';
import { ledgerAdmin } from '../../lib/platform/ledger';

const B = '1203456789012345';

/** Writes decisions as an import does: rows of a chain's run and the subject directory, one transaction. */
function write(db: LedgerDb, ledgerId: string, first: number, decisions: Decision[]): Promise<void> {
  return db.transaction('rw', db.decisionChunks, db.decisionSubjects, async () => {
    await db.decisionChunks.bulkAdd(decisionChunks(ledgerId, first, decisions));
    await indexSubjects(db.decisionSubjects, ledgerId, decisionRuns(first, decisions));
  });
}

/** Seeds `n` sealed decisions; resolves with the time spent writing them (IndexedDB alone, no checks). */
async function seed(store: LedgerStore, db: LedgerDb, n: number): Promise<number> {
  // Seeded straight into the tables (a bench's shortcut): the store's own appends are timed below.
  const ledgerId = await store.getLedgerId();
  let head: string | undefined;
  let batch: Decision[] = [];
  let first = 0;
  let writeMs = 0;
  for (let i = 0; i < n; i++) {
    const d: Decision = await sealDecision(
      {
        id: `seed-${i}`,
        ledgerId,
        at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        businessId: B,
        subject: `person:p${i % 500}@agency.example`,
        action: i % 7 === 0 ? 'accept-finding' : 'note',
        rationale: `Decision ${i} about the spring campaign`,
        decidedBy: 'anna@sjobod.se',
        // Within the maximum duration from the decision, as an import requires.
        ...(i % 7 === 0
          ? {
              after: { ruleId: 'pending-invite', reviewAt: addDays('2026-01-01', 30 + Math.floor(i / 1440)) },
            }
          : {}),
      },
      head,
    );
    head = d.hash;
    batch.push(d);
    if (batch.length === 5000) {
      // As an import writes them: rows of a chain's run (lib/ledger/db.ts), 5,000 decisions a transaction.
      const part = batch;
      const at = first;
      writeMs += (await time(() => write(db, ledgerId, at, part)))[0];
      first += batch.length;
      batch = [];
    }
  }
  if (batch.length) writeMs += (await time(() => write(db, ledgerId, first, batch)))[0];
  return writeMs;
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

export interface LedgerBenchRow {
  size: number;
  /** Mean of the appends (the first ones pay for the seed's compaction: see appendMedianMs). */
  appendMs: number;
  /** Median of one append (one decision, signed, in its own durable transaction). */
  appendMedianMs: number;
  /** A business's latest decision (what every ledger write with a review open asks). */
  lastDecisionMs: number;
  /** Writing the seeded decisions straight into IndexedDB (5,000 per transaction, no checks): what any write of them costs. */
  seedWriteMs: number;
  /** Reading our chain's last decision (what an append seals onto; median of 50). */
  tailMs: number;
  factsMs: number;
  factsCachedMs: number;
  historyMs: number;
  chainMs: number;
  exportMs?: number;
  /** The options page's path in the background: preview (plan-import), then apply-import, as ledgerAdmin runs them. */
  importMs?: number;
  previewMs?: number;
  applyMs?: number;
  fileMb?: number;
  /** One ECDSA P-256 signature (mean of 1,000). */
  signMs: number;
  /** "Verify chain": every hash, and every signature against our key (the seeded ones are unsigned). */
  verifyMs: number;
  /** Every decision's signature checked, the whole chain signed by one key. */
  signaturesMs: number;
}

export async function benchLedger(sizes: number[], appends: number) {
  const rows: LedgerBenchRow[] = [];
  for (const size of sizes) {
    const name = `bench-${size}-${Date.now()}`;
    const store = new LedgerStore(name);
    const db = openLedgerDb(name);
    const seedWriteMs = await seed(store, db, size);
    db.close();
    const each: number[] = [];
    const [appendTotal] = await time(async () => {
      for (let i = 0; i < appends; i++) {
        const [ms] = await time(() =>
          store.appendDecision({
            at: new Date().toISOString(),
            businessId: B,
            subject: 'partner:3228568050780001',
            action: 'note',
            rationale: `bench ${i}`,
            decidedBy: 'anna@sjobod.se',
          }),
        );
        each.push(ms);
      }
    });
    const appendMedianMs = [...each].sort((a, b) => a - b)[Math.floor(each.length / 2)]!;
    const [lastDecisionMs] = await time(() => store.lastDecisionAt(B));
    const ledgerId = await store.getLedgerId();
    const tails: number[] = [];
    for (let i = 0; i < 50; i++)
      tails.push(
        (await time(() => (store as unknown as { tail(id: string): Promise<unknown> }).tail(ledgerId)))[0],
      );
    const tailMs = tails.sort((a, b) => a - b)[25]!;
    const [factsMs] = await time(() => store.ledgerFacts(B));
    // Later snapshots of the same business reuse the grants and acceptances until the next ledger write.
    const [factsCachedMs] = await time(() => store.ledgerFacts(B));
    const [historyMs] = await time(() => store.decisionsAbout(B, 'person:p7@agency.example'));
    const [chainMs] = await time(async () => store.chain(await store.getLedgerId()));
    const chain = await store.chain(await store.getLedgerId());
    const [verifyMs] = await time(() => store.verify());
    const key = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const [signTotal] = await time(async () => {
      for (let i = 0; i < 1000; i++)
        await signText(key.privateKey, decisionSigningText(chain[i % chain.length]!.hash));
    });
    const signed: Decision[] = [];
    for (let i = 0; i < chain.length; i += 1000)
      signed.push(
        ...(await Promise.all(
          chain.slice(i, i + 1000).map(async (d) => ({
            ...d,
            sig: await signText(key.privateKey, decisionSigningText(d.hash)),
          })),
        )),
      );
    const [signaturesMs, checked] = await time(() => checkSignatures(signed, key.publicKey));
    if (checked.valid !== signed.length) throw new Error('signatures did not verify');
    const row: (typeof rows)[number] = {
      size,
      appendMs: appendTotal / appends,
      appendMedianMs,
      seedWriteMs,
      lastDecisionMs,
      tailMs,
      factsMs,
      factsCachedMs,
      historyMs,
      chainMs,
      signMs: signTotal / 1000,
      verifyMs,
      signaturesMs,
    };
    if (size === sizes.at(-1)) {
      const [exportMs, text] = await time(async () => exportText(await store.exportFile(new Date())));
      const target = new LedgerStore(`bench-import-${Date.now()}`);
      // As the options page asks it (lib/platform/handlers/ledger.ts): the preview, then the import.
      const now = new Date();
      const [previewMs, preview] = await time(() => ledgerAdmin(target, { type: 'plan-import', text }, now));
      if (!preview.ok) throw new Error(preview.error.code);
      const request = { type: 'apply-import' as const, text, trust: [], acceptKeys: [] };
      const [applyMs, result] = await time(() => ledgerAdmin(target, request, now));
      if (!result.ok) throw new Error(result.error.code);
      const importMs = previewMs + applyMs;
      Object.assign(row, { exportMs, importMs, previewMs, applyMs, fileMb: text.length / 1024 / 1024 });
      target.close();
    }
    rows.push(row);
    store.close();
  }
  return rows;
}

(globalThis as unknown as { __benchLedger: typeof benchLedger }).__benchLedger = benchLedger;
