import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { describeProblem } from '@/lib/domain/i18n';
import type { ImportCheck } from '@/lib/domain/ledger/import';
import { chainSigningText, publicKeyOf, signText } from '@/lib/domain/ledger/signing';
import { watchDigest, watchSigningText } from '@/lib/domain/ledger/watch-transfer';
import { LedgerStore } from '@/lib/ledger/store';
import { me, person, snapshot } from '../domain/rules/helpers';

/**
 * Issue 13, items 1 and 6: each business's baseline and the change log travel with the ledger's export
 * and come back on import, only from a file whose key is ours or a trusted colleague's.
 */
const B = '1203456789012345';
const OWN = ['sjobod.se'];
const lisa = person('Lisa Kant', 'lisa@sjobod.se');
const nils = person('Nils Holm', 'nils@byraab.se');
const erik = person('Erik Lund', 'erik@byraab.se');
const mallory = person('Mallory Vance', 'mallory@evil.example', { portfolioAccess: 'full-control' });
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 10));
const NOW = day(29);

const opened: LedgerStore[] = [];
const open = () => {
  const store = new LedgerStore(`ledger-${Math.random()}`);
  opened.push(store);
  return store;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const bytes = (text: string) => new TextEncoder().encode(text).length;
async function exported(store: LedgerStore, now = NOW): Promise<string> {
  return JSON.stringify(await store.exportFile(now));
}
function preview(store: LedgerStore, text: string): Promise<ImportCheck> {
  return store.planImport(text, bytes(text), { now: NOW });
}
async function imported(store: LedgerStore, text: string, trust: string[] = []) {
  const result = await store.applyImport(text, bytes(text), { now: NOW }, { trust });
  if (!result.ok || 'replayed' in result) throw new Error(JSON.stringify(result));
  return result.plan;
}
const subjects = async (store: LedgerStore) =>
  Object.keys((await store.baseline(B))?.principals ?? {}).sort();
const changeList = async (store: LedgerStore) =>
  (await store.changesOf(B)).map((c) => `${c.kind} ${c.subject}`);

describe('baselines and changes in the export file (issue 13)', () => {
  it('exports them after every field of before, signed, and restores them from a backup: the next read shows only what is new', async () => {
    const store = open();
    await store.observeBaseline(snapshot([me, lisa]), day(1), OWN);
    await store.observeBaseline(snapshot([me, lisa, nils]), day(10), OWN);
    await store.appendDecision({
      at: day(11).toISOString(),
      businessId: B,
      subject: 'person:nils@byraab.se',
      action: 'note',
      rationale: 'Seen',
      decidedBy: 'anna@sjobod.se',
    });
    const text = await exported(store);
    const file = JSON.parse(text);
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'ledgerId',
      'exportedAt',
      'grants',
      'decisions',
      'chainHead',
      'checklistRuns',
      'publicKey',
      'chainHeadSignature',
      'baselines',
      'changes',
      'watchSignature',
    ]);
    expect(file.baselines).toHaveLength(1);
    expect(file.changes).toMatchObject([{ businessId: B, change: { kind: 'principal-added' } }]);
    const before = await store.baseline(B);

    // "Delete all data" gives the installation a new ledger id and key: the file is the backup of a former
    // identity, whose baselines count once the admin trusts it ("Trust this colleague" in the preview).
    await store.deleteAll();
    expect(await store.baseline(B)).toBeUndefined();
    const check = await preview(store, text);
    if (!check.ok) throw new Error(JSON.stringify(check.error));
    expect(check.plan.watch).toMatchObject({ status: 'untrusted', businesses: 1, changes: 1, newChanges: 1 });
    expect(check.plan.changes).toContainEqual(
      expect.objectContaining({ kind: 'baseline', businessId: B, replaces: false, taken: 3, added: 3 }),
    );
    const plan = await imported(store, text, [file.ledgerId]);
    expect(plan.watch?.applied).toBe(true);
    expect(await store.baseline(B)).toEqual(before);
    expect(await changeList(store)).toEqual(['principal-added person:nils@byraab.se']);
    // The first read after the restore knows everyone but Erik (without the baseline it would be a first look).
    const changes = await store.observeBaseline(snapshot([me, lisa, nils, erik]), day(20), OWN);
    expect(changes.map((c) => `${c.kind} ${c.subject}`)).toEqual(['principal-added person:erik@byraab.se']);
    expect(await store.observeBaseline(snapshot([me, lisa, nils, erik]), day(21), OWN)).toEqual([]);
  });

  it('does not apply an untrusted colleague’s baselines (they would hide an intruder), says so, and applies them once trusted', async () => {
    const colleague = open();
    await colleague.observeBaseline(snapshot([me, lisa, mallory]), day(5), OWN);
    const text = await exported(colleague);
    const colleagueId = await colleague.getLedgerId();

    const victim = open();
    await victim.observeBaseline(snapshot([me, lisa]), day(1), OWN);
    const check = await preview(victim, text);
    if (!check.ok) throw new Error(JSON.stringify(check.error));
    expect(check.plan.watch).toMatchObject({ ledgerId: colleagueId, status: 'untrusted' });
    // The file's ledger is listed (to be trusted or not) though it adds no decision, and the baseline is
    // listed among what can silence something.
    expect(check.plan.ledgers).toMatchObject([{ ledgerId: colleagueId, ours: false, adding: 0, key: 'new' }]);
    expect(check.plan.changes).toEqual([
      { kind: 'baseline', ledgerId: colleagueId, businessId: B, replaces: true, taken: 3, added: 1 },
    ]);
    const plan = await imported(victim, text);
    expect(plan.watch?.applied).toBe(false);
    expect(plan.changes).toEqual([]);
    expect(await subjects(victim)).toEqual(['person:anna@sjobod.se', 'person:lisa@sjobod.se']);
    expect(await victim.changesOf(B)).toEqual([]);
    // Mallory is still new at the next read.
    const seen = await victim.observeBaseline(snapshot([me, lisa, mallory]), day(20), OWN);
    expect(seen.map((c) => c.subject)).toContain('person:mallory@evil.example');

    // Another victim who trusts this colleague in the preview takes the baseline.
    const trusting = open();
    await trusting.observeBaseline(snapshot([me, lisa]), day(1), OWN);
    expect((await imported(trusting, text, [colleagueId])).watch?.applied).toBe(true);
    expect(await subjects(trusting)).toContain('person:mallory@evil.example');
  });

  it('does not apply a trusted colleague’s baselines signed with another key unless the admin accepts it', async () => {
    const colleague = open();
    await colleague.observeBaseline(snapshot([me, lisa]), day(3), OWN);
    const colleagueId = await colleague.getLedgerId();
    const local = open();
    await imported(local, await exported(colleague), [colleagueId]);

    // Someone else's installation under the colleague's ledger id: its own key signs the file.
    const name = `ledger-${Math.random()}`;
    const raw = new Dexie(name);
    raw.version(1).stores({ meta: 'key' });
    await raw.open();
    await raw.table('meta').put({ key: 'ledgerId', value: colleagueId });
    raw.close();
    const impostor = new LedgerStore(name);
    opened.push(impostor);
    await impostor.observeBaseline(snapshot([me, lisa, mallory]), day(5), OWN);
    const text = await exported(impostor);
    const check = await preview(local, text);
    if (!check.ok) throw new Error(JSON.stringify(check.error));
    expect(check.plan.ledgers).toMatchObject([{ ledgerId: colleagueId, key: 'changed', trusted: true }]);
    const held = await imported(local, text);
    expect(held.watch).toMatchObject({ status: 'trusted', applied: false });
    expect(await subjects(local)).not.toContain('person:mallory@evil.example');
    const accepted = await local.applyImport(text, bytes(text), { now: NOW }, { acceptKeys: [colleagueId] });
    expect(accepted.ok && 'plan' in accepted && accepted.plan.watch?.applied).toBe(true);
    expect(await subjects(local)).toContain('person:mallory@evil.example');
  });

  it('refuses watch data changed after signing, and never applies unsigned watch data', async () => {
    const store = open();
    await store.observeBaseline(snapshot([me, lisa]), day(1), OWN);
    const file = JSON.parse(await exported(store));
    await store.observeBaseline(snapshot([me]), day(2), OWN);

    const forged = structuredClone(file);
    forged.baselines[0].principals['person:mallory@evil.example'] = {
      ...forged.baselines[0].principals['person:lisa@sjobod.se'],
      name: 'Mallory Vance',
      email: 'mallory@evil.example',
    };
    const refused = await preview(store, JSON.stringify(forged));
    expect(refused).toEqual({ ok: false, error: { code: 'import-watch-signature' } });

    const unsigned = structuredClone(forged);
    delete unsigned.watchSignature;
    const plan = await imported(store, JSON.stringify(unsigned));
    expect(plan.watch).toMatchObject({ status: 'unverified', applied: false });
    expect(await subjects(store)).toEqual(['person:anna@sjobod.se']);

    // Re-signed whole by another key under our ledger id: signed, but not by us.
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ]);
    const resigned = {
      ...forged,
      publicKey: publicKeyOf(await crypto.subtle.exportKey('jwk', pair.publicKey)),
      chainHeadSignature: await signText(
        pair.privateKey,
        chainSigningText(forged.ledgerId, forged.chainHead),
      ),
      watchSignature: await signText(
        pair.privateKey,
        watchSigningText(
          forged.ledgerId,
          forged.exportedAt,
          await watchDigest(forged.baselines, forged.changes),
        ),
      ),
    };
    const check = await preview(store, JSON.stringify(resigned));
    if (!check.ok) throw new Error(JSON.stringify(check.error));
    expect(check.plan.watch?.status).toBe('unverified');
    expect(check.plan.ledgers).toMatchObject([{ ours: true, key: 'none' }]);
    expect(check.plan.ledgers[0]!.fingerprint).toBeUndefined();
    expect((await imported(store, JSON.stringify(resigned))).watch?.applied).toBe(false);
    expect(await subjects(store)).toEqual(['person:anna@sjobod.se']);
  });

  it('merges losing nothing: later facts win, no principal of ours is removed, the change log is a union', async () => {
    const colleague = open();
    await colleague.observeBaseline(snapshot([me, lisa]), day(3), OWN);
    const raised = { ...lisa, portfolioAccess: 'full-control' as const };
    await colleague.observeBaseline(snapshot([me, raised, nils]), day(10), OWN);
    const text = await exported(colleague);
    const colleagueId = await colleague.getLedgerId();

    const local = open();
    await local.observeBaseline(snapshot([me, lisa, erik]), day(1), OWN);
    await local.observeBaseline(snapshot([me, lisa, erik]), day(12), OWN);
    const visit = (await local.changeTimeline(B)).visitStart;
    expect(visit).toBe(day(12).toISOString());
    const plan = await imported(local, text, [colleagueId]);
    // The business's current visit (a read's, not the file's) stays as it was.
    expect((await local.changeTimeline(B)).visitStart).toBe(visit);
    expect(plan.watch).toMatchObject({ applied: true, newChanges: 2 });
    const baseline = (await local.baseline(B))!;
    expect(Object.keys(baseline.principals).sort()).toEqual([
      'person:anna@sjobod.se',
      'person:erik@byraab.se',
      'person:lisa@sjobod.se',
      'person:nils@byraab.se',
    ]);
    // Lisa: ours was seen later (day 12), so ours stays, with the earlier first sighting (day 1).
    expect(baseline.principals['person:lisa@sjobod.se']).toMatchObject({
      portfolioAccess: 'basic',
      firstSeen: day(1).toISOString(),
      lastSeen: day(12).toISOString(),
    });
    expect(baseline.principals['person:nils@byraab.se']!.lastSeen).toBe(day(10).toISOString());
    expect(baseline.lists.people).toBe(day(12).toISOString());
    expect((await changeList(local)).sort()).toEqual([
      'portfolio-access-raised person:lisa@sjobod.se',
      'principal-added person:nils@byraab.se',
    ]);
    // The same file again adds nothing: identical rows are one.
    const again = await imported(local, text);
    expect(again.watch).toMatchObject({ newChanges: 0, applied: true });
    expect(await local.changesOf(B)).toHaveLength(2);

    // A colleague who saw Lisa later (day 20, full control) wins for Lisa; Erik, unknown to them, stays.
    await colleague.observeBaseline(snapshot([me, raised, nils]), day(20), OWN);
    await imported(local, await exported(colleague), [colleagueId]);
    expect((await local.baseline(B))!.principals['person:lisa@sjobod.se']).toMatchObject({
      portfolioAccess: 'full-control',
      firstSeen: day(1).toISOString(),
      lastSeen: day(20).toISOString(),
    });
    expect(await subjects(local)).toContain('person:erik@byraab.se');
  });

  it('prunes what the file brings by the retention setting', async () => {
    const store = open();
    await store.observeBaseline(snapshot([me]), new Date(Date.UTC(2026, 7, 1)), OWN);
    await store.observeBaseline(snapshot([me, nils]), new Date(Date.UTC(2026, 8, 1)), OWN);
    await store.observeBaseline(snapshot([me, lisa]), day(2), OWN);
    const text = await exported(store);
    await store.deleteAll();
    // Kept 30 days: Nils (last seen on 1 September) and the change that added him go; Lisa stays.
    const trust = [JSON.parse(text).ledgerId as string];
    const result = await store.applyImport(text, bytes(text), { now: NOW, retentionDays: 30 }, { trust });
    if (!result.ok || 'replayed' in result) throw new Error(JSON.stringify(result));
    expect(result.plan.watch).toMatchObject({ applied: true, changes: 3, newChanges: 2 });
    expect(await subjects(store)).toEqual(['person:anna@sjobod.se', 'person:lisa@sjobod.se']);
    expect((await changeList(store)).sort()).toEqual([
      'principal-added person:lisa@sjobod.se',
      'principal-removed person:nils@byraab.se',
    ]);
  });

  it('refuses a malformed, oversized or future baseline or change row, in every language, writing nothing', async () => {
    const store = open();
    await store.observeBaseline(snapshot([me, lisa]), day(1), OWN);
    await store.observeBaseline(snapshot([me, lisa, nils]), day(2), OWN);
    await store.appendDecision({
      at: day(3).toISOString(),
      businessId: B,
      subject: 'person:nils@byraab.se',
      action: 'note',
      rationale: 'Seen',
      decidedBy: 'anna@sjobod.se',
    });
    const file = JSON.parse(await exported(store));
    await store.deleteAll();
    await store.observeBaseline(snapshot([me]), day(4), OWN);
    const held = { baseline: await store.baseline(B), changes: await store.changesOf(B) };

    const badBaseline = structuredClone(file);
    badBaseline.baselines[0].principals['person:lisa@sjobod.se'].lastSeen = 'yesterday';
    const badChange = structuredClone(file);
    badChange.changes[0].change.kind = 'made-admin';
    const huge = structuredClone(file);
    const facts = huge.baselines[0].principals['person:lisa@sjobod.se'];
    for (let i = 0; i < 50_001; i++) huge.baselines[0].principals[`person:p${i}@x.example`] = facts;
    const future = structuredClone(file);
    future.changes[0].at = '2030-01-01T00:00:00.000Z';
    const twice = structuredClone(file);
    twice.baselines.push(twice.baselines[0]);

    const cases: [unknown, string, Record<string, unknown>][] = [
      [badBaseline, 'import-invalid-watch', { list: 'baselines', number: 1, business: B }],
      [badChange, 'import-invalid-watch', { list: 'changes', number: 1, business: B }],
      [huge, 'import-watch-too-large', { list: 'baselines', what: 'principals', limit: 50_000 }],
      [future, 'import-time-future', { list: 'changes', field: 'at' }],
      [twice, 'import-repeated-id', { list: 'baselines', id: B }],
    ];
    for (const [bad, code, facts] of cases) {
      const text = JSON.stringify(bad);
      const result = await store.applyImport(text, bytes(text), { now: NOW });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error).toMatchObject({ code, facts: expect.objectContaining(facts) });
      for (const locale of ['en', 'sv', 'fr'] as const) {
        const sentence = describeProblem(locale, result.error);
        expect(sentence).not.toMatch(/undefined|\{|\}/);
        expect(sentence.length).toBeGreaterThan(40);
      }
    }
    expect(await store.baseline(B)).toEqual(held.baseline);
    expect(await store.changesOf(B)).toEqual(held.changes);
    expect(await store.chain(await store.getLedgerId())).toEqual([]);
  });

  it('imports an older file without baselines or changes exactly as before', async () => {
    const store = open();
    await store.observeBaseline(snapshot([me, lisa]), day(1), OWN);
    await store.appendDecision({
      at: day(2).toISOString(),
      businessId: B,
      subject: 'person:lisa@sjobod.se',
      action: 'note',
      rationale: 'Seen',
      decidedBy: 'anna@sjobod.se',
    });
    const { baselines, changes, watchSignature, ...older } = await store.exportFile(NOW);
    expect(baselines).toHaveLength(1);
    expect(changes).toEqual([]);
    expect(watchSignature).toMatch(/^[0-9a-f]{128}$/);
    await store.deleteAll();
    const text = JSON.stringify(older);
    const check = await preview(store, text);
    if (!check.ok) throw new Error(JSON.stringify(check.error));
    expect(check.plan.watch).toBeUndefined();
    expect(check.plan.changes).toEqual([]);
    const plan = await imported(store, text);
    expect(plan.addDecisions).toHaveLength(1);
    expect(plan.watch).toBeUndefined();
    expect(await store.baseline(B)).toBeUndefined();
  });
});
