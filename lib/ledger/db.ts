import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Change } from '../domain/baseline';
import type { ChecklistRun } from '../domain/checklists/runs';
import type { Decision, GrantRecord } from '../domain/ledger/records';
import type { PageSnapshot } from '../domain/snapshot';

/** A decision as version 4 and earlier stored it, one a row: its place in its ledger's chain is `seq`. */
export type StoredDecision = Decision & { seq: number };

/**
 * Decisions as stored since version 5 (issue 12, item 5): a run of one ledger's chain, in chain order, one
 * row. IndexedDB's cost in Chromium is per row and per index entry, not per byte: 100,000 decisions one a
 * row took 38-78 s to write whatever the indexes or the durability (scripts/bench/idb-layouts.ts), while
 * 100 rows of 1,000 take 1-2 s to write and 1.5 s to read back. An import writes runs of `DECISION_CHUNK`;
 * an append writes the decisions of its command as one row.
 * Its indexes are per row, not per decision, and few: an index of every subject (100,000 entries) took the
 * write of 100,000 from about 1 s to 5-17 s, so a subject's rows are found in a directory kept beside
 * (SubjectRow). The decisions are kept as their JSON text: IndexedDB copies a string, while it clones
 * objects field by field (reading 100,000 decisions as objects took 10-15 s).
 */
export interface DecisionChunk {
  ledgerId: string;
  /** The chain position (0, 1, 2, …) of its first decision; the others follow in order. */
  first: number;
  /** How many decisions it holds, and the last one's hash: a chain's tail, read without the text. */
  count: number;
  head: string;
  /** The decisions, in chain order, as a JSON array (`chunkDecisions`). */
  text: string;
  /** `${businessId} ${action}` of the revocations and acceptances it holds (what the rules and reminders ask). */
  kinds: string[];
  /** `${businessId} ${at}`: the latest decision it holds in each business (a business's latest decision). */
  latest: string[];
  /** Its earliest decision's time (the ledger's first decision). */
  firstAt: string;
}

/**
 * Decisions per row written by an import and by the upgrade to version 5. Measured in Chromium, 100,000
 * decisions, import and read back: rows of 100 took 22 s and 25 s, rows of 1,000 8 s and 4 s (a busy
 * machine). A subject's history reads the rows that hold it: at most this many decisions each.
 */
export const DECISION_CHUNK = 1000;

/** The actions a row's `kinds` lists (the store asks for no other by business). */
const INDEXED_ACTIONS: ReadonlySet<string> = new Set<Decision['action']>(['revoke', 'accept-finding']);

/** A row of decisions of one ledger, the first at chain position `first`, with its index keys. */
export function decisionChunk(ledgerId: string, first: number, decisions: Decision[]): DecisionChunk {
  const kinds = new Set<string>();
  const latest = new Map<string, string>();
  let firstAt = decisions[0]!.at;
  for (const d of decisions) {
    if (INDEXED_ACTIONS.has(d.action)) kinds.add(`${d.businessId} ${d.action}`);
    const known = latest.get(d.businessId);
    if (known === undefined || d.at > known) latest.set(d.businessId, d.at);
    if (d.at < firstAt) firstAt = d.at;
  }
  return {
    ledgerId,
    first,
    count: decisions.length,
    head: decisions.at(-1)!.hash,
    text: JSON.stringify(decisions),
    kinds: [...kinds],
    latest: [...latest].map(([businessId, at]) => `${businessId} ${at}`),
    firstAt,
  };
}

/** How many rows each ledger's subject directory is spread over. */
export const SUBJECT_BUCKETS = 256;

/** The directory row of a subject key (`${businessId} ${subject}`): FNV-1a, modulo SUBJECT_BUCKETS. */
export function subjectBucket(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SUBJECT_BUCKETS;
}

/**
 * One part of a ledger's subject directory: for each subject key (`${businessId} ${subject}`) that falls
 * in its bucket, the `first` of every row of decisions that holds one about that subject, ascending.
 * A subject's history reads one directory row per ledger, then only the rows it names; an import writes
 * at most SUBJECT_BUCKETS directory rows per ledger, and an append the few its subjects fall in.
 */
export interface SubjectRow {
  ledgerId: string;
  bucket: number;
  subjects: Map<string, number[]>;
}

