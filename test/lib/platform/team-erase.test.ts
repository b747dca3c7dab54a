import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LedgerStore } from '@/lib/ledger/store';
import { TeamRunner, teamMirrorItem } from '@/lib/platform/team-runner';
import { teamSettingsItem } from '@/lib/platform/team-settings';
import { mirrorNameFor, TeamSync } from '@/lib/platform/team-sync';
import { BUSINESS, documentGrant, NOW, PARTNER, PouchDB, setupTeamServer } from './team-fixtures';

/**
 * Issue 16, a finding of the review: "Delete all data" and turning the team ledger off, with the team's
 * server on 127.0.0.1. Deleting gives this installation a new identity and drops the local copy of the
 * team's database (the mirror); turning the team ledger off drops the mirror too.
 */
const { installation, serverDoc, settings, keep } = setupTeamServer();
// The team ledger on, with this server's settings, as the options page leaves it.
beforeEach(async () => {
  Object.assign(fakeBrowser.permissions, { contains: vi.fn(async () => true) });
  await teamSettingsItem.setValue(settings());
});

const newStore = (name: string) => {
  const store = new LedgerStore(`${name}-${Math.random()}`);
  keep(store);
  return store;
};

/** An installation as the background runs it: the runner opens its engine on the settings' own mirror. */
function runnerFor(store: LedgerStore) {
  const runner = new TeamRunner(
    { store, browser: fakeBrowser },
    (s) => new TeamSync({ PouchDB, store, settings: s, now: () => NOW }),
    undefined,
    async (name) => void (await new PouchDB(name).destroy()),
  );
  keep({ close: () => runner.stop() });
  return runner;
}

/** A colleague on the same server, with a mirror of their own. */
const colleague = () => installation('bo');

/**
 * What a TeamSync opened on the settings' mirror finds there (a new engine, as after a worker restart). Left
 * open: the memory adapter shares one store per name, and closing this handle would close the runner's too.
 */
function mirrorState() {
  return new TeamSync({ PouchDB, store: newStore('look'), settings: settings(), now: () => NOW }).state();
}

const note = (store: LedgerStore, minute: number, rationale: string) =>
  store.appendDecision({
    at: new Date(NOW.getTime() - (60 - minute) * 60_000).toISOString(),
    businessId: BUSINESS,
    subject: PARTNER,
    action: 'note',
    rationale,
    decidedBy: 'anna@sjobod.se',
  });

