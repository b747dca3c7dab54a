import { chainSigningText, importPublicKey, verifyText } from '../domain/ledger/signing';
import { utf8Length } from '../domain/ledger/import';
import type { Decision, GrantRecord } from '../domain/ledger/records';
import {
  authorFile,
  decisionDoc,
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
  replicate: {
    to(target: PouchDatabase, options?: Record<string, unknown>): Promise<any>;
    from(source: PouchDatabase, options?: Record<string, unknown>): Promise<any>;
  };
  remove(id: string, rev: string): Promise<unknown>;
  close(): Promise<void>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
export type PouchConstructor = new (name: string, options?: Record<string, unknown>) => PouchDatabase;

/** Documents read or written at a time: a 100,000-record first sync never sits in memory as documents. */
export const TEAM_BATCH = 500;
/** How many quarantined documents are remembered (the count goes on). */
const QUARANTINE_KEPT = 200;

const STATE_ID = '_local/scopekeeper-team';

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
  /** Decisions of our chain in the mirror, and of those, how many the server has confirmed. */
  decisionsInMirror: number;
  decisionsOnServer: number;
  /** Grants put into the mirror since the last push the server confirmed. */
  grantsPending: number;
  /** The mirror's change sequence up to which incoming documents were checked and applied. */
  appliedSeq: number | string;
  lastSyncAt?: string;
  lastError?: TeamSyncError;
  quarantined: QuarantinedDoc[];
  quarantinedCount: number;
  /** Grants with a kept CouchDB conflict (two edits): shown for an admin to resolve. */
  conflicts: string[];
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
}

type Store = Pick<
  LedgerStore,
  | 'getLedgerId'
  | 'chain'
  | 'grants'
  | 'publicKey'
  | 'signTeamText'
  | 'applyImport'
  | 'appendDecision'
  | 'saveGrant'
