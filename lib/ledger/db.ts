import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Change } from '../domain/baseline';
import type { ChecklistRun } from '../domain/checklists/runs';
import type { Decision, GrantRecord } from '../domain/ledger/records';
import type { PageSnapshot } from '../domain/snapshot';

/** A decision as stored: its place in its ledger's chain is `seq` (0, 1, 2, …). */
export type StoredDecision = Decision & { seq: number };

export interface MetaRow {
  key: string;
  value: unknown;
}

/** When Scopekeeper first saw a subject pending in a business (makes stale-pending-invite work). */
export interface SeenRow {
  businessId: string;
  subject: string;
  firstSeenAt: string;
  pendingSince?: string;
  lastSeenAt: string;
}

export interface SnapshotRow {
  businessId: string;
  kind: PageSnapshot['kind'];
  seenAt: string;
  snapshot: PageSnapshot;
}

/**
 * A command already carried out, by the idempotency key its screen made once per user action: a retry of
 * the same action (its answer was lost to a stopped worker) gets this result back instead of running twice.
 * Written in the same transaction as the command's records; pruned after a week.
 */
export interface CommandRow {
  key: string;
  name: string;
  at: string;
  /** SHA-256 of the request's canonical JSON (handlers/context.ts): a key reused for another is refused. */
  requestHash?: string;
  result: unknown;
}

/** A business's baseline as stored (lib/domain/baseline.ts; validated when read), issue 13. */
export interface BaselineRow {
  businessId: string;
  baseline: unknown;
  updatedAt: string;
}

/** One change a read showed against the baseline, in the order seen (validated when read), issue 13. */
export interface ChangeRow {
  id?: number;
  businessId: string;
  at: string;
  change: Change;
}

/** A checklist run as stored (lib/domain/checklists/runs.ts; validated when read). */
export type ChecklistRunRow = ChecklistRun;

export type LedgerDb = Dexie & {
  meta: EntityTable<MetaRow, 'key'>;
  grants: EntityTable<GrantRecord, 'id'>;
  decisions: EntityTable<StoredDecision, 'id'>;
  seen: Table<SeenRow, [string, string]>;
  snapshots: Table<SnapshotRow, [string, string]>;
  checklistRuns: EntityTable<ChecklistRunRow, 'id'>;
  commands: EntityTable<CommandRow, 'key'>;
  baselines: EntityTable<BaselineRow, 'businessId'>;
  changes: EntityTable<ChangeRow, 'id'>;
};

export const LEDGER_DB_NAME = 'scopekeeper-ledger';

/**
 * The IndexedDB schema, by version. Each version lists only what it changes; Dexie upgrades an older store
 * in place. Indexes serve the UIs' queries: by business, by subject, by end date, a chain in order.
 * A new version must add an upgrade test from a fixture of every earlier version (test/lib/ledger).
 */
export function openLedgerDb(name = LEDGER_DB_NAME): LedgerDb {
  // Strict durability: a transaction completes (and a write is acknowledged) only once the data is on
  // disk. The browsers' defaults are "relaxed" (complete once handed to the OS; a crash or power loss can
  // lose it): Chromium's, and Firefox's since version 40 (bug 1112702). Dexie passes the hint to every
  // browser (the name says Chrome for history): Chromium 83+ and Firefox 126+ (ESR 128) honour it.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as LedgerDb;
  db.version(1).stores({
    meta: 'key',
    grants: 'id, businessId, subject, endsAt, [businessId+subject]',
    decisions:
      'id, [ledgerId+seq], ledgerId, businessId, subject, at, [businessId+subject], [businessId+action]',
    seen: '[businessId+subject], businessId',
    snapshots: '[businessId+kind], businessId',
    checklistRuns: 'id, businessId, subject, [businessId+subject]',
  });
  // Version 2: the idempotency keys of commands already carried out (issue 11, item 5).
  db.version(2).stores({ commands: 'key, at' });
  // Version 3: a business's latest decision is read from the end of [businessId+at] (issue 12, item 5:
  // lastDecisionAt scanned every decision of the business, on every ledger write with a review open). It
  // takes the place of the plain businessId index (the compound index's prefix serves its queries), and
  // the decisions' subject index goes (nothing asks it: a subject's history is [businessId+subject]), so
  // every decision written, appended or imported, updates one index fewer than before.
  db.version(3).stores({
    decisions: 'id, [ledgerId+seq], ledgerId, at, [businessId+subject], [businessId+action], [businessId+at]',
  });
  // Version 4: each business's baseline (the last confirmed state of every principal) and the changes
  // reads showed against it, in the order seen (issue 13, items 1 and 2).
  db.version(4).stores({ baselines: 'businessId', changes: '++id, [businessId+at], at' });
  return db;
}
