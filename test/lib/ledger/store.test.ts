import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRun } from '@/lib/domain/checklists/runs';
import { describeProblem } from '@/lib/domain/i18n';
import { buildExport } from '@/lib/domain/ledger/export';
import { DECISION_CHUNK, type LedgerDb } from '@/lib/ledger/db';
import { LedgerStore, type NewDecision } from '@/lib/ledger/store';
import { sealDecision } from '@/lib/domain/ledger/chain';
import type { Decision } from '@/lib/domain/ledger/records';
import { grant } from '../domain/ledger/fixtures';
import { snapshot, person } from '../domain/rules/helpers';

/** A chain whose subjects, businesses and actions recur in every row of decisions. */
async function spreadChain(n: number, ledgerId: string): Promise<Decision[]> {
  const chain: Decision[] = [];
  for (let i = 0; i < n; i++)
    chain.push(
      await sealDecision(
        {
          id: `spread-${i}`,
          ledgerId,
          at: new Date(Date.UTC(2026, 10, 1) + i * 60_000 + (i % 3) * 3_600_000).toISOString(),
          businessId: i % 4 === 0 ? '1203456789012399' : '1203456789012345',
          subject: `person:p${i % 7}@agency.example`,
          action: i % 5 === 0 ? 'revoke' : 'note',
          rationale: `Decision ${i}`,
          decidedBy: 'erik@byraab.se',
          ...(i % 5 === 0 ? { before: { endsAt: '2027-01-01' }, after: { endsAt: '2026-11-01' } } : {}),
        },
        chain.at(-1)?.hash,
      ),
    );
  return chain;
}

const stores: LedgerStore[] = [];
function open(name = `ledger-${Math.random()}`): LedgerStore {
  const store = new LedgerStore(name);
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
});

