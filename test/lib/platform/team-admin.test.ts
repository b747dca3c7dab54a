import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { describeQuarantined } from '@/components/team-admin';
import { catalogue, describeProblem } from '@/lib/domain/i18n';
import { LedgerStore } from '@/lib/ledger/store';
import {
  adminBackground,
  BUSINESS,
  documentGrant,
  extendGrant,
  NOW,
  PARTNER,
  setupTeamServer,
  trusts,
} from './team-fixtures';

/**
 * Issue 16, items 2–4, the admin's side: the background's answers about grants edited in two places (every
 * version, who wrote it, the admin's choice recorded as a decision) and documents refused from the server,
 * through the real engine, two installations and a CouchDB-protocol server on 127.0.0.1.
 */
const { installation, serverDoc, putServerDoc, keep } = setupTeamServer();

/** A grant documented by A (whom B trusts), then extended by A and by B before they synced: a kept conflict. */
async function conflicted() {
  const a = installation('a');
  const b = installation('b');
  await trusts(b, a);
  await trusts(a, b);
  await documentGrant(a.store, { access: 'partial' });
  await a.sync.sync();
  await b.sync.sync();
  const [held] = await b.store.grants();
  await extendGrant(a.store, held!.id, '2027-01-20', NOW, 'Two more weeks');
  await extendGrant(b.store, held!.id, '2027-01-25', NOW, 'Three more weeks');
  await a.sync.sync();
  await b.sync.sync();
  await a.sync.sync();
  return { a, b, grantId: held!.id };
}

