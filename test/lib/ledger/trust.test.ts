import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { describeProblem } from '@/lib/domain/i18n';
import { defaultSettings } from '@/lib/domain/settings';
import { chunkDecisions, decisionChunk, openLedgerDb, type LedgerDb } from '@/lib/ledger/db';
import { LedgerStore, type NewDecision } from '@/lib/ledger/store';
import { ledgerAdmin, runLedgerCommand, type CommandContext } from '@/lib/platform/ledger';
import { sealDecision } from '@/lib/domain/ledger/chain';
import type { Decision } from '@/lib/domain/ledger/records';
import { grant } from '../domain/ledger/fixtures';
import { appendTo, makeSigner, signedExport } from '../domain/ledger/signing-fixtures';

/** Issue 11, items 3 and 4, through the store: trust, keys, signatures, and what the rules see. */
const B = '1203456789012345';
const PARTNER = 'partner:3228568050780001';
const NOW = new Date('2026-11-28T12:00:00Z');

const stores: LedgerStore[] = [];
const dbs: LedgerDb[] = [];
function open(db: string | LedgerDb = `ledger-${Math.random()}`): LedgerStore {
  const store = new LedgerStore(db);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const db of dbs.splice(0)) db.close();
});

const context = (now = NOW): CommandContext => ({
  now,
  decidedBy: 'anna@sjobod.se',
  settings: defaultSettings,
  isThirdParty: () => true,
});
const text = async (store: LedgerStore, now = NOW) => JSON.stringify(await store.exportFile(now));
const options = { now: NOW, maxGrantDays: 90 };
const english = (r: { ok: boolean; error?: unknown }) =>
  r.ok ? 'ok' : describeProblem('en', r.error as never);

/**
 * A store's export as a Scopekeeper from before signatures wrote it: no key, no signature (and, with
 * `grants: false`, no grants either); its decisions, unsigned.
 */
async function keylessExport(store: LedgerStore, { grants = true } = {}) {
  const signed = JSON.parse(await text(store)) as Record<string, unknown> & { decisions: Decision[] };
  const { publicKey: _key, chainHeadSignature: _head, watchSignature: _watch, ...older } = signed;
  const decisions = older.decisions.map(({ sig: _sig, ...d }) => d);
  return {
    text: JSON.stringify({ ...older, ...(grants ? {} : { grants: [] }), decisions }),
    decisions,
  };
}

/** Alice documents a grant, accepts a finding on it, then revokes it: every kind Scopekeeper writes. */
async function aliceWithDecisions(): Promise<LedgerStore> {
  const alice = open();
  const earlier = new Date('2026-11-20T10:00:00Z');
  await runLedgerCommand(
    alice,
    {
      type: 'document',
      businessId: B,
      subject: PARTNER,
      assets: [{ type: 'page', name: 'Sjöbod Café', access: 'full', tasks: [] }],
      case: 'Spring campaign',
      startsAt: '2026-11-20',
      endsAt: '2027-01-15',
    },
    context(earlier),
  );
  await runLedgerCommand(
    alice,
    {
      type: 'accept-finding',
      businessId: B,
      subject: PARTNER,
      ruleId: 'third-party-full-control',
      assetName: 'Sjöbod Café',
      rationale: 'The agency runs the page',
      reviewAt: '2027-01-10',
    },
    context(earlier),
  );
  await runLedgerCommand(
    alice,
    {
      type: 'revoke',
      businessId: '9999999999',
      subject: 'person:lena@studio.example',
      rationale: 'Left',
    },
    context(),
  );
  return alice;
}