const decision = (i: number, extra: Partial<NewDecision> = {}): NewDecision => ({
  at: `2026-11-28T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
  businessId: '1203456789012345',
  subject: 'partner:3228568050780001',
  action: 'note',
  rationale: `Note ${i}`,
  decidedBy: 'anna@sjobod.se',
  ...extra,
});

describe('the ledger store', () => {
  it('makes its ledger id once and keeps it across restarts', async () => {
    const name = `ledger-${Math.random()}`;
    const id = await open(name).getLedgerId();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await open(name).getLedgerId()).toBe(id);
  });

  it('appends decisions from many writers at once into one valid chain, losing none', async () => {
    const store = open();
    const written = await Promise.all(
      Array.from({ length: 60 }, (_, i) => store.appendDecision(decision(i))),
    );
    const chain = await store.chain(await store.getLedgerId());
    expect(chain).toHaveLength(60);
    expect(new Set(chain.map((d) => d.id))).toEqual(new Set(written.map((d) => d.id)));
    expect(await store.verify()).toMatchObject([
      {
        ledgerId: await store.getLedgerId(),
        check: { ok: true, head: chain[59]!.hash, length: 60 },
        authorship: { signed: 60, valid: 60, unsigned: 0 },
      },
    ]);
  });

  it('stores a grant with its decision, and gives the rules their facts', async () => {
    const store = open();
    const { decision: d } = await store.saveGrant(
      grant('g1'),
      decision(1, { action: 'grant', rationale: 'Spring campaign' }),
    );
    expect(d.grantId).toBe('g1');
    const facts = await store.ledgerFacts('1203456789012345');
    expect(facts.grants.get('partner:3228568050780001')).toEqual({ endsAt: '2027-01-31' });
    expect(
      await store.grants({ businessId: '1203456789012345', subject: 'partner:3228568050780001' }),
    ).toHaveLength(1);
    expect(await store.grantsEndingBy('2027-02-01')).toHaveLength(1);
    expect(await store.grantsEndingBy('2027-01-01')).toHaveLength(0);
  });

  it('remembers since when an invitation has been pending, and forgets once accepted', async () => {
    const store = open();
    const lisa = person('Lisa', 'lisa@gmail.com', { pending: true });
    await store.recordSnapshot(snapshot([lisa]), new Date('2026-11-01T08:00:00Z'));
    await store.recordSnapshot(snapshot([lisa]), new Date('2026-11-20T08:00:00Z'));
    expect((await store.ledgerFacts('1203456789012345')).firstSeen.get('person:lisa@gmail.com')).toBe(
      '2026-11-01T08:00:00.000Z',
    );
    await store.recordSnapshot(snapshot([{ ...lisa, pending: false }]), new Date('2026-11-21T08:00:00Z'));
    expect((await store.ledgerFacts('1203456789012345')).firstSeen.has('person:lisa@gmail.com')).toBe(false);
  });

  it('reads first-seen dates once per business until a read changes them (not on every publish)', async () => {
    const store = open();
    const B = '1203456789012345';
    const lisa = person('Lisa', 'lisa@gmail.com', { pending: true });
    await store.recordSnapshot(snapshot([lisa]), new Date('2026-11-01T08:00:00Z'));
    const first = (await store.ledgerFacts(B)).firstSeen;
    // The same page again writes nothing: the rules keep what they read.
    await store.recordSnapshot(snapshot([lisa]), new Date('2026-11-02T08:00:00Z'));
    expect((await store.ledgerFacts(B)).firstSeen).toBe(first);
    const nils = person('Nils', 'nils@byraab.se', { pending: true });
    await store.recordSnapshot(snapshot([lisa, nils]), new Date('2026-11-03T08:00:00Z'));
    expect([...(await store.ledgerFacts(B)).firstSeen]).toEqual([
      ['person:lisa@gmail.com', '2026-11-01T08:00:00.000Z'],
      ['person:nils@byraab.se', '2026-11-03T08:00:00.000Z'],
    ]);
    await store.deleteAll();
    expect((await store.ledgerFacts(B)).firstSeen.size).toBe(0);
  });

  it('exports, imports into another installation beside its own chain, and re-imports without duplicates', async () => {
    const alice = open();
    await alice.saveGrant(grant('g1'), decision(1, { action: 'grant' }));
    await alice.appendDecision(decision(2));
    const text = JSON.stringify(await alice.exportFile(new Date('2026-11-28T12:00:00Z')));

    const bob = open();
    await bob.appendDecision(decision(3));
    const first = await bob.applyImport(text, text.length);
    expect(first).toMatchObject({
      ok: true,
      plan: {
        addGrants: [{ id: 'g1' }],
        ledgers: [{ ledgerId: await alice.getLedgerId(), ours: false, adding: 2 }],
      },
    });
    const again = await bob.applyImport(text, text.length);
    expect(again).toMatchObject({ ok: true, plan: { addGrants: [], identicalGrants: 1, addDecisions: [] } });
    const chains = await bob.chains();
    expect([...chains.keys()].sort()).toEqual([await alice.getLedgerId(), await bob.getLedgerId()].sort());
    expect((await bob.verify()).every((v) => v.check.ok)).toBe(true);
    // Bob's export carries both chains, his own first.
    const bobs = await bob.exportFile(new Date());
    expect(bobs.decisions[0]!.ledgerId).toBe(await bob.getLedgerId());
    expect(bobs.decisions).toHaveLength(3);
  });

  it('carries checklist runs from one installation to another', async () => {
    const alice = open();
    const run = createRun({
      id: 'run-1',
      businessId: '1203456789012345',
      templateId: 'offboard-partner',
      subject: 'partner:3228568050780001',
      now: new Date('2026-11-28T12:00:00Z'),
    });
    await alice.saveRuns([run]);
    const text = JSON.stringify(await alice.exportFile(new Date('2026-11-28T12:00:00Z')));
    const bob = open();
    expect(await bob.applyImport(text, text.length)).toMatchObject({ ok: true, plan: { addRuns: [run] } });
    expect(await bob.runs()).toEqual([run]);
    expect(await bob.applyImport(text, text.length)).toMatchObject({
      ok: true,
      plan: { addRuns: [], identicalRuns: 1 },
    });
  });

  it('changes nothing when an import is refused', async () => {
    const alice = open();
    for (let i = 0; i < 4; i++) await alice.appendDecision(decision(i));
    const file = await alice.exportFile(new Date());
    file.decisions[2]!.rationale = 'edited';
    const text = JSON.stringify(file);
    const bob = open();
    await bob.saveGrant(grant('g9'), decision(9));
    const counts = async () => [
      (await bob.grants()).length,
      (await bob.chain(await bob.getLedgerId())).length,
    ];
    const before = await counts();
    const result = await bob.applyImport(text, text.length);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeProblem('en', result.error)).toContain(file.decisions[2]!.id);
    expect(await counts()).toEqual(before);
  });

  it('finds a subject’s history, revocations and latest decision in an imported chain of several rows (issue 12, item 5)', async () => {
    const colleague = '0b9d4e2a-1c3f-4a5b-8d7e-9f0a1b2c3d4e';
    const B = '1203456789012345';
    // Longer than one row of decisions (lib/ledger/db.ts DECISION_CHUNK), subjects spread over every row.
    const chain = await spreadChain(DECISION_CHUNK + 30, colleague);
    expect(chain.some((d) => d.action === 'revoke')).toBe(true);
    const text = JSON.stringify(buildExport(colleague, [], new Map([[colleague, chain]]), new Date()));
    const bob = open();
    expect(await bob.applyImport(text, text.length)).toMatchObject({ ok: true });
    expect(await bob.chain(colleague)).toEqual(chain);
    for (const subject of new Set(chain.map((d) => d.subject))) {
      const about = chain.filter((d) => d.businessId === B && d.subject === subject);
      expect(await bob.decisionsAbout(B, subject)).toEqual(about);
    }
    expect(await bob.decisionsAbout(B, 'person:nobody@example.com')).toEqual([]);
    // A colleague's revocations and latest decision count once the admin trusts them.
    await bob.setTrusted(colleague, true, new Date());
    const revoked = chain.filter((d) => d.businessId === B && d.action === 'revoke');
    expect((await bob.revocations(B)).map((d) => d.id).sort()).toEqual(revoked.map((d) => d.id).sort());
    const latest = chain.filter((d) => d.businessId === B).reduce((m, d) => (d.at > m ? d.at : m), '');
    expect(await bob.lastDecisionAt(B)).toBe(latest);
    // And our own chain goes on beside it.
    await bob.appendDecision(decision(1, { subject: chain[0]!.subject }));
    expect(await bob.decisionsAbout(B, chain[0]!.subject)).toHaveLength(
      chain.filter((d) => d.businessId === B && d.subject === chain[0]!.subject).length + 1,
    );
  });

  it('writes nothing of an import whose write fails part-way: no half-import (one transaction)', async () => {
    const colleague = '0b9d4e2a-1c3f-4a5b-8d7e-9f0a1b2c3d4e';
    const chain = await spreadChain(DECISION_CHUNK + 30, colleague);
    const text = JSON.stringify(buildExport(colleague, [], new Map([[colleague, chain]]), new Date()));
    const bob = open();
    await bob.appendDecision(decision(1));
    // The subject directory is written after the decisions' rows, in the same transaction.
    const subjects = (bob as unknown as { db: LedgerDb }).db.decisionSubjects;
    const put = vi.spyOn(subjects, 'bulkPut').mockRejectedValueOnce(new Error('worker stopped'));
    await expect(bob.applyImport(text, text.length)).rejects.toThrow('worker stopped');
    put.mockRestore();
    expect(await bob.chain(colleague)).toEqual([]);
    expect([...(await bob.chains()).keys()]).toEqual([await bob.getLedgerId()]);
    // The same file imports in full afterwards.
    expect(await bob.applyImport(text, text.length)).toMatchObject({ ok: true });
    expect(await bob.chain(colleague)).toEqual(chain);
  });

  it('deletes everything, its ledger id and key too: what it decides afterwards is a new chain of a new identity', async () => {
    const name = `ledger-${Math.random()}`;
    const store = open(name);
    const id = await store.getLedgerId();
    const key = await store.publicKey();
    await store.saveGrant(grant('g1'), decision(1));
    await store.appendDecision(decision(2));
    const backup = JSON.stringify(await store.exportFile(new Date('2026-11-28T12:00:00Z')));
    const mark = {
      key: 'erase-1',
      name: 'ledgerAdmin',
      at: '2026-11-28T12:00:00.000Z',
      result: () => 'erased',
    };
    expect(await store.deleteAll(mark)).toEqual({});
    expect(await store.grants()).toHaveLength(0);
    expect((await store.chains()).size).toBe(0);
    const newId = await store.getLedgerId();
    const newKey = await store.publicKey();
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
    expect(newId).not.toBe(id);
    expect(newKey).not.toEqual(key);
    // A retried command is answered as the first time and makes no third identity.
    expect(await store.deleteAll(mark)).toEqual({ replayed: 'erased' });
    expect(await store.getLedgerId()).toBe(newId);
    expect(await store.publicKey()).toEqual(newKey);
    // Kept as it is across a restart of the worker.
    const again = open(name);
    expect(await again.getLedgerId()).toBe(newId);
    expect(await again.publicKey()).toEqual(newKey);
    // The new chain starts from its first decision, signed by the new key, and verifies.
    const first = await again.appendDecision(decision(3));
    expect(first).toMatchObject({ ledgerId: newId, prevHash: '0'.repeat(64) });
    const verified = await again.verify();
    expect(verified).toEqual([
      expect.objectContaining({ ledgerId: newId, check: expect.objectContaining({ ok: true }) }),
    ]);
    expect(verified[0]!.authorship).toMatchObject({ signed: 1, unsigned: 0 });
    // The old backup is a colleague's ledger now, never our own chain.
    const restored = await again.applyImport(backup, backup.length);
    expect(restored).toMatchObject({
      ok: true,
      plan: { ledgers: [{ ledgerId: id, ours: false, adding: 2 }] },
    });
    expect(await again.chain(newId)).toHaveLength(1);
    expect(await again.chain(id)).toHaveLength(2);
  });
});
