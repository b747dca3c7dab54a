import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { TeamSettings } from '@/lib/domain/team-ledger';
import { documentGrant, extendGrant, note, NOW, setupTeamServer } from './team-fixtures';

/**
 * What a team's server can do wrong on purpose or by fault (issue 16, item 4), and what comes of it.
 *
 * A version of a record that someone with the server's keys adds beside ours (CouchDB takes any revision it
 * is given with `new_edits: false`): it names us as its author and carries a made-up signature. It must
 * never be offered as ours, nor kept (issue 16: every record's author verified).
 */

const { installation, serverDoc, bulk, forgeVersion, settings } = setupTeamServer();

describe('a version forged on the server beside ours (issue 16)', () => {
  it('is refused and reported, never listed as a version to choose, and cannot be kept', async () => {
    const { store, sync } = installation('forged');
    await documentGrant(store, { access: 'partial' });
    await sync.sync();
    const [grant] = await store.grants();
    const docId = `grant:${grant!.id}`;
    const forged = await forgeVersion(docId, {
      grant: {
        ...grant!,
        endsAt: '2036-01-15',
        assets: [{ ...grant!.assets[0]!, access: 'full', tasks: [] }],
        case: 'Forged',
      },
      sig: 'ab'.repeat(64),
    });

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
    await extendGrant(store, grant!.id, '2027-01-30', NOW, 'Two more weeks');
    expect((await sync.sync()).pending).toBe(0);
    const onServer = await serverDoc<{ grant: { endsAt: string }; author: string }>(docId);
    expect(onServer.grant.endsAt).toBe('2027-01-30');
    expect(onServer.author).toBe(await store.getLedgerId());
    // A colleague who trusts us takes it, and not the forged version.
    const { store: colleague, sync: theirs } = installation('forged-colleague');
    await colleague.setTrusted(await store.getLedgerId(), true, NOW);
    const taken = await theirs.sync();
    expect(taken.conflicts).toBe(0);
    expect((await colleague.grant(grant!.id))?.endsAt).toBe('2027-01-30');
    expect((await theirs.quarantinedDocs()).items).toContainEqual(
      expect.objectContaining({ id: docId, rev: forged._rev, reason: 'bad-signature' }),
    );
  });
});

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
    await documentGrant(a.store, { access: 'partial' });
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
    const away: TeamSettings = { ...settings(), serverUrl: url };
    const { store, sync } = installation('hanging', { settings: away, requestTimeoutMs: 300 });
    try {
      await documentGrant(store, { access: 'partial' });
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
