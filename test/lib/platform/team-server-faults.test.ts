import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '@/lib/domain/settings';
import type { TeamSettings } from '@/lib/domain/team-ledger';
import { LedgerStore } from '@/lib/ledger/store';
import { runLedgerCommand, type CommandContext } from '@/lib/platform/ledger';
import { TeamSync, type PouchConstructor } from '@/lib/platform/team-sync';
import { startCouchServer, TestPouchDB, type CouchServer } from '../../couch/server';

/**
 * What a team's server can do wrong on purpose or by fault (issue 16, item 4), and what comes of it.
 *
 * A version of a record that someone with the server's keys adds beside ours (CouchDB takes any revision it
 * is given with `new_edits: false`): it names us as its author and carries a made-up signature. It must
 * never be offered as ours, nor kept (issue 16: every record's author verified).
 */

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
  fakeBrowser.reset();
  server = await startCouchServer();
  await server.createDatabase('team');
});

afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
  await server.close();
});

const settings = (): TeamSettings => ({
  version: 1,
  serverUrl: server.url,
  database: 'team',
  user: server.admin.user,
  password: server.admin.password,
});
const headers = () => ({
  authorization: `Basic ${Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64')}`,
  'content-type': 'application/json',
});

describe('a version forged on the server beside ours (issue 16)', () => {
  it('is refused and reported, never listed as a version to choose, and cannot be kept', async () => {
    const store = new LedgerStore(`forged-${Math.random()}`);
    const sync = new TeamSync({
      PouchDB,
      store,
      settings: settings(),
      mirrorName: `forged-mirror-${Math.random()}`,
      now: () => NOW,
    });
    opened.push(sync, store);
    await runLedgerCommand(
      store,
      {
        type: 'document',
        businessId: BUSINESS,
        subject: PARTNER,
        assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content'] }],
        case: 'Spring campaign',
        startsAt: '2026-11-20',
        endsAt: '2027-01-15',
      },
      context(),
    );
    await sync.sync();
    const [grant] = await store.grants();
    const docId = `grant:${grant!.id}`;
    const held = (await (
      await fetch(`${server.url}team/${encodeURIComponent(docId)}`, { headers: headers() })
    ).json()) as Record<string, unknown>;
    const forged = {
      ...held,
      _rev: '1-ffffffffffffffffffffffffffffffff',
      grant: {
        ...grant!,
        endsAt: '2036-01-15',
        assets: [{ ...grant!.assets[0]!, access: 'full', tasks: [] }],
        case: 'Forged',
      },
      sig: 'ab'.repeat(64),
    };
    const put = await fetch(`${server.url}team/_bulk_docs`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ docs: [forged], new_edits: false }),
    });
    expect(put.status).toBeLessThan(300);

    const status = await sync.sync();
    // Not a conflict for the admin to resolve: the forged version is refused, and said to be.
    expect(status.conflicts).toBe(0);
    expect(await sync.conflictList()).toEqual([]);
    expect(await sync.conflictVersions(grant!.id)).toEqual([]);
    expect((await sync.quarantinedDocs()).items).toContainEqual(
      expect.objectContaining({ id: docId, rev: forged._rev, reason: 'bad-signature' }),
    );
    // Asked to keep it all the same (a stale screen, a forged request): nothing changes.
    expect(await sync.resolveConflict(grant!.id, forged._rev, 'anna@sjobod.se')).toBe(false);
    expect((await store.grant(grant!.id))?.endsAt).toBe('2027-01-15');

    // It does not hold our own edits back: our next version of the grant goes out, on our signed one.
    await runLedgerCommand(
      store,
      { type: 'extend', grantId: grant!.id, endsAt: '2027-01-30', rationale: 'Two more weeks' },
      context(),
    );
    expect((await sync.sync()).pending).toBe(0);
    const onServer = (await (
      await fetch(`${server.url}team/${encodeURIComponent(docId)}`, { headers: headers() })
    ).json()) as { grant: { endsAt: string }; author: string };
    expect(onServer.grant.endsAt).toBe('2027-01-30');
    expect(onServer.author).toBe(await store.getLedgerId());
    // A colleague who trusts us takes it, and not the forged version.
    const colleague = new LedgerStore(`forged-colleague-${Math.random()}`);
    const theirs = new TeamSync({
      PouchDB,
      store: colleague,
      settings: settings(),
      mirrorName: `forged-colleague-mirror-${Math.random()}`,
      now: () => NOW,
    });
    opened.push(theirs, colleague);
    await colleague.setTrusted(await store.getLedgerId(), true, NOW);
    const taken = await theirs.sync();
    expect(taken.conflicts).toBe(0);
    expect((await colleague.grant(grant!.id))?.endsAt).toBe('2027-01-30');
    expect((await theirs.quarantinedDocs()).items).toContainEqual(
      expect.objectContaining({ id: docId, rev: forged._rev, reason: 'bad-signature' }),
    );
  });
});

