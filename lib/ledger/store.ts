import Dexie from 'dexie';
import { z } from 'zod';
import { observe, pruneBaseline, type Baseline, type Change } from '../domain/baseline';
import { baselineSchema, changeSchema, visitSchema } from '../domain/baseline-schema';
import { checklistRunSchema, type ChecklistRun } from '../domain/checklists/runs';
import { sealDecision, verifyChain, type ChainCheck } from '../domain/ledger/chain';
import { canonicalJson } from '../domain/ledger/canonical';
import { buildExport } from '../domain/ledger/export';
import {
  fileKeyFor,
  ImportMemo,
  planImport,
  type ImportCheck,
  type ImportOptions,
  type ImportPlan,
  type HeldChains,
  type HeldWatch,
} from '../domain/ledger/import';
import { reviewCampaignSchema, type ReviewCampaign } from '../domain/review/campaign';
import {
  decisionSchema,
  grantRecordSchema,
  isAssetReviewRevoke,
  publicKeySchema,
  type Decision,
  type DecisionBody,
  type GrantRecord,
  type PublicKey,
} from '../domain/ledger/records';
import {
  chainSigningText,
  checkSignatures,
  decisionSigningText,
  importPublicKey,
  keyFingerprint,
  publicKeyOf,
  signText,
  type Authorship,
} from '../domain/ledger/signing';
import type { LedgerFacts } from '../domain/rules/types';
import {
  changeRowKey,
  lastRead,
  mergeBaseline,
  newChangeRows,
  watchDigest,
  watchForExport,
  watchSigningText,
} from '../domain/ledger/watch-transfer';
import { BUSINESS_NAME_MAX, getSubjectKey, type PageSnapshot } from '../domain/snapshot';
import { openChanges, type OpenChange, type OpenChanges } from '../domain/watch';
import { changeTimeline, type TimelineEntry } from '../domain/timeline';
import type { ApprovalFacts } from '../domain/change-approval';
import {
  chunkDecisions,
  DECISION_CHUNK,
  decisionChunk,
  decisionChunks,
  decisionRuns,
  indexSubjects,
  subjectBucket,
  openLedgerDb,
  type DecisionChunk,
  type LedgerDb,
  type MetaRow,
  type SeenRow,
  type ChecklistRunRow,
  type SnapshotRow,
} from './db';
import { auditSignatures, SIGNATURE_AUDIT, signatureAuditSchema } from './signature-audit';
import { ALL, writtenBusinesses } from './written';

/** What the reminders remember: the steps already notified, and snoozes by reminder group. */
export const reminderStateSchema = z.object({
  notified: z.array(z.string().max(300)).max(100_000).default([]),
  snoozes: z.record(z.string().max(300), z.string().datetime()).default({}),
  /** Per business: since when the review cadence counts (first seen, then the last finished review). */
  reviewSince: z.record(z.string().max(20), z.string().datetime()).default({}),
});
export type ReminderState = z.infer<typeof reminderStateSchema>;

/** The moments the store remembers by name (meta rows holding an ISO date-time). */
export type TimeKey = 'lastExportAt' | 'lastBackupReminderAt';

export type NewDecision = Omit<DecisionBody, 'id' | 'ledgerId' | 'prevHash'> & { id?: string };

/** What the store keeps at most per business (tests lower it). */
export interface StoreLimits {
  /** First-seen rows per business: a large portfolio has 5,000 people; people come and go. */
  seenPerBusiness: number;
}
const DEFAULT_LIMITS: StoreLimits = { seenPerBusiness: 20_000 };

/** The meta rows of the businesses' names (issue 15): `business-name:<id>` → `{ name, readAt }`. */
const BUSINESS_NAME = 'business-name:';
const businessNameSchema = z.object({ name: z.string().min(1).max(BUSINESS_NAME_MAX), readAt: z.string() });

/**
 * The held decisions' ids, kept beside their rows (issue 16): meta `heldIds:<ledgerId>:<first>` holds the ids
 * of the decision row that starts there, written in the transaction that writes the row, and `heldIds` marks
 * that every row has one. A restarted worker reads these small rows for the import's id check instead of
 * parsing every decision held. A store from before them builds them once, on the first check.
 */
const HELD_IDS = 'heldIds:';
const HELD_IDS_COMPLETE = 'heldIds';
const heldIdsRow = (ledgerId: string, first: number, decisions: readonly Decision[]): MetaRow => ({
  key: `${HELD_IDS}${ledgerId}:${first}`,
  value: decisions.map((d) => d.id),
});

/** How long the baseline keeps a fact, and the change log a change, that no read has shown (issue 13). */
export const BASELINE_RETENTION_DAYS = 400;
/** Reads of a business further apart than this are two visits. */
export const VISIT_GAP_MS = 60 * 60_000;

/** How long a command's idempotency key is remembered (a retry comes within seconds; a week is ample). */
export const COMMAND_KEY_DAYS = 7;

/** A command's idempotency key, its message's name, when it ran, and its answer from what was written. */
export interface CommandMark<T = Decision[]> {
  key: string;
  name: string;
  at: string;
  /** SHA-256 of the request's canonical JSON; a stored key with another name or hash is refused. */
  requestHash?: string;
  result: (written: T) => unknown;
}

/** An idempotency key already carried out for another message or another request (CommandKeyReused). */
export class CommandKeyReused extends Error {
  constructor() {
    super('This idempotency key was used for another request.');
    this.name = 'CommandKeyReused';
  }
}

/** Whether a stored command is the one a key is presented with now (same message, same request). */
export const sameCommand = (
  row: { name: string; requestHash?: string },
  mark: { name: string; requestHash?: string },
): boolean =>
  row.name === mark.name &&
  (row.requestHash === undefined || mark.requestHash === undefined || row.requestHash === mark.requestHash);

/** Everything one command writes (LedgerStore.commit). */
export interface Commit {
  grants?: readonly GrantRecord[];
  /** Appended to our chain in this order. */
  decisions?: readonly NewDecision[];
  runs?: readonly ChecklistRun[];
  deleteRuns?: readonly string[];
  /**
   * Runs the command read and decided on: each must still be stored exactly so (checked inside the write
   * transaction), or nothing is written and the commit throws RunChanged (a finish, a discard or another tick
   * came in between; issue 11, item 5).
   */
  expect?: readonly ChecklistRun[];
  /** Evidence updates: each `after` is written only if its run is still stored as `before`; others are skipped. */
  runUpdates?: readonly { before: ChecklistRun; after: ChecklistRun }[];
  /** A change to the reminders' memory (a snooze, a finished review). */
  reminders?: (state: ReminderState) => ReminderState;
  /** Access review campaigns written (issue 14; meta rows `reviewCampaign:<id>`). */
  campaigns?: readonly ReviewCampaign[];
  /**
   * The revision of each campaign the command read (by id; -1: none stored): a campaign stored at another
   * revision throws CampaignChanged and nothing is written (a decision or a read came in between).
   */
  expectCampaigns?: ReadonlyMap<string, number>;
  command?: CommandMark;
}

/** The meta row key of an access review campaign (issue 14). */
export const campaignKey = (id: string): string => `reviewCampaign:${id}`;

/** A campaign a commit expected (Commit.expectCampaigns) is stored at another revision now. */
export class CampaignChanged extends Error {
  constructor() {
    super('The review changed meanwhile.');
    this.name = 'CampaignChanged';
  }
}

/** What a commit did: the decisions it sealed, or (a retried key) the first answer, with nothing written. */
export type Committed =
  | { replayed: false; decisions: Decision[]; /** Ids of the `runUpdates` written. */ updatedRuns?: string[] }
  | { replayed: true; result: unknown };

/** A run a commit expected (Commit.expect) is stored differently now, or gone (`stored` undefined). */
export class RunChanged extends Error {
  constructor(readonly stored: ChecklistRun | undefined) {
    super('The checklist changed meanwhile.');
    this.name = 'RunChanged';
  }
}

/** Whether two runs are the same record (canonical JSON of their validated forms). */
const sameRun = (a: ChecklistRun | undefined, b: ChecklistRun): boolean =>
  a !== undefined &&
  canonicalJson(checklistRunSchema.parse(a)) === canonicalJson(checklistRunSchema.parse(b));

/**
 * This installation's signing key (issue 11, item 4): the private key is a non-extractable CryptoKey,
 * kept in the meta table by structured clone (it never leaves the browser's key store as bytes);
 * `legacyHead` is the head of our chain when the key was made: the unsigned decisions up to it are ours.
 */
interface Identity {
  privateKey: CryptoKey;
  publicKey: PublicKey;
  createdAt: string;
  legacyHead: string | null;
}

/** A new signing key: the private key non-extractable, the public one as it travels (JWK). */
async function newKeyPair(): Promise<Pick<Identity, 'privateKey' | 'publicKey'>> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  return {
    privateKey: pair.privateKey,
    publicKey: publicKeyOf(await crypto.subtle.exportKey('jwk', pair.publicKey)),
  };
}

/** A colleague's key as first seen (meta `colleagueKey.<ledgerId>`). */
export const colleagueKeySchema = z.object({
  key: publicKeySchema,
  firstSeenAt: z.string().datetime(),
  /** Keys this ledger was signed with before the admin accepted a new one. */
  replaced: z.array(publicKeySchema).max(20).default([]),
});
export type ColleagueKey = z.infer<typeof colleagueKeySchema>;
/** A colleague whose acceptances and revocations take effect here (meta `trustedLedger.<ledgerId>`). */
export const trustedLedgerSchema = z.object({ since: z.string().datetime() });

const TRUSTED = 'trustedLedger.';
const COLLEAGUE_KEY = 'colleagueKey.';

/** What the admin agreed to in an import's preview (per ledger). */
export interface ImportConsent {
  /** Other admins' ledgers to trust from now on: their acceptances and revocations take effect. */
  trust?: readonly string[];
  /** Ledgers whose changed key the admin accepts; any other ledger with a changed key is held back. */
  acceptKeys?: readonly string[];
}

export interface VerifiedLedger {
  ledgerId: string;
  check: ChainCheck;
  /** Signatures, checked against our key (our ledger) or the key first seen for a colleague. */
  authorship: Authorship & { fingerprint?: string };
}

/** What `overviewFacts` gives of one business. */
export interface OverviewStoreFacts {
  snapshots: SnapshotRow[];
  baseline?: Baseline;
  /** When a read last folded into its baseline (the baseline row's own time). */
  updatedAt?: string;
  ledger: LedgerFacts;
  runs: ChecklistRun[];
}

/** Decisions by time; ties in chain order (one ledger's by sequence, then by ledger). */
function byTimeThenChain(
  a: { decision: Decision; seq: number },
  b: { decision: Decision; seq: number },
): number {
  if (a.decision.at !== b.decision.at) return a.decision.at < b.decision.at ? -1 : 1;
  if (a.decision.ledgerId === b.decision.ledgerId) return a.seq - b.seq;
  return a.decision.ledgerId < b.decision.ledgerId ? -1 : 1;
}

