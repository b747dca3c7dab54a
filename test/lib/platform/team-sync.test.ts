import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '@/lib/domain/settings';
import type { TeamSettings } from '@/lib/domain/team-ledger';
import { LedgerStore } from '@/lib/ledger/store';
import { runLedgerCommand, type CommandContext } from '@/lib/platform/ledger';
import { TeamSync, type PouchConstructor } from '@/lib/platform/team-sync';
import { startCouchServer, TestPouchDB, type CouchServer } from '../../couch/server';

/** Issue 16, items 2–4: two installations replicating through one CouchDB-protocol server on 127.0.0.1. */
const PouchDB = TestPouchDB as unknown as PouchConstructor;

const BUSINESS = '1203456789012345';
const PARTNER = 'partner:3228568050780001';
const NOW = new Date('2026-11-28T12:00:00Z');
const context = (): CommandContext => ({
  now: NOW,
  decidedBy: 'anna@sjobod.se',
  settings: defaultSettings,
  isThirdParty: () => true,
});

let server: CouchServer;
const opened: { close(): unknown }[] = [];
beforeEach(async () => {
  server = await startCouchServer();
  await server.createDatabase('team');
});
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
  await server.close();
});

const settingsFor = (couch: CouchServer, password = couch.admin.password): TeamSettings => ({
  version: 1,
  serverUrl: couch.url,
  database: 'team',
  user: couch.admin.user,
  password,
});

function installation(name: string, settings = settingsFor(server)) {
  const store = new LedgerStore(`${name}-${Math.random()}`);
  const mirrorName = `mirror-${name}-${Math.random()}`;
  const sync = new TeamSync({ PouchDB, store, settings, mirrorName, now: () => NOW });
  opened.push(sync, store);
  return { store, sync, mirrorName };
}

async function documentGrant(store: LedgerStore, caseText = 'Spring campaign') {
  const done = await runLedgerCommand(
    store,
    {
      type: 'document',
      businessId: BUSINESS,
      subject: PARTNER,
      assets: [{ type: 'page', name: 'Sjöbod Café', access: 'full', tasks: [] }],
      case: caseText,
      startsAt: '2026-11-20',
      endsAt: '2027-01-15',
    },
    context(),
  );
  expect(done).toBeDefined();
}

async function acceptFinding(store: LedgerStore) {
  const done = await runLedgerCommand(
    store,
    {
      type: 'accept-finding',
      businessId: BUSINESS,
      subject: PARTNER,
      ruleId: 'third-party-full-control',
      assetName: 'Sjöbod Café',
      rationale: 'The agency runs the page',
      reviewAt: '2027-01-10',
    },
    context(),
  );
  expect(done).toBeDefined();
}

/** The server's documents, read and written as the server admin (what a tamperer with access could do). */
async function serverDoc(id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}team/${encodeURIComponent(id)}`, {
    headers: { authorization: `Basic ${btoa(`${server.admin.user}:${server.admin.password}`)}` },
  });
  return (await response.json()) as Record<string, unknown>;
}
async function putServerDoc(doc: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${server.url}team/${encodeURIComponent(String(doc._id))}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${btoa(`${server.admin.user}:${server.admin.password}`)}`,
    },
    body: JSON.stringify(doc),
  });
  expect(response.status).toBeLessThan(300);
}

