import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRun, tickByHand, type ChecklistRun } from '@/lib/domain/checklists/runs';
import type { GrantRecord } from '@/lib/domain/ledger/records';
import { protocol, type MessageName, type Reply, type ResultOf } from '@/lib/domain/protocol';
import { startCampaign, type ReviewCampaign } from '@/lib/domain/review/campaign';
import { defaultSettings } from '@/lib/domain/settings';
import type { TeamSettings } from '@/lib/domain/team-ledger';
import { LedgerStore } from '@/lib/ledger/store';
import { registerTeamAdminHandlers, type TeamEngineSource } from '@/lib/platform/handlers/team-admin';
import { createHub, type Hub } from '@/lib/platform/hub';
import { runLedgerCommand, type CommandContext } from '@/lib/platform/ledger';
import type { Sender } from '@/lib/platform/router';
import { TeamSync, type PouchConstructor } from '@/lib/platform/team-sync';
import { startCouchServer, type CouchServer, TestPouchDB } from '../../couch/server';
import { me, person, snapshot } from '../domain/rules/helpers';

/**
 * The set-up the team ledger's tests share (issue 16): installations replicating through one
 * CouchDB-protocol server on 127.0.0.1, the server's documents read and written as its admin (what a
 * tamperer with access could do), and the records a test puts in a ledger.
 */

/** The installations' mirrors: in memory, on the PouchDB the test server is plugged with. */
export const PouchDB = TestPouchDB as unknown as PouchConstructor;
export const BUSINESS = '1203456789012345';
export const PARTNER = 'partner:3228568050780001';
export const NOW = new Date('2026-11-28T12:00:00Z');
/** Later than NOW by some minutes (within the import's clock skew of five). */
export const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
/** What a ledger command is decided with: by Anna, at `now`, with the default settings. */
export const context = (now = NOW): CommandContext => ({
  now,
  decidedBy: 'anna@sjobod.se',
  settings: defaultSettings,
  isThirdParty: () => true,
});

/** One browser's ledger and its team engine, with the name of its mirror. */
export interface Installation {
  store: LedgerStore;
  sync: TeamSync;
  mirrorName: string;
}

/** What a test may give an installation's engine instead of the usual (the PouchDB and store are its own). */
export type InstallationOptions = Omit<
  Partial<ConstructorParameters<typeof TeamSync>[0]>,
  'PouchDB' | 'store'
>;

/**
 * A fresh CouchDB-protocol server with an empty `team` database for every test, and everything a test
 * opened closed after it (then the server). Call once at the top of a test file: it registers the hooks.
 */