>;

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
  private readonly mirror: PouchDatabase;
  private running: Promise<TeamStatus> | undefined;

  constructor(
    private readonly deps: {
      PouchDB: PouchConstructor;
      store: Store;
      settings: TeamSettings;
      /** The mirror's local database name (one per server and database). */
      mirrorName?: string;
      /** The fetch the remote gets; the guarded `teamFetch` unless a test gives another. */
      fetch?: typeof fetch;
      now?: () => Date;
    },
  ) {
    this.mirror = new deps.PouchDB(deps.mirrorName ?? mirrorNameFor(deps.settings));
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
    const length = (await this.deps.store.chain(ledgerId)).length;
    return {
      ...(state.lastSyncAt ? { lastSyncAt: state.lastSyncAt } : {}),
      pending: Math.max(0, length - state.decisionsOnServer) + state.grantsPending,
      ...(state.lastError ? { lastError: state.lastError } : {}),
      quarantined: state.quarantinedCount,
      conflicts: state.conflicts.length,
    };
  }

  /** One sync; a call while one runs waits for it (and does not start another). */
  sync(): Promise<TeamStatus> {
    this.running ??= this.syncOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async syncOnce(): Promise<TeamStatus> {
    const state = await this.state();
    // Local first: the mirror takes our records whatever the server does, so nothing waits on it.
    await this.push(state);
    const remote = new this.deps.PouchDB(getDatabaseUrl(this.deps.settings), {
      fetch: this.deps.fetch ?? teamFetch(this.deps.settings),
      skip_setup: true,
    });
    try {
      await this.mirror.replicate.to(remote, { batch_size: TEAM_BATCH, batches_limit: 2 });
      state.decisionsOnServer = state.decisionsInMirror;
      state.grantsPending = 0;
      await this.mirror.replicate.from(remote, { batch_size: TEAM_BATCH, batches_limit: 2 });
      delete state.lastError;
      state.lastSyncAt = this.now().toISOString();
    } catch (error) {
      state.lastError = describeSyncError(error);
    } finally {
      await remote.close().catch(() => undefined);
    }
    // What did arrive is applied even when the server went away half-way.
    await this.apply(state);
    await this.saveState(state);
    return this.status();
  }

  /** Our new decisions and our changed grants into the mirror, a batch at a time. */
  private async push(state: TeamSyncState): Promise<void> {
    const { store } = this.deps;
    const ledgerId = await store.getLedgerId();
    const chain = await store.chain(ledgerId);
    for (let start = state.decisionsInMirror; start < chain.length; start += TEAM_BATCH) {
      const docs = chain.slice(start, start + TEAM_BATCH).map((d, i) => decisionDoc(d, start + i));
      // A document already there (a push cut short before its state was saved) answers 409: it is the same.
      await this.mirror.bulkDocs(docs);
      state.decisionsInMirror = Math.min(chain.length, start + TEAM_BATCH);
    }
    // Our grants: those our chain records (an imported colleague's grant stays theirs).
    const ours = new Set(chain.map((d) => d.grantId).filter((id): id is string => id !== undefined));
    const grants = (await store.grants()).filter((g) => ours.has(g.id));
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
        const doc = row?.doc as { grant?: unknown; _conflicts?: unknown[] } | undefined;
        if (doc && JSON.stringify(doc.grant) === JSON.stringify(grant)) continue;
        // Edited in two places and not resolved yet: no third version on top; the admin chooses first.
        if (doc?._conflicts && doc._conflicts.length > 0) continue;
        const sig = await store.signTeamText(recordSigningText('grant', ledgerId, grant));
        docs.push({ ...grantDoc(ledgerId, grant, sig), ...(row?.value?.rev ? { _rev: row.value.rev } : {}) });
      }
      if (docs.length > 0) {
        await this.mirror.bulkDocs(docs);
        state.grantsPending += docs.length;
      }
    }
    const chainHead = chain.at(-1)?.hash ?? null;
    const head: HeadDoc = {
      type: 'head',
      ledgerId,
      publicKey: await store.publicKey(),
      chainHead,
      length: chain.length,
      chainHeadSignature: '',
    };
    let rev: string | undefined;
    try {
      const held = await this.mirror.get(headDocId(ledgerId));
      if (held.chainHead === chainHead && held.length === chain.length) return;
      rev = held._rev as string;
    } catch {
      rev = undefined;
    }
    head.chainHeadSignature = await store.signTeamText(chainSigningText(ledgerId, chainHead));
    await this.mirror.put({ _id: headDocId(ledgerId), ...(rev ? { _rev: rev } : {}), ...head });
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
  private async apply(state: TeamSyncState): Promise<void> {
    const ourLedger = await this.deps.store.getLedgerId();
    const authors = new Set<string>();
    let ourChain: Decision[] | undefined;
    for (;;) {
      const batch = await this.mirror.changes({
        since: state.appliedSeq,
        limit: TEAM_BATCH,
        include_docs: true,
        conflicts: true,
      });
      for (const change of batch.results) {
        const raw = change.doc as Record<string, unknown> | undefined;
        if (!raw || change.deleted || String(change.id).startsWith('_')) continue;
        const parsed = parseTeamDoc(raw);
        if (!parsed.ok) {
          this.quarantine(state, { id: String(change.id), rev: String(raw._rev), reason: parsed.reason });
          continue;
        }
        const author = docAuthor(parsed.doc);
        // Our own decision, changed on the server: decisions never change; refused, and said.
        if (author === ourLedger && parsed.doc.type === 'decision') {
          ourChain ??= await this.deps.store.chain(ourLedger);
          const held = ourChain[parsed.doc.n];
          if (held && !sameDecision(held, parsed.doc.decision))
            this.quarantine(state, {
              id: String(change.id),
              rev: String(raw._rev),
              reason: 'changed-decision',
            });
        }
        if (parsed.doc.type === 'grant') {
          const id = parsed.doc.grant.id;
          const conflicted = Array.isArray(raw._conflicts) && raw._conflicts.length > 0;
          state.conflicts = state.conflicts.filter((c) => c !== id);
          if (conflicted) state.conflicts.push(id);
        }
        if (author !== ourLedger) authors.add(author);
      }
      state.appliedSeq = batch.last_seq;
      if (batch.results.length < TEAM_BATCH) break;
    }
    for (const author of authors) await this.applyAuthor(state, author);
  }

  private async applyAuthor(state: TeamSyncState, author: string): Promise<void> {
    let head: HeadDoc;
    let headRev: string;
    try {
      const raw = await this.mirror.get(headDocId(author));
      const parsed = parseTeamDoc(raw);
      if (!parsed.ok || parsed.doc.type !== 'head') return; // quarantined when it arrived
      head = parsed.doc;
      headRev = String(raw._rev);
    } catch {
      return; // its head has not arrived yet: the next sync takes it
    }
    const decisions: Decision[] = [];
    let startkey = decisionRange(author).startkey;
    let skip = 0;
    while (decisions.length < head.length) {
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
        if (!parsed.ok || parsed.doc.type !== 'decision') continue; // quarantined when it arrived
        if (parsed.doc.n !== decisions.length) break;
        decisions.push(parsed.doc.decision);
      }
      startkey = page.rows.at(-1).id;
      skip = 1;
    }
    // Not all of its chain here yet (the server went away half-way): wait for the rest, apply nothing.
    if (decisions.length < head.length) return;
    decisions.length = head.length;

    const key = await importPublicKey(head.publicKey);
    const grants: GrantRecord[] = [];
    const grantRows = await this.mirror.allDocs({ ...GRANT_RANGE, include_docs: true });
    for (const row of grantRows.rows) {
      const parsed = parseTeamDoc(row.doc);
      if (!parsed.ok || parsed.doc.type !== 'grant' || parsed.doc.author !== author) continue;
      if (!(await verifyText(key, parsed.doc.sig, recordSigningText('grant', author, parsed.doc.grant)))) {
        this.quarantine(state, { id: String(row.id), rev: String(row.value.rev), reason: 'bad-signature' });
        continue;
      }
      grants.push(parsed.doc.grant);
    }
    const text = JSON.stringify(authorFile(head, decisions, grants, this.now()));
    const check = await this.deps.store.applyImport(text, utf8Length(text), { now: this.now() });
    if (!check.ok)
      this.quarantine(state, {
        id: headDocId(author),
        rev: headRev,
        reason: 'refused-by-import',
        problem: check.error.code,
        ...(check.error.facts ? { facts: check.error.facts } : {}),
      });
  }

  /**
   * A grant edited in two places: every version CouchDB keeps (the one it shows first, then the others),
   * with its author, for an admin to choose between. Empty when there is no conflict.
   */
  async conflictVersions(grantId: string): Promise<{ rev: string; author: string; grant: GrantRecord }[]> {
    let doc: Record<string, unknown>;
    try {
      doc = await this.mirror.get(grantDocId(grantId), { conflicts: true });
    } catch {
      return [];
    }
    const revs = [String(doc._rev), ...((doc._conflicts as string[] | undefined) ?? [])];
    if (revs.length < 2) return [];
    const out: { rev: string; author: string; grant: GrantRecord }[] = [];
    for (const rev of revs) {
      const parsed = parseTeamDoc(await this.mirror.get(grantDocId(grantId), { rev }));
      if (parsed.ok && parsed.doc.type === 'grant')
        out.push({ rev, author: parsed.doc.author, grant: parsed.doc.grant });
    }
    return out;
  }

  /**
   * Resolves a grant's conflict with the version the admin chose: a decision records the choice (a note
   * on the grant, in our chain), the chosen version becomes the document's, signed by us, and the other
   * revisions are removed (on the server at the next sync). Never done without the admin.
   */
  async resolveConflict(grantId: string, keepRev: string, decidedBy: string): Promise<boolean> {
    const versions = await this.conflictVersions(grantId);
    const kept = versions.find((v) => v.rev === keepRev);
    if (!kept) return false;
    const { store } = this.deps;
    // The kept version becomes this ledger's grant too, with the decision, in one transaction: otherwise
    // our own (other) version would be pushed over the choice at the next sync.
    await store.saveGrant(kept.grant, {
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
    const sig = await store.signTeamText(recordSigningText('grant', ledgerId, kept.grant));
    await this.mirror.put({ ...grantDoc(ledgerId, kept.grant, sig), _rev: winner.rev });
    const state = await this.state();
    state.conflicts = state.conflicts.filter((id) => id !== grantId);
    await this.saveState(state);
    return true;
  }

  async close(): Promise<void> {
    await this.running?.catch(() => undefined);
    await this.mirror.close();
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

/** The mirror's name: one local database per server and database. */
export function mirrorNameFor(settings: Pick<TeamSettings, 'serverUrl' | 'database'>): string {
  return `scopekeeper-team-${encodeURIComponent(getDatabaseUrl(settings))}`;
}