describe('signing', () => {
  it('signs every decision it appends and every export, with a key that cannot be exported', async () => {
    const name = `ledger-${Math.random()}`;
    const store = open(name);
    const { decision } = await store.saveGrant(grant('g1'), {
      at: NOW.toISOString(),
      businessId: B,
      subject: PARTNER,
      action: 'grant',
      rationale: 'Spring campaign',
      decidedBy: 'anna@sjobod.se',
    });
    expect(decision.sig).toMatch(/^[0-9a-f]{128}$/);
    const file = await store.exportFile(NOW);
    expect(file.publicKey).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(file.chainHeadSignature).toMatch(/^[0-9a-f]{128}$/);
    const db = openLedgerDb(name);
    dbs.push(db);
    const row = (await db.meta.get('signingKey'))?.value as { privateKey: CryptoKey };
    expect(row.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', row.privateKey)).rejects.toThrow();
    // The same key after a restart.
    expect(await open(name).publicKey()).toEqual(file.publicKey);
  });

  it('verify reports integrity and authorship apart: a changed signature leaves the hashes intact', async () => {
    const name = `ledger-${Math.random()}`;
    const store = open(name);
    for (let i = 0; i < 3; i++)
      await store.appendDecision({
        at: NOW.toISOString(),
        businessId: B,
        subject: PARTNER,
        action: 'note',
        rationale: `Note ${i}`,
        decidedBy: 'anna@sjobod.se',
      });
    const db = openLedgerDb(name);
    dbs.push(db);
    // Each append is a row of its own (db.ts DecisionChunk): the second decision gets the first one's signature.
    const rows = await db.decisionChunks.toArray();
    const first = chunkDecisions(rows.find((r) => r.first === 0)!)[0]!;
    const row = rows.find((r) => r.first === 1)!;
    const second = chunkDecisions(row)[0]!;
    await db.decisionChunks.put({ ...row, text: JSON.stringify([{ ...second, sig: first.sig! }]) });
    const [result] = await store.verify();
    expect(result!.check.ok).toBe(true);
    expect(result!.authorship).toMatchObject({ signed: 3, valid: 2, unsigned: 0, badAt: second.id });
    const view = await ledgerAdmin(store, { type: 'verify' }, NOW);
    expect(view).toMatchObject({
      ok: true,
      result: { ledgers: [{ ok: true, length: 3, authorship: { valid: 2, badAt: second.id } }] },
    });
  });
});

describe('another admin’s file', () => {
  it('changes no finding and no reminder until the admin trusts that colleague, then remembers', async () => {
    const alice = await aliceWithDecisions();
    const aliceId = await alice.getLedgerId();
    const bob = open();
    await bob.saveGrant(
      grant('g-bob', {
        subject: 'person:lena@studio.example',
        businessId: '9999999999',
        endsAt: '2027-01-10',
      }),
      {
        at: '2026-11-01T09:00:00.000Z',
        businessId: '9999999999',
        subject: 'person:lena@studio.example',
        action: 'grant',
        rationale: 'Menu photos',
        decidedBy: 'bob@sjobod.se',
      },
    );
    const file = await text(alice);

    const preview = await ledgerAdmin(bob, { type: 'plan-import', text: file }, NOW);
    if (!preview.ok || preview.result.type !== 'import') throw new Error('no preview');
    const { summary } = preview.result;
    expect(summary.ledgers).toMatchObject([{ ledgerId: aliceId, trusted: false, key: 'new', silencing: 2 }]);
    expect(summary.changes.map((c) => c.kind)).toEqual(['accept', 'revoke', 'add-grant']);
    expect(summary.changes.find((c) => c.kind === 'revoke')).toMatchObject({ grants: 1 });

    // Applied without trust: stored in full, but no mute and no revocation counts.
    const applied = await ledgerAdmin(
      bob,
      { type: 'apply-import', text: file, trust: [], acceptKeys: [] },
      NOW,
    );
    expect(applied.ok).toBe(true);
    expect((await bob.chain(aliceId)).length).toBe(3);
    expect((await bob.ledgerFacts(B)).accepted!.size).toBe(0);
    expect(await bob.revocations('9999999999')).toEqual([]);
    // Nor does it tick a review's "decisions were recorded" step.
    expect(await bob.lastDecisionAt(B)).toBeUndefined();

    // Alice decides more; Bob imports again and this time trusts her.
    await alice.appendDecision({
      at: NOW.toISOString(),
      businessId: B,
      subject: PARTNER,
      action: 'note',
      rationale: 'Checked',
      decidedBy: 'anna@sjobod.se',
    });
    const second = await text(alice);
    const again = await ledgerAdmin(bob, { type: 'plan-import', text: second }, NOW);
    expect(again).toMatchObject({
      ok: true,
      result: { summary: { ledgers: [{ key: 'known', adding: 1 }] } },
    });
    await ledgerAdmin(bob, { type: 'apply-import', text: second, trust: [aliceId], acceptKeys: [] }, NOW);
    expect((await bob.ledgerFacts(B)).accepted!.get(`${PARTNER} third-party-full-control`)).toBe(
      '2027-01-10',
    );
    expect(await bob.revocations('9999999999')).toHaveLength(1);
    expect(await bob.lastDecisionAt(B)).toBe(NOW.toISOString());

    // Remembered: listed as a trusted colleague, and the next file's preview says so.
    const colleagues = await ledgerAdmin(bob, { type: 'colleagues' }, NOW);
    expect(colleagues).toMatchObject({
      ok: true,
      result: { colleagues: [{ ledgerId: aliceId, trusted: true }] },
    });
    expect(await ledgerAdmin(bob, { type: 'plan-import', text: second }, NOW)).toMatchObject({
      ok: true,
      result: { summary: { ledgers: [{ trusted: true }] } },
    });

    // Stop trusting: her decisions stay, their effect goes; trusted again from the list, it comes back.
    expect(await ledgerAdmin(bob, { type: 'untrust', ledgerId: aliceId }, NOW)).toMatchObject({
      ok: true,
      result: { colleagues: [{ ledgerId: aliceId, trusted: false }] },
    });
    expect((await bob.ledgerFacts(B)).accepted!.size).toBe(0);
    expect(await bob.revocations('9999999999')).toEqual([]);
    expect((await bob.chain(aliceId)).length).toBe(4);
    await ledgerAdmin(bob, { type: 'trust', ledgerId: aliceId }, NOW);
    expect(await bob.revocations('9999999999')).toHaveLength(1);
  });

  it('lets a trust given before any key was known lapse when a first key signs that ledger, unless the admin trusts again', async () => {
    const alice = await aliceWithDecisions();
    const aliceId = await alice.getLedgerId();
    const bob = open();
    // What a Scopekeeper from before signatures exported: no key, no signature.
    const { text: keyless, decisions: unsigned } = await keylessExport(alice);
    expect(
      await ledgerAdmin(bob, { type: 'apply-import', text: keyless, trust: [aliceId], acceptKeys: [] }, NOW),
    ).toMatchObject({ ok: true });
    expect((await bob.ledgerFacts(B)).accepted!.size).toBe(1);

    // Anyone can make a key and sign the next decision of Alice's ledger: here, an acceptance.
    const mallory = await makeSigner();
    const forgedChain = await appendTo(
      unsigned,
      aliceId,
      [
        {
          at: NOW.toISOString(),
          businessId: B,
          subject: 'person:mallory@example.com',
          action: 'accept-finding',
          rationale: 'Nothing to see',
          decidedBy: 'anna@sjobod.se',
          after: { ruleId: 'third-party-full-control', reviewAt: '2027-02-01' },
        },
      ],
      mallory,
    );
    const forged = JSON.stringify(
      await signedExport(aliceId, [], new Map([[aliceId, forgedChain]]), NOW, mallory),
    );
    // The preview says the trust does not carry over to that key, and shows the key.
    const preview = await ledgerAdmin(bob, { type: 'plan-import', text: forged }, NOW);
    expect(preview).toMatchObject({
      ok: true,
      result: {
        summary: { ledgers: [{ ledgerId: aliceId, key: 'new', trusted: false, trustLapsed: true }] },
      },
    });
    // Applied without trusting again: stored, and nothing of that ledger silences anything any more.
    expect(
      await ledgerAdmin(bob, { type: 'apply-import', text: forged, trust: [], acceptKeys: [] }, NOW),
    ).toMatchObject({ ok: true });
    expect((await bob.chain(aliceId)).length).toBe(4);
    expect((await bob.ledgerFacts(B)).accepted!.size).toBe(0);
    expect(await bob.revocations('9999999999')).toEqual([]);
    expect(await ledgerAdmin(bob, { type: 'colleagues' }, NOW)).toMatchObject({
      ok: true,
      result: { colleagues: [{ ledgerId: aliceId, trusted: false }] },
    });
    // Trusted again, with the key now pinned and shown: it counts, and the next file keeps the trust.
    await ledgerAdmin(bob, { type: 'trust', ledgerId: aliceId }, NOW);
    expect((await bob.ledgerFacts(B)).accepted!.size).toBe(2);
    expect(await ledgerAdmin(bob, { type: 'plan-import', text: forged }, NOW)).toMatchObject({
      ok: true,
      result: { summary: { ledgers: [{ ledgerId: aliceId, key: 'known', trusted: true }] } },
    });
  });

  it('makes a colleague’s records wait on the team path when the trust lapses with their first key', async () => {
    const alice = await aliceWithDecisions();
    const aliceId = await alice.getLedgerId();
    const bob = open();
    const { text: keyless } = await keylessExport(alice, { grants: false });
    await ledgerAdmin(bob, { type: 'apply-import', text: keyless, trust: [aliceId], acceptKeys: [] }, NOW);
    // Her signed head with her grant, as the team ledger brings it (no preview: records wait for trust).
    const file = await text(alice);
    const applied = await bob.applyImport(file, file.length, { ...options, recordsNeedTrust: true });
    expect(applied).toMatchObject({ ok: true, plan: { waiting: { grants: 1 } } });
    expect(await bob.grants()).toEqual([]);
    expect((await bob.trustedColleagues()).has(aliceId)).toBe(false);
  });

  it('keeps the trust the admin gives again in the preview of the file that brings the first key', async () => {
    const alice = await aliceWithDecisions();
    const aliceId = await alice.getLedgerId();
    const bob = open();
    const { text: keyless } = await keylessExport(alice);
    await ledgerAdmin(bob, { type: 'apply-import', text: keyless, trust: [aliceId], acceptKeys: [] }, NOW);
    // Alice's own signed export, trusted again in its preview.
    const file = await text(alice);
    expect(
      await ledgerAdmin(bob, { type: 'apply-import', text: file, trust: [aliceId], acceptKeys: [] }, NOW),
    ).toMatchObject({ ok: true });
    expect((await bob.ledgerFacts(B)).accepted!.size).toBe(1);
    expect(await ledgerAdmin(bob, { type: 'colleagues' }, NOW)).toMatchObject({
      ok: true,
      result: { colleagues: [{ ledgerId: aliceId, trusted: true }] },
    });
  });

  it('holds back a colleague’s ledger whose key changed, unless the admin accepts the new key', async () => {
    const alice = await aliceWithDecisions();
    const aliceId = await alice.getLedgerId();
    const bob = open();
    const first = await text(alice);
    await bob.applyImport(first, first.length, options);
    // Someone else writes a file with Alice's ledger id and chain, one decision more, with another key.
    const impostor = await makeSigner();
    const chain = await appendTo(
      await alice.chain(aliceId),
      aliceId,
      [
        {
          at: NOW.toISOString(),
          businessId: B,
          subject: PARTNER,
          action: 'revoke',
          rationale: 'x',
          decidedBy: 'eve@x',
        },
      ],
      impostor,
    );
    // Its new decision and its chain head are signed by the impostor's key, which the file carries.
    const forged = JSON.stringify(
      await signedExport(aliceId, [], new Map([[aliceId, chain]]), NOW, impostor),
    );
    const plan = await bob.planImport(forged, forged.length, options);
    expect(plan).toMatchObject({ ok: true, plan: { ledgers: [{ key: 'changed', adding: 1 }] } });
    const held = await bob.applyImport(forged, forged.length, options, {});
    expect(held).toMatchObject({ ok: true, plan: { addDecisions: [], ledgers: [{ heldBack: true }] } });
    expect((await bob.chain(aliceId)).length).toBe(3);
    const accepted = await bob.applyImport(forged, forged.length, options, { acceptKeys: [aliceId] });
    expect(accepted).toMatchObject({ ok: true, plan: { addDecisions: [{ decidedBy: 'eve@x' }] } });
    // Verify checks the earlier decisions by the key they were signed with, the new one by the new key.
    const verified = (await bob.verify()).find((v) => v.ledgerId === aliceId)!;
    expect(verified.authorship).toMatchObject({ signed: 4, valid: 4, unsigned: 0 });
    expect(verified.authorship.badAt).toBeUndefined();
    expect(await bob.planImport(forged, forged.length, options)).toMatchObject({
      ok: true,
      plan: { ledgers: [{ key: 'known' }] },
    });
  });
  it('holds back the grants of a file whose own ledger is held back, and adds them once the key is accepted', async () => {
    const alice = await aliceWithDecisions();
    const aliceId = await alice.getLedgerId();
    const bob = open();
    const first = await text(alice);
    await bob.applyImport(first, first.length, options);
    const before = (await bob.grants()).length;
    const impostor = await makeSigner();
    const chain = await appendTo(
      await alice.chain(aliceId),
      aliceId,
      [
        {
          at: NOW.toISOString(),
          businessId: B,
          subject: PARTNER,
          action: 'note',
          rationale: 'x',
          decidedBy: 'eve@x',
        },
      ],
      impostor,
    );
    // The impostor's file carries a grant that would silence the findings about another subject.
    const extra = grant('g-eve', {
      subject: 'partner:9999999999',
      startsAt: '2026-11-01',
      endsAt: '2027-01-15',
    });
    const forged = JSON.stringify(
      await signedExport(aliceId, [extra], new Map([[aliceId, chain]]), NOW, impostor),
    );
    const held = await bob.applyImport(forged, forged.length, options, {});
    expect(held).toMatchObject({
      ok: true,
      plan: { addGrants: [], addRuns: [], addDecisions: [], ledgers: [{ heldBack: true }] },
    });
    if (held.ok && 'plan' in held) expect(held.plan.changes).toEqual([]);
    expect(await bob.grants()).toHaveLength(before);
    const accepted = await bob.applyImport(forged, forged.length, options, { acceptKeys: [aliceId] });
    expect(accepted).toMatchObject({ ok: true, plan: { addGrants: [{ id: 'g-eve' }] } });
    expect(await bob.grants()).toHaveLength(before + 1);
  });
  it('never pins a key a file lists for another ledger than its own', async () => {
    const alice = await aliceWithDecisions();
    const aliceId = await alice.getLedgerId();
    const carol = open();
    // Mallory's file carries Alice's chain, one decision more signed by Mallory, and claims that key is Alice's.
    const mallory = await makeSigner();
    const malloryId = '0b9d4e2a-1c3f-4a5b-8d7e-9f0a1b2c3d4e';
    const chain = await appendTo(
      await alice.chain(aliceId),
      aliceId,
      [
        {
          at: NOW.toISOString(),
          businessId: B,
          subject: PARTNER,
          action: 'note',
          rationale: 'x',
          decidedBy: 'eve@x',
        },
      ],
      mallory,
    );
    const third = JSON.stringify(
      await signedExport(malloryId, [], new Map([[aliceId, chain]]), NOW, mallory, {
        [aliceId]: mallory.publicKey,
      }),
    );
    const applied = await carol.applyImport(third, third.length, options);
    expect(applied).toMatchObject({ ok: true, plan: { ledgers: [{ ledgerId: aliceId, key: 'none' }] } });
    // Alice's own file later: her key is met as new, not as a change from Mallory's.
    const genuine = await text(alice);
    expect(await carol.planImport(genuine, genuine.length, options)).toMatchObject({
      ok: true,
      plan: { ledgers: [{ ledgerId: aliceId, key: 'new' }] },
    });
  });
});

describe('our own chain', () => {
  it('refuses a file that appends to our chain what our key did not sign, and restores what it did', async () => {
    const bob = open();
    for (let i = 0; i < 2; i++)
      await bob.appendDecision({
        at: NOW.toISOString(),
        businessId: B,
        subject: PARTNER,
        action: 'note',
        rationale: `Note ${i}`,
        decidedBy: 'bob@sjobod.se',
      } satisfies NewDecision);
    const bobId = await bob.getLedgerId();
    const ours = await bob.chain(bobId);
    // Knowing our ledger id and chain from an export, a file adds a revocation (unsigned).
    const { hash: _h, sig: _s, prevHash: _p, ...shape } = ours[1]!;
    const forged = await sealDecision(
      { ...shape, id: 'forged-1', action: 'revoke', rationale: 'quietly ended' },
      ours[1]!.hash,
    );
    const file = JSON.parse(await text(bob));
    file.decisions.push(forged);
    file.chainHead = forged.hash;
    delete file.publicKey;
    delete file.chainHeadSignature;
    const forgedText = JSON.stringify(file);
    const refused = await bob.applyImport(forgedText, forgedText.length, options);
    expect(english(refused)).toMatch(/adds decision forged-1 to this installation’s own ledger/);
    expect(await bob.chain(bobId)).toHaveLength(2);

    // Our own backup, after "delete all" (a new ledger id and key), restores in full as the ledger of a
    // former identity: a colleague's, with its own key, never our chain.
    const backup = await text(bob);
    await bob.deleteAll();
    expect(await bob.applyImport(backup, backup.length, options)).toMatchObject({
      ok: true,
      plan: { ledgers: [{ ledgerId: bobId, ours: false, key: 'new', adding: 2, signed: 2 }] },
    });
    expect(await bob.getLedgerId()).not.toBe(bobId);
  });

  it('keeps the unsigned decisions from before signing restorable, and only those', async () => {
    const name = `ledger-${Math.random()}`;
    const db = openLedgerDb(name);
    dbs.push(db);
    const ledgerId = '11111111-2222-4333-8444-555555555555';
    await db.meta.put({ key: 'ledgerId', value: ledgerId });
    // Written by an earlier version: no signatures.
    const legacy = await appendTo([], ledgerId, [
      {
        at: '2026-10-01T10:00:00.000Z',
        businessId: B,
        subject: PARTNER,
        action: 'note',
        rationale: 'old',
        decidedBy: 'a@b',
      },
    ]);
    await db.decisionChunks.add(decisionChunk(ledgerId, 0, [legacy[0]!]));
    const store = open(name);
    const backup = await text(store);
    const verified = await store.verify();
    expect(verified[0]!.authorship).toMatchObject({ signed: 0, unsigned: 1 });
    await store.deleteAll();
    expect(english(await store.applyImport(backup, backup.length, options))).toBe('ok');
    expect(await store.chain(ledgerId)).toHaveLength(1);
  });
});