describe('team ledger replication', () => {
  it("A's grant reaches B, and B's decision reaches A", async () => {
    const a = installation('a');
    const b = installation('b');
    await documentGrant(a.store);
    expect((await a.sync.status()).pending).toBeGreaterThan(0);
    const afterA = await a.sync.sync();
    expect(afterA.lastError).toBeUndefined();
    expect(afterA.pending).toBe(0);
    expect(afterA.lastSyncAt).toBe(NOW.toISOString());

    await b.sync.sync();
    const received = await b.store.grants({ businessId: BUSINESS });
    expect(received.map((g) => g.case)).toEqual(['Spring campaign']);
    const aLedger = await a.store.getLedgerId();
    expect(await b.store.chain(aLedger)).toEqual(await a.store.chain(aLedger));

    await acceptFinding(b.store);
    await b.sync.sync();
    await a.sync.sync();
    const bLedger = await b.store.getLedgerId();
    expect((await a.store.chain(bLedger)).map((d) => d.action)).toEqual(['accept-finding']);
    expect((await a.sync.status()).quarantined).toBe(0);
  });

  it("an unknown colleague's acceptance is held but waits for the admin's trust, as from a file", async () => {
    const a = installation('a');
    const b = installation('b');
    await acceptFinding(b.store);
    await b.sync.sync();
    await a.sync.sync();
    const bLedger = await b.store.getLedgerId();
    expect(await a.store.chain(bLedger)).toHaveLength(1);
    expect((await a.store.ledgerFacts(BUSINESS)).accepted?.size ?? 0).toBe(0);
    await a.store.setTrusted(bLedger, true, NOW);
    expect((await a.store.ledgerFacts(BUSINESS)).accepted?.size).toBe(1);
  });

  it('a decision changed on the server is refused by both installations and never applied', async () => {
    const a = installation('a');
    const b = installation('b');
    await documentGrant(a.store);
    await a.sync.sync();
    const aLedger = await a.store.getLedgerId();
    const id = `decision:${aLedger}:000000000`;
    const doc = await serverDoc(id);
    const decision = doc.decision as Record<string, unknown>;
    await putServerDoc({ ...doc, decision: { ...decision, rationale: 'Rewritten on the server' } });

    const bStatus = await b.sync.sync();
    expect(bStatus.quarantined).toBeGreaterThan(0);
    expect(await b.store.chain(aLedger)).toEqual([]);
    expect(await b.store.grants()).toEqual([]);
    const bState = await b.sync.state();
    expect(bState.quarantined.map((q) => q.reason)).toContain('refused-by-import');

    const aStatus = await a.sync.sync();
    expect(aStatus.quarantined).toBe(1);
    expect((await a.sync.state()).quarantined[0]).toMatchObject({ id, reason: 'changed-decision' });
    expect((await a.store.chain(aLedger))[0]!.rationale).not.toBe('Rewritten on the server');
  });

  it('unsigned and malformed documents are quarantined with their reason', async () => {
    const a = installation('a');
    await putServerDoc({ _id: 'grant:g-unsigned', type: 'grant', author: crypto.randomUUID(), grant: {} });
    await putServerDoc({ _id: 'something', hello: 'world' });
    const status = await a.sync.sync();
    expect(status.lastError).toBeUndefined();
    expect(status.quarantined).toBe(2);
    const reasons = (await a.sync.state()).quarantined.map((q) => [q.id, q.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['grant:g-unsigned', 'unsigned'],
        ['something', 'malformed'],
      ]),
    );
    // Seen once, counted once: the next sync does not count them again.
    expect((await a.sync.sync()).quarantined).toBe(2);
  });

  it('wrong credentials: the status says so, and local work goes on', async () => {
    const a = installation('a', settingsFor(server, 'not the password'));
    await documentGrant(a.store);
    const status = await a.sync.sync();
    expect(status.lastError).toEqual({ kind: 'wrong-credentials' });
    expect(status.pending).toBeGreaterThan(0);
    await documentGrant(a.store, 'Summer campaign');
    expect(await a.store.grants()).toHaveLength(2);
  });

  it('a grant edited in two places keeps both versions until an admin chooses, with a decision', async () => {
    const a = installation('a');
    const b = installation('b');
    await documentGrant(a.store);
    await a.sync.sync();
    await b.sync.sync();
    const [held] = await b.store.grants();
    const extend = (store: LedgerStore, endsAt: string) =>
      runLedgerCommand(
        store,
        { type: 'extend', grantId: held!.id, endsAt, rationale: 'More time' },
        context(),
      );
    await extend(a.store, '2027-01-20');
    await extend(b.store, '2027-01-25');
    await a.sync.sync();
    expect((await b.sync.sync()).conflicts).toBe(1);
    expect((await a.sync.sync()).conflicts).toBe(1);

    const versions = await a.sync.conflictVersions(held!.id);
    expect(versions.map((v) => v.grant.endsAt).sort()).toEqual(['2027-01-20', '2027-01-25']);
    const keep = versions.find((v) => v.grant.endsAt === '2027-01-25')!;
    expect(await a.sync.resolveConflict(held!.id, keep.rev, 'anna@sjobod.se')).toBe(true);
    const aLedger = await a.store.getLedgerId();
    expect((await a.store.chain(aLedger)).at(-1)).toMatchObject({ action: 'note', grantId: held!.id });
    expect((await a.sync.sync()).conflicts).toBe(0);
    expect((await b.sync.sync()).conflicts).toBe(0);
    expect(await b.sync.conflictVersions(held!.id)).toEqual([]);
  });

  it('the server goes away mid-way and a new one comes: the sync resumes and nothing is lost', async () => {
    const aStore = new LedgerStore(`a-${Math.random()}`);
    opened.push(aStore);
    const mirrorName = `mirror-a-${Math.random()}`;
    await documentGrant(aStore);
    let a = new TeamSync({
      PouchDB,
      store: aStore,
      settings: settingsFor(server),
      mirrorName,
      now: () => NOW,
    });
    await a.sync();
    await a.close();
    const url = server.url;
    await server.close();

    await documentGrant(aStore, 'Summer campaign');
    a = new TeamSync({
      PouchDB,
      store: aStore,
      settings: { ...settingsFor(server), serverUrl: url },
      mirrorName,
      now: () => NOW,
    });
    const down = await a.sync();
    expect(down.lastError).toMatchObject({ kind: 'unreachable' });
    expect(down.pending).toBeGreaterThan(0);
    await a.close();

    // The same server back (an empty one here: the test server keeps its data in memory).
    server = await startCouchServer();
    await server.createDatabase('team');
    a = new TeamSync({ PouchDB, store: aStore, settings: settingsFor(server), mirrorName, now: () => NOW });
    opened.push(a);
    const back = await a.sync();
    expect(back.lastError).toBeUndefined();
    expect(back.pending).toBe(0);
    const b = installation('b');
    await b.sync.sync();
    expect((await b.store.grants()).map((g) => g.case).sort()).toEqual([
      'Spring campaign',
      'Summer campaign',
    ]);
  });
});

