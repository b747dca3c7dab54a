import { chainSigningText, importPublicKey, verifyText } from '../domain/ledger/signing';
import { utf8Length, type ImportPlan } from '../domain/ledger/import';
import { canonicalJson } from '../domain/ledger/canonical';
import type { Decision, GrantRecord } from '../domain/ledger/records';
import type { ChecklistRun } from '../domain/checklists/runs';
import type { ReviewCampaign } from '../domain/review/campaign';
import {
  authorFile,
  CHECKLIST_RANGE,
  checklistDoc,
  checklistDocId,
  recordOf,
  REVIEW_RANGE,
  reviewDoc,
  reviewDocId,
  type RecordDoc,
  decisionDoc,
  decisionDocId,
  decisionRange,
  docAuthor,
  GRANT_RANGE,
  grantDoc,
  grantDocId,
  headDocId,
  parseTeamDoc,
  recordSigningText,
  sameDecision,
  type HeadDoc,
  type QuarantineReason,
} from '../domain/team-docs';
import { getDatabaseUrl, type TeamCheck, type TeamSettings } from '../domain/team-ledger';
import type { LedgerStore } from '../ledger/store';
import { teamFetch } from './team-connection';

/**
 * The team ledger's replication engine (issue 16, items 2–4). A local PouchDB database (the mirror) holds
 * this installation's records as documents (lib/domain/team-docs.ts) and what came from the team's server;
 * one `sync()` puts what changed in the ledger into the mirror, replicates it to the server and back
 * (one-shot, with PouchDB's own checkpoints, so a stopped worker resumes where it was), then applies what
 * arrived through the import's checks. The PouchDB constructor is given: pouchdb-browser in the
 * extension's background, pouchdb-core with the memory adapter in the tests.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- PouchDB ships no types: only what is used here. */
export interface PouchDatabase {
  get(id: string, options?: Record<string, unknown>): Promise<any>;
  put(doc: Record<string, unknown>): Promise<{ ok: boolean; rev: string }>;
  bulkDocs(docs: Record<string, unknown>[], options?: Record<string, unknown>): Promise<any[]>;
  allDocs(options: Record<string, unknown>): Promise<{ rows: any[] }>;
  changes(options: Record<string, unknown>): Promise<{ results: any[]; last_seq: number | string }>;
  info(): Promise<{ update_seq: number | string }>;
  replicate: {
    to(target: PouchDatabase, options?: Record<string, unknown>): Promise<any>;
    from(source: PouchDatabase, options?: Record<string, unknown>): Promise<any>;
  };
  remove(id: string, rev: string): Promise<unknown>;
  close(): Promise<void>;
  /** Deletes the whole database (every document, revision, checkpoint and local document). */
  destroy(): Promise<unknown>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
export type PouchConstructor = new (name: string, options?: Record<string, unknown>) => PouchDatabase;

/** Documents read or written at a time: a 100,000-record first sync never sits in memory as documents. */
export const TEAM_BATCH = 500;
/**
 * Decisions of a colleague's chain imported at a time: a long chain (a first sync) goes in parts, each a
 * continuation of the last (lib/domain/ledger/import.ts), never as one file of the whole chain.
 */
export const TEAM_IMPORT_PART = 10_000;
/** How many quarantined documents are remembered (the count goes on). */
const QUARANTINE_KEPT = 200;
/**
 * The most versions of one record a team makes: each admin edits a record in one place, and a conflict is
 * resolved before it grows. A record the server holds in more is refused whole (`too-many-versions`): each
 * version would otherwise be read and checked at every sync (thousands took minutes).
 */
export const TEAM_MAX_VERSIONS = 12;

const STATE_ID = '_local/scopekeeper-team';

/**
 * A pull that wrote at least this many documents into the mirror is recorded as held by the server (see
 * `TeamSyncState.serverHolds`); below it, the push's own check of what came in costs no more than the record.
 */
export const TEAM_HELD_AFTER_PULL = TEAM_BATCH;
/** The server's own local (never replicated) document saying what of this mirror it holds. */
const heldMarkerId = (ledgerId: string) => `_local/scopekeeper-held-${ledgerId}`;
interface HeldMarker {
  id: string;
  rev: string;
  token?: string;
  seq?: number;
}

export interface QuarantinedDoc {
  id: string;
  rev?: string;
  reason: QuarantineReason;
  /** The import's problem code, when the import refused the author's records. */
  problem?: string;
  /** That problem's facts (what its sentence names). */
  facts?: Record<string, string | number>;
  /** When it was refused (none on those kept before this was recorded). */
  at?: string;
}

/** What the last sync left behind, kept in the mirror's local (never replicated) document. */
export interface TeamSyncState {
  /**
   * The ledger id this state was kept for. A mirror kept for another one was made before "Delete all data"
   * gave this installation a new identity: it is dropped and begun again (absent in a state from before it).
   */
  ledgerId?: string;
  /** Decisions of our chain in the mirror, and of those, how many the server has confirmed. */
  decisionsInMirror: number;
  decisionsOnServer: number;
  /** Grants put into the mirror since the last push the server confirmed. */
  grantsPending: number;
  /** Checklist runs and review campaigns put into the mirror since then. */
  recordsPending?: number;
  /**
   * Colleagues whose review campaigns arrived before the admin trusted them: the import left the campaigns
   * out (as from a file); they are taken at the first sync after the admin trusts the colleague.
   */
  waiting?: string[];
  /** Of those, how many of their records wait (grants, checklist runs, review campaigns), per colleague. */
  waitingRecords?: Record<string, number>;
  /** The colleagues trusted when conflicts were last counted (their ledger ids, sorted). */
  trust?: string;
  /**
   * The grants our chain records (of the decisions in the mirror): our grants, which we push. Gathered as
   * the chain is pushed, so a push reads only the chain's new part; absent in a state from before it.
   */
  ourGrants?: string[];
  /**
   * After a pull: every revision in the mirror up to `seq` is on the server (ours were pushed, the rest came
   * from it), and the server said so by keeping `token` in its local document `_local/scopekeeper-held-<our
   * ledger id>`. The next push starts from `seq` instead of offering the server back what it sent, but
   * only while the server still shows that token: a database deleted, recreated or restored from before
   * has not got it, and the push then offers it everything, as PouchDB's own checkpoint (gone with it) does.
   */
  serverHolds?: { seq: number; token: string };
  /** The mirror's change sequence up to which incoming documents were checked and applied. */
  appliedSeq: number | string;
  lastSyncAt?: string;
  lastError?: TeamSyncError;
  quarantined: QuarantinedDoc[];
  quarantinedCount: number;
  /** Grants with a kept CouchDB conflict (two edits): shown for an admin to resolve. */
  conflicts: string[];
  /**
   * Checklist runs and review campaigns with a kept CouchDB conflict, by document id (`checklist:<id>`,
   * `review:<id>`). Absent in a state from before it: the mirror is looked through once for them.
   */
  recordConflicts?: string[];
}

/** A sync's failure: the connection check's outcomes, where the server said one. */
export type TeamSyncError =
  Exclude<TeamCheck, { kind: 'off' | 'ready' | 'no-permission' }> | { kind: 'failed'; message: string };

const initialState = (): TeamSyncState => ({
  decisionsInMirror: 0,
  decisionsOnServer: 0,
  grantsPending: 0,
  appliedSeq: 0,
  quarantined: [],
  quarantinedCount: 0,
  conflicts: [],
});

export interface TeamStatus {
  lastSyncAt?: string;
  /** Records of ours the server does not have yet. */
  pending: number;
  lastError?: TeamSyncError;
  quarantined: number;
  conflicts: number;
  /** Colleagues the admin has not trusted whose records wait (records: how many), when there are any. */
  waiting?: { colleagues: number; records: number };
}

/** `TeamStatus.waiting` from the state: present only when some colleague's records wait. */
function waitingOf(state: TeamSyncState): Pick<TeamStatus, 'waiting'> {
  const counts = Object.values(state.waitingRecords ?? {});
  const records = counts.reduce((sum, n) => sum + n, 0);
  return records > 0 ? { waiting: { colleagues: counts.length, records } } : {};
}

type Store = Pick<
  LedgerStore,
  | 'getLedgerId'
  | 'chain'
  | 'chainFrom'
  | 'chainLength'
  | 'grants'
  | 'publicKey'
  | 'signTeamText'
  | 'applyImport'
  | 'appendDecision'
  | 'commit'
> &
  Pick<
    LedgerStore,
    'runs' | 'campaignRevisions' | 'campaign' | 'trustedColleagues' | 'saveGrant' | 'colleagueKey'
  >;

/** A short digest of a record's canonical JSON (cyrb53): which version of a record this installation last saw. */
export function recordDigest(record: unknown): string {
  const text = canonicalJson(record);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** A record's version as `seen` keeps it: its digest, after its revision for a campaign. */
function versionOf(record: unknown): string {
  const revision = (record as { revision?: unknown }).revision;
  return typeof revision === 'number' ? `${revision}:${recordDigest(record)}` : recordDigest(record);
}

const SEEN_ID = '_local/scopekeeper-team-records';

/** What a PouchDB error says, as the connection check would say it. */
export function describeSyncError(error: unknown): TeamSyncError {
  const status =
    typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  if (status === 401) return { kind: 'wrong-credentials' };
  if (status === 403) return { kind: 'no-access' };
  if (status === 404) return { kind: 'missing-database', canCreate: false };
  if (typeof status === 'number' && status >= 300 && status <= 599)
    return { kind: 'unreachable', reason: 'not-couchdb', status };
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'TimeoutError') return { kind: 'unreachable', reason: 'timeout' };
  // PouchDB reports a refused connection or a failed fetch without a status (or with status 0 / 500 "unknown").
  return { kind: 'unreachable', reason: 'network' };
}

export class TeamSync {
  private mirror: PouchDatabase;
  private readonly mirrorName: string;
  /** Closed: nothing more is read or written through it (a sync asked afterwards fails at once). */
  private closed = false;
  private running: Promise<TeamStatus> | undefined;
  /** The sync asked for while one ran, to start when it ends (`sync`). */
  private next: Promise<TeamStatus> | undefined;
  /**
   * By document id, the digest (`recordDigest`) of the version of each grant, run and campaign this
   * installation last pushed or took from a colleague (kept in the mirror's `_local/scopekeeper-team-records`).
   * A record held here in another version was changed here since: an edit of ours, which is pushed.
   */
  private seen = new Map<string, string>();
  private seenChanged = false;

