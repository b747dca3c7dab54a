// Bundled into a page by scripts/bench/idb-layouts.ts: what writing 100,000 decisions into IndexedDB costs,
// by layout, durability and transaction size (issue 12, item 5). No checks: the bare writes only.
import Dexie from 'dexie';
import type { Decision } from '../../lib/domain/ledger/records';

const HEX = '0123456789abcdef';
const hex = (n: number, i: number) => {
  let out = '';
  let x = (i + 1) * 2654435761;
  for (let k = 0; k < n; k++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += HEX[x & 15];
  }
  return out;
};

/** Decisions shaped as test/lib/ledger/large-ledger.ts makes them (about 465 bytes each as JSON). */
function decisions(n: number): (Decision & { seq: number })[] {
  const ledgerId = '3e1f6a2b-9c4d-4e8f-a1b2-c3d4e5f6a7b8';
  const out: (Decision & { seq: number })[] = [];
  let prev = '0'.repeat(64);
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hash = hex(64, i);
    out.push({
      id: `${hex(8, i)}-${String(i).padStart(36 - 9, '0')}`,
      ledgerId,
      at: `2026-11-${day}T${String(i % 24).padStart(2, '0')}:15:00.000Z`,
      businessId: ['1203456789012345', '1203456789012346', '1203456789012347'][i % 3]!,
      subject:
        i % 3 === 0
          ? `partner:32285680507${String(i % 997).padStart(5, '0')}`
          : `person:c${i % 4001}@byraab.se`,
      decidedBy: 'anna.lindqvist@sjobod.se',
      action: i % 5 === 0 ? 'grant' : 'extend',
      rationale: `Spring campaign ${i}: ads and insights on the café page, case SJ-${1000 + (i % 9000)}`,
      after:
        i % 5 === 0
          ? {
              assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['ads', 'insights'] }],
              startsAt: `2026-11-${day}`,
              endsAt: `2027-01-${day}`,
            }
          : { endsAt: `2027-02-${day}` },
      prevHash: prev,
      hash,
      sig: hex(128, i),
      seq: i,
    } as Decision & { seq: number });
    prev = hash;
  }
  return out;
}

const V4 = 'id, [ledgerId+seq], ledgerId, at, [businessId+subject], [businessId+action], [businessId+at]';

export interface Variant {
  name: string;
  /** The decisions table's schema. */
  schema: string;
  durability: 'strict' | 'relaxed' | 'default';
  /** Rows per bulkAdd; `perTransaction` bulkAdds per transaction (0: all in one). */
  batch: number;
  perTransaction: number;
  /** Decisions per stored row (1: one decision a row). */
  chunk?: number;
  /** A chunk's decisions stored as one JSON string rather than an array of objects. */
  asText?: boolean;
  /** A chunk's decisions stored as the UTF-8 bytes of their JSON (an ArrayBuffer). */
  asBytes?: boolean;
  /** Each chunk carries multiEntry keys: its subjects, actions and latest time per business. */
  keyed?: boolean;
  /** IndexedDB itself, without Dexie (primary key only, one transaction). */
  raw?: boolean;
}

/** The same rows through IndexedDB's own API: whether Dexie adds anything to the cost. */
async function runRaw(variant: Variant, rows: unknown[]): Promise<number> {
  const name = `raw-${Date.now()}-${Math.random()}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('decisions', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('decisions', 'readwrite', {
      durability: variant.durability === 'default' ? 'default' : variant.durability,
    });
    const store = tx.objectStore('decisions');
    for (const row of rows) store.add(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - start;
  db.close();
  await new Promise((resolve) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = resolve;
  });
  return ms;
}

let readMs: number[] = [];

async function run(variant: Variant, rows: (Decision & { seq: number })[]): Promise<number> {
  if (variant.raw) return runRaw(variant, rows);
  const name = `layout-${Date.now()}-${Math.random()}`;
  const db = new Dexie(
    name,
    variant.durability === 'default' ? {} : { chromeTransactionDurability: variant.durability },
  );
  db.version(1).stores({ decisions: variant.schema });
  await db.open();
  const table = db.table('decisions');
  let items: unknown[] = rows;
  if (variant.chunk && variant.chunk > 1) {
    const chunks: unknown[] = [];
    for (let i = 0; i < rows.length; i += variant.chunk) {
      const part = rows.slice(i, i + variant.chunk);
      chunks.push({
        ledgerId: part[0]!.ledgerId,
        first: part[0]!.seq,
        ...(variant.asText
          ? { text: JSON.stringify(part) }
          : variant.asBytes
            ? { bytes: new TextEncoder().encode(JSON.stringify(part)).buffer }
            : { decisions: part }),
        ...(variant.keyed
          ? {
              subjects: [...new Set(part.map((d) => `${d.businessId} ${d.subject}`))],
              actions: [...new Set(part.map((d) => `${d.businessId} ${d.action}`))],
              latest: [...new Set(part.map((d) => d.businessId))].map(
                (b) =>
                  `${b} ${part.filter((d) => d.businessId === b).reduce((m, d) => (d.at > m ? d.at : m), '')}`,
              ),
            }
          : {}),
      });
    }
    items = chunks;
  }
  const start = performance.now();
  const batches: unknown[][] = [];
  for (let i = 0; i < items.length; i += variant.batch) batches.push(items.slice(i, i + variant.batch));
  const per = variant.perTransaction || batches.length;
  for (let t = 0; t < batches.length; t += per) {
    await db.transaction('rw', table, async () => {
      for (const batch of batches.slice(t, t + per)) await table.bulkAdd(batch);
    });
  }
  const ms = performance.now() - start;
  const read = performance.now();
  await table.toArray();
  readMs.push(performance.now() - read);
  db.close();
  await Dexie.delete(name);
  return ms;
}

export async function benchLayouts(n: number, variants: Variant[], repeats: number) {
  const rows = decisions(n);
  const out: { name: string; ms: number[]; readMs: number[] }[] = variants.map((v) => ({
    name: v.name,
    ms: [],
    readMs: [],
  }));
  // Interleaved, so a busy moment of the shared machine falls on every variant alike.
  for (let r = 0; r < repeats; r++)
    for (const [i, variant] of variants.entries()) {
      readMs = out[i]!.readMs;
      out[i]!.ms.push(await run(variant, rows));
    }
  return { bytes: JSON.stringify(rows).length, out };
}

(globalThis as unknown as { __benchLayouts: typeof benchLayouts }).__benchLayouts = benchLayouts;
export { V4 };
