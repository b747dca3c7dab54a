import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decide, type ReviewCampaign } from '@/lib/domain/review/campaign';
import { LedgerStore } from '@/lib/ledger/store';
import {
  adminBackground,
  baselineCampaign,
  BUSINESS,
  later,
  NOW,
  PARTNER,
  setupTeamServer,
  startRun,
  tickRun,
  trusts,
} from './team-fixtures';

/**
 * Issue 16: checklist runs and review campaigns edited in two places are listed, compared and resolved as
 * grants are: through the background's messages, the real engine, two installations and a
 * CouchDB-protocol server on 127.0.0.1. The kept version is saved here and pushed, so later syncs keep it.
 */
const { installation, serverDoc, keep } = setupTeamServer();

/** A partner onboarding started by A, taken by B (who trusts A), then a different step ticked in each before they synced. */
async function runInConflict() {
  const a = installation('a');
  const b = installation('b');
  await trusts(b, a);
  await trusts(a, b);
  const run = await startRun(a.store);
  await a.sync.sync();
  await b.sync.sync();
  expect(await b.store.run('run-1')).toEqual(run);
  const open = run.steps.filter((s) => !s.done);
  const aRun = await tickRun(a.store, run, later(1), open[0]!.id);
  const bRun = await tickRun(b.store, run, later(2), open[1]!.id);
  await a.sync.sync();
  await b.sync.sync();
  await a.sync.sync();
  return { a, b, aRun, bRun };
}

/** A campaign started by A, taken by B (who trusts A), then one item answered otherwise in each. */
async function campaignInConflict() {
  const a = installation('a');
  const b = installation('b');
  const started = await baselineCampaign(a.store);
  await a.store.commit({ campaigns: [started] });
  await a.sync.sync();
  await trusts(b, a);
  await trusts(a, b);
  await b.sync.sync();
  expect(await b.store.campaign('c1')).toEqual(started);
  const answer = async (store: LedgerStore, kind: 'keep' | 'revoke', rationale: string, reviewer: string) => {
    const decided = decide(
      started,
      [{ itemId: 'person:nils@byraab.se|portfolio', kind, rationale }],
      reviewer,
      later(1),
    );
    if (!decided.ok) throw new Error(decided.problem);
    await store.commit({ campaigns: [decided.campaign] });
    return decided.campaign;
  };
  const aCampaign = await answer(a.store, 'revoke', 'Left the agency', 'anna@sjobod.se');
  const bCampaign = await answer(b.store, 'keep', 'Still runs the ads', 'bo@sjobod.se');
  await a.sync.sync();
  await b.sync.sync();
  await a.sync.sync();
  return { a, b, aCampaign, bCampaign };
}