  constructor(
    private readonly deps: {
      PouchDB: PouchConstructor;
      store: Store;
      settings: TeamSettings;
      /** The mirror's local database name (one per server and database). */
      mirrorName?: string;
      /** How long one request to the server may take (TEAM_REQUEST_TIMEOUT_MS unless a test gives another). */
      requestTimeoutMs?: number;
      /** The fetch the remote gets; the guarded `teamFetch` unless a test gives another. */
      fetch?: typeof fetch;
      now?: () => Date;
      /** Decisions of a colleague's chain imported at a time (TEAM_IMPORT_PART unless a test gives another). */
      importPart?: number;
      /** Documents a pull must write before the server is recorded as holding them (TEAM_HELD_AFTER_PULL). */
      heldAfterPull?: number;
    },
  ) {
    this.mirrorName = deps.mirrorName ?? mirrorNameFor(deps.settings);
    this.mirror = new deps.PouchDB(this.mirrorName);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async state(): Promise<TeamSyncState> {
    try {
      const { _id: _i, _rev: _r, ...state } = await this.mirror.get(STATE_ID);
      return { ...initialState(), ...(state as Partial<TeamSyncState>) };
    } catch {
      return initialState();
    }
  }

  private async saveState(state: TeamSyncState): Promise<void> {
    let rev: string | undefined;
    try {
      rev = (await this.mirror.get(STATE_ID))._rev as string;
    } catch {
      rev = undefined;
    }
    await this.mirror.put({ _id: STATE_ID, ...(rev ? { _rev: rev } : {}), ...state });
  }

  async status(): Promise<TeamStatus> {
    const state = await this.state();
    const ledgerId = await this.deps.store.getLedgerId();
    const length = await this.deps.store.chainLength(ledgerId);
    return {
      ...(state.lastSyncAt ? { lastSyncAt: state.lastSyncAt } : {}),
      pending:
        Math.max(0, length - state.decisionsOnServer) + state.grantsPending + (state.recordsPending ?? 0),
      ...(state.lastError ? { lastError: state.lastError } : {}),
      quarantined: state.quarantinedCount,
      conflicts: state.conflicts.length + (state.recordConflicts?.length ?? 0),
      ...waitingOf(state),
    };
  }

  /**
   * One sync that starts after this call: a call while one runs gets the next one, which starts when it
   * ends (that one may have pushed and pulled before what the caller wants synced, a write or a trust, was
   * made). Every call while one runs shares that next one: at most one waits.
   */
  sync(): Promise<TeamStatus> {
    if (this.running) {
      const after = (done: () => Promise<TeamStatus>) => {
        this.next = undefined;
        // Closed meanwhile (the team ledger turned off): nothing more is sent.
        return this.closed ? done() : this.sync();
      };
      this.next ??= this.running.then(
        (status) => after(() => Promise.resolve(status)),
        (error: unknown) => after(() => Promise.reject(error)),
      );
      return this.next;
    }
    this.running = this.alone(() => this.syncOnce()).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Runs what writes to the mirror one at a time: a sync, an admin's resolution of a conflict. A sync
   * counts on nothing else writing to the mirror between its push and the end of its pull (`serverHolds`).
   */
  private alone<T>(run: () => Promise<T>): Promise<T> {
    const guarded = () => (this.closed ? Promise.reject(new Error('the team mirror is closed')) : run());
    const next = this.queue.then(guarded, guarded);
    this.queue = next.catch(() => undefined);
    return next;
  }
  private queue: Promise<unknown> = Promise.resolve();

  private async syncOnce(): Promise<TeamStatus> {
    let state = await this.state();
    const ledgerId = await this.deps.store.getLedgerId();
    if (state.ledgerId !== undefined && state.ledgerId !== ledgerId) {
      // Kept for this installation's identity before "Delete all data": the old chain's documents and
      // counts are not ours to push from; the mirror starts again empty and fills from the server.
      await this.mirror.destroy();
      this.mirror = new this.deps.PouchDB(this.mirrorName);
      state = initialState();
    }
    state.ledgerId = ledgerId;
    this.seen = await this.loadSeen();
    this.seenChanged = false;
    // A request that timed out is said as such (PouchDB passes its error on without its name).
    let timedOut = false;
    const remote = new this.deps.PouchDB(getDatabaseUrl(this.deps.settings), {
      fetch:
        this.deps.fetch ?? teamFetch(this.deps.settings, this.deps.requestTimeoutMs, () => (timedOut = true)),
      skip_setup: true,
    });
    const failed = (error: unknown) => {
      state.lastError = timedOut ? { kind: 'unreachable', reason: 'timeout' } : describeSyncError(error);
    };
    try {
      const ready = await this.takeServersFirst(remote, state, ledgerId).then(
        () => true,
        (error: unknown) => {
          failed(error);
          return false;
        },
      );
      if (ready) {
        // Local first: the mirror takes our records whatever the server does, so nothing waits on it.
        await this.push(state);
        await this.pushRecords(state);
        await this.exchange(remote, state).catch(failed);
      }
    } finally {
      await remote.close().catch(() => undefined);
    }
    // What did arrive is applied even when the server went away half-way.
    await this.apply(state, !state.lastError);
    await this.saveState(state);
    await this.saveSeen();
    return this.status();
  }

  /**
   * A mirror that has not synced yet (new, or begun again after the team ledger was turned off) while the
   * server already holds our ledger first takes what the server holds: our records there are then met in the
   * mirror as they are, not written again under new signatures (a signature is made anew each time: each
   * would be a second version, in conflict with our own). Throws when the server cannot say: nothing of ours
   * goes into such a mirror until it can.
   */
  private async takeServersFirst(remote: PouchDatabase, state: TeamSyncState, ledgerId: string) {
    if (state.lastSyncAt !== undefined) return;
    try {
      await remote.get(headDocId(ledgerId));
    } catch (error) {
      if ((error as { status?: unknown }).status === 404) return;
      throw error;
    }
    await this.mirror.replicate.from(remote, { batch_size: TEAM_BATCH, batches_limit: 2 });
  }

  /** The push of the mirror to the server and the pull back, with what the server is known to hold. */
  private async exchange(remote: PouchDatabase, state: TeamSyncState): Promise<void> {
    const marker = await this.heldMarker(remote);
    const since = this.heldByServer(marker, state);
    const pushed = await this.mirror.replicate.to(remote, {
      batch_size: TEAM_BATCH,
      batches_limit: 2,
      ...(since === undefined ? {} : { since }),
    });
    delete state.serverHolds;
    state.decisionsOnServer = state.decisionsInMirror;
    state.grantsPending = 0;
    state.recordsPending = 0;
    const before = (await this.mirror.info()).update_seq;
    const pulled = await this.mirror.replicate.from(remote, { batch_size: TEAM_BATCH, batches_limit: 2 });
    await this.noteHeldByServer(remote, state, marker, {
      pushedTo: pushed?.last_seq,
      before,
      after: (await this.mirror.info()).update_seq,
      written: pulled?.docs_written,
    });
    delete state.lastError;
    state.lastSyncAt = this.now().toISOString();
  }

  /**
   * The server's local document on what of this mirror it holds (`TeamSyncState.serverHolds`), made empty
   * when it has none (a database made since we last wrote it, or never written): its revision guards the
   * write after the pull. Undefined when the server did not answer; the push then says why.
   */
  private async heldMarker(remote: PouchDatabase): Promise<HeldMarker | undefined> {
    const id = heldMarkerId(await this.deps.store.getLedgerId());
    try {
      const doc = await remote.get(id);
      return {
        id,
        rev: String(doc._rev),
        ...(typeof doc.token === 'string' ? { token: doc.token } : {}),
        ...(typeof doc.seq === 'number' ? { seq: doc.seq } : {}),
      };
    } catch (error) {
      if ((error as { status?: unknown }).status !== 404) return undefined;
    }
    try {
      return { id, rev: (await remote.put({ _id: id })).rev };
    } catch {
      return undefined;
    }
  }

  /**
   * Where the push may start (PouchDB's `since`): the mirror's sequence the last pull reached, when the
   * server still keeps the token we left there then. Otherwise undefined: PouchDB's own checkpoint decides,
   * and a server without it (emptied, recreated) is offered everything.
   */
  private heldByServer(marker: HeldMarker | undefined, state: TeamSyncState): number | undefined {
    const held = state.serverHolds;
    if (!held || !marker) return undefined;
    if (marker.token === held.token && marker.seq === held.seq) return held.seq;
    delete state.serverHolds;
    return undefined;
  }

  /**
   * After a pull that wrote many documents: whether every revision in the mirror is now on the server.
   * It is when the push went up to the sequence the pull started from and the pull's documents are all
   * that was written since (nothing else wrote to the mirror meanwhile: one sequence per revision written).
   * Then the server keeps a new token in its local document, written over the revision read before the
   * push (a database deleted and made again since has not got it: the write fails, nothing is recorded),
   * and the state keeps the sequence and the token.
   */
  private async noteHeldByServer(
    remote: PouchDatabase,
    state: TeamSyncState,
    marker: HeldMarker | undefined,
    seqs: { pushedTo: unknown; before: unknown; after: unknown; written: unknown },
  ): Promise<void> {
    const { pushedTo, before, after, written } = seqs;
    if (!marker || typeof before !== 'number' || typeof after !== 'number' || typeof written !== 'number')
      return;
    if (pushedTo !== before || after - before !== written) return;
    if (written < (this.deps.heldAfterPull ?? TEAM_HELD_AFTER_PULL)) return;
    const token = crypto.randomUUID();
    try {
      await remote.put({ _id: marker.id, _rev: marker.rev, token, seq: after });
    } catch {
      return; // not recorded: the next push offers the server what came from it, as before
    }
    state.serverHolds = { seq: after, token };
  }

  /** Our new decisions and our changed grants into the mirror, a batch at a time. */
  private async push(state: TeamSyncState): Promise<void> {
    const { store } = this.deps;
    const ledgerId = await store.getLedgerId();
    // Only the chain's new part is read (a few rows of it at a time); our grants are gathered as it goes
    // (from the start, once, for a state from before `ourGrants`).
    const length = await store.chainLength(ledgerId);
    const ours = new Set(state.ourGrants ?? []);
    const READ = TEAM_BATCH * 10;
    for (let at = state.ourGrants ? state.decisionsInMirror : 0; at < length; at += READ) {
      const part = await store.chainFrom(ledgerId, at, Math.min(READ, length - at));
      for (const d of part) if (d.grantId !== undefined) ours.add(d.grantId);
      for (let i = Math.max(0, state.decisionsInMirror - at); i < part.length; i += TEAM_BATCH) {
        const docs = part.slice(i, i + TEAM_BATCH).map((d, k) => decisionDoc(d, at + i + k));
        // A document already there (a push cut short before its state was saved) answers 409: it is the same.
        await this.mirror.bulkDocs(docs);
        state.decisionsInMirror = at + i + docs.length;
      }
    }
    state.ourGrants = [...ours];
    // Our grants: those our chain records (an imported colleague's grant stays theirs).
    // Those not changed since we last pushed or took them are on their way or there already (`seen`).
    const grants = (await store.grants()).filter(
      (g) => ours.has(g.id) && !this.unchanged(grantDocId(g.id), g),
    );
    for (let start = 0; start < grants.length; start += TEAM_BATCH) {
      const batch = grants.slice(start, start + TEAM_BATCH);
      const held = await this.mirror.allDocs({
        keys: batch.map((g) => grantDocId(g.id)),
        include_docs: true,
        conflicts: true,
      });
      const docs: Record<string, unknown>[] = [];
      for (const [i, grant] of batch.entries()) {
        const row = held.rows[i];
        const base = await this.pushBase(ledgerId, grantDocId(grant.id), row?.doc);
        if (base === 'skip') continue;
        const rev = base?.rev;
        if (base && !this.ourVersionToPush(ledgerId, grantDocId(grant.id), grant, base.raw)) continue;
        this.see(grantDocId(grant.id), grant);
        const sig = await store.signTeamText(recordSigningText('grant', ledgerId, grant));
        docs.push({ ...grantDoc(ledgerId, grant, sig), ...(rev ? { _rev: rev } : {}) });
      }
      if (docs.length > 0) {
        await this.mirror.bulkDocs(docs);
        state.grantsPending += docs.length;
      }
    }
    const chainHead = length > 0 ? ((await store.chainFrom(ledgerId, length - 1, 1))[0]?.hash ?? null) : null;
    const head: HeadDoc = {
      type: 'head',
      ledgerId,
      publicKey: await store.publicKey(),
      chainHead,
      length,
      chainHeadSignature: '',
    };
    let rev: string | undefined;
    try {
      const held = await this.mirror.get(headDocId(ledgerId));
      if (held.chainHead === chainHead && held.length === length) return;
      rev = held._rev as string;
    } catch {
      rev = undefined;
    }
    head.chainHeadSignature = await store.signTeamText(chainSigningText(ledgerId, chainHead));
    await this.mirror.put({ _id: headDocId(ledgerId), ...(rev ? { _rev: rev } : {}), ...head });
  }

  /**
   * Our checklist runs and review campaigns into the mirror (issue 16, item 2), a batch at a time: each one
   * held here that the mirror does not hold as it is, signed by us, unless the mirror's is a colleague's
   * version that we did not take (`ourVersionToPush`).
   */
  private async pushRecords(state: TeamSyncState): Promise<void> {
    const { store } = this.deps;
    const ledgerId = await store.getLedgerId();
    await this.pushKind(state, ledgerId, 'checklist', await store.runs(), {
      id: checklistDocId,
      doc: (run, sig) => checklistDoc(ledgerId, run, sig),
    });
    // A campaign changes with its revision: only those at another revision than we last saw are read whole.
    const changed: ReviewCampaign[] = [];
    for (const { id, revision } of await store.campaignRevisions()) {
      if (this.seen.get(reviewDocId(id))?.startsWith(`${revision}:`)) continue;
      const campaign = await store.campaign(id);
      if (campaign) changed.push(campaign);
    }
    await this.pushKind(state, ledgerId, 'review', changed, {
      id: reviewDocId,
      doc: (campaign, sig) => reviewDoc(ledgerId, campaign, sig),
    });
  }

  private async pushKind<T extends { id: string }>(
    state: TeamSyncState,
    ledgerId: string,
    kind: 'checklist' | 'review',
    records: readonly T[],
    shape: {
      id: (recordId: string) => string;
      doc: (record: T, sig: string) => Record<string, unknown>;
    },
  ): Promise<void> {
    const changed = records.filter((r) => !this.unchanged(shape.id(r.id), r));
    for (let start = 0; start < changed.length; start += TEAM_BATCH) {
      const batch = changed.slice(start, start + TEAM_BATCH);
      const held = await this.mirror.allDocs({
        keys: batch.map((r) => shape.id(r.id)),
        include_docs: true,
        conflicts: true,
      });
      const docs: Record<string, unknown>[] = [];
      for (const [i, record] of batch.entries()) {
        const base = await this.pushBase(ledgerId, shape.id(record.id), held.rows[i]?.doc);
        if (base === 'skip') continue;
        if (base && !this.ourVersionToPush(ledgerId, shape.id(record.id), record, base.raw)) continue;
        this.see(shape.id(record.id), record);
        const sig = await this.deps.store.signTeamText(recordSigningText(kind, ledgerId, record));
        docs.push({ ...shape.doc(record, sig), ...(base ? { _rev: base.rev } : {}) });
      }
      if (docs.length > 0) {
        await this.mirror.bulkDocs(docs);
        state.recordsPending = (state.recordsPending ?? 0) + docs.length;
      }
    }
  }

  /**
   * What our version of a record goes on in the mirror: nothing (a record new there), the document held, or,
   * with versions beside it, ours, or else the one signed version of a trusted colleague. Versions nobody
   * signed (forged on the server) or signed by a key the admin has not trusted hold nothing back: ours goes
   * on its own and outgrows them. `skip` while the record is edited in two places (the admin chooses first:
   * no third version on top), or when no version of it can be built on.
   */
  private async pushBase(
    ledgerId: string,
    docId: string,
    doc: Record<string, unknown> | undefined,
  ): Promise<{ raw: Record<string, unknown>; rev: string } | undefined | 'skip'> {
    if (!doc) return undefined;
    if (!Array.isArray(doc._conflicts) || doc._conflicts.length === 0)
      return { raw: doc, rev: String(doc._rev) };
    const found = await this.verifiedVersions(docId);
    const edited = await this.editedBy(found);
    if (edited.length >= 2) return 'skip';
    const base = found.good.find((v) => v.doc.author === ledgerId) ?? edited[0];
    if (!base) return 'skip';
    return { raw: await this.mirror.get(docId, { rev: base.rev }), rev: base.rev };
  }

  /**
   * Whether our version of a record goes into the mirror over the document held there (issue 16): not when
   * the document holds the same record; over our own document, or one that does not parse, yes; over a
   * colleague's version only when ours changed here since we last pushed or took one (`seen`): an edit of
   * ours. Their later edit that the import did not take (the admin does not trust them) stays theirs:
   * pushing ours back would have two installations overwrite each other at every sync.
   */
  private ourVersionToPush(ledgerId: string, docId: string, ours: unknown, raw: Record<string, unknown>) {
    const parsed = parseTeamDoc(raw);
    if (!parsed.ok || parsed.doc.type === 'head' || parsed.doc.type === 'decision') return true;
    if (canonicalJson(recordOf(parsed.doc).record) === canonicalJson(ours)) {
      this.see(docId, ours);
      return false;
    }
    return parsed.doc.author === ledgerId || this.seen.get(docId) !== versionOf(ours);
  }

  private async loadSeen(): Promise<Map<string, string>> {
    try {
      const doc = await this.mirror.get(SEEN_ID);
      const records = doc.records as Record<string, unknown> | undefined;
      return new Map(
        Object.entries(records ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
    } catch {
      return new Map();
    }
  }

  /** Whether a record held here is the version we last pushed or took (nothing of ours to push). */
  private unchanged(docId: string, record: unknown): boolean {
    return this.seen.get(docId) === versionOf(record);
  }

  /** Notes the version of a record this installation pushed or took (`seen`). */
  private see(docId: string, record: unknown): void {
    const digest = versionOf(record);
    if (this.seen.get(docId) === digest) return;
    this.seen.set(docId, digest);
    this.seenChanged = true;
  }

  private async saveSeen(): Promise<void> {
    if (!this.seenChanged) return;
    let rev: string | undefined;
    try {
      rev = (await this.mirror.get(SEEN_ID))._rev as string;
    } catch {
      rev = undefined;
    }
    const records = Object.fromEntries(this.seen);
    await this.mirror.put({ _id: SEEN_ID, ...(rev ? { _rev: rev } : {}), records });
  }

  /** Colleagues waiting for the admin's trust (`TeamSyncState.waiting`) whom the admin trusts now. */
  private async trustedNow(state: TeamSyncState): Promise<string[]> {
    if (!state.waiting?.length) return [];
    const trusted = await this.deps.store.trustedColleagues();
    return state.waiting.filter((id) => trusted.has(id));
  }

  private quarantine(state: TeamSyncState, item: QuarantinedDoc): void {
    if (state.quarantined.some((q) => q.id === item.id && q.rev === item.rev && q.reason === item.reason))
      return;
    state.quarantinedCount += 1;
    state.quarantined = [...state.quarantined, { ...item, at: this.now().toISOString() }].slice(
      -QUARANTINE_KEPT,
    );
  }

  /**
   * What arrived since the last applied sequence: each document checked, the authors it touches collected;
   * then each author's records put back together as the file its export would be and imported through
   * the import's own checks and trust rules.
   */
  private async apply(state: TeamSyncState, pulledAll: boolean): Promise<void> {
    const ourLedger = await this.deps.store.getLedgerId();
    // Which versions make a conflict depends on whom the admin trusts (`editedBy`): when that changed (or
    // in a state from before), every record kept in several versions is looked at again.
    const trust = [...(await this.deps.store.trustedColleagues())].sort().join(' ');
    if (state.trust !== trust || state.recordConflicts === undefined) {
      const found = await this.findConflicts(state);
      state.conflicts = found.grants;
      state.recordConflicts = found.records;
      state.trust = trust;
    }
    const authors = new Set<string>();
    for (;;) {
      const batch = await this.mirror.changes({
        since: state.appliedSeq,
        limit: TEAM_BATCH,
        include_docs: true,
        conflicts: true,
      });
      // Decisions that came by, ours or a colleague's: compared with what we hold of that chain (a page's
      // positions read at once per author). A held decision changed on the server is refused and said: the
      // import continues a chain from what it holds and would not look at it again.
      const decisionDocs = new Map<string, { n: number; decision: Decision; id: string; rev: string }[]>();
      for (const change of batch.results) {
        const raw = change.doc as Record<string, unknown> | undefined;
        if (!raw || change.deleted || String(change.id).startsWith('_')) continue;
        const parsed = parseTeamDoc(raw);
        if (!parsed.ok) {
          this.quarantine(state, { id: String(change.id), rev: String(raw._rev), reason: parsed.reason });
          continue;
        }
        const author = docAuthor(parsed.doc);
        if (parsed.doc.type === 'decision') {
          const docs = decisionDocs.get(author) ?? [];
          docs.push({
            n: parsed.doc.n,
            decision: parsed.doc.decision,
            id: String(change.id),
            rev: String(raw._rev),
          });
          decisionDocs.set(author, docs);
        }
        if (parsed.doc.type === 'grant') {
          const id = parsed.doc.grant.id;
          const conflicted = await this.conflicted(state, String(change.id), raw);
          state.conflicts = state.conflicts.filter((c) => c !== id);
          if (conflicted) state.conflicts.push(id);
        }
        if (parsed.doc.type === 'checklist' || parsed.doc.type === 'review') {
          const id = String(change.id);
          const conflicted = await this.conflicted(state, id, raw);
          state.recordConflicts = (state.recordConflicts ?? []).filter((c) => c !== id);
          if (conflicted) state.recordConflicts.push(id);
        }
        if (author !== ourLedger) authors.add(author);
      }
      for (const [author, docs] of decisionDocs) {
        const first = Math.min(...docs.map((d) => d.n));
        const last = Math.max(...docs.map((d) => d.n));
        const held = await this.deps.store.chainFrom(author, first, last - first + 1);
        for (const doc of docs) {
          const ours = held[doc.n - first];
          if (ours && !sameDecision(ours, doc.decision))
            this.quarantine(state, { id: doc.id, rev: doc.rev, reason: 'changed-decision' });
        }
      }
      state.appliedSeq = batch.last_seq;
      if (batch.results.length < TEAM_BATCH) break;
    }
    for (const author of await this.trustedNow(state)) if (author !== ourLedger) authors.add(author);
    for (const author of authors)
      try {
        await this.applyAuthor(state, author, pulledAll);
      } catch {
        // One colleague's records that the checks could not take in hold back neither the others nor the
        // sync: refused, and said (`refused-by-import`); the next change of theirs is tried again.
        this.quarantine(state, { id: headDocId(author), rev: 'unknown', reason: 'refused-by-import' });
      }
  }

  /** `pulledAll`: the pull went to its end, so the mirror holds everything the server has. */
  private async applyAuthor(state: TeamSyncState, author: string, pulledAll: boolean): Promise<void> {
    const chosen = await this.chooseHead(author);
    if (!chosen) return; // its head has not arrived yet, or did not parse (quarantined when it arrived)
    if (chosen === 'incomplete') {
      // Its chain is not all here: wait for the rest, apply no more. After a whole pull the server has not
      // got it (deleted there, or a head whose unsigned length was raised): said, not waited on mutely.
      if (pulledAll) {
        const rev = String((await this.mirror.get(headDocId(author)))._rev);
        this.quarantine(state, { id: headDocId(author), rev, reason: 'incomplete-chain' });
      }
      return;
    }
    const { head, rev: headRev } = chosen;
    let key: CryptoKey;
    try {
      key = await importPublicKey(head.publicKey);
    } catch {
      // Shaped like a key but not a point of the curve: nothing of that ledger can be checked.
      this.quarantine(state, { id: headDocId(author), rev: headRev, reason: 'malformed' });
      return;
    }
    const grants: GrantRecord[] = [];
    const grantRows = await this.mirror.allDocs({ ...GRANT_RANGE, include_docs: true, conflicts: true });
    let heldGrants: Set<string> | undefined;
    for (const row of grantRows.rows) {
      // Versions beside it that nobody signed (forged on the server) are refused: the author's own is taken.
      const version = await this.versionBy(String(row.id), row.doc, author);
      if (!version) continue;
      const { raw, rev, conflicted } = version;
      const parsed = parseTeamDoc(raw);
      if (!parsed.ok || parsed.doc.type !== 'grant' || parsed.doc.author !== author) continue;
      // Edited in two places: ours stays until an admin chooses (a new grant is taken, there is none to keep).
      if (conflicted) {
        heldGrants ??= new Set((await this.deps.store.grants()).map((g) => g.id));
        if (heldGrants.has(parsed.doc.grant.id)) continue;
      }
      if (!(await verifyText(key, parsed.doc.sig, recordSigningText('grant', author, parsed.doc.grant)))) {
        this.quarantine(state, { id: String(row.id), rev, reason: 'bad-signature' });
        continue;
      }
      grants.push(parsed.doc.grant);
    }
    // Only what we do not hold yet, from the last decision we hold of that chain (the import checks that
    // the rest continues it from there, and refuses a fork: another decision where we hold one). A long
    // chain (a first sync) goes in parts of TEAM_IMPORT_PART, each continuing the last and ending on a
    // signed decision; the grants come with the last part.
    let from = Math.max(0, Math.min(await this.deps.store.chainLength(author), head.length) - 1);
    for (;;) {
      const decisions = await this.readDecisions(author, from, head.length);
      // Not all of its chain here yet (a decision gone between the head's check and this read): wait.
      if (!decisions) return;
      const last = from + decisions.length >= head.length;
      // The grants, checklist runs and review campaigns come with the last part.
      const records = last ? await this.authorRecords(state, author, key) : undefined;
      const text = JSON.stringify(authorFile(head, decisions, last ? grants : [], this.now(), records));
      const check = await this.deps.store.applyImport(text, utf8Length(text), {
        now: this.now(),
        replaceNewer: true,
        recordsNeedTrust: true,
        ...(last ? {} : { partial: true }),
      });
      if (!check.ok) {
        this.quarantine(state, {
          id: headDocId(author),
          rev: headRev,
          reason: 'refused-by-import',
          problem: check.error.code,
          ...(check.error.facts ? { facts: check.error.facts } : {}),
        });
        return;
      }
      if (last && 'plan' in check) {
        this.noteWaiting(state, author, check.plan);
        await this.noteTaken(check.plan);
      }
      // A changed key the admin has not accepted holds the ledger back (nothing added): no further part.
      if (last || ('plan' in check && check.plan.ledgers.some((l) => l.heldBack))) return;
      from += decisions.length - 1;
    }
  }

  /**
   * The head of a colleague's ledger to apply: its length is not signed (its chain head is), so a head is
   * taken only where the decision at `length - 1` is here and is the chain head it signs. With versions of
   * the head beside each other (one raised on the server, say), the longest that holds is taken.
   * `incomplete` when none does; undefined when there is no head, or none that parses.
   */
  private async chooseHead(
    author: string,
  ): Promise<{ head: HeadDoc; rev: string } | 'incomplete' | undefined> {
    let raw: Record<string, unknown>;
    try {
      raw = await this.mirror.get(headDocId(author), { conflicts: true });
    } catch {
      return undefined;
    }
    const revs = [String(raw._rev), ...((raw._conflicts as string[] | undefined) ?? [])].slice(
      0,
      TEAM_MAX_VERSIONS,
    );
    const heads: { head: HeadDoc; rev: string }[] = [];
    for (const rev of revs) {
      const parsed = parseTeamDoc(rev === raw._rev ? raw : await this.mirror.get(headDocId(author), { rev }));
      if (parsed.ok && parsed.doc.type === 'head' && parsed.doc.ledgerId === author)
        heads.push({ head: parsed.doc, rev });
    }
    if (heads.length === 0) return undefined;
    heads.sort((a, b) => b.head.length - a.head.length);
    for (const candidate of heads) {
      const { length, chainHead } = candidate.head;
      if (length === 0) {
        if (chainHead === null) return candidate;
        continue;
      }
      try {
        const last = parseTeamDoc(await this.mirror.get(decisionDocId(author, length - 1)));
        if (last.ok && last.doc.type === 'decision' && last.doc.decision.hash === chainHead) return candidate;
      } catch {
        // not here
      }
    }
    return 'incomplete';
  }

  /**
   * A colleague's decisions from position `from`: TEAM_IMPORT_PART of them, or on to the next signed one
   * (a part ends on a signature), or to the chain's `length`. Undefined when one is missing or unreadable.
   */
  private async readDecisions(author: string, from: number, length: number): Promise<Decision[] | undefined> {
    const decisions: Decision[] = [];
    const want = () =>
      from + decisions.length < length &&
      (decisions.length < (this.deps.importPart ?? TEAM_IMPORT_PART) || decisions.at(-1)!.sig === undefined);
    let startkey = decisionDocId(author, from);
    let skip = 0;
    while (want()) {
      const page = await this.mirror.allDocs({
        startkey,
        endkey: decisionRange(author).endkey,
        include_docs: true,
        limit: TEAM_BATCH,
        skip,
      });
      if (page.rows.length === 0) break;
      for (const row of page.rows) {
        const parsed = parseTeamDoc(row.doc);
        // Quarantined when it arrived: the chain has a hole here until a good one comes.
        if (!parsed.ok || parsed.doc.type !== 'decision' || parsed.doc.n !== from + decisions.length)
          return undefined;
        decisions.push(parsed.doc.decision);
        if (!want()) break;
      }
      startkey = page.rows.at(-1).id;
      skip = 1;
    }
    return from + decisions.length >= length || !want() ? decisions : undefined;
  }

  /** What an import took from a colleague is seen: ours now, but no edit of ours to push back. */
  private async noteTaken(plan: ImportPlan): Promise<void> {
    for (const grant of [...plan.addGrants, ...(plan.replaceGrants ?? [])])
      this.see(grantDocId(grant.id), grant);
    for (const run of [...plan.addRuns, ...(plan.replaceRuns ?? [])]) this.see(checklistDocId(run.id), run);
    if (!plan.watch?.applied) return;
    // A campaign is taken when it is further along than ours: the one held now is what we saw.
    for (const { id } of plan.file.reviewCampaigns ?? []) {
      const held = await this.deps.store.campaign(id);
      if (held) this.see(reviewDocId(id), held);
    }
  }

  /**
   * An author's checklist runs and review campaigns in the mirror, each checked against the author's key
   * (a bad signature is quarantined, never applied). A run edited in two places that is held here is left
   * as ours (the import takes nothing over it); a campaign is taken by its revision, as from a file.
   */
  private async authorRecords(
    state: TeamSyncState,
    author: string,
    key: CryptoKey,
  ): Promise<{ runs: ChecklistRun[]; campaigns: { campaign: ReviewCampaign; sig: string }[] }> {
    const runs: ChecklistRun[] = [];
    const campaigns: { campaign: ReviewCampaign; sig: string }[] = [];
    let heldRuns: Set<string> | undefined;
    for await (const row of this.recordRows(TEAM_BATCH)) {
      const version = await this.versionBy(String(row.id), row.doc, author);
      if (!version) continue;
      const parsed = parseTeamDoc(version.raw);
      if (!parsed.ok || (parsed.doc.type !== 'checklist' && parsed.doc.type !== 'review')) continue;
      const doc: RecordDoc = parsed.doc; // one that did not parse was quarantined when it arrived
      if (doc.author !== author) continue;
      const { kind, record } = recordOf(doc);
      if (!(await verifyText(key, doc.sig, recordSigningText(kind, author, record)))) {
        this.quarantine(state, { id: String(row.id), rev: version.rev, reason: 'bad-signature' });
        continue;
      }
      if (doc.type === 'checklist') {
        if (version.conflicted) {
          heldRuns ??= new Set((await this.deps.store.runs()).map((r) => r.id));
          if (heldRuns.has(doc.run.id)) continue;
        }
        runs.push(doc.run);
      } else if (doc.type === 'review') campaigns.push({ campaign: doc.campaign, sig: doc.sig });
    }
    return { runs, campaigns };
  }

  /**
   * A colleague's campaigns the import left out because the admin does not trust them (yet): remembered,
   * and taken at the first sync after the admin does (`trustedNow`), as a file imported again would be.
   */
  private noteWaiting(state: TeamSyncState, author: string, plan: ImportPlan): void {
    const watch = plan.watch;
    const campaigns =
      watch?.applied === false && watch.status === 'untrusted' ? (watch.campaigns?.length ?? 0) : 0;
    const records = campaigns + (plan.waiting?.grants ?? 0) + (plan.waiting?.runs ?? 0);
    const others = (state.waiting ?? []).filter((id) => id !== author);
    state.waiting = records > 0 ? [...others, author] : others;
    const counts = { ...state.waitingRecords };
    delete counts[author];
    if (records > 0) counts[author] = records;
    state.waitingRecords = counts;
  }

  /**
   * A record document edited in two places: every version CouchDB keeps (the one it shows first, then the
   * others), each parsed, for an admin to choose between. Empty when there is no conflict.
   */
  private async docVersions(docId: string): Promise<{ rev: string; doc: RecordDoc }[]> {
    const versions = await this.editedBy(await this.verifiedVersions(docId));
    // One author left: no choice to make (the others are refused, or wait for the admin's trust).
    return versions.length >= 2 ? versions : [];
  }

  /**
   * Of a record's signed versions, those that make it "edited in two places": one per author (CouchDB's
   * first of theirs; a copy of a version under another revision is no second place), and only ours and
   * trusted colleagues' (anyone can make a key: a version by one the admin has not trusted waits, as the
   * rest of their records do, and holds nothing of ours back).
   */
  private async editedBy(found: { good: { rev: string; doc: RecordDoc }[] }) {
    const ours = await this.deps.store.getLedgerId();
    const trusted = await this.deps.store.trustedColleagues();
    const seen = new Set<string>();
    return found.good.filter((v) => {
      const author = v.doc.author;
      if (seen.has(author) || (author !== ours && !trusted.has(author))) return false;
      seen.add(author);
      return true;
    });
  }

  /**
   * The version of a record document to take from `author`, or to put ours on (`author` ours): the
   * document itself when it has one version; otherwise that author's signed version, unless the record is
   * edited in two places (`conflicted`: the winner is kept, as before the admin chooses). Undefined when
   * that author has no signed version in it.
   */
  private async versionBy(
    docId: string,
    doc: Record<string, unknown>,
    author: string,
  ): Promise<{ raw: Record<string, unknown>; rev: string; conflicted: boolean } | undefined> {
    if (!Array.isArray(doc._conflicts) || doc._conflicts.length === 0)
      return { raw: doc, rev: String(doc._rev), conflicted: false };
    const found = await this.verifiedVersions(docId);
    if ((await this.editedBy(found)).length >= 2)
      return { raw: doc, rev: String(doc._rev), conflicted: true };
    const theirs = found.good.find((v) => v.doc.author === author);
    if (!theirs) return undefined;
    const raw = theirs.rev === doc._rev ? doc : await this.mirror.get(docId, { rev: theirs.rev });
    return { raw, rev: theirs.rev, conflicted: false };
  }

  /**
   * Every version CouchDB keeps of a record document, each parsed and checked against its author's key:
   * a version is shown, named and kept only as its author signed it (a server can add a version in anyone's
   * name: CouchDB takes any revision it is given). The others are refused.
   */
  private async verifiedVersions(
    docId: string,
  ): Promise<{ good: { rev: string; doc: RecordDoc }[]; bad: QuarantinedDoc[] }> {
    const good: { rev: string; doc: RecordDoc }[] = [];
    const bad: QuarantinedDoc[] = [];
    let doc: Record<string, unknown>;
    try {
      doc = await this.mirror.get(docId, { conflicts: true });
    } catch {
      return { good, bad };
    }
    const revs = [String(doc._rev), ...((doc._conflicts as string[] | undefined) ?? [])];
    if (revs.length < 2) return { good, bad };
    if (revs.length > TEAM_MAX_VERSIONS) {
      bad.push({ id: docId, rev: revs[0]!, reason: 'too-many-versions' });
      return { good, bad };
    }
    for (const rev of revs) {
      const parsed = parseTeamDoc(await this.mirror.get(docId, { rev }));
      if (!parsed.ok) bad.push({ id: docId, rev, reason: parsed.reason });
      else if (parsed.doc.type !== 'head' && parsed.doc.type !== 'decision') {
        const { kind, record } = recordOf(parsed.doc);
        const key = await this.authorKey(parsed.doc.author);
        const text = recordSigningText(kind, parsed.doc.author, record);
        if (key && (await verifyText(key, parsed.doc.sig, text))) good.push({ rev, doc: parsed.doc });
        else bad.push({ id: docId, rev, reason: 'bad-signature' });
      }
    }
    return { good, bad };
  }

  /**
   * Whether a record document that came in is edited in two places: versions signed by two authors, each
   * ours or trusted (`editedBy`). A version not signed by its author (forged on the server, changed) is
   * refused and reported, never listed.
   */
  private async conflicted(state: TeamSyncState, docId: string, raw: Record<string, unknown>) {
    if (!Array.isArray(raw._conflicts) || raw._conflicts.length === 0) return false;
    const found = await this.verifiedVersions(docId);
    for (const item of found.bad) this.quarantine(state, item);
    return (await this.editedBy(found)).length >= 2;
  }

  /**
   * The key a record's author signs with: ours, the one pinned for a colleague, or, for a colleague not
   * pinned yet, the key of their head in the mirror (the one the import pins). Undefined when none is held.
   */
  private async authorKey(author: string): Promise<CryptoKey | undefined> {
    const { store } = this.deps;
    try {
      if (author === (await store.getLedgerId())) return await importPublicKey(await store.publicKey());
      const pinned = await store.colleagueKey(author);
      if (pinned) return await importPublicKey(pinned);
      const parsed = parseTeamDoc(await this.mirror.get(headDocId(author)));
      return parsed.ok && parsed.doc.type === 'head'
        ? await importPublicKey(parsed.doc.publicKey)
        : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * A grant edited in two places: every version CouchDB keeps (the one it shows first, then the others),
   * with its author, for an admin to choose between. Empty when there is no conflict.
   */
  async conflictVersions(grantId: string): Promise<{ rev: string; author: string; grant: GrantRecord }[]> {
    const out: { rev: string; author: string; grant: GrantRecord }[] = [];
    for (const { rev, doc } of await this.docVersions(grantDocId(grantId)))
      if (doc.type === 'grant') out.push({ rev, author: doc.author, grant: doc.grant });
    return out;
  }

  /** A checklist run or review campaign edited in two places: every version, with its author. */
  async recordConflictVersions(kind: TeamRecordKind, id: string): Promise<TeamRecordVersion[]> {
    const out: TeamRecordVersion[] = [];
    for (const { rev, doc } of await this.docVersions(teamRecordDocId(kind, id))) {
      if (kind === 'checklist' && doc.type === 'checklist')
        out.push({ rev, author: doc.author, record: { kind, run: doc.run } });
      if (kind === 'review' && doc.type === 'review')
        out.push({ rev, author: doc.author, record: { kind, campaign: doc.campaign } });
    }
    return out;
  }

  /**
   * Resolves a run's or a campaign's conflict with the version the admin chose (issue 16), as a grant's:
   * a `note` decision records the choice, and the chosen version is saved here in the same transaction, so
   * the next push finds it held and does not put the other one back; it becomes the document's, signed by
   * us, and the other revisions are removed (on the server at the next sync). A campaign's chosen version
   * takes a revision past every version's, so a colleague who trusts us takes it (as from a file); a run
   * has no edit time of its own beyond its ticks, so a colleague keeps theirs unless ours is later.
   */
  resolveRecordConflict(
    kind: TeamRecordKind,
    id: string,
    keepRev: string,
    decidedBy: string,
  ): Promise<boolean> {
    // Not in the middle of a sync (its push could write a version over the one being replaced).
    return this.alone(() => this.resolveRecordConflictNow(kind, id, keepRev, decidedBy));
  }

  private async resolveRecordConflictNow(
    kind: TeamRecordKind,
    id: string,
    keepRev: string,
    decidedBy: string,
  ): Promise<boolean> {
    const versions = await this.recordConflictVersions(kind, id);
    const kept = versions.find((v) => v.rev === keepRev);
    if (!kept) return false;
    const { store } = this.deps;
    const what = kind === 'checklist' ? 'checklist run' : 'access review campaign';
    const note = (businessId: string, subject: string) => ({
      at: this.now().toISOString(),
      businessId,
      subject,
      action: 'note' as const,
      rationale: `Team ledger: of ${versions.length} versions of this ${what} edited in two places, the one by ${kept.author} was kept.`,
      decidedBy,
    });
    let chosen: ChecklistRun | ReviewCampaign;
    if (kept.record.kind === 'checklist') {
      const run = kept.record.run;
      chosen = run;
      await store.commit({ runs: [run], decisions: [note(run.businessId, run.subject)] });
    } else {
      const revision = Math.max(
        ...versions.map((v) => (v.record.kind === 'review' ? v.record.campaign.revision : 0)),
      );
      const campaign: ReviewCampaign = { ...kept.record.campaign, revision: revision + 1 };
      chosen = campaign;
      await store.commit({
        campaigns: [campaign],
        decisions: [note(campaign.businessId, `business:${campaign.businessId}`)],
      });
    }
    const ledgerId = await store.getLedgerId();
    const docId = teamRecordDocId(kind, id);
    const winner = versions[0]!;
    for (const loser of versions.slice(1)) await this.mirror.remove(docId, loser.rev);
    const sig = await store.signTeamText(recordSigningText(kind, ledgerId, chosen));
    const doc =
      kind === 'checklist'
        ? checklistDoc(ledgerId, chosen as ChecklistRun, sig)
        : reviewDoc(ledgerId, chosen as ReviewCampaign, sig);
    await this.mirror.put({ ...doc, _rev: winner.rev });
    // The next push finds the chosen version held here and in the mirror alike: nothing to push for it.
    const state = await this.state();
    state.recordConflicts = (state.recordConflicts ?? []).filter((c) => c !== docId);
    await this.saveState(state);
    return true;
  }

  /**
   * The runs and campaigns in conflict now, each with its business and what names it (the options page's
   * list, the panel's markers). One whose conflict went meanwhile is left out.
   */
  async recordConflictList(): Promise<TeamRecordConflictSummary[]> {
    const out: TeamRecordConflictSummary[] = [];
    for (const docId of (await this.state()).recordConflicts ?? []) {
      const [prefix, ...rest] = docId.split(':');
      const kind = prefix === 'checklist' || prefix === 'review' ? prefix : undefined;
      if (!kind) continue;
      const versions = await this.recordConflictVersions(kind, rest.join(':'));
      const first = versions[0]?.record;
      if (!first || versions.length < 2) continue;
      if (first.kind === 'checklist')
        out.push({
          kind: 'checklist',
          id: first.run.id,
          businessId: first.run.businessId,
          subject: first.run.subject,
          ...(first.run.subjectName ? { subjectName: first.run.subjectName } : {}),
          templateId: first.run.templateId,
          versions: versions.length,
        });
      else
        out.push({
          kind: 'review',
          id: first.campaign.id,
          businessId: first.campaign.businessId,
          startedAt: first.campaign.startedAt,
          versions: versions.length,
        });
    }
    return out;
  }

  /** Grants (by grant id), runs and campaigns (by document id) in the mirror edited in two places now. */
  private async findConflicts(state: TeamSyncState): Promise<{ grants: string[]; records: string[] }> {
    const grants: string[] = [];
    const records: string[] = [];
    const rows = await this.mirror.allDocs({ ...GRANT_RANGE, include_docs: true, conflicts: true });
    for (const row of rows.rows)
      if (row.doc?._conflicts?.length && (await this.conflicted(state, String(row.id), row.doc)))
        grants.push(String(row.id).slice('grant:'.length));
    for await (const row of this.recordRows(50))
      if (row.doc?._conflicts?.length && (await this.conflicted(state, String(row.id), row.doc)))
        records.push(String(row.id));
    return { grants, records };
  }

  /**
   * Every row of the mirror's checklist-run and review-campaign ranges, with its document and kept
   * conflicts, read `limit` at a time: the next page is asked for only once the caller has taken this one.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- PouchDB ships no types (see PouchDatabase)
  private async *recordRows(limit: number): AsyncGenerator<any> {
    for (const range of [CHECKLIST_RANGE, REVIEW_RANGE]) {
      let startkey: string = range.startkey;
      let skip = 0;
      for (;;) {
        const page = await this.mirror.allDocs({
          startkey,
          endkey: range.endkey,
          include_docs: true,
          conflicts: true,
          limit,
          skip,
        });
        yield* page.rows;
        if (page.rows.length < limit) break;
        startkey = page.rows.at(-1).id;
        skip = 1;
      }
    }
  }

  /**
   * Resolves a grant's conflict with the version the admin chose: a decision records the choice (a note
   * on the grant, in our chain), the chosen version becomes ours and the document's, signed by us, and
   * the other revisions are removed (on the server at the next sync). Never done without the admin. The
   * chosen version is written as of now (later than every version it settles), so a colleague who trusts
   * us takes it in place of theirs (import.ts `replaceNewer`).
   */
  resolveConflict(grantId: string, keepRev: string, decidedBy: string): Promise<boolean> {
    return this.alone(() => this.resolveConflictNow(grantId, keepRev, decidedBy));
  }

  private async resolveConflictNow(grantId: string, keepRev: string, decidedBy: string): Promise<boolean> {
    const versions = await this.conflictVersions(grantId);
    const kept = versions.find((v) => v.rev === keepRev);
    if (!kept) return false;
    const { store } = this.deps;
    const latest = Math.max(...versions.map((v) => Date.parse(v.grant.updatedAt)));
    const chosen: GrantRecord = {
      ...kept.grant,
      updatedAt: new Date(Math.max(this.now().getTime(), latest + 1)).toISOString(),
    };
    await store.saveGrant(chosen, {
      at: this.now().toISOString(),
      businessId: kept.grant.businessId,
      subject: kept.grant.subject,
      action: 'note',
      rationale: `Team ledger: of ${versions.length} versions of this grant edited in two places, the one by ${kept.author} was kept.`,
      decidedBy,
    });
    const ledgerId = await store.getLedgerId();
    const winner = versions[0]!;
    for (const loser of versions.slice(1)) await this.mirror.remove(grantDocId(grantId), loser.rev);
    const sig = await store.signTeamText(recordSigningText('grant', ledgerId, chosen));
    await this.mirror.put({ ...grantDoc(ledgerId, chosen, sig), _rev: winner.rev });
    const state = await this.state();
    state.conflicts = state.conflicts.filter((id) => id !== grantId);
    await this.saveState(state);
    return true;
  }

  /** Closes the mirror once the sync or resolution under way is done; nothing more runs through this engine. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    await this.mirror.close().catch(() => undefined);
  }

  /**
   * The grants in conflict now, each with its business, subject and how many versions are kept (the
   * options page's list, the panel's marker). One whose conflict went meanwhile is left out.
   */
  async conflictList(): Promise<
    { grantId: string; businessId: string; subject: string; versions: number }[]
  > {
    const out: { grantId: string; businessId: string; subject: string; versions: number }[] = [];
    for (const grantId of (await this.state()).conflicts) {
      const versions = await this.conflictVersions(grantId);
      const first = versions[0];
      if (first && versions.length >= 2)
        out.push({
          grantId,
          businessId: first.grant.businessId,
          subject: first.grant.subject,
          versions: versions.length,
        });
    }
    return out;
  }

  /** The documents refused from the server, latest first, and how many in all (only the latest are kept). */
  async quarantinedDocs(): Promise<{ items: QuarantinedDoc[]; total: number }> {
    const state = await this.state();
    return { items: [...state.quarantined].reverse(), total: state.quarantinedCount };
  }
}

/** The records besides grants whose conflicts an admin resolves (issue 16). */
export type TeamRecordKind = 'checklist' | 'review';

/** A run's or a campaign's document id. */
export const teamRecordDocId = (kind: TeamRecordKind, id: string): string =>
  kind === 'checklist' ? checklistDocId(id) : reviewDocId(id);

/** One version of a run or campaign in conflict: CouchDB's revision, its author's ledger, the record. */
export interface TeamRecordVersion {
  rev: string;
  author: string;
  record: { kind: 'checklist'; run: ChecklistRun } | { kind: 'review'; campaign: ReviewCampaign };
}

/** A run or campaign in conflict, as listed (lib/domain/team-admin.ts `teamRecordConflictSchema`). */
export type TeamRecordConflictSummary =
  | {
      kind: 'checklist';
      id: string;
      businessId: string;
      subject: string;
      subjectName?: string;
      templateId: ChecklistRun['templateId'];
      versions: number;
    }
  | { kind: 'review'; id: string; businessId: string; startedAt: string; versions: number };

/** The mirror's name: one local database per server and database. */
export function mirrorNameFor(settings: Pick<TeamSettings, 'serverUrl' | 'database'>): string {
  return `scopekeeper-team-${encodeURIComponent(getDatabaseUrl(settings))}`;
}