describe('"Delete all data" with the team ledger on', () => {
  it('gives a new identity and drops the mirror: the next sync pushes a new chain that a colleague takes without a fork', async () => {
    const anna = newStore('anna');
    const runner = runnerFor(anna);
    const bo = colleague();
    await note(anna, 1, 'Agency onboarded');
    await note(anna, 2, 'Scope agreed');
    await runner.syncNow();
    await bo.sync.sync();
    const oldId = await anna.getLedgerId();
    const oldKey = await anna.publicKey();
    expect(await bo.store.chain(oldId)).toHaveLength(2);
    expect((await mirrorState()).decisionsInMirror).toBe(2);

    await runner.erase(() => anna.deleteAll());
    const newId = await anna.getLedgerId();
    expect(newId).not.toBe(oldId);
    expect(await anna.publicKey()).not.toEqual(oldKey);
    // Nothing of the old data is kept locally: the mirror and its sync state are gone.
    expect(await mirrorState()).toMatchObject({ decisionsInMirror: 0, appliedSeq: 0, quarantinedCount: 0 });
    expect(await anna.chains()).toEqual(new Map());

    await note(anna, 10, 'A new start');
    await runner.syncNow();
    const status = await runner.status();
    expect(status).toMatchObject({ kind: 'on', pending: 0, quarantined: 0 });
    expect(status.kind === 'on' && status.lastError).toBeFalsy();
    // Our chain is the new one only; the old one came back from the server as a colleague's ledger.
    expect((await anna.chain(newId)).map((d) => d.rationale)).toEqual(['A new start']);
    expect((await anna.chain(oldId)).map((d) => d.rationale)).toEqual(['Agency onboarded', 'Scope agreed']);
    const ours = (await anna.colleagues()).find((c) => c.ledgerId === oldId);
    expect(ours).toMatchObject({ trusted: false });

    // The colleague takes the new chain as a new colleague's, beside the old one, refusing nothing.
    const boStatus = await bo.sync.sync();
    expect(boStatus.quarantined).toBe(0);
    expect((await bo.store.chain(newId)).map((d) => d.rationale)).toEqual(['A new start']);
    expect(await bo.store.chain(oldId)).toHaveLength(2);
    // Syncs after it change nothing: our old decisions are never pushed as ours.
    await runner.syncNow();
    await bo.sync.sync();
    expect(await bo.store.chain(newId)).toHaveLength(1);
    expect((await bo.sync.status()).quarantined).toBe(0);
  });

  it('a sync under way finishes before the deletion, and none starts until it is done', async () => {
    const anna = newStore('anna');
    const runner = runnerFor(anna);
    await note(anna, 1, 'Agency onboarded');
    const syncing = runner.syncNow();
    const erased = runner.erase(async () => {
      // The sync that was running is over, and its mirror is gone: nothing of it can come back.
      expect((await mirrorState()).decisionsInMirror).toBe(0);
      await anna.deleteAll();
    });
    const during = runner.syncNow();
    await Promise.all([syncing, erased, during]);
    const newId = await anna.getLedgerId();
    // The sync asked for during the deletion ran after it, for the new identity only.
    expect((await mirrorState()).ledgerId).toBe(newId);
    expect(await anna.chain(newId)).toEqual([]);
  });

  it('a mirror kept for the old identity (its drop lost) is begun again, not pushed from', async () => {
    const { store: anna, sync } = installation('anna');
    const bo = colleague();
    await note(anna, 1, 'Agency onboarded');
    await note(anna, 2, 'Scope agreed');
    await sync.sync();
    await anna.deleteAll();
    await note(anna, 10, 'A new start');
    expect(await sync.sync()).toMatchObject({ pending: 0, quarantined: 0 });
    await bo.sync.sync();
    const newId = await anna.getLedgerId();
    expect((await bo.store.chain(newId)).map((d) => d.rationale)).toEqual(['A new start']);
    expect((await sync.state()).decisionsInMirror).toBe(1);
  });
});

describe('turning the team ledger off', () => {
  it('drops the mirror: a new engine on the same name starts empty, and turning it on again starts afresh', async () => {
    const anna = newStore('anna');
    const runner = runnerFor(anna);
    await documentGrant(anna);
    await runner.syncNow();
    expect(await mirrorState()).toMatchObject({ decisionsInMirror: 1, lastSyncAt: NOW.toISOString() });
    expect(await teamMirrorItem.getValue()).toBe(mirrorNameFor(settings()));

    await teamSettingsItem.removeValue();
    await runner.syncNow();
    const state = await mirrorState();
    expect(state).toMatchObject({ decisionsInMirror: 0, appliedSeq: 0 });
    expect(state.lastSyncAt).toBeUndefined();
    expect(await teamMirrorItem.getValue()).toBeNull();
    // The local ledger stays.
    expect(await anna.chain(await anna.getLedgerId())).toHaveLength(1);

    await teamSettingsItem.setValue(settings());
    await runner.syncNow();
    await runner.syncNow();
    expect(await mirrorState()).toMatchObject({ decisionsInMirror: 1, decisionsOnServer: 1 });
    // Our records already on the server are taken as they are there, not written again under new
    // signatures (a second version of each: a conflict with ourselves).
    expect(await runner.status()).toMatchObject({ kind: 'on', pending: 0, conflicts: 0, quarantined: 0 });
    const grant = (await anna.grants())[0]!;
    const held = await serverDoc(`grant:${grant.id}`, { conflicts: true });
    expect(held._conflicts).toBeUndefined();
    expect(held._rev).toMatch(/^1-/);
    expect(await serverDoc(`ledger:${await anna.getLedgerId()}`, { conflicts: true })).not.toHaveProperty(
      '_conflicts',
    );
  });
});
