import 'fake-indexeddb/auto';
/**
 * Issue 16: what anyone who can write the team's CouchDB database can do to the records it carries (any
 * document, any revision with `new_edits: false`, any author, any key in a head), and what comes of it.
 * From a review of the trust rules; each case failed before its mend.
 */
import { describe, expect, it } from 'vitest';
import { recordSigningText } from '@/lib/domain/team-docs';
import type { GrantRecord } from '@/lib/domain/ledger/records';
import {
  documentGrant,
  extendGrant,
  later,
  NOW,
  setupTeamServer,
  startRun,
  tickRun,
  trusts,
} from './team-fixtures';

const { installation, forgeVersion, bulk } = setupTeamServer();

describe('what a member with write access to the team database can do (issue 16, a review)', () => {
  it('a copy of our own signed grant under another revision is no second place: our edits go on', async () => {
    const a = installation('a');
    const b = installation('b');
    const grant = await documentGrant(a.store);
    await trusts(b, a);
    await a.sync.sync();
    await b.sync.sync();
    // No key needed: our own signature, copied under another revision id.
    await forgeVersion(`grant:${grant.id}`);
    await extendGrant(a.store, grant.id, '2027-01-30', later(1));
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
    await trusts(b, a);
    await a.sync.sync();
    await b.sync.sync();
    await x.sync.sync(); // X's head (its key) on the server
    const xLedger = await x.store.getLedgerId();
    const mine: GrantRecord = { ...grant, endsAt: '2036-01-01', case: 'X' };
    const sig = await x.store.signTeamText(recordSigningText('grant', xLedger, mine));
    await forgeVersion(`grant:${grant.id}`, { author: xLedger, grant: mine, sig });
    // A pulls X's version: no conflict (a key the admin has not trusted waits), nothing held back.
    expect((await a.sync.sync()).conflicts).toBe(0);
    await extendGrant(a.store, grant.id, '2027-01-30', later(1));
    await a.sync.sync();
    await a.sync.sync();
    await b.sync.sync();
    expect((await b.store.grant(grant.id))?.endsAt).toBe('2027-01-30');
  });

  it('a forged version beside a trusted colleague’s checklist run: their own run is taken', async () => {
    const a = installation('a');
    const b = installation('b');
    const run = await startRun(a.store);
    await a.sync.sync();
    await forgeVersion('checklist:run-1', { run: { ...run, case: 'Forged' }, sig: 'ab'.repeat(64) });
    await trusts(b, a);
    await b.sync.sync();
    expect(await b.store.run('run-1')).toEqual(run);
  });

  it('a forged version beside our run: our next tick still reaches a trusting colleague, and no conflict', async () => {
    const a = installation('a');
    const b = installation('b');
    const run = await startRun(a.store);
    await trusts(b, a);
    await a.sync.sync();
    await b.sync.sync();
    expect(await b.store.run('run-1')).toEqual(run);
    await forgeVersion('checklist:run-1', { run: { ...run, case: 'Forged' }, sig: 'ab'.repeat(64) });
    await a.sync.sync();
    const ticked = await tickRun(a.store, run, later(1));
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
    await extendGrant(a.store, grant.id, '2027-01-30', later(1));
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
    let afterClose = 0;
    let closed = false;
    const { store, sync } = installation('q', {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        if (closed) afterClose += 1;
        return fetch(input, init);
      },
    });
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
    await trusts(b, a);
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