/** An installation on the test server, as the team-sync tests make them. */
function installation(name: string) {
  const store = new LedgerStore(`${name}-${Math.random()}`);
  const sync = new TeamSync({
    PouchDB,
    store,
    settings: settings(),
    mirrorName: `${name}-mirror-${Math.random()}`,
    now: () => NOW,
  });
  opened.push(sync, store);
  return { store, sync };
}
const note = (i: number) => ({
  at: '2026-11-27T10:00:00.000Z',
  businessId: BUSINESS,
  subject: PARTNER,
  action: 'note' as const,
  rationale: `Note ${i}`,
  decidedBy: 'anna@sjobod.se',
});
async function serverDoc(id: string): Promise<Record<string, unknown>> {
  return (await (
    await fetch(`${server.url}team/${encodeURIComponent(id)}`, { headers: headers() })
  ).json()) as Record<string, unknown>;
}
async function bulk(docs: Record<string, unknown>[], newEdits = true): Promise<void> {
  const put = await fetch(`${server.url}team/_bulk_docs`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ docs, new_edits: newEdits }),
  });
  expect(put.status).toBeLessThan(300);
}

describe('what a member with write access can do to a colleague’s records (issue 16)', () => {
  it('a head whose unsigned length is raised stops nothing silently: it is reported, and the chain goes on once mended', async () => {
    const a = installation('a');
    const b = installation('b');
    await a.store.commit({ decisions: [0, 1].map(note) });
    await a.sync.sync();
    await b.sync.sync();
    const aLedger = await a.store.getLedgerId();
    expect(await b.store.chain(aLedger)).toHaveLength(2);

    // The head's length is not signed (its chain head is): raised on the server, it names decisions that
    // are not there, and B would wait for them for ever.
    await a.store.appendDecision(note(2));
    await a.sync.sync();
    const head = await serverDoc(`ledger:${aLedger}`);
    await bulk([{ ...head, length: 9 }]);
    const status = await b.sync.sync();
    expect(status.lastError).toBeUndefined();
    expect(status.quarantined).toBe(1);
    expect((await b.sync.quarantinedDocs()).items).toContainEqual(
      expect.objectContaining({ id: `ledger:${aLedger}`, reason: 'incomplete-chain' }),
    );
    expect(await b.store.chain(aLedger)).toHaveLength(2);

    // A’s next sync writes its head again: B takes the rest.
    await a.store.appendDecision(note(3));
    await a.sync.sync();
    await b.sync.sync();
    expect(await b.store.chain(aLedger)).toEqual(await a.store.chain(aLedger));
  });

  it('a record in more versions than a team makes is refused whole, none of them offered or read one by one', async () => {
    const a = installation('a');
    await runLedgerCommand(
      a.store,
      {
        type: 'document',
        businessId: BUSINESS,
        subject: PARTNER,
        assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content'] }],
        case: 'Spring campaign',
        startsAt: '2026-11-20',
        endsAt: '2027-01-15',
      },
      context(),
    );
    await a.sync.sync();
    const [grant] = await a.store.grants();
    const docId = `grant:${grant!.id}`;
    const held = await serverDoc(docId);
    const forged = Array.from({ length: 40 }, (_, i) => ({
      ...held,
      _rev: `1-${i.toString(16).padStart(32, '0')}`,
      grant: { ...grant!, case: `Forged ${i}` },
      sig: 'ab'.repeat(64),
    }));
    await bulk(forged, false);
    const status = await a.sync.sync();
    expect(status.conflicts).toBe(0);
    expect((await a.sync.quarantinedDocs()).items).toContainEqual(
      expect.objectContaining({ id: docId, reason: 'too-many-versions' }),
    );
    expect(await a.sync.conflictVersions(grant!.id)).toEqual([]);
    expect((await a.store.grant(grant!.id))?.case).toBe('Spring campaign');
  });
});

describe('a server that takes requests and never answers (issue 16)', () => {
  it('fails the sync as a timeout instead of holding it, and a conflict resolution behind it, for ever', async () => {
    const hanging: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`;
    const store = new LedgerStore(`hanging-${Math.random()}`);
    const away: TeamSettings = { ...settings(), serverUrl: url };
    const sync = new TeamSync({
      PouchDB,
      store,
      settings: away,
      mirrorName: `hanging-mirror-${Math.random()}`,
      now: () => NOW,
      requestTimeoutMs: 300,
    });
    opened.push(sync, store);
    try {
      await runLedgerCommand(
        store,
        {
          type: 'document',
          businessId: BUSINESS,
          subject: PARTNER,
          assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content'] }],
          case: 'Spring campaign',
          startsAt: '2026-11-20',
          endsAt: '2027-01-15',
        },
        context(),
      );
      const status = await sync.sync();
      expect(status.lastError).toEqual({ kind: 'unreachable', reason: 'timeout' });
      // Local work is kept for the next sync, and what waited behind this one runs.
      expect(status.pending).toBeGreaterThan(0);
      const [grant] = await store.grants();
      await expect(sync.resolveConflict(grant!.id, '1-none', 'anna@sjobod.se')).resolves.toBe(false);
    } finally {
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    }
  }, 20_000);
});