describe('the team ledger for an admin (background messages)', () => {
  it('lists a grant edited in two places, shows both versions with their authors, and keeps only the admin’s choice', async () => {
    const { a, b, grantId } = await conflicted();
    const { get } = adminBackground(a.store, a.sync);

    expect(await get('teamConflicts', {})).toEqual({
      conflicts: [{ grantId, businessId: BUSINESS, subject: PARTNER, versions: 2 }],
    });
    expect(await get('teamConflictsOf', { businessId: BUSINESS, subject: PARTNER })).toEqual({
      grantIds: [grantId],
    });
    expect(await get('teamConflictsOf', { businessId: BUSINESS, subject: 'partner:999' })).toEqual({
      grantIds: [],
    });

    const { versions } = await get('teamConflictVersions', { grantId });
    expect(versions).toHaveLength(2);
    const aLedger = await a.store.getLedgerId();
    const bLedger = await b.store.getLedgerId();
    const byEnd = Object.fromEntries(versions.map((v) => [v.grant.endsAt, v]));
    expect(byEnd['2027-01-20']!.author).toEqual({ kind: 'you', ledgerId: aLedger });
    // B as A's trust list knows them: their key pinned when their records first came, and trusted (a
    // version by a colleague the admin has not trusted makes no conflict: it waits, as their records do).
    const colleague = (await a.store.colleagues()).find((c) => c.ledgerId === bLedger);
    expect(colleague?.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    expect(byEnd['2027-01-25']!.author).toEqual({
      kind: 'colleague',
      ledgerId: bLedger,
      trusted: true,
      fingerprint: colleague!.fingerprint,
    });

    // Nothing was chosen for the admin: both are still there until one is kept.
    expect((await get('teamConflicts', {})).conflicts).toHaveLength(1);
    const keep = byEnd['2027-01-25']!.rev;
    expect(await get('resolveTeamConflict', { grantId, keepRev: keep })).toEqual({
      outcome: 'resolved',
    });
    // The choice is a decision in A's chain, on that grant.
    expect((await a.store.chain(aLedger)).at(-1)).toMatchObject({
      action: 'note',
      grantId,
      businessId: BUSINESS,
      subject: PARTNER,
    });
    expect((await get('teamConflicts', {})).conflicts).toEqual([]);
    expect((await get('teamConflictsOf', { businessId: BUSINESS, subject: PARTNER })).grantIds).toEqual([]);
    // Pressed twice (a retry): nothing more is written.
    const length = (await a.store.chain(aLedger)).length;
    expect(await get('resolveTeamConflict', { grantId, keepRev: keep })).toEqual({ outcome: 'gone' });
    expect(await a.store.chain(aLedger)).toHaveLength(length);

    // Both installations see the conflict gone after the next syncs.
    await a.sync.sync();
    await b.sync.sync();
    expect((await adminBackground(b.store, b.sync).get('teamConflicts', {})).conflicts).toEqual([]);
    // The kept version is the grant in both ledgers and on the server, and stays so sync after sync.
    const onServer = async () =>
      (await serverDoc<{ grant: { endsAt: string } }>(`grant:${grantId}`)).grant.endsAt;
    for (let round = 0; round < 2; round++) {
      expect((await a.store.grants()).map((g) => g.endsAt)).toEqual(['2027-01-25']);
      expect((await b.store.grants()).map((g) => g.endsAt)).toEqual(['2027-01-25']);
      expect(await onServer()).toBe('2027-01-25');
      await a.sync.sync();
      await b.sync.sync();
    }
  });

  it('refuses a version that is not one of the grant’s, and answers "gone" for a grant not in conflict', async () => {
    const { a, grantId } = await conflicted();
    const { ask, get } = adminBackground(a.store, a.sync);
    expect(await get('resolveTeamConflict', { grantId, keepRev: '9-nothing' })).toEqual({
      outcome: 'gone',
    });
    expect((await get('teamConflicts', {})).conflicts).toHaveLength(1);
    expect(await get('teamConflictVersions', { grantId: 'g-unknown' })).toEqual({ versions: [] });
    // A request that is not one is refused whole.
    expect(await ask('resolveTeamConflict', { grantId })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('lists refused documents with when and why, and the import’s problem where the import refused them', async () => {
    const a = installation('a');
    const b = installation('b');
    await documentGrant(a.store, { access: 'partial' });
    await a.sync.sync();
    // A decision rewritten on the server: B's import refuses A's records.
    const aLedger = await a.store.getLedgerId();
    const id = `decision:${aLedger}:000000000`;
    const doc = await serverDoc<{ decision: Record<string, unknown> }>(id);
    await putServerDoc({ ...doc, decision: { ...doc.decision, rationale: 'Rewritten on the server' } });
    await putServerDoc({ _id: 'something', hello: 'world' });
    await b.sync.sync();

    const { items, total } = await adminBackground(b.store, b.sync).get('teamQuarantine', {});
    expect(total).toBe(items.length);
    const malformed = items.find((q) => q.id === 'something');
    expect(malformed).toMatchObject({ reason: 'malformed', at: NOW.toISOString() });
    const refused = items.find((q) => q.reason === 'refused-by-import');
    expect(refused?.problem?.code).toMatch(/^import-/);

    // In the admin's words, in every language: the id, when, why, and what the import's check found.
    for (const locale of ['en', 'sv', 'fr'] as const) {
      const lines = describeQuarantined(locale, refused!);
      const t = catalogue(locale).teamAdmin.quarantine;
      expect(lines).toEqual([
        t.document(refused!.id),
        t.when(NOW.toLocaleString(locale)),
        t.reason['refused-by-import'],
        t.problem(describeProblem(locale, refused!.problem!)),
      ]);
    }
  });

  it('answers empty lists, and "off" to a choice, while the team ledger is off', async () => {
    const store = new LedgerStore(`off-${Math.random()}`);
    keep(store);
    const { get } = adminBackground(store);
    expect(await get('teamConflicts', {})).toEqual({ conflicts: [] });
    expect(await get('teamQuarantine', {})).toEqual({ items: [], total: 0 });
    expect(await get('teamConflictVersions', { grantId: 'g-1' })).toEqual({ versions: [] });
    expect(await get('resolveTeamConflict', { grantId: 'g-1', keepRev: '1-a' })).toEqual({
      outcome: 'off',
    });
  });
});
