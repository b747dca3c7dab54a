import 'fake-indexeddb/auto';
/**
 * Issue 16: what anyone who can write the team's CouchDB database can do to the records it carries (any
 * document, any revision with `new_edits: false`, any author, any key in a head), and what comes of it.
 * From a review of the trust rules; each case failed before its mend.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRun, tickByHand } from '@/lib/domain/checklists/runs';
import { defaultSettings } from '@/lib/domain/settings';
import type { TeamSettings } from '@/lib/domain/team-ledger';
import { recordSigningText } from '@/lib/domain/team-docs';
import type { GrantRecord } from '@/lib/domain/ledger/records';
import { LedgerStore } from '@/lib/ledger/store';
import { runLedgerCommand, type CommandContext } from '@/lib/platform/ledger';
import { TeamSync, type PouchConstructor } from '@/lib/platform/team-sync';
import { startCouchServer, TestPouchDB, type CouchServer } from '../../couch/server';

const PouchDB = TestPouchDB as unknown as PouchConstructor;
const BUSINESS = '1203456789012345';
const PARTNER = 'partner:3228568050780001';
const NOW = new Date('2026-11-28T12:00:00Z');
const later = (m: number) => new Date(NOW.getTime() + m * 60_000);
const context = (now = NOW): CommandContext => ({
  now,
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
function installation(name: string) {
  const store = new LedgerStore(`${name}-${Math.random()}`);
  const sync = new TeamSync({
    PouchDB,
    store,
    settings: settings(),
    mirrorName: `${name}-m-${Math.random()}`,
    now: () => NOW,
  });
  opened.push(sync, store);
  return { store, sync };
}
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
async function documentGrant(store: LedgerStore) {
  await runLedgerCommand(
    store,
    {
      type: 'document',
      businessId: BUSINESS,
      subject: PARTNER,
      assets: [{ type: 'page', name: 'Sjöbod Café', access: 'full', tasks: [] }],
      case: 'Spring campaign',
      startsAt: '2026-11-20',
      endsAt: '2027-01-15',
    },
    context(),
  );
  return (await store.grants())[0]!;
}
const extend = (store: LedgerStore, grantId: string, endsAt: string, now: Date) =>
  runLedgerCommand(store, { type: 'extend', grantId, endsAt, rationale: 'More time' }, context(now));

describe('what a member with write access to the team database can do (issue 16, a review)', () => {
  it('a copy of our own signed grant under another revision is no second place: our edits go on', async () => {
    const a = installation('a');
    const b = installation('b');
    const grant = await documentGrant(a.store);
    await b.store.setTrusted(await a.store.getLedgerId(), true, NOW);
    await a.sync.sync();
    await b.sync.sync();
    const held = await serverDoc(`grant:${grant.id}`);
    // No key needed: our own signature, copied under another revision id.
    await bulk([{ ...held, _rev: '1-ffffffffffffffffffffffffffffffff' }], false);
    await extend(a.store, grant.id, '2027-01-30', later(1));
    const status = await a.sync.sync();
    await a.sync.sync();
    await b.sync.sync();
    // A sees no conflict between two versions of its own, and its edit reaches B.
    expect({ conflicts: status.conflicts, bEndsAt: (await b.store.grant(grant.id))?.endsAt }).toEqual({
      conflicts: 0,
      bEndsAt: '2027-01-30',
    });
  });

  it('a version signed beside ours by a key nobody trusts (any member can make one) holds nothing back', async () => {
    const a = installation('a');
    const b = installation('b');
    const x = installation('x');
    const grant = await documentGrant(a.store);
    await b.store.setTrusted(await a.store.getLedgerId(), true, NOW);
    await a.sync.sync();
    await b.sync.sync();
    await x.sync.sync(); // X's head (its key) on the server
    const xLedger = await x.store.getLedgerId();
    const mine: GrantRecord = { ...grant, endsAt: '2036-01-01', case: 'X' };
    const sig = await x.store.signTeamText(recordSigningText('grant', xLedger, mine));
    const held = await serverDoc(`grant:${grant.id}`);
    await bulk(
      [{ ...held, _rev: '1-ffffffffffffffffffffffffffffffff', author: xLedger, grant: mine, sig }],
      false,
    );
    // A pulls X's version: no conflict (a key the admin has not trusted waits), nothing held back.
    expect((await a.sync.sync()).conflicts).toBe(0);
    await extend(a.store, grant.id, '2027-01-30', later(1));
    await a.sync.sync();
    await a.sync.sync();
    await b.sync.sync();
    expect((await b.store.grant(grant.id))?.endsAt).toBe('2027-01-30');
  });

  it('a forged version beside a trusted colleague’s checklist run: their own run is taken', async () => {
    const a = installation('a');
    const b = installation('b');
    const run = createRun({
      id: 'run-1',
      businessId: BUSINESS,
      templateId: 'onboard-partner',
      subject: PARTNER,
      case: 'Spring campaign',
      now: NOW,
    });
    await a.store.commit({ runs: [run] });
    await a.sync.sync();
    const held = await serverDoc('checklist:run-1');
    await bulk(
      [
        {
          ...held,
          _rev: '1-ffffffffffffffffffffffffffffffff',
          run: { ...run, case: 'Forged' },
          sig: 'ab'.repeat(64),
        },
      ],
      false,
    );
    await b.store.setTrusted(await a.store.getLedgerId(), true, NOW);
    await b.sync.sync();
    expect(await b.store.run('run-1')).toEqual(run);
  });

  it('a forged version beside our run: our next tick still reaches a trusting colleague, and no conflict', async () => {
    const a = installation('a');
    const b = installation('b');
    const run = createRun({
      id: 'run-1',
      businessId: BUSINESS,
      templateId: 'onboard-partner',
      subject: PARTNER,
      case: 'Spring campaign',
      now: NOW,
    });
    await a.store.commit({ runs: [run] });
    await b.store.setTrusted(await a.store.getLedgerId(), true, NOW);
    await a.sync.sync();
    await b.sync.sync();
    expect(await b.store.run('run-1')).toEqual(run);
    const held = await serverDoc('checklist:run-1');
    await bulk(
      [
        {
          ...held,
          _rev: '1-ffffffffffffffffffffffffffffffff',
          run: { ...run, case: 'Forged' },
          sig: 'ab'.repeat(64),
        },
      ],
      false,
    );
    await a.sync.sync();
    const step = run.steps.find((x) => !x.done)!;
    const ticked = tickByHand(run, step.id, true, later(1))!;
    await a.store.commit({ runs: [ticked] });
    const aStatus = await a.sync.sync();
    await b.sync.sync();
    expect({ aConflicts: aStatus.conflicts, bRun: await b.store.run('run-1') }).toEqual({
      aConflicts: 0,
      bRun: ticked,
    });
  });

  it('a colleague’s edit made while untrusted waits (counted), and is taken once trusted again', async () => {
    const a = installation('a');
    const b = installation('b');
    const aLedger = await a.store.getLedgerId();
    const grant = await documentGrant(a.store);
    await b.store.setTrusted(aLedger, true, NOW);
    await a.sync.sync();
    await b.sync.sync();
    await b.store.setTrusted(aLedger, false, NOW);
    await extend(a.store, grant.id, '2027-01-30', later(1));
    await a.sync.sync();
    const waiting = (await b.sync.sync()).waiting;
    await b.store.setTrusted(aLedger, true, NOW);
    await b.sync.sync();
    await b.sync.sync();
    expect({ waiting, endsAt: (await b.store.grant(grant.id))?.endsAt }).toEqual({
      waiting: { colleagues: 1, records: 1 },
      endsAt: '2027-01-30',
    });
  });
});

describe('the sync queue (issue 16)', () => {
  it('a sync queued behind a running one does not start after close() (replication turned off)', async () => {
    const store = new LedgerStore(`q-${Math.random()}`);
    let afterClose = 0;
    let closed = false;
    const sync = new TeamSync({
      PouchDB,
      store,
      settings: settings(),
      mirrorName: `q-m-${Math.random()}`,
      now: () => NOW,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        if (closed) afterClose += 1;
        return fetch(input, init);
      },
    });
    opened.push(store);
    await documentGrant(store);
    const first = sync.sync();
    const queued = sync.sync();
    await sync.close();
    closed = true;
    // Both settle (neither hangs), and nothing reaches the server once closed.
    await Promise.allSettled([first, queued]);
    expect(afterClose).toBe(0);
    await expect(sync.sync()).rejects.toThrow('closed');
  });
});

describe('a ledger head whose key is not a point of P-256 (issue 16)', () => {
  it('one such head is refused, and every other colleague’s records still come', async () => {
    const a = installation('a');
    const b = installation('b');
    await documentGrant(a.store);
    const bad = crypto.randomUUID();
    await bulk([
      {
        _id: `ledger:${bad}`,
        type: 'head',
        ledgerId: bad,
        publicKey: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) },
        chainHead: null,
        length: 0,
        chainHeadSignature: 'ab'.repeat(64),
      },
    ]);
    const first = await b.sync.sync().then(
      (s) => s,
      (e: unknown) => String(e),
    );
    await b.store.setTrusted(await a.store.getLedgerId(), true, NOW);
    const aOutcome = await a.sync.sync().then(
      (s) => s.lastSyncAt ?? 'no sync',
      (e: unknown) => String(e),
    );
    const second = await b.sync.sync().then(
      (s) => s,
      (e: unknown) => String(e),
    );
    expect({ first, second, aOutcome, grants: (await b.store.grants()).length }).toEqual({
      first: expect.objectContaining({ lastSyncAt: expect.any(String) }),
      second: expect.objectContaining({ lastSyncAt: expect.any(String) }),
      aOutcome: expect.any(String),
      grants: 1,
    });
  });
});