export function setupTeamServer() {
  let server: CouchServer;
  const opened: { close(): unknown }[] = [];
  const auth = () => `Basic ${btoa(`${server.admin.user}:${server.admin.password}`)}`;
  const docUrl = (id: string) => `${server.url}team/${encodeURIComponent(id)}`;

  const team = {
    /** The server of the test under way (a new one after `startServer`). */
    get server(): CouchServer {
      return server;
    },
    /** Starts a new, empty server with the `team` database: before every test, and a server that comes back. */
    async startServer(): Promise<CouchServer> {
      server = await startCouchServer();
      await server.createDatabase('team');
      return server;
    },
    /** The team settings an admin enters for this server (its admin's password unless another is given). */
    settings(password = server.admin.password): TeamSettings {
      return { version: 1, serverUrl: server.url, database: 'team', user: server.admin.user, password };
    },
    /** Closed after the test, in the order given (before the server). */
    keep(...items: { close(): unknown }[]): void {
      opened.push(...items);
    },
    /** An installation on this server, as a browser with the team ledger on makes it. */
    installation(name: string, options: InstallationOptions = {}): Installation {
      const store = new LedgerStore(`${name}-${Math.random()}`);
      const mirrorName = options.mirrorName ?? `mirror-${name}-${Math.random()}`;
      const sync = new TeamSync({
        PouchDB,
        store,
        settings: team.settings(),
        now: () => NOW,
        ...options,
        mirrorName,
      });
      opened.push(sync, store);
      return { store, sync, mirrorName };
    },
    /** A document as the server holds it (with its `_conflicts` when asked). */
    async serverDoc<T = Record<string, unknown>>(id: string, { conflicts = false } = {}): Promise<T> {
      const response = await fetch(`${docUrl(id)}${conflicts ? '?conflicts=true' : ''}`, {
        headers: { authorization: auth() },
      });
      return (await response.json()) as T;
    },
    /** A document written over (or added) on the server as its admin. */
    async putServerDoc(doc: Record<string, unknown>): Promise<void> {
      const response = await fetch(docUrl(String(doc._id)), {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: auth() },
        body: JSON.stringify(doc),
      });
      expect(response.status).toBeLessThan(300);
    },
    /**
     * Documents written on the server at once; with `newEdits` false, CouchDB takes any revision it is
     * given (how a version is added beside ours).
     */
    async bulk(docs: Record<string, unknown>[], newEdits = true): Promise<void> {
      const response = await fetch(`${server.url}team/_bulk_docs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth() },
        body: JSON.stringify({ docs, new_edits: newEdits }),
      });
      expect(response.status).toBeLessThan(300);
    },
    /**
     * A version of the server's document `id` added beside it under another revision (the same to the
     * letter unless `changes` are given), as anyone who can write the database can: returns it.
     */
    async forgeVersion(
      id: string,
      changes: Record<string, unknown> = {},
    ): Promise<Record<string, unknown> & { _rev: string }> {
      const forged = {
        ...(await team.serverDoc(id)),
        _rev: '1-ffffffffffffffffffffffffffffffff',
        ...changes,
      };
      await team.bulk([forged], false);
      return forged;
    },
    /** The team's database deleted and made again, empty (a server restored without its data). */
    async emptyDatabase(): Promise<void> {
      const response = await fetch(`${server.url}team`, {
        method: 'DELETE',
        headers: { authorization: auth() },
      });
      expect(response.status).toBeLessThan(300);
      await server.createDatabase('team');
    },
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    await team.startServer();
  });
  afterEach(async () => {
    for (const item of opened.splice(0)) await item.close();
    await server.close();
  });
  return team;
}

/**
 * `x` trusts `y`'s ledger, as an admin does on the options page: a colleague's grants, runs and campaigns
 * are taken only then (before, they wait), and their acceptances and revocations take effect.
 */
export async function trusts(x: { store: LedgerStore }, y: { store: LedgerStore }): Promise<void> {
  await x.store.setTrusted(await y.store.getLedgerId(), true, NOW);
}

/**
 * A grant to the partner on Sjöbod Café documented as the panel does, ending 2027-01-15: full control, or
 * partial (content only) where a test forges a wider one.
 */
export async function documentGrant(
  store: LedgerStore,
  { caseText = 'Spring campaign', access = 'full' }: { caseText?: string; access?: 'full' | 'partial' } = {},
): Promise<GrantRecord> {
  const done = await runLedgerCommand(
    store,
    {
      type: 'document',
      businessId: BUSINESS,
      subject: PARTNER,
      assets: [{ type: 'page', name: 'Sjöbod Café', access, tasks: access === 'full' ? [] : ['content'] }],
      case: caseText,
      startsAt: '2026-11-20',
      endsAt: '2027-01-15',
    },
    context(),
  );
  expect(done.ok).toBe(true);
  if (!done.ok) throw new Error(done.error.code);
  return (await store.grant(done.decision.grantId!))!;
}

/** A grant's end moved later, at `now` (NOW unless given). */
export const extendGrant = (
  store: LedgerStore,
  grantId: string,
  endsAt: string,
  now = NOW,
  rationale = 'More time',
) => runLedgerCommand(store, { type: 'extend', grantId, endsAt, rationale }, context(now));

/** The i-th note about the partner, as a decision's body (for `commit` or `appendDecision`). */
export const note = (i: number) => ({
  at: '2026-11-27T10:00:00.000Z',
  businessId: BUSINESS,
  subject: PARTNER,
  action: 'note' as const,
  rationale: `Note ${i}`,
  decidedBy: 'anna@sjobod.se',
});

/** A partner onboarding started, as the panel does. */
export async function startRun(store: LedgerStore, id = 'run-1'): Promise<ChecklistRun> {
  const run = createRun({
    id,
    businessId: BUSINESS,
    templateId: 'onboard-partner',
    subject: PARTNER,
    case: 'Spring campaign',
    now: NOW,
  });
  await store.commit({ runs: [run] });
  return run;
}

/** One step of a run ticked by hand at `at`, and saved: the one given, or the first still open. */
export async function tickRun(
  store: LedgerStore,
  run: ChecklistRun,
  at: Date,
  stepId = run.steps.find((s) => !s.done)!.id,
): Promise<ChecklistRun> {
  const ticked = tickByHand(run, stepId, true, at)!;
  await store.commit({ runs: [ticked] });
  return ticked;
}

/** An access review campaign begun (not saved yet) over what People showed: Anna and Nils Holm. */
export async function baselineCampaign(store: LedgerStore, id = 'c1'): Promise<ReviewCampaign> {
  await store.observeBaseline(snapshot([me, person('Nils Holm', 'nils@byraab.se')]), NOW, ['sjobod.se']);
  return startCampaign({
    id,
    businessId: BUSINESS,
    now: NOW,
    startedBy: 'anna@sjobod.se',
    baseline: (await store.baseline(BUSINESS))!,
    source: 'baseline',
  });
}

const optionsPage: Sender = { kind: 'page', url: 'chrome-extension://test/options.html' };

/** A background with the team admin's messages, its engine given (or none: the team ledger is off). */
export function adminBackground(store: LedgerStore, sync?: TeamSync) {
  const hub: Hub = createHub({
    store,
    clock: () => NOW,
    browser: fakeBrowser,
    toTab: (async () => true) as never,
    settings: { load: async () => defaultSettings, watch: () => () => {} },
  });
  const runner: TeamEngineSource = { activeEngine: async () => sync };
  registerTeamAdminHandlers(hub, runner);
  const ask = <N extends MessageName>(name: N, data: unknown) =>
    hub.router.dispatch(name, data, optionsPage) as Promise<Reply<N>>;
  /** An answer, read as the pages read it (parsed by its result schema). */
  const get = async <N extends MessageName>(name: N, data: unknown): Promise<ResultOf<N>> => {
    const reply = await ask(name, data);
    if (!reply.ok) throw new Error(`${name} refused: ${reply.error.code}`);
    return protocol[name].result.parse(reply.value) as ResultOf<N>;
  };
  return { ask, get };
}