/** Stored checklist runs, newest first; one that fails its schema is reported, never returned half-read. */
function parseRuns(rows: readonly ChecklistRunRow[]): ChecklistRun[] {
  const runs: ChecklistRun[] = [];
  for (const row of rows) {
    const parsed = checklistRunSchema.safeParse(row);
    if (parsed.success) runs.push(parsed.data);
    else console.warn(`Scopekeeper: checklist run ${String(row.id)} is not valid and was left out.`);
  }
  return runs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/**
 * What the rules need of a business's grants (each subject's latest end date) and of its acceptances that
 * count (ours and trusted colleagues', in time order: a later one for the same finding wins).
 */
function recordFacts(
  grants: readonly GrantRecord[],
  acceptances: readonly Decision[],
): Pick<LedgerFacts, 'grants' | 'accepted'> {
  const bySubject = new Map<string, { endsAt?: string }>();
  for (const grant of grants) {
    const known = bySubject.get(grant.subject);
    // Several grants for one subject: the latest end date is the one that counts.
    if (!known || (grant.endsAt && (!known.endsAt || grant.endsAt > known.endsAt))) {
      bySubject.set(grant.subject, grant.endsAt ? { endsAt: grant.endsAt } : {});
    }
  }
  const accepted = new Map<string, string>();
  for (const d of acceptances) {
    const after = d.after as { ruleId?: unknown; reviewAt?: unknown } | undefined;
    if (typeof after?.ruleId === 'string' && typeof after.reviewAt === 'string') {
      accepted.set(`${d.subject} ${after.ruleId}`, after.reviewAt);
    }
  }
  return { grants: bySubject, accepted };
}

/**
 * The ledger store, used by the background only (the one writer). Every write is one IndexedDB
 * transaction; appends to the chain are serialised, so writes from many tabs at once lose nothing and
 * the chain stays linear.
 */
export class LedgerStore {
  /** The tables are the store's own: other code asks through the named queries below. */
  private readonly db: LedgerDb;
  private queue: Promise<unknown> = Promise.resolve();
  /** What the rules need from grants and decisions, per business; dropped on every ledger write. */
  private recordFacts = new Map<string, Promise<Pick<LedgerFacts, 'grants' | 'accepted'>>>();
  /**
   * When each pending invitation was first seen, per business: read once, not on every publish (a page of
   * 5,000 people has 5,000 rows here); dropped whenever `recordSnapshot` or a ledger write changes them.
   */
  private firstSeenFacts = new Map<string, Promise<Map<string, string>>>();
  /** The open (unrecorded) changes per business; dropped on every ledger write and every baseline fold. */
  private openChangeFacts = new Map<string, Promise<OpenChanges>>();
  private ledgerId: string | undefined;
  private identityPromise: Promise<Identity> | undefined;
  private trustedPromise: Promise<Set<string>> | undefined;
  /** The last previewed import file's parse and hash checks (by its text): its import does not redo them. */
  private readonly importMemo = new ImportMemo();

  private readonly limits: StoreLimits;
  /** How many times "Delete all data" ran in this worker (see `erasure`). */
  private erasures = 0;

  /**
   * A number that changes each time "Delete all data" runs: a page read taken in before it carries the
   * number of then, and `recordSnapshot` drops it (the ledger was erased after the admin saw that page).
   */
  get erasure(): number {
    return this.erasures;
  }

  constructor(db: LedgerDb | string = openLedgerDb(), limits: Partial<StoreLimits> = {}) {
    this.db = typeof db === 'string' ? openLedgerDb(db) : db;
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.mutationPrefix = `idb://${this.db.name}/`;
    Dexie.on.storagemutated.subscribe(this.onMutated);
  }

  close(): void {
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
    this.db.close();
  }

  /**
   * A number that changes after every committed write to this store's database, by any path of this
   * worker or another context (Dexie's `storagemutated`, which every table write fires): what was read
   * while it stays the same is still what the database holds. Not kept across restarts: the epoch makes a
   * restarted worker's numbers new ones.
   */
  writeMark(): string {
    return `${this.watchEpoch}:${this.mutations}`;
  }
  private mutations = 0;
  private readonly mutationPrefix: string;
  private readonly onMutated = (parts: Record<string, unknown>): void => {
    for (const part in parts)
      if (part.startsWith(`${this.mutationPrefix}decisionChunks/`)) {
        this.decisionWrites += 1;
        break;
      }
    for (const part in parts)
      if (part.startsWith(this.mutationPrefix)) {
        this.mutations += 1;
        const written = writtenBusinesses(parts, this.mutationPrefix);
        if (written === ALL) this.allWrites += 1;
        else for (const id of written) this.businessWrites.set(id, (this.businessWrites.get(id) ?? 0) + 1);
        for (const listener of this.writeListeners) listener();
        return;
      }
  };
  /** Committed writes to the decisions, by any path (what `heldIds` was read at). */
  private decisionWrites = 0;
  /** Every held decision's id, as of `decisionWrites` = `at` (the import's id check; kept up to date by our own writes). */
  private heldIdCache: { at: number; ids: Set<string> } | undefined;
  /** Writes no business could be named for (an import, trust, a clear), and each business's own writes. */
  private allWrites = 0;
  private readonly businessWrites = new Map<string, number>();

  /**
   * Like `writeMark`, for what the store holds of one business (issue 15's overview): it changes after
   * every committed write that touched that business, or that cannot be placed in one (`writtenBusinesses`).
   * Its names and open access reviews are not in it (the overview reads them afresh).
   */
  businessMark(businessId: string): string {
    return `${this.watchEpoch}:${this.allWrites}:${this.businessWrites.get(businessId) ?? 0}`;
  }
  private readonly writeListeners = new Set<() => void>();

  /** Told after each committed write to this store's database (the team ledger's push, issue 16). */
  onWrite(listener: () => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /**
   * Says when a change timeline may read differently: a read showed changes, or the ledger (which judges
   * them) was written. Not kept across restarts; the epoch makes a restarted worker's marks new ones.
   */
  watchMark(): string {
    return `${this.watchEpoch}:${this.watchVersion}`;
  }
  private readonly watchEpoch = Math.random().toString(36).slice(2, 10);
  private watchVersion = 0;

  /** Runs writes one after another (a promise chain as a mutex). */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    this.recordFacts.clear();
    this.firstSeenFacts.clear();
    this.openChangeFacts.clear();
    const next = this.queue.then(work, work).finally(() => {
      this.recordFacts.clear();
      this.firstSeenFacts.clear();
      this.openChangeFacts.clear();
      this.watchVersion += 1;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** This installation's ledger id, made once. */
  async getLedgerId(): Promise<string> {
    if (this.ledgerId) return this.ledgerId;
    const identities = this.identities;
    const id = await this.db.transaction('rw', this.db.meta, async () => {
      const row = await this.db.meta.get('ledgerId');
      if (typeof row?.value === 'string') return row.value;
      const made = crypto.randomUUID();
      await this.db.meta.put({ key: 'ledgerId', value: made });
      return made;
    });
    // Read before "Delete all data" gave this installation a new identity: not kept (the new one is).
    if (identities === this.identities) this.ledgerId = id;
    return this.ledgerId ?? id;
  }

  /** Changes each time "Delete all data" has given this installation a new ledger id and key. */
  private identities = 0;

  /** This installation's signing key, made once (with the head of our chain at that moment). */
  private identity(): Promise<Identity> {
    if (this.identityPromise) return this.identityPromise;
    const loading = this.loadIdentity();
    this.identityPromise = loading;
    // A failed load is tried again next time (unless "Delete all data" has put a new key in its place).
    loading.catch(() => {
      if (this.identityPromise === loading) this.identityPromise = undefined;
    });
    return loading;
  }

  private async loadIdentity(): Promise<Identity> {
    const stored = (await this.db.meta.get('signingKey'))?.value as Identity | undefined;
    if (stored?.privateKey) return stored;
    const ledgerId = await this.getLedgerId();
    const pair = await newKeyPair();
    return this.db.transaction('rw', this.db.meta, this.db.decisionChunks, async () => {
      const again = (await this.db.meta.get('signingKey'))?.value as Identity | undefined;
      if (again?.privateKey) return again;
      const tail = await this.tail(ledgerId);
      const made: Identity = { ...pair, createdAt: new Date().toISOString(), legacyHead: tail?.hash ?? null };
      await this.db.meta.put({ key: 'signingKey', value: made });
      return made;
    });
  }

  /** This installation's public key (it travels in every export). */
  async publicKey(): Promise<PublicKey> {
    return (await this.identity()).publicKey;
  }

  /**
   * Signs a text with this installation's key: the team ledger's record documents (issue 16,
   * lib/domain/team-docs.ts `recordSigningText`), whose label keeps them apart from decisions and heads.
   */
  async signTeamText(text: string): Promise<string> {
    return signText((await this.identity()).privateKey, text);
  }

  private async sign(decision: Decision): Promise<Decision> {
    const { privateKey } = await this.identity();
    return { ...decision, sig: await signText(privateKey, decisionSigningText(decision.hash)) };
  }

  /** The colleagues whose acceptances and revocations take effect here. */
  /** The ledger ids of the colleagues the admin trusts (a copy: the store's own set stays its own). */
  async trustedColleagues(): Promise<Set<string>> {
    return new Set(await this.trustedLedgers());
  }

  private trustedLedgers(): Promise<Set<string>> {
    this.trustedPromise ??= this.db.meta
      .where('key')
      .startsWith(TRUSTED)
      .primaryKeys()
      .then((keys) => new Set(keys.map((k) => String(k).slice(TRUSTED.length))));
    return this.trustedPromise;
  }

  /** Whether a decision's mutes and revocations count: ours, or a trusted colleague's. */
  private async counts(): Promise<(d: { ledgerId: string }) => boolean> {
    const [ours, trusted] = await Promise.all([this.getLedgerId(), this.trustedLedgers()]);
    return (d) => d.ledgerId === ours || trusted.has(d.ledgerId);
  }

  /** Colleagues: every ledger whose key we pinned or that the admin trusts. */
  async colleagues(): Promise<
    {
      ledgerId: string;
      trusted: boolean;
      trustedSince?: string;
      fingerprint?: string;
      firstSeenAt?: string;
      badSignature?: string;
    }[]
  > {
    const rows = await this.db.meta.where('key').startsWithAnyOf([TRUSTED, COLLEAGUE_KEY]).toArray();
    const ours = await this.getLedgerId();
    const out = new Map<
      string,
      {
        ledgerId: string;
        trusted: boolean;
        trustedSince?: string;
        fingerprint?: string;
        firstSeenAt?: string;
        badSignature?: string;
      }
    >();
    const entry = (ledgerId: string) => {
      let e = out.get(ledgerId);
      if (!e) out.set(ledgerId, (e = { ledgerId, trusted: false }));
      return e;
    };
    for (const row of rows) {
      if (row.key.startsWith(TRUSTED)) {
        const parsed = trustedLedgerSchema.safeParse(row.value);
        const e = entry(row.key.slice(TRUSTED.length));
        e.trusted = true;
        if (parsed.success) e.trustedSince = parsed.data.since;
      } else {
        const parsed = colleagueKeySchema.safeParse(row.value);
        if (!parsed.success) continue;
        const e = entry(row.key.slice(COLLEAGUE_KEY.length));
        e.fingerprint = await keyFingerprint(parsed.data.key);
        e.firstSeenAt = parsed.data.firstSeenAt;
      }
    }
    // Signatures an import's background check found bad (lib/ledger/signature-audit.ts).
    for (const row of await this.db.meta.where('key').startsWith(SIGNATURE_AUDIT).toArray()) {
      const parsed = signatureAuditSchema.safeParse(row.value);
      const ledgerId = row.key.slice(SIGNATURE_AUDIT.length);
      if (parsed.success && parsed.data.bad[0] && ledgerId !== ours)
        entry(ledgerId).badSignature = parsed.data.bad[0];
    }
    // Every other ledger held here is a colleague too, trusted or not (a file without a key pins none).
    for (const ledgerId of (await this.db.decisionChunks.orderBy('ledgerId').uniqueKeys()) as string[])
      if (ledgerId !== ours) entry(ledgerId);
    return [...out.values()].sort((a, b) => (a.ledgerId < b.ledgerId ? -1 : 1));
  }

  /**
   * Trusts a colleague (their acceptances and revocations count from now on) or stops trusting them
   * (their decisions stay stored, and no longer count). Our own ledger is always ours.
   */
  setTrusted(ledgerId: string, trusted: boolean, now: Date): Promise<void> {
    return this.serial(async () => {
      if (ledgerId === (await this.getLedgerId())) return;
      if (trusted)
        await this.db.meta.put({ key: `${TRUSTED}${ledgerId}`, value: { since: now.toISOString() } });
      else await this.db.meta.delete(`${TRUSTED}${ledgerId}`);
      this.trustedPromise = undefined;
    });
  }

  /** The key pinned for a colleague's ledger (the first one seen in a file or from the team's server). */
  async colleagueKey(ledgerId: string): Promise<ColleagueKey['key'] | undefined> {
    const row = await this.db.meta.get(`${COLLEAGUE_KEY}${ledgerId}`);
    const parsed = colleagueKeySchema.safeParse(row?.value);
    return parsed.success ? parsed.data.key : undefined;
  }

  private async pinnedKeys(): Promise<Map<string, ColleagueKey>> {
    const rows = await this.db.meta.where('key').startsWith(COLLEAGUE_KEY).toArray();
    const out = new Map<string, ColleagueKey>();
    for (const row of rows) {
      const parsed = colleagueKeySchema.safeParse(row.value);
      if (parsed.success) out.set(row.key.slice(COLLEAGUE_KEY.length), parsed.data);
    }
    return out;
  }

  /** One ledger's rows of decisions, in chain order. */
  private chunksOf(ledgerId: string) {
    return this.db.decisionChunks
      .where('[ledgerId+first]')
      .between([ledgerId, -Infinity], [ledgerId, Infinity]);
  }

  async chain(ledgerId: string): Promise<Decision[]> {
    const chain: Decision[] = [];
    // One by one: spreading 100,000 arguments overflows a service worker's stack.
    for (const chunk of await this.chunksOf(ledgerId).toArray())
      for (const d of chunkDecisions(chunk)) chain.push(d);
    return chain;
  }

  /**
   * A ledger's decisions from chain position `from` on, at most `count` of them (all to the end without
   * it): the rows that hold them only (a push of the new part, a continuation's end), not the whole chain.
   */
  async chainFrom(ledgerId: string, from: number, count = Infinity): Promise<Decision[]> {
    const out: Decision[] = [];
    if (count <= 0) return out;
    const end = from + count;
    const take = (chunk: DecisionChunk) => {
      const decisions = chunkDecisions(chunk);
      for (let i = Math.max(0, from - chunk.first); i < decisions.length && chunk.first + i < end; i++)
        out.push(decisions[i]!);
    };
    // The row that holds position `from` (rows hold runs of any length), then the rows after it.
    const holding = await this.db.decisionChunks
      .where('[ledgerId+first]')
      .between([ledgerId, -Infinity], [ledgerId, from], true, true)
      .last();
    if (holding && holding.first + holding.count > from) take(holding);
    const rows = this.db.decisionChunks
      .where('[ledgerId+first]')
      .between([ledgerId, from], [ledgerId, Number.isFinite(end) ? end : Infinity], false, false);
    await rows.each((chunk) => {
      if (chunk.first < end) take(chunk);
    });
    return out;
  }

  /** How many decisions a ledger's chain holds (its last row's end, read without the decisions). */
  async chainLength(ledgerId: string): Promise<number> {
    return ((await this.tail(ledgerId))?.seq ?? -1) + 1;
  }

  /** The held chains as an import reads them (lib/domain/ledger/import.ts HeldChains). */
  private heldChains(): HeldChains {
    return {
      from: (ledgerId, from) => this.chainFrom(ledgerId, from),
      positionOf: async (ledgerId, hash) => {
        // Most often in the chain's last row (a continuation); else the rows from the end back, one by one.
        let upTo = Infinity;
        for (;;) {
          const chunk = await this.db.decisionChunks
            .where('[ledgerId+first]')
            .between([ledgerId, -Infinity], [ledgerId, upTo], true, false)
            .last();
          if (!chunk) return undefined;
          if (chunk.head === hash) return chunk.first + chunk.count - 1;
          const at = chunkDecisions(chunk).findIndex((d) => d.hash === hash);
          if (at >= 0) return chunk.first + at;
          upTo = chunk.first;
        }
      },
      ids: () => this.heldIds(),
      holdsAny: async (ledgerId) => (await this.tail(ledgerId)) !== undefined,
    };
  }

  /** Every held decision's id: read once, then kept while no one else writes decisions. */
  private async heldIds(): Promise<ReadonlySet<string>> {
    if (this.heldIdCache?.at === this.decisionWrites) return this.heldIdCache.ids;
    const at = this.decisionWrites;
    const ids = new Set<string>();
    await this.db.transaction('rw', this.db.decisionChunks, this.db.meta, async () => {
      if (await this.db.meta.get(HELD_IDS_COMPLETE)) {
        // The ids beside each row: no decision parsed.
        await this.db.meta
          .where('key')
          .startsWith(HELD_IDS)
          .each((row) => {
            for (const id of row.value as string[]) ids.add(id);
          });
        return;
      }
      // A store from before the kept ids: every row read once, and its ids kept for the next time.
      const rows: MetaRow[] = [];
      await this.db.decisionChunks.each((chunk) => {
        const decisions = chunkDecisions(chunk);
        for (const d of decisions) ids.add(d.id);
        rows.push(heldIdsRow(chunk.ledgerId, chunk.first, decisions));
      });
      await this.db.meta.bulkPut([...rows, { key: HELD_IDS_COMPLETE, value: true }]);
    });
    if (at === this.decisionWrites) this.heldIdCache = { at, ids };
    return ids;
  }

  /**
   * After one of our own writes of decisions (its transaction done, `before` the write count when it
   * began): the ids kept stay true when that write was the only one since.
   */
  private noteWrittenIds(before: number, decisions: readonly Decision[]): void {
    const cache = this.heldIdCache;
    if (!cache || cache.at !== before || this.decisionWrites !== before + 1) {
      this.heldIdCache = undefined;
      return;
    }
    for (const d of decisions) cache.ids.add(d.id);
    cache.at = this.decisionWrites;
  }

  /** Every ledger's chain, in order: the rows in key order are grouped by ledger, each in chain order. */
  async chains(): Promise<Map<string, Decision[]>> {
    const out = new Map<string, Decision[]>();
    for (const chunk of await this.db.decisionChunks.toArray()) {
      let chain = out.get(chunk.ledgerId);
      if (!chain) out.set(chunk.ledgerId, (chain = []));
      for (const d of chunkDecisions(chunk)) chain.push(d);
    }
    return out;
  }

  /** A chain's last stored decision and its position (its hash is the head new decisions are sealed onto). */
  /** The head of this installation's chain (its last decision's hash), or null before the first. */
  async chainHead(): Promise<string | null> {
    return (await this.tail(await this.getLedgerId()))?.hash ?? null;
  }

  private async tail(ledgerId: string): Promise<{ hash: string; seq: number } | undefined> {
    const chunk = await this.chunksOf(ledgerId).last();
    return chunk ? { hash: chunk.head, seq: chunk.first + chunk.count - 1 } : undefined;
  }

  /**
   * The decisions of the rows found by one index key that match, each with its chain position (a row holds
   * other decisions too: its index keys are the distinct keys of what it holds).
   */
  private async decisionsWhere(
    rows: readonly (DecisionChunk | undefined)[],
    match: (d: Decision) => boolean,
  ): Promise<{ decision: Decision; seq: number }[]> {
    const out: { decision: Decision; seq: number }[] = [];
    for (const chunk of rows)
      if (chunk)
        chunkDecisions(chunk).forEach((decision, i) => {
          if (match(decision)) out.push({ decision, seq: chunk.first + i });
        });
    return out;
  }

  /** The answer of a command already carried out under this idempotency key, if any. */
  async commandResult(
    key: string | undefined,
  ): Promise<{ result: unknown; name: string; requestHash?: string } | undefined> {
    if (!key) return undefined;
    const row = await this.db.commands.get(key);
    return row
      ? { result: row.result, name: row.name, ...(row.requestHash ? { requestHash: row.requestHash } : {}) }
      : undefined;
  }

  /**
   * Writes everything one command decides, all or nothing, in one IndexedDB transaction: grant records,
   * decisions appended to our chain in order, checklist runs, the reminders' memory, and the command's
   * idempotency key with its answer. Decisions are sealed (hashed) before the transaction opens: waiting for
   * WebCrypto inside it would let IndexedDB commit it half-way. A key already carried out writes nothing and
   * gives back the first answer. Resolves once the transaction is durable (strict durability, db.ts).
   */
  commit(change: Commit): Promise<Committed> {
    return this.serial(async () => {
      const done = await this.commandResult(change.command?.key);
      if (done && change.command && !sameCommand(done, change.command)) throw new CommandKeyReused();
      if (done) return { replayed: true, result: done.result };
      const grants = (change.grants ?? []).map((g) => grantRecordSchema.parse(g));
      const runs = (change.runs ?? []).map((r) => checklistRunSchema.parse(r));
      const campaigns = (change.campaigns ?? []).map((c) => reviewCampaignSchema.parse(c));
      const updates = (change.runUpdates ?? []).map((u) => ({
        before: u.before,
        after: checklistRunSchema.parse(u.after),
      }));
      const ledgerId = await this.getLedgerId();
      const tail = await this.tail(ledgerId);
      const sealed: Decision[] = [];
      let head = tail?.hash;
      for (const input of change.decisions ?? []) {
        const { id, ...rest } = input;
        const decision = decisionSchema.parse(
          await this.sign(await sealDecision({ ...rest, id: id ?? crypto.randomUUID(), ledgerId }, head)),
        );
        sealed.push(decision);
        head = decision.hash;
      }
      const command = change.command;
      const result = command?.result(sealed);
      const tables = [
        this.db.grants,
        this.db.decisionChunks,
        this.db.decisionSubjects,
        this.db.checklistRuns,
        this.db.meta,
        this.db.commands,
      ];
      const writesBefore = this.decisionWrites;
      const committed = await this.db.transaction('rw', tables, async (): Promise<Committed> => {
        if (command) {
          const again = await this.db.commands.get(command.key);
          if (again && !sameCommand(again, command)) throw new CommandKeyReused();
          if (again) return { replayed: true, result: again.result };
        }
        for (const expected of change.expect ?? []) {
          const stored = await this.storedRun(expected.id);
          if (!sameRun(stored, expected)) throw new RunChanged(stored);
        }
        // The stored revision only (a campaign of 5,000 people takes ~100 ms to parse whole).
        for (const [id, revision] of change.expectCampaigns ?? []) {
          const stored = (await this.db.meta.get(campaignKey(id)))?.value as
            { revision?: unknown } | undefined;
          if ((stored?.revision ?? -1) !== revision) throw new CampaignChanged();
        }
        // The chain cannot have moved (appends are serialised); checked anyway, so a second writer fails loudly.
        if (sealed.length > 0 && (await this.tail(ledgerId))?.hash !== tail?.hash)
          throw new Error('The decision chain changed while appending; try again.');
        if (grants.length > 0) await this.db.grants.bulkPut(grants);
        // The command's decisions, one row (a chain's run: db.ts DecisionChunk).
        if (sealed.length > 0) {
          const first = (tail?.seq ?? -1) + 1;
          await this.db.decisionChunks.add(decisionChunk(ledgerId, first, sealed));
          await this.db.meta.put(heldIdsRow(ledgerId, first, sealed));
          await indexSubjects(this.db.decisionSubjects, ledgerId, [{ first, decisions: sealed }]);
        }
        if (runs.length > 0) await this.db.checklistRuns.bulkPut(runs);
        const updatedRuns: string[] = [];
        for (const { before, after } of updates) {
          if (!sameRun(await this.storedRun(before.id), before)) continue;
          await this.db.checklistRuns.put(after);
          updatedRuns.push(after.id);
        }
        if (change.deleteRuns?.length) await this.db.checklistRuns.bulkDelete([...change.deleteRuns]);
        if (campaigns.length > 0)
          await this.db.meta.bulkPut(campaigns.map((value) => ({ key: campaignKey(value.id), value })));
        if (change.reminders) {
          const next = reminderStateSchema.parse(change.reminders(await this.reminderState()));
          await this.db.meta.put({ key: 'reminders', value: next });
        }
        if (command) await this.rememberCommand(command, result);
        return { replayed: false, decisions: sealed, ...(updates.length ? { updatedRuns } : {}) };
      });
      if (!committed.replayed && sealed.length > 0) this.noteWrittenIds(writesBefore, sealed);
      return committed;
    });
  }

  /** Inside a write transaction: the command's key and answer, and keys older than a week forgotten. */
  private async rememberCommand(command: Omit<CommandMark, 'result'>, result: unknown): Promise<void> {
    await this.db.commands.put({
      key: command.key,
      name: command.name,
      at: command.at,
      ...(command.requestHash ? { requestHash: command.requestHash } : {}),
      result,
    });
    const cutoff = new Date(Date.parse(command.at) - COMMAND_KEY_DAYS * 86_400_000).toISOString();
    await this.db.commands.where('at').below(cutoff).delete();
  }

  /** Appends a decision to our chain and resolves once it is stored (acknowledged). */
  async appendDecision(input: NewDecision): Promise<Decision> {
    const done = await this.commit({ decisions: [input] });
    if (done.replayed) throw new Error('A decision without a command key cannot be a replay.');
    return done.decisions[0]!;
  }

  /** Stores a grant record together with the decision that records it, in one transaction. */
  async saveGrant(
    grant: GrantRecord,
    decision: NewDecision,
  ): Promise<{ grant: GrantRecord; decision: Decision }> {
    const valid = grantRecordSchema.parse(grant);
    const done = await this.commit({ grants: [valid], decisions: [{ ...decision, grantId: valid.id }] });
    if (done.replayed) throw new Error('A decision without a command key cannot be a replay.');
    return { grant: valid, decision: done.decisions[0]! };
  }

  /** A subject's decisions in one business, in chain order (the panel's history). */
  async decisionsAbout(businessId: string, subject: string): Promise<Decision[]> {
    // Each ledger's directory row for the subject names the rows that hold a decision about it.
    const key = `${businessId} ${subject}`;
    const parts = await this.db.decisionSubjects.where('bucket').equals(subjectBucket(key)).toArray();
    const wanted = parts.flatMap((part) =>
      (part.subjects.get(key) ?? []).map((first) => [part.ledgerId, first] as [string, number]),
    );
    const rows = await this.decisionsWhere(
      await this.db.decisionChunks.bulkGet(wanted),
      (d) => d.businessId === businessId && d.subject === subject,
    );
    rows.sort((a, b) =>
      a.decision.ledgerId === b.decision.ledgerId ? a.seq - b.seq : a.decision.at < b.decision.at ? -1 : 1,
    );
    return rows.map((r) => r.decision);
  }

  grant(id: string): Promise<GrantRecord | undefined> {
    return this.db.grants.get(id);
  }

  grants(filter: { businessId?: string; subject?: string } = {}): Promise<GrantRecord[]> {
    if (filter.businessId && filter.subject)
      return this.db.grants
        .where('[businessId+subject]')
        .equals([filter.businessId, filter.subject])
        .toArray();
    if (filter.businessId) return this.db.grants.where('businessId').equals(filter.businessId).toArray();
    if (filter.subject) return this.db.grants.where('subject').equals(filter.subject).toArray();
    return this.db.grants.toArray();
  }

  /** Grants whose end date falls on or before a date (the reminders' query). */
  grantsEndingBy(isoDate: string): Promise<GrantRecord[]> {
    return this.db.grants.where('endsAt').belowOrEqual(isoDate).toArray();
  }

  /**
   * Records what a snapshot showed: the latest snapshot per page kind, and first-seen dates. A read taken in
   * before the last "Delete all data" (`erasure` then) is not written.
   */
  async recordSnapshot(snapshot: PageSnapshot, now: Date, erasure = this.erasures): Promise<void> {
    const businessId = snapshot.businessId;
    if (!businessId || snapshot.readStatus === 'unreadable' || snapshot.kind.endsWith('dialog')) return;
    if (erasure !== this.erasures) return;
    const at = now.toISOString();
    if (snapshot.businessName) await this.noteBusinessName(businessId, snapshot.businessName, at, erasure);
    const subjects = snapshot.principals.map((p) => ({ subject: getSubjectKey(p), pending: p.pending }));
    let wrote = false;
    await this.db.transaction('rw', this.db.seen, this.db.snapshots, async () => {
      // Erased while this waited for the tables: nothing of it is written.
      if (erasure !== this.erasures) return;
      await this.db.snapshots.put({ businessId, kind: snapshot.kind, seenAt: at, snapshot });
      // One read and one write for the whole list; only rows that are new or whose pending state changed
      // are written (a 5,000-row page read again writes nothing).
      const rows = await this.db.seen.bulkGet(
        subjects.map((s) => [businessId, s.subject] as [string, string]),
      );
      const changed: SeenRow[] = [];
      subjects.forEach(({ subject, pending }, i) => {
        const row = rows[i];
        if (row && Boolean(row.pendingSince) === pending) return;
        const pendingSince = pending ? (row?.pendingSince ?? at) : undefined;
        changed.push({
          businessId,
          subject,
          firstSeenAt: row?.firstSeenAt ?? at,
          lastSeenAt: at,
          ...(pendingSince ? { pendingSince } : {}),
        });
      });
      if (changed.length === 0) return;
      wrote = true;
      await this.db.seen.bulkPut(changed);
      // Bounded per business: past the cap, subjects no longer on this page go first (those not pending
      // before those pending, the longest unseen first).
      const count = await this.db.seen.where('businessId').equals(businessId).count();
      if (count <= this.limits.seenPerBusiness) return;
      const present = new Set(subjects.map((s) => s.subject));
      const gone = (await this.db.seen.where('businessId').equals(businessId).toArray())
        .filter((row) => !present.has(row.subject))
        .sort((a, b) =>
          Boolean(a.pendingSince) !== Boolean(b.pendingSince)
            ? a.pendingSince
              ? 1
              : -1
            : a.lastSeenAt < b.lastSeenAt
              ? -1
              : 1,
        )
        .slice(0, count - this.limits.seenPerBusiness);
      await this.db.seen.bulkDelete(gone.map((row) => [row.businessId, row.subject] as [string, string]));
    });
    // First-seen dates changed: the rules read them again (an aborted transaction changed nothing).
    if (wrote) this.firstSeenFacts.delete(businessId);
  }

  /**
   * Keeps a business's name as a page last showed it (issue 15), in the meta table under
   * `business-name:<id>` (it goes with "Delete all data"); written only when it changed.
   */
  private async noteBusinessName(businessId: string, name: string, at: string, erasure: number) {
    const names = await this.loadBusinessNames();
    if (names.get(businessId) === name) return;
    await this.db.transaction('rw', this.db.meta, async () => {
      if (erasure !== this.erasures) return;
      await this.db.meta.put({ key: `${BUSINESS_NAME}${businessId}`, value: { name, readAt: at } });
      names.set(businessId, name);
    });
  }

  private namesPromise: Promise<Map<string, string>> | undefined;

  private loadBusinessNames(): Promise<Map<string, string>> {
    this.namesPromise ??= this.db.meta
      .where('key')
      .startsWith(BUSINESS_NAME)
      .toArray()
      .then((rows) => {
        const names = new Map<string, string>();
        for (const row of rows) {
          const parsed = businessNameSchema.safeParse(row.value);
          if (parsed.success) names.set(row.key.slice(BUSINESS_NAME.length), parsed.data.name);
        }
        return names;
      });
    this.namesPromise.catch(() => (this.namesPromise = undefined));
    return this.namesPromise;
  }

  /** A business's name as a page last showed it; undefined when none has (the ID is shown instead). */
  async businessName(businessId: string): Promise<string | undefined> {
    return (await this.loadBusinessNames()).get(businessId);
  }

  /** The businesses' names as pages last showed them, by business ID (a business never named is absent). */
  async businessNames(): Promise<ReadonlyMap<string, string>> {
    return new Map(await this.loadBusinessNames());
  }

  /**
   * Folds a read into its business's baseline and keeps the changes it showed (issue 13, items 1 and 2),
   * in one transaction; facts and changes no read has shown for `retentionDays` go. A stored baseline that
   * does not parse (damaged, or written by another version) is set aside in the meta table under
   * `baseline-unreadable:<business>:<time>` and the business starts a new one from this read: nothing is
   * lost, and that read is a first look (no changes). Returns the changes.
   */
  async observeBaseline(
    snapshot: PageSnapshot,
    now: Date,
    ownDomains: readonly string[],
    {
      retentionDays = BASELINE_RETENTION_DAYS,
      erasure = this.erasures,
      previous,
    }: {
      retentionDays?: number;
      erasure?: number;
      /** The tab's previous read of the same page (`observe`: what is unchanged on it is not news). */
      previous?: PageSnapshot | undefined;
    } = {},
  ): Promise<Change[]> {
    const businessId = snapshot.businessId;
    const kinds: readonly string[] = ['people', 'partners', 'system-users', 'asset'];
    if (!businessId || snapshot.readStatus === 'unreadable' || !kinds.includes(snapshot.kind)) return [];
    const at = now.toISOString();
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
    this.openChangeFacts.delete(businessId);
    const folded = this.db.transaction('rw', this.db.baselines, this.db.changes, this.db.meta, async () => {
      // A read taken in before the last "Delete all data" is not folded into what is left.
      if (erasure !== this.erasures) return [];
      const row = await this.db.baselines.get(businessId);
      let before: Baseline | undefined;
      if (row) {
        const parsed = baselineSchema.safeParse(row.baseline);
        if (parsed.success) before = parsed.data;
        else await this.db.meta.put({ key: `baseline-unreadable:${businessId}:${at}`, value: row });
      }
      const { baseline, changes } = observe(before, snapshot, at, ownDomains, previous);
      // A visit: reads of the business with less than an hour between them ("since your last visit").
      const visit = visitSchema.safeParse(row?.visit).data;
      const continues = visit && now.getTime() - Date.parse(visit.last) < VISIT_GAP_MS && visit.last <= at;
      await this.db.baselines.put({
        businessId,
        baseline: pruneBaseline(baseline, now, retentionDays),
        updatedAt: at,
        visit: { start: continues ? visit.start : at, last: at },
      });
      if (changes.length > 0)
        await this.db.changes.bulkAdd(changes.map((change) => ({ businessId, at, change })));
      await this.db.changes.where('at').below(cutoff).delete();
      return changes;
    });
    return folded.finally(() => {
      this.openChangeFacts.delete(businessId);
      this.watchVersion += 1;
    });
  }

  /**
   * The changes of a business that no record approves and that are still in effect (issue 13): judged
   * against the grants, the decisions of this installation and of trusted colleagues, and the checklist
   * runs as they are now, so a record made later clears its alert.
   */
  async openChanges(businessId: string): Promise<OpenChanges> {
    let open = this.openChangeFacts.get(businessId);
    if (!open) {
      open = this.readOpenChanges(businessId);
      this.openChangeFacts.set(businessId, open);
      open.catch(() => this.openChangeFacts.delete(businessId));
    }
    return open;
  }

  /**
   * The open changes that gave full control, in every business that has a baseline: the first of each
   * principal (the toolbar badge counts them, and each is notified once, at once).
   */
  async fullControlAlerts(): Promise<{ businessId: string; subject: string; change: OpenChange }[]> {
    const alerts: { businessId: string; subject: string; change: OpenChange }[] = [];
    for (const businessId of (await this.db.baselines.toCollection().primaryKeys()) as string[]) {
      for (const [subject, changes] of await this.openChanges(businessId)) {
        const change = changes.find((c) => c.fullControl);
        if (change) alerts.push({ businessId, subject, change });
      }
    }
    return alerts;
  }

  private async readOpenChanges(businessId: string): Promise<OpenChanges> {
    const changes = await this.changesOf(businessId);
    if (changes.length === 0) return new Map();
    const [baseline, facts] = await Promise.all([this.baseline(businessId), this.approvalFacts(businessId)]);
    return openChanges(changes, baseline, facts);
  }

  /** What of the ledger approves a business's changes: its grants, approving decisions and runs. */
  private async approvalFacts(businessId: string): Promise<ApprovalFacts> {
    const [grants, counts, runs] = await Promise.all([
      this.db.grants.where('businessId').equals(businessId).toArray(),
      this.counts(),
      this.runs({ businessId }),
    ]);
    const decisions = [];
    for (const action of ['grant', 'extend', 'keep', 'accept-finding'] as const)
      decisions.push(...(await this.actionsIn(businessId, action)).filter(counts));
    return { grants, decisions, runs };
  }

  /**
   * A business's change timeline (issue 13, item 5), newest first, each change judged against the ledger
   * as it is now; and when the current visit (reads with less than an hour between them) began.
   */
  async changeTimeline(businessId: string): Promise<{ entries: TimelineEntry[]; visitStart?: string }> {
    const [changes, row, facts] = await Promise.all([
      this.changesOf(businessId),
      this.db.baselines.get(businessId),
      this.approvalFacts(businessId),
    ]);
    const parsed = baselineSchema.safeParse(row?.baseline);
    const entries = changeTimeline(changes, parsed.success ? parsed.data : undefined, facts);
    const visit = visitSchema.safeParse(row?.visit).data;
    return { entries, ...(visit ? { visitStart: visit.start } : {}) };
  }

  /** The businesses that have a baseline: their IDs, with when a read last folded into each. */
  async watchedBusinesses(): Promise<{ businessId: string; updatedAt: string; name?: string }[]> {
    const [rows, names] = await Promise.all([this.db.baselines.toArray(), this.loadBusinessNames()]);
    return rows.map((r) => {
      const name = names.get(r.businessId);
      return { businessId: r.businessId, updatedAt: r.updatedAt, ...(name ? { name } : {}) };
    });
  }

  /** Every business with a stored read or a baseline, by ID (issue 15's overview). */
  async seenBusinesses(): Promise<string[]> {
    const ids = new Set<string>();
    for (const key of (await this.db.snapshots.toCollection().primaryKeys()) as [string, string][])
      ids.add(key[0]);
    for (const id of (await this.db.baselines.toCollection().primaryKeys()) as string[]) ids.add(id);
    return [...ids].sort();
  }

  /** A business's baseline as stored; undefined when there is none or it does not parse. */
  async baseline(businessId: string): Promise<Baseline | undefined> {
    const parsed = baselineSchema.safeParse((await this.db.baselines.get(businessId))?.baseline);
    return parsed.success ? parsed.data : undefined;
  }

  /** The changes reads showed in a business, oldest first (a row that does not parse is left out). */
  async changesOf(businessId: string): Promise<Change[]> {
    const rows = await this.db.changes
      .where('[businessId+at]')
      .between([businessId, Dexie.minKey], [businessId, Dexie.maxKey])
      .toArray();
    return rows.flatMap((row) => {
      const parsed = changeSchema.safeParse(row.change);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** What the rules need from the ledger for one business. */
  async ledgerFacts(businessId: string): Promise<LedgerFacts> {
    let records = this.recordFacts.get(businessId);
    if (!records) {
      records = this.readRecordFacts(businessId);
      this.recordFacts.set(businessId, records);
    }
    let seen = this.firstSeenFacts.get(businessId);
    if (!seen) {
      seen = this.readFirstSeen(businessId);
      this.firstSeenFacts.set(businessId, seen);
      seen.catch(() => this.firstSeenFacts.delete(businessId));
    }
    const [{ grants, accepted }, firstSeen, open] = await Promise.all([
      records,
      seen,
      this.openChanges(businessId),
    ]);
    return { grants, firstSeen, accepted, open };
  }

  private async readFirstSeen(businessId: string): Promise<Map<string, string>> {
    const firstSeen = new Map<string, string>();
    for (const row of await this.db.seen.where('businessId').equals(businessId).toArray())
      if (row.pendingSince) firstSeen.set(row.subject, row.pendingSince);
    return firstSeen;
  }

  private async readRecordFacts(businessId: string): Promise<Pick<LedgerFacts, 'grants' | 'accepted'>> {
    const grants = await this.db.grants.where('businessId').equals(businessId).toArray();
    // Another admin's acceptance mutes a finding only once the admin trusts that colleague (an import's
    // preview asks); until then it is stored, shown in the history, and ignored here.
    const counts = await this.counts();
    return recordFacts(grants, (await this.actionsIn(businessId, 'accept-finding')).filter(counts));
  }

  /** Checklist runs, newest first; a stored run that fails its schema is reported, never returned half-read. */
  async runs(filter: { businessId?: string; subject?: string } = {}): Promise<ChecklistRun[]> {
    const rows =
      filter.businessId && filter.subject
        ? await this.db.checklistRuns
            .where('[businessId+subject]')
            .equals([filter.businessId, filter.subject])
            .toArray()
        : filter.businessId
          ? await this.db.checklistRuns.where('businessId').equals(filter.businessId).toArray()
          : filter.subject
            ? await this.db.checklistRuns.where('subject').equals(filter.subject).toArray()
            : await this.db.checklistRuns.toArray();
    return parseRuns(rows);
  }

  async run(id: string): Promise<ChecklistRun | undefined> {
    return this.storedRun(id);
  }

  /** A stored run, validated (also inside a transaction). */
  private async storedRun(id: string): Promise<ChecklistRun | undefined> {
    const row = await this.db.checklistRuns.get(id);
    const parsed = row ? checklistRunSchema.safeParse(row) : undefined;
    return parsed?.success ? parsed.data : undefined;
  }

  /** Stores runs (validated); used for starts, ticks and evidence, all through the one writer. */
  saveRuns(runs: readonly ChecklistRun[]): Promise<void> {
    return this.serial(async () => {
      const valid = runs.map((r) => checklistRunSchema.parse(r));
      await this.db.checklistRuns.bulkPut(valid);
    });
  }

  deleteRun(id: string): Promise<void> {
    return this.serial(() => this.db.checklistRuns.delete(id));
  }

  /** The reminders' memory (kept in the ledger, so it survives restarts). Invalid state is kept aside. */
  async reminderState(): Promise<ReminderState> {
    const row = await this.db.meta.get('reminders');
    const parsed = reminderStateSchema.safeParse(row?.value ?? {});
    if (parsed.success) return parsed.data;
    await this.db.meta.put({ key: `reminders.invalid.${Date.now()}`, value: row?.value });
    return reminderStateSchema.parse({});
  }

  async saveReminderState(state: ReminderState): Promise<void> {
    await this.db.meta.put({ key: 'reminders', value: reminderStateSchema.parse(state) });
  }

  /**
   * Reads, changes and writes the reminders' memory in one transaction: a check that ran meanwhile (a
   * snooze, a finished review) is never written over with what was read before it.
   */
  updateReminderState(change: (state: ReminderState) => ReminderState): Promise<ReminderState> {
    return this.db.transaction('rw', this.db.meta, async () => {
      const current = await this.reminderState();
      const next = reminderStateSchema.parse(change(current));
      // Nothing changed (most hourly checks): no write, no disk flush, and what was read stays current.
      if (JSON.stringify(next) !== JSON.stringify(current))
        await this.db.meta.put({ key: 'reminders', value: next });
      return next;
    });
  }

  /** The latest snapshot of each page kind read in a business (lists, asset page). */
  async latestSnapshots(businessId: string): Promise<SnapshotRow[]> {
    return this.db.snapshots.where('businessId').equals(businessId).toArray();
  }

  latestSnapshot(businessId: string, kind: PageSnapshot['kind']): Promise<SnapshotRow | undefined> {
    return this.db.snapshots.get([businessId, kind]);
  }

  /**
   * What the overview needs of several businesses (issue 15, item 2), each table read once for all of
   * them in one transaction rather than once per business: for 200 businesses the per-business queries
   * were 1,200 transactions, and their overhead, not their rows, was most of the overview's time. The
   * facts are those `latestSnapshots`, `baseline`, `ledgerFacts` and `runs` give one business.
   */
  async overviewFacts(businessIds: readonly string[]): Promise<Map<string, OverviewStoreFacts>> {
    const ids = [...new Set(businessIds)].sort();
    const out = new Map<string, OverviewStoreFacts>();
    if (ids.length === 0) return out;
    const approving = ['grant', 'extend', 'keep', 'accept-finding'] as const;
    const { db } = this;
    const tables = [db.snapshots, db.baselines, db.seen, db.grants, db.checklistRuns, db.changes];
    const [snapshots, baselines, seen, grants, runRows, changeRows, chunks, counts] = await Promise.all([
      ...(await db.transaction('r', [...tables, db.decisionChunks], () => {
        // One `equals` per business and table, each a single getAll: `anyOf` walks a cursor row by row.
        const each = <T>(query: (id: string) => Promise<T[]>) =>
          Promise.all(ids.map(query)).then((lists) => lists.flat());
        return Promise.all([
          each((id) => db.snapshots.where('businessId').equals(id).toArray()),
          db.baselines.bulkGet(ids),
          each((id) => db.seen.where('businessId').equals(id).toArray()),
          each((id) => db.grants.where('businessId').equals(id).toArray()),
          each((id) => db.checklistRuns.where('businessId').equals(id).toArray()),
          // The IDs are sorted: one range from the first to the last holds every one's changes.
          db.changes
            .where('[businessId+at]')
            .between([ids[0]!, Dexie.minKey], [ids[ids.length - 1]!, Dexie.maxKey])
            .toArray(),
          Promise.all(
            ids.flatMap((id) =>
              approving.map((action) => db.decisionChunks.where('kinds').equals(`${id} ${action}`).toArray()),
            ),
          ).then((lists) => lists.flat()),
        ] as const);
      })),
      this.counts(),
    ] as const);
    const group = <T extends { businessId: string }>(rows: readonly T[]) => {
      const by = new Map<string, T[]>();
      for (const row of rows) {
        const list = by.get(row.businessId);
        if (list) list.push(row);
        else by.set(row.businessId, [row]);
      }
      return by;
    };
    // A chunk holding several of these businesses' decisions comes once per key it matched.
    const seenChunks = new Set<string>();
    const uniqueChunks = chunks.filter((c) => {
      const key = `${c.ledgerId} ${c.first}`;
      if (seenChunks.has(key)) return false;
      seenChunks.add(key);
      return true;
    });
    const wanted = new Set(ids);
    const decisions = group(
      (
        await this.decisionsWhere(
          uniqueChunks,
          (d) => wanted.has(d.businessId) && (approving as readonly string[]).includes(d.action),
        )
      )
        .filter((r) => counts(r.decision))
        .sort(byTimeThenChain)
        .map((r) => ({ ...r, businessId: r.decision.businessId })),
    );
    const snapshotsBy = group(snapshots);
    const seenBy = group(seen);
    const grantsBy = group(grants);
    const runsBy = group(runRows);
    const changesBy = group(changeRows);
    ids.forEach((businessId, i) => {
      const parsedBaseline = baselineSchema.safeParse(baselines[i]?.baseline);
      const baseline = parsedBaseline.success ? parsedBaseline.data : undefined;
      const firstSeen = new Map<string, string>();
      for (const row of seenBy.get(businessId) ?? [])
        if (row.pendingSince) firstSeen.set(row.subject, row.pendingSince);
      const businessGrants = grantsBy.get(businessId) ?? [];
      // In the order `approvalFacts` gives them: by action, each in time order.
      const mine = (decisions.get(businessId) ?? []).map((r) => r.decision);
      const approvals = approving.flatMap((action) => mine.filter((d) => d.action === action));
      const runs = parseRuns(runsBy.get(businessId) ?? []);
      const changes = (changesBy.get(businessId) ?? [])
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (a.id ?? 0) - (b.id ?? 0)))
        .flatMap((row) => {
          const parsed = changeSchema.safeParse(row.change);
          return parsed.success ? [parsed.data] : [];
        });
      const open: OpenChanges =
        changes.length === 0
          ? new Map()
          : openChanges(changes, baseline, { grants: businessGrants, decisions: approvals, runs });
      const { grants: grantFacts, accepted } = recordFacts(
        businessGrants,
        approvals.filter((d) => d.action === 'accept-finding'),
      );
      out.set(businessId, {
        snapshots: snapshotsBy.get(businessId) ?? [],
        ...(baseline ? { baseline } : {}),
        ...(baselines[i]?.updatedAt ? { updatedAt: baselines[i]!.updatedAt } : {}),
        ledger: { grants: grantFacts, firstSeen, accepted, open },
        runs,
      });
    });
    return out;
  }

  /**
   * The revocations recorded in a business, oldest first: ours and trusted colleagues' (an untrusted
   * colleague's revocation stops no reminder until the admin trusts them).
   */
  async revocations(businessId: string): Promise<Decision[]> {
    const counts = await this.counts();
    // A review's revocation of one asset ends no grant of the subject (issue 14).
    return (await this.actionsIn(businessId, 'revoke')).filter((d) => counts(d) && !isAssetReviewRevoke(d));
  }

  /**
   * An access review campaign (issue 14), validated; undefined when there is none or it does not parse.
   * Campaigns are meta rows (`reviewCampaign:<id>`): few per business, read whole, written in the commit
   * of the decisions they record.
   */
  async campaign(id: string): Promise<ReviewCampaign | undefined> {
    const row = await this.db.meta.get(campaignKey(id));
    const parsed = row ? reviewCampaignSchema.safeParse(row.value) : undefined;
    if (parsed && !parsed.success)
      console.warn(`Scopekeeper: review campaign ${id} is not valid and was left out.`);
    return parsed?.success ? parsed.data : undefined;
  }

  /** The campaigns of a business (or of every business), newest first; one that does not parse is left out. */
  /**
   * The access reviews not yet signed off, per business: how many and the latest started (the overview
   * counts them). Only the open ones are parsed; one that does not parse is left out, as in `campaigns`.
   */
  async openCampaigns(): Promise<Map<string, { count: number; latest: ReviewCampaign }>> {
    const rows = await this.db.meta.where('key').startsWith(campaignKey('')).toArray();
    const out = new Map<string, { count: number; latest: ReviewCampaign }>();
    for (const row of rows) {
      if ((row.value as { status?: unknown } | null)?.status !== 'open') continue;
      const parsed = reviewCampaignSchema.safeParse(row.value);
      if (!parsed.success || parsed.data.status !== 'open') continue;
      const campaign = parsed.data;
      const known = out.get(campaign.businessId);
      out.set(campaign.businessId, {
        count: (known?.count ?? 0) + 1,
        latest: known && known.latest.startedAt >= campaign.startedAt ? known.latest : campaign,
      });
    }
    return out;
  }

  /**
   * Each stored campaign's id and revision, without parsing it: the team ledger asks at every sync which
   * campaigns changed (one of 5,000 people takes ~100 ms to parse whole).
   */
  async campaignRevisions(): Promise<{ id: string; revision: number }[]> {
    const rows = await this.db.meta.where('key').startsWith(campaignKey('')).toArray();
    return rows.flatMap((row) => {
      const revision = (row.value as { revision?: unknown } | null)?.revision;
      return typeof revision === 'number' ? [{ id: row.key.slice(campaignKey('').length), revision }] : [];
    });
  }

  async campaigns(businessId?: string): Promise<ReviewCampaign[]> {
    const rows = await this.db.meta.where('key').startsWith(campaignKey('')).toArray();
    const out: ReviewCampaign[] = [];
    for (const row of rows) {
      // Another business's campaigns are not parsed (every read of a business asks for its own).
      if (
        businessId !== undefined &&
        (row.value as { businessId?: unknown } | null)?.businessId !== businessId
      )
        continue;
      const parsed = reviewCampaignSchema.safeParse(row.value);
      if (!parsed.success) {
        console.warn(`Scopekeeper: review campaign ${row.key} is not valid and was left out.`);
        continue;
      }
      if (businessId === undefined || parsed.data.businessId === businessId) out.push(parsed.data);
    }
    return out.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  }

  /** A business's decisions of one action, by time (ties in chain order). */
  private async actionsIn(businessId: string, action: Decision['action']): Promise<Decision[]> {
    const rows = await this.decisionsWhere(
      await this.db.decisionChunks.where('kinds').equals(`${businessId} ${action}`).toArray(),
      (d) => d.businessId === businessId && d.action === action,
    );
    return rows.sort(byTimeThenChain).map((r) => r.decision);
  }

  /** When the latest decision about a business was made (ours or a trusted colleague's). */
  async lastDecisionAt(businessId: string): Promise<string | undefined> {
    const counts = await this.counts();
    // From the row with the latest decision back, to the first whose ledger counts: a few rows read,
    // however long the ledger (a row's `latest` key is its latest decision in each business).
    const row = await this.db.decisionChunks
      .where('latest')
      .between(`${businessId} `, `${businessId} \uffff`, true, true)
      .reverse()
      .filter(counts)
      .first();
    let last: string | undefined;
    for (const d of row ? chunkDecisions(row) : [])
      if (d.businessId === businessId && (last === undefined || d.at > last)) last = d.at;
    return last;
  }

  /** When the oldest decision was made (the backup reminder counts from it). */
  async firstDecisionAt(): Promise<string | undefined> {
    return (await this.db.decisionChunks.orderBy('firstAt').first())?.firstAt;
  }

  /** A moment the store remembers: the last export, the last backup reminder. */
  async getTime(key: TimeKey): Promise<string | undefined> {
    const value = (await this.db.meta.get(key))?.value;
    return typeof value === 'string' && Number.isFinite(Date.parse(value)) ? value : undefined;
  }

  async setTime(key: TimeKey, at: Date): Promise<void> {
    await this.db.meta.put({ key, value: at.toISOString() });
  }

  /** Every grant, decision, run, snapshot, first-seen date and remembered value: a clean store (tests). */
  async clearEverything(): Promise<void> {
    await this.deleteAll();
    await this.db.meta.clear();
    this.ledgerId = undefined;
    this.identityPromise = undefined;
    this.trustedPromise = undefined;
  }

  /**
   * Integrity (every hash recomputes and links) and authorship (every signature verifies, by which key;
   * unsigned decisions from before signing counted), per ledger, separately.
   */
  async verify(): Promise<VerifiedLedger[]> {
    const chains = await this.chains();
    const ours = await this.getLedgerId();
    const own = await this.publicKey();
    const pinned = await this.pinnedKeys();
    const out: VerifiedLedger[] = [];
    for (const [ledgerId, chain] of chains) {
      const jwk = ledgerId === ours ? own : pinned.get(ledgerId)?.key;
      const key = jwk ? await importPublicKey(jwk) : undefined;
      // Decisions from before an accepted key change verify by the key they were signed with.
      const earlier = await Promise.all(
        (ledgerId === ours ? [] : (pinned.get(ledgerId)?.replaced ?? [])).map(importPublicKey),
      );
      const [check, authorship] = await Promise.all([
        verifyChain(chain),
        checkSignatures(chain, key, earlier),
      ]);
      out.push({
        ledgerId,
        check,
        authorship: { ...authorship, ...(jwk ? { fingerprint: await keyFingerprint(jwk) } : {}) },
      });
    }
    return out;
  }

  /**
   * The interchange file, with our public key and our chain head signed by it, then the baselines and
   * change log (`watch: false` leaves them out: the CSV export has no use for them).
   */
  async exportFile(now: Date, { watch: withWatch = true }: { watch?: boolean } = {}) {
    const ledgerId = await this.getLedgerId();
    const file = buildExport(
      ledgerId,
      await this.db.grants.toArray(),
      await this.chains(),
      now,
      await this.runs(),
    );
    const { privateKey, publicKey } = await this.identity();
    const pinned = await this.pinnedKeys();
    const others = [...new Set(file.decisions.map((d) => d.ledgerId))].filter((id) => pinned.has(id));
    // The watch's memory (issue 13), after every field files had before it, signed by our key: only a file
    // this key vouches for (ours, or a trusted colleague's) can set what counts as known here.
    const watch = withWatch
      ? watchForExport(await this.db.baselines.toArray(), await this.db.changes.toArray())
      : { baselines: [], changes: [] };
    // Access review campaigns (issue 14) travel with the watch data, under its signature.
    const reviewCampaigns = withWatch ? await this.campaigns() : [];
    const hasWatch = watch.baselines.length > 0 || watch.changes.length > 0 || reviewCampaigns.length > 0;
    return {
      ...file,
      publicKey,
      chainHeadSignature: await signText(privateKey, chainSigningText(ledgerId, file.chainHead)),
      ...(others.length > 0
        ? { ledgerKeys: Object.fromEntries(others.map((id) => [id, pinned.get(id)!.key])) }
        : {}),
      ...(hasWatch
        ? {
            ...watch,
            ...(reviewCampaigns.length > 0 ? { reviewCampaigns } : {}),
            watchSignature: await signText(
              privateKey,
              watchSigningText(
                ledgerId,
                file.exportedAt,
                await watchDigest(watch.baselines, watch.changes, reviewCampaigns),
              ),
            ),
          }
        : {}),
    };
  }

  /** The baselines and change rows held, as an import compares a file's with them (issue 13). */
  private async heldWatch(): Promise<HeldWatch> {
    const baselines = new Map<string, Baseline>();
    for (const row of await this.db.baselines.toArray()) {
      const parsed = baselineSchema.safeParse(row.baseline);
      if (parsed.success) baselines.set(row.businessId, parsed.data);
    }
    const changeKeys = new Set<string>();
    for (const row of await this.db.changes.toArray()) {
      const parsed = changeSchema.safeParse(row.change);
      if (parsed.success)
        changeKeys.add(changeRowKey({ businessId: row.businessId, at: row.at, change: parsed.data }));
    }
    return { baselines, changeKeys };
  }

  /** An import's preview was cancelled: what its checks kept of the file goes (lib/domain/ledger/import.ts ImportMemo). */
  forgetImportChecks(): void {
    this.importMemo.clear();
  }

  async planImport(text: string, byteLength: number, options: ImportOptions = {}): Promise<ImportCheck> {
    const ledgerId = await this.getLedgerId();
    const grants = new Map((await this.db.grants.toArray()).map((g) => [g.id, g]));
    const runs = new Map((await this.runs()).map((r) => [r.id, r]));
    const { publicKey, legacyHead } = await this.identity();
    return planImport(
      text,
      byteLength,
      {
        ledgerId,
        grants,
        held: this.heldChains(),
        runs,
        own: { key: publicKey, legacyHead },
        pinnedKeys: await this.pinnedKeys(),
        trusted: await this.trustedLedgers(),
        watch: () => this.heldWatch(),
      },
      { memo: this.importMemo, ...options },
    );
  }

  /**
   * Applies a checked plan in one transaction, after checking again that nothing moved since. What the
   * admin agreed to in the preview: colleagues to trust, changed keys to accept; a ledger whose key
   * changed and was not accepted is held back (none of its decisions is added).
   */
  applyImport(
    text: string,
    byteLength: number,
    options: ImportOptions = {},
    consent: ImportConsent = {},
    command?: CommandMark<ImportPlan>,
  ): Promise<ImportCheck | { ok: true; replayed: unknown }> {
    return this.serial(async () => {
      const done = await this.commandResult(command?.key);
      if (done) return { ok: true as const, replayed: done.result };
      const check = await this.planImport(text, byteLength, options);
      if (!check.ok) return check;
      const at = (options.now ?? new Date()).toISOString();
      const heldBack = new Set(
        check.plan.ledgers
          .filter((l) => l.key === 'changed' && !consent.acceptKeys?.includes(l.ledgerId))
          .map((l) => l.ledgerId),
      );
      // The file's grants and runs come with its own ledger: held back with it (the key that signed the
      // file is not the one first seen, so nothing it carries is taken in its author's name).
      const fileHeldBack = heldBack.has(check.plan.file.ledgerId);
      // The team ledger's colleague who is not trusted (issue 16): their grants and runs wait, as their
      // decisions' mutes and their campaigns do, until the admin trusts them (nothing of an unknown key
      // changes a finding here without the admin's agreement, DESIGN.md's trust model).
      const fileLedger = check.plan.file.ledgerId;
      // A trust given while no key was known for a ledger lapses with the first key pinned for it, unless
      // the admin trusts it again now (lib/domain/ledger/import.ts withoutLapsedTrust).
      const lapsing = check.plan.ledgers
        .filter((l) => l.trustLapsed && !heldBack.has(l.ledgerId) && !consent.trust?.includes(l.ledgerId))
        .map((l) => l.ledgerId);
      const recordsWait =
        !!options.recordsNeedTrust &&
        !fileHeldBack &&
        fileLedger !== (await this.getLedgerId()) &&
        (!(await this.trustedLedgers()).has(fileLedger) || lapsing.includes(fileLedger)) &&
        !consent.trust?.includes(fileLedger);
      // Waiting: what they add, and their versions of records held here that differ (taken, when newer,
      // once the admin trusts them).
      const waiting = recordsWait
        ? {
            grants: check.plan.addGrants.length + check.plan.conflictingGrants.length,
            runs:
              check.plan.addRuns.length +
              check.plan.conflictingRuns.filter((r) => r.reason === 'differs').length,
          }
        : undefined;
      // The file's baselines and changes (issue 13) are merged only when its key vouches for them and that
      // key is ours, or a colleague's the admin trusts (or trusts now) whose ledger is not held back.
      const watch = check.plan.watch;
      const applyWatch =
        !!watch &&
        !fileHeldBack &&
        (watch.status === 'ours' ||
          watch.status === 'trusted' ||
          (watch.status === 'untrusted' && !!consent.trust?.includes(watch.ledgerId)));
      const plan: ImportPlan = {
        ...check.plan,
        ...(fileHeldBack || recordsWait
          ? { addGrants: [], cappedGrants: 0, addRuns: [], replaceGrants: [], replaceRuns: [] }
          : {}),
        ...(waiting && waiting.grants + waiting.runs > 0 ? { waiting } : {}),
        ...(watch ? { watch: { ...watch, applied: applyWatch } } : {}),
        addDecisions: check.plan.addDecisions.filter((d) => !heldBack.has(d.ledgerId)),
        changes: check.plan.changes.filter((c) =>
          c.kind === 'baseline'
            ? applyWatch
            : 'ledgerId' in c
              ? !heldBack.has(c.ledgerId)
              : !fileHeldBack && !recordsWait,
        ),
        ledgers: check.plan.ledgers.map((l) =>
          heldBack.has(l.ledgerId)
            ? { ...l, adding: 0, heldBack: true }
            : { ...l, trusted: l.trusted || (!l.ours && !!consent.trust?.includes(l.ledgerId)) },
        ),
      };
      const pinned = await this.pinnedKeys();
      const file = plan.file;
      const meta: { key: string; value: unknown }[] = [];
      for (const ledger of plan.ledgers) {
        if (ledger.ours || heldBack.has(ledger.ledgerId)) continue;
        // Only the key that signed the file's own chain head is pinned, never one it lists for another ledger.
        const key = fileKeyFor(file, ledger.ledgerId);
        if (key && (ledger.key === 'new' || ledger.key === 'changed')) {
          const before = pinned.get(ledger.ledgerId);
          meta.push({
            key: `${COLLEAGUE_KEY}${ledger.ledgerId}`,
            value: colleagueKeySchema.parse({
              key,
              firstSeenAt: at,
              replaced: before ? [...before.replaced, before.key].slice(-20) : [],
            }),
          });
        }
        if (consent.trust?.includes(ledger.ledgerId))
          meta.push({ key: `${TRUSTED}${ledger.ledgerId}`, value: { since: at } });
      }
      const tables = [
        this.db.grants,
        this.db.decisionChunks,
        this.db.decisionSubjects,
        this.db.checklistRuns,
        this.db.meta,
        this.db.commands,
        this.db.baselines,
        this.db.changes,
      ];
      const touched = new Set<string>();
      globalThis.performance?.mark?.('import:write');
      const writesBefore = this.decisionWrites;
      const replay = await this.db.transaction('rw', tables, async () => {
        if (command) {
          const again = await this.db.commands.get(command.key);
          if (again) return { result: again.result };
        }
        if (meta.length > 0) await this.db.meta.bulkPut(meta);
        if (lapsing.length > 0) await this.db.meta.bulkDelete(lapsing.map((id) => `${TRUSTED}${id}`));
        await this.db.grants.bulkAdd(plan.addGrants);
        await this.db.checklistRuns.bulkAdd(plan.addRuns);
        // A trusted colleague's later versions (the team ledger's `replaceNewer`, issue 16).
        if (plan.replaceGrants?.length) await this.db.grants.bulkPut(plan.replaceGrants);
        if (plan.replaceRuns?.length) await this.db.checklistRuns.bulkPut(plan.replaceRuns);
        // Each ledger's new decisions continue its stored chain, in rows of a chain's run (db.ts).
        const byLedger = new Map<string, Decision[]>();
        for (const decision of plan.addDecisions) {
          const run = byLedger.get(decision.ledgerId);
          if (run) run.push(decision);
          else byLedger.set(decision.ledgerId, [decision]);
        }
        // A part at a time, all in this one transaction (all or nothing), so the page can show how far it is.
        // Each part's rows are made while the part before is written: the database writes in the browser's
        // own process, and making the rows (their JSON) took as long as writing them (issue 12, item 5).
        const PART = 10 * DECISION_CHUNK;
        const total = plan.addDecisions.length;
        let written = 0;
        options.onProgress?.({ stage: 'writing', done: 0, total });
        let writing: Promise<unknown> = Promise.resolve();
        for (const [ledgerId, run] of byLedger) {
          const first = ((await this.tail(ledgerId))?.seq ?? -1) + 1;
          // The subject directory, read and written meanwhile (awaited below, so a failure fails the import).
          const indexed = indexSubjects(this.db.decisionSubjects, ledgerId, decisionRuns(first, run));
          indexed.catch(() => undefined);
          for (let start = 0; start < run.length; start += PART) {
            const decisions = run.slice(start, start + PART);
            const rows = decisionChunks(ledgerId, first + start, decisions);
            const ids = rows.map((chunk) => {
              const at = chunk.first - first - start;
              return heldIdsRow(ledgerId, chunk.first, decisions.slice(at, at + chunk.count));
            });
            await writing;
            writing = Promise.all([this.db.decisionChunks.bulkAdd(rows), this.db.meta.bulkPut(ids)]).then(
              () => {
                written += decisions.length;
                options.onProgress?.({ stage: 'writing', done: written, total });
              },
            );
            writing.catch(() => undefined);
          }
          await indexed;
        }
        await writing;
        globalThis.performance?.mark?.('import:chunks');
        if (applyWatch) for (const b of await this.mergeWatch(plan.file, at, options)) touched.add(b);
        if (applyWatch) await this.mergeCampaigns(plan.file.reviewCampaigns ?? []);
        if (command) await this.rememberCommand(command, command.result(plan));
        return undefined;
      });
      globalThis.performance?.mark?.('import:written');
      if (!replay && plan.addDecisions.length > 0) this.noteWrittenIds(writesBefore, plan.addDecisions);
      for (const businessId of touched) this.openChangeFacts.delete(businessId);
      this.importMemo.clear();
      this.trustedPromise = undefined;
      if (replay) return { ok: true as const, replayed: replay.result };
      this.auditImported(plan, pinned);
      return { ok: true, plan } satisfies { ok: true; plan: ImportPlan };
    });
  }

  /** The background check of an import's signatures (lib/ledger/signature-audit.ts), while it runs. */
  private signatureAudit: Promise<void> = Promise.resolve();

  /** Resolves once the signature checks of the imports so far have finished. */
  signatureAuditSettled(): Promise<void> {
    return this.signatureAudit;
  }

  /**
   * After an import: verifies, in the background, the signatures of its decisions that the import took as
   * attested by their run's last signature, with the key the import checked them by (ours, the file's for
   * its own ledger, or the one pinned), and keeps any bad one as the ledger's integrity note.
   */
  private auditImported(plan: ImportPlan, pinned: Map<string, ColleagueKey>): void {
    const byLedger = new Map<string, Decision[]>();
    for (const d of plan.addDecisions) {
      const list = byLedger.get(d.ledgerId);
      if (list) list.push(d);
      else byLedger.set(d.ledgerId, [d]);
    }
    const previous = this.signatureAudit;
    this.signatureAudit = (async () => {
      await previous;
      for (const [ledgerId, decisions] of byLedger) {
        const ledger = plan.ledgers.find((l) => l.ledgerId === ledgerId);
        const jwk = ledger?.ours
          ? (await this.identity()).publicKey
          : (fileKeyFor(plan.file, ledgerId) ?? pinned.get(ledgerId)?.key);
        if (!jwk || !decisions.some((d) => d.sig !== undefined)) continue;
        const found = await auditSignatures(decisions, await importPublicKey(jwk));
        if (found.badCount === 0) continue;
        const key = `${SIGNATURE_AUDIT}${ledgerId}`;
        const held = signatureAuditSchema.safeParse((await this.db.meta.get(key))?.value);
        const bad = [...(held.success ? held.data.bad : []), ...found.bad].slice(0, 100);
        await this.db.meta.put({
          key,
          value: signatureAuditSchema.parse({
            at: new Date().toISOString(),
            checked: found.checked + (held.success ? held.data.checked : 0),
            bad,
            badCount: found.badCount + (held.success ? held.data.badCount : 0),
          }),
        });
      }
    })().catch((error: unknown) => console.warn('Scopekeeper: signature check after import failed', error));
  }

  /**
   * Inside an import's transaction: the file's access review campaigns (issue 14). One not held here is
   * added; of one held here in another form, the one further along (its revision) is kept, ours on a tie.
   */
  private async mergeCampaigns(theirs: readonly ReviewCampaign[]): Promise<void> {
    const rows = [];
    for (const campaign of theirs) {
      const ours = await this.campaign(campaign.id);
      if (ours && ours.revision >= campaign.revision) continue;
      rows.push({ key: campaignKey(campaign.id), value: campaign });
    }
    if (rows.length > 0) await this.db.meta.bulkPut(rows);
  }

  /**
   * Inside an import's transaction: merges a file's baselines into ours (watch-transfer.ts `mergeBaseline`:
   * nothing of ours is lost) and adds its change rows not held here, then prunes both by the retention as
   * `observeBaseline` does. A stored baseline that does not parse is set aside as there, and the file's
   * taken. Returns the businesses touched.
   */
  private async mergeWatch(
    file: ImportPlan['file'],
    at: string,
    { now = new Date(at), retentionDays = BASELINE_RETENTION_DAYS }: ImportOptions,
  ): Promise<Set<string>> {
    const touched = new Set<string>();
    const theirs = file.baselines ?? [];
    const held = await this.db.baselines.bulkGet(theirs.map((b) => b.businessId));
    const rows = [];
    for (const [i, baseline] of theirs.entries()) {
      const row = held[i];
      let ours: Baseline | undefined;
      if (row) {
        const parsed = baselineSchema.safeParse(row.baseline);
        if (parsed.success) ours = parsed.data;
        else await this.db.meta.put({ key: `baseline-unreadable:${row.businessId}:${at}`, value: row });
      }
      const merged = mergeBaseline(ours, baseline);
      if (ours && merged.taken === 0) continue;
      // The row's other fields (its visit) stay; `updatedAt` is the latest read either side knows of.
      const read = lastRead(baseline) || at;
      rows.push({
        ...row,
        businessId: baseline.businessId,
        baseline: pruneBaseline(merged.baseline, now, retentionDays),
        updatedAt: row && row.updatedAt > read ? row.updatedAt : read,
      });
      touched.add(baseline.businessId);
    }
    if (rows.length > 0) await this.db.baselines.bulkPut(rows);
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
    const fileRows = file.changes ?? [];
    const businesses = [...new Set(fileRows.map((r) => r.businessId))];
    const heldKeys = new Set<string>();
    for (const businessId of businesses)
      for (const row of await this.db.changes
        .where('[businessId+at]')
        .between([businessId, Dexie.minKey], [businessId, Dexie.maxKey])
        .toArray()) {
        const parsed = changeSchema.safeParse(row.change);
        if (parsed.success) heldKeys.add(changeRowKey({ businessId, at: row.at, change: parsed.data }));
      }
    const added = newChangeRows(fileRows, heldKeys, cutoff);
    if (added.length > 0) await this.db.changes.bulkAdd(added);
    for (const row of added) touched.add(row.businessId);
    await this.db.changes.where('at').below(cutoff).delete();
    return touched;
  }

  /**
   * "Delete all data": every grant, decision, checklist run, snapshot, first-seen date, reminder memory
   * (notified steps, snoozes, review dates), remembered time and command key, and this installation's
   * ledger id and signing key: it gets new ones in the same transaction (issue 16). What it signs
   * afterwards is a new chain from its first decision, never a second chain under the old id (which a
   * colleague who holds the old one, from a file or the team's server, would refuse as a fork); its old
   * chain, wherever a copy of it lives on, is a colleague's ledger to this installation from now on. The
   * settings live in extension storage, not here. Colleagues' pinned keys and trust go too: a colleague's
   * file imported afterwards is met as new. A retry of the same command is answered as the first time
   * and changes nothing (no third identity).
   */
  async deleteAll(command?: CommandMark<void>): Promise<{ replayed?: unknown }> {
    // From now on, reads taken in before are not recorded (their transactions may be queued behind this).
    this.erasures += 1;
    return this.serial(async () => {
      const done = await this.commandResult(command?.key);
      if (done) return { replayed: done.result };
      // Made outside the transaction (an IndexedDB transaction ends while Web Crypto works).
      const identity: Identity = {
        ...(await newKeyPair()),
        createdAt: new Date().toISOString(),
        legacyHead: null,
      };
      const ledgerId = crypto.randomUUID();
      const tables = [
        'grants',
        'decisionChunks',
        'decisionSubjects',
        'seen',
        'snapshots',
        'checklistRuns',
        'meta',
        'commands',
        'baselines',
        'changes',
      ];
      await this.db.transaction('rw', tables, async () => {
        await Promise.all([
          this.db.baselines.clear(),
          this.db.changes.clear(),
          this.db.grants.clear(),
          this.db.decisionChunks.clear(),
          this.db.decisionSubjects.clear(),
          this.db.seen.clear(),
          this.db.snapshots.clear(),
          this.db.checklistRuns.clear(),
          this.db.commands.clear(),
          this.db.meta.clear(),
        ]);
        await this.db.meta.bulkPut([
          { key: 'ledgerId', value: ledgerId },
          { key: 'signingKey', value: identity },
        ]);
        if (command) await this.rememberCommand(command, command.result());
      });
      // The new identity from now on; a read of the old one still under way is not kept (`getLedgerId`).
      this.identities += 1;
      this.ledgerId = ledgerId;
      this.identityPromise = Promise.resolve(identity);
      // A previewed file's checks were made against the old identity.
      this.importMemo.clear();
      // Colleagues' pinned keys and trust went with the meta rows: nothing of theirs is held any more.
      this.trustedPromise = undefined;
      // So did the businesses' names.
      this.namesPromise = undefined;
      return {};
    });
  }
}