describe('checklist runs and review campaigns edited in two places (background messages)', () => {
  it('lists a run in conflict, shows both versions with their authors, and keeps the admin’s choice for good', async () => {
    const { a, b, bRun } = await runInConflict();
    const { get } = adminBackground(a.store, a.sync);
    const listed = {
      kind: 'checklist',
      id: 'run-1',
      businessId: BUSINESS,
      subject: PARTNER,
      templateId: 'onboard-partner',
      versions: 2,
    };
    expect(await get('teamRecordConflicts', {})).toEqual({ conflicts: [listed] });
    expect(await get('teamRecordConflictsOf', { businessId: BUSINESS })).toEqual({ conflicts: [listed] });
    expect(await get('teamRecordConflictsOf', { businessId: '999' })).toEqual({ conflicts: [] });
    // The status line counts it with the grants in conflict.
    expect((await a.sync.status()).conflicts).toBe(1);
    // The grants' list is not where it is.
    expect(await get('teamConflicts', {})).toEqual({ conflicts: [] });

    const { versions } = await get('teamRecordConflictVersions', { kind: 'checklist', id: 'run-1' });
    expect(versions).toHaveLength(2);
    const aLedger = await a.store.getLedgerId();
    const bLedger = await b.store.getLedgerId();
    const theirs = versions.find((v) => v.author.ledgerId === bLedger)!;
    expect(theirs.author).toMatchObject({ kind: 'colleague', trusted: true });
    expect(theirs.record).toEqual({ kind: 'checklist', run: bRun });
    expect(versions.find((v) => v.author.ledgerId === aLedger)?.author.kind).toBe('you');
    // Nothing was chosen for the admin: A still holds its own version.
    expect((await a.store.run('run-1'))?.steps).not.toEqual(bRun.steps);

    expect(
      await get('resolveTeamRecordConflict', { kind: 'checklist', id: 'run-1', keepRev: theirs.rev }),
    ).toEqual({ outcome: 'resolved' });
    // Saved here, with a decision in A's chain about the run's subject.
    expect(await a.store.run('run-1')).toEqual(bRun);
    expect((await a.store.chain(aLedger)).at(-1)).toMatchObject({
      action: 'note',
      businessId: BUSINESS,
      subject: PARTNER,
      decidedBy: expect.any(String),
    });
    expect((await get('teamRecordConflicts', {})).conflicts).toEqual([]);
    expect((await a.sync.status()).conflicts).toBe(0);
    // Pressed twice: nothing more is written.
    const length = (await a.store.chain(aLedger)).length;
    expect(
      await get('resolveTeamRecordConflict', { kind: 'checklist', id: 'run-1', keepRev: theirs.rev }),
    ).toEqual({ outcome: 'gone' });
    expect(await a.store.chain(aLedger)).toHaveLength(length);

    // The next syncs push the choice and never undo it: both ledgers and the server hold it, round after round.
    for (let round = 0; round < 2; round++) {
      await a.sync.sync();
      await b.sync.sync();
      expect(await a.store.run('run-1')).toEqual(bRun);
      expect(await b.store.run('run-1')).toEqual(bRun);
      expect(await serverDoc('checklist:run-1')).toMatchObject({ author: aLedger, run: bRun });
      expect((await serverDoc('checklist:run-1'))._conflicts).toBeUndefined();
      expect((await adminBackground(b.store, b.sync).get('teamRecordConflicts', {})).conflicts).toEqual([]);
    }
  });

  it('resolves a campaign in conflict: the kept answers, at a revision past both, reach a colleague who trusts the admin', async () => {
    const { a, b, aCampaign, bCampaign } = await campaignInConflict();
    await a.store.setTrusted(await b.store.getLedgerId(), true, NOW);
    const { get } = adminBackground(b.store, b.sync);
    expect(await get('teamRecordConflictsOf', { businessId: BUSINESS })).toEqual({
      conflicts: [
        { kind: 'review', id: 'c1', businessId: BUSINESS, startedAt: NOW.toISOString(), versions: 2 },
      ],
    });
    const { versions } = await get('teamRecordConflictVersions', { kind: 'review', id: 'c1' });
    const records = versions.map((v) => v.record);
    expect(records).toEqual(
      expect.arrayContaining([
        { kind: 'review', campaign: aCampaign },
        { kind: 'review', campaign: bCampaign },
      ]),
    );
    const annas = versions.find(
      (v) => v.record.kind === 'review' && v.record.campaign.items.some((i) => i.decision?.kind === 'revoke'),
    )!;
    expect(annas.author.kind).toBe('colleague');
    expect(await get('resolveTeamRecordConflict', { kind: 'review', id: 'c1', keepRev: annas.rev })).toEqual({
      outcome: 'resolved',
    });
    const kept = (await b.store.campaign('c1')) as ReviewCampaign;
    expect({ ...kept, revision: 0 }).toEqual({ ...aCampaign, revision: 0 });
    expect(kept.revision).toBe(Math.max(aCampaign.revision, bCampaign.revision) + 1);
    expect((await b.store.chain(await b.store.getLedgerId())).at(-1)).toMatchObject({
      action: 'note',
      subject: `business:${BUSINESS}`,
    });
    for (let round = 0; round < 2; round++) {
      await b.sync.sync();
      await a.sync.sync();
      expect(await b.store.campaign('c1')).toEqual(kept);
      expect(await a.store.campaign('c1')).toEqual(kept);
      expect((await adminBackground(a.store, a.sync).get('teamRecordConflicts', {})).conflicts).toEqual([]);
    }
  });

  it('refuses a version that is not one of the record’s, and answers empty lists and "off" while off', async () => {
    const { a } = await runInConflict();
    const { ask, get } = adminBackground(a.store, a.sync);
    expect(
      await get('resolveTeamRecordConflict', { kind: 'checklist', id: 'run-1', keepRev: '9-nothing' }),
    ).toEqual({ outcome: 'gone' });
    expect((await get('teamRecordConflicts', {})).conflicts).toHaveLength(1);
    expect(await get('teamRecordConflictVersions', { kind: 'review', id: 'run-1' })).toEqual({
      versions: [],
    });
    expect(
      await ask('resolveTeamRecordConflict', { kind: 'grant', id: 'run-1', keepRev: '1-a' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });

    const store = new LedgerStore(`off-${Math.random()}`);
    keep(store);
    const off = adminBackground(store);
    expect(await off.get('teamRecordConflicts', {})).toEqual({ conflicts: [] });
    expect(await off.get('teamRecordConflictsOf', { businessId: BUSINESS })).toEqual({ conflicts: [] });
    expect(await off.get('teamRecordConflictVersions', { kind: 'checklist', id: 'run-1' })).toEqual({
      versions: [],
    });
    expect(
      await off.get('resolveTeamRecordConflict', { kind: 'checklist', id: 'run-1', keepRev: '1-a' }),
    ).toEqual({ outcome: 'off' });
  });
});