/** Adds rows of decisions (one ledger's) to its subject directory, in the caller's transaction. */
export async function indexSubjects(
  table: Table<SubjectRow, [string, number]>,
  ledgerId: string,
  runs: readonly { first: number; decisions: readonly Decision[] }[],
): Promise<void> {
  const added = new Map<number, Map<string, number[]>>();
  for (const { first, decisions } of runs)
    for (const d of decisions) {
      const key = `${d.businessId} ${d.subject}`;
      const bucket = subjectBucket(key);
      let keys = added.get(bucket);
      if (!keys) added.set(bucket, (keys = new Map()));
      const firsts = keys.get(key);
      if (!firsts) keys.set(key, [first]);
      else if (firsts.at(-1) !== first) firsts.push(first);
    }
  const buckets = [...added.keys()];
  const stored = await table.bulkGet(buckets.map((bucket) => [ledgerId, bucket] as [string, number]));
  const rows = buckets.map((bucket, i): SubjectRow => {
    const row = stored[i] ?? { ledgerId, bucket, subjects: new Map<string, number[]>() };
    for (const [key, firsts] of added.get(bucket)!) {
      const known = row.subjects.get(key);
      row.subjects.set(key, known ? [...known, ...firsts].sort((a, b) => a - b) : firsts);
    }
    return row;
  });
  await table.bulkPut(rows);
}

/** A row's decisions, in chain order. */
export const chunkDecisions = (chunk: DecisionChunk): Decision[] => JSON.parse(chunk.text) as Decision[];

/** One ledger's decisions, the first at chain position `first`, as the runs `decisionChunks` stores. */
export function decisionRuns(
  first: number,
  decisions: readonly Decision[],
): { first: number; decisions: readonly Decision[] }[] {
  const out: { first: number; decisions: readonly Decision[] }[] = [];
  for (let start = 0; start < decisions.length; start += DECISION_CHUNK)
    out.push({ first: first + start, decisions: decisions.slice(start, start + DECISION_CHUNK) });
  return out;
}

/** Splits one ledger's decisions, the first at chain position `first`, into rows of `DECISION_CHUNK`. */
export function decisionChunks(
  ledgerId: string,
  first: number,
  decisions: readonly Decision[],
): DecisionChunk[] {
  const out: DecisionChunk[] = [];
  for (let start = 0; start < decisions.length; start += DECISION_CHUNK)
    out.push(decisionChunk(ledgerId, first + start, decisions.slice(start, start + DECISION_CHUNK)));
  return out;
}

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
  /** The current visit: when its first and its latest read were (less than an hour apart, read to read). */
  visit?: { start: string; last: string };
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
  decisionChunks: Table<DecisionChunk, [string, number]>;
  decisionSubjects: Table<SubjectRow, [string, number]>;
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
  // Version 5: decisions in rows of a chain's run (DecisionChunk: issue 12, item 5). The decisions held
  // one a row move, each ledger's chain in order, in the upgrade's own transaction (all or nothing).
  db.version(5)
    .stores({
      decisionChunks: '[ledgerId+first], ledgerId, firstAt, *kinds, *latest',
      decisionSubjects: '[ledgerId+bucket], bucket',
    })
    .upgrade(async (tx) => {
      const old = tx.table<StoredDecision>('decisions');
      const rows = await old.orderBy('[ledgerId+seq]').toArray();
      const chunks: DecisionChunk[] = [];
      const runs = new Map<string, { first: number; decisions: Decision[] }[]>();
      // Runs of one ledger's consecutive positions (a chain has no gaps; one would start a run of its own).
      for (let start = 0; start < rows.length;) {
        const { ledgerId, seq } = rows[start]!;
        let end = start + 1;
        while (end < rows.length && rows[end]!.ledgerId === ledgerId && rows[end]!.seq === seq + end - start)
          end++;
        const run = rows.slice(start, end).map(({ seq: _seq, ...decision }) => decision);
        for (const chunk of decisionChunks(ledgerId, seq, run)) chunks.push(chunk);
        runs.set(ledgerId, [...(runs.get(ledgerId) ?? []), { first: seq, decisions: run }]);
        start = end;
      }
      await tx.table<DecisionChunk>('decisionChunks').bulkAdd(chunks);
      for (const [ledgerId, held] of runs)
        await indexSubjects(
          tx.table<SubjectRow, [string, number]>('decisionSubjects'),
          ledgerId,
          held.flatMap(({ first, decisions }) => decisionRuns(first, decisions)),
        );
      await old.clear();
    });
  // Version 6: the table of decisions one a row goes (emptied by version 5's upgrade).
  db.version(6).stores({ decisions: null });
  return db;
}