describe('team ledger at scale: only the new part of a chain', () => {
  const note = (i: number) => ({
    at: '2026-11-27T10:00:00.000Z',
    businessId: BUSINESS,
    subject: PARTNER,
    action: 'note' as const,
    rationale: `Note ${i}`,
    decidedBy: 'anna@sjobod.se',
  });
  /** The decisions of each file the store was asked to import, and whether any whole chain was read. */
  function watch(store: LedgerStore) {
    const imported: number[] = [];
    const importText = store.applyImport.bind(store);
    store.applyImport = (text, ...rest) => {
      imported.push((JSON.parse(text) as { decisions: unknown[] }).decisions.length);
      return importText(text, ...rest);
    };
    const wholeChains: string[] = [];
    const chain = store.chain.bind(store);
    store.chain = (ledgerId) => {
      wholeChains.push(ledgerId);
      return chain(ledgerId);
    };
    return { imported, wholeChains };
  }

  it('one more decision: the push reads only it, the colleague imports it onto the decision held', async () => {
    const a = installation('a');
    const b = installation('b');
    await a.store.commit({ decisions: [0, 1, 2, 3, 4].map(note) });
    await a.sync.sync();
    await b.sync.sync();
    const aLedger = await a.store.getLedgerId();
    expect(await b.store.chain(aLedger)).toHaveLength(5);

    const atA = watch(a.store);
    const atB = watch(b.store);
    await a.store.appendDecision(note(5));
    expect((await a.sync.status()).pending).toBe(1);
    expect((await a.sync.sync()).pending).toBe(0);
    await b.sync.sync();
    // The last decision B held, then the new one: verified from the hash held on.
    expect(atB.imported).toEqual([2]);
    expect(atA.wholeChains).toEqual([]);
    expect(atB.wholeChains).toEqual([]);
    expect(await b.store.chain(aLedger)).toEqual(await a.store.chain(aLedger));
    expect((await b.sync.status()).quarantined).toBe(0);
  });

  it('a long chain comes in signed parts, each continuing the last', async () => {
    const a = installation('a');
    const bStore = new LedgerStore(`b-${Math.random()}`);
    const b = new TeamSync({
      PouchDB,
      store: bStore,
      settings: settingsFor(server),
      mirrorName: `mirror-b-${Math.random()}`,
      now: () => NOW,
      importPart: 3,
    });
    opened.push(b, bStore);
    await a.store.commit({ decisions: Array.from({ length: 10 }, (_, i) => note(i)) });
    await a.sync.sync();
    const atB = watch(bStore);
    await b.sync();
    // [0,3) [2,5) [4,7) [6,9) [8,10): each part from the last decision the one before added.
    expect(atB.imported).toEqual([3, 3, 3, 3, 2]);
    const aLedger = await a.store.getLedgerId();
    expect(await bStore.chain(aLedger)).toEqual(await a.store.chain(aLedger));
    expect((await b.status()).quarantined).toBe(0);
  });

  it('a decision held, changed on the server, stops the chain there: refused, nothing after it added', async () => {
    const a = installation('a');
    const b = installation('b');
    await a.store.commit({ decisions: [0, 1, 2].map(note) });
    await a.sync.sync();
    await b.sync.sync();
    const aLedger = await a.store.getLedgerId();
    const id = `decision:${aLedger}:000000002`;
    const doc = await serverDoc(id);
    await putServerDoc({ ...doc, decision: { ...(doc.decision as object), rationale: 'Rewritten' } });
    await a.store.appendDecision(note(3));
    await a.sync.sync();

    await b.sync.sync();
    expect((await b.store.chain(aLedger)).map((d) => d.rationale)).toEqual(['Note 0', 'Note 1', 'Note 2']);
    const state = await b.sync.state();
    expect(state.quarantined.map((q) => [q.reason, q.problem])).toContainEqual([
      'refused-by-import',
      'import-chain-broken',
    ]);
  });
});
