import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { sealDecision, verifyChain } from '@/lib/domain/ledger/chain';
import type { Decision } from '@/lib/domain/ledger/records';
import { DECISION_CHUNK } from '@/lib/ledger/db';
import { LedgerStore } from '@/lib/ledger/store';
import { legacyRun } from '../domain/checklists/legacy-run';

/**
 * Fixtures of every stored shape the ledger has had, written as that version wrote them, then opened by
 * today's store. Version 1 is the first; each later version adds its fixture and upgrade test here.
 */
const v1 = {
  version: 1,
  stores: {
    meta: 'key',
    grants: 'id, businessId, subject, endsAt, [businessId+subject]',
    decisions:
      'id, [ledgerId+seq], ledgerId, businessId, subject, at, [businessId+subject], [businessId+action]',
    seen: '[businessId+subject], businessId',
    snapshots: '[businessId+kind], businessId',
    checklistRuns: 'id, businessId, subject, [businessId+subject]',
  },
  rows: {
    meta: [{ key: 'ledgerId', value: '6f1c2b8e-6a53-4f0e-9a51-2c7e5d3f9b10' }],
    grants: [
      {
        id: 'g1',
        businessId: '1203456789012345',
        subject: 'partner:3228568050780001',
        assets: [],
        case: 'Spring campaign',
        startsAt: '2026-11-01',
        endsAt: '2027-01-31',
        createdAt: '2026-11-01T09:00:00.000Z',
        updatedAt: '2026-11-01T09:00:00.000Z',
      },
    ],
    // Evidence ticks of version 1 hold English sentences; later ticks hold codes with facts.
    checklistRuns: [legacyRun],
    seen: [
      {
        businessId: '1203456789012345',
        subject: 'person:lisa@gmail.com',
        firstSeenAt: '2026-11-01T08:00:00.000Z',
        pendingSince: '2026-11-01T08:00:00.000Z',
        lastSeenAt: '2026-11-02T08:00:00.000Z',
      },
    ],
  },
};

describe('ledger store versions', () => {
  it('opens a version 1 store as it was written and keeps everything in it', async () => {
    const name = `ledger-v1-${Math.random()}`;
    const old = new Dexie(name);
    old.version(v1.version).stores(v1.stores);
    await old.open();
    await old.table('meta').bulkAdd(v1.rows.meta);
    await old.table('grants').bulkAdd(v1.rows.grants);
    await old.table('seen').bulkAdd(v1.rows.seen);
    await old.table('checklistRuns').bulkAdd(v1.rows.checklistRuns);
    old.close();

    const store = new LedgerStore(name);
    expect(await store.getLedgerId()).toBe('6f1c2b8e-6a53-4f0e-9a51-2c7e5d3f9b10');
    const facts = await store.ledgerFacts('1203456789012345');
    expect(facts.grants.get('partner:3228568050780001')).toEqual({ endsAt: '2027-01-31' });
    expect(facts.firstSeen.get('person:lisa@gmail.com')).toBe('2026-11-01T08:00:00.000Z');
    expect(await store.runs()).toEqual([legacyRun]);
    expect((await store.exportFile(new Date('2026-11-28T12:00:00Z'))).checklistRuns).toEqual([legacyRun]);
    // And it goes on: the next decision starts our chain.
    const d = await store.appendDecision({
      at: '2026-11-28T12:00:00.000Z',
      businessId: '1203456789012345',
      subject: 'partner:3228568050780001',
      action: 'keep',
      rationale: 'Still needed',
      decidedBy: 'anna@sjobod.se',
    });
    expect(d.prevHash).toBe('0'.repeat(64));
    store.close();
  });

  it('upgrades a version 1 store to version 2: the idempotency keys of commands, kept with their answers', async () => {
    const name = `ledger-v1-${Math.random()}`;
    const old = new Dexie(name);
    old.version(v1.version).stores(v1.stores);
    await old.open();
    await old.table('meta').bulkAdd(v1.rows.meta);
    await old.table('grants').bulkAdd(v1.rows.grants);
    old.close();

    const store = new LedgerStore(name);
    const commandKey = '0f8e2a4c-1b3d-4e5f-9a7b-8c6d5e4f3a2b';
    const first = await store.commit({
      decisions: [
        {
          at: '2026-11-28T12:00:00.000Z',
          businessId: '1203456789012345',
          subject: 'partner:3228568050780001',
          action: 'keep',
          rationale: 'Still needed',
          decidedBy: 'anna@sjobod.se',
        },
      ],
      command: { key: commandKey, name: 'ledgerCommand', at: '2026-11-28T12:00:00.000Z', result: (d) => d },
    });
    expect(first.replayed).toBe(false);
    store.close();
    // Opened again (a restarted worker): the key is still there, and its first answer with it.
    const again = new LedgerStore(name);
    expect(await again.commandResult(commandKey)).toEqual({
      name: 'ledgerCommand',
      result: [expect.objectContaining({ rationale: 'Still needed' })],
    });
    expect(await again.grant('g1')).toMatchObject({ case: 'Spring campaign' });
    const raw = new Dexie(name);
    await raw.open();
    // And on to today's version (6).
    expect(raw.verno).toBe(6);
    raw.close();
    again.close();
  });

  describe('version 3: a business’s latest decision from the [businessId+at] index (issue 12, item 5)', () => {
    const OURS = v1.rows.meta[0]!.value;
    const COLLEAGUE = '0b9d4e2a-1c3f-4a5b-8d7e-9f0a1b2c3d4e';
    const B = '1203456789012345';
    const decision = (ledgerId: string, seq: number, businessId: string, at: string) => ({
      id: `${ledgerId.slice(0, 4)}-${seq}`,
      ledgerId,
      seq,
      at,
      businessId,
      subject: 'partner:3228568050780001',
      action: 'keep',
      rationale: 'Still needed',
      decidedBy: 'anna@sjobod.se',
      prevHash: '0'.repeat(64),
      hash: String(seq).padStart(64, '0'),
    });
    // Ours, in two businesses and out of time order; a colleague's (not trusted) is the latest of all.
    const decisions = [
      decision(OURS, 0, B, '2026-11-03T09:00:00.000Z'),
      decision(OURS, 1, B, '2026-11-20T09:00:00.000Z'),
      decision(OURS, 2, B, '2026-11-10T09:00:00.000Z'),
      decision(OURS, 3, '1203456789012399', '2026-11-25T09:00:00.000Z'),
      decision(COLLEAGUE, 0, B, '2026-11-27T09:00:00.000Z'),
    ];
    const v2 = { version: 2, stores: { ...v1.stores, commands: 'key, at' } };

    for (const fixture of [v1, v2]) {
      it(`upgrades a version ${fixture.version} store, keeping every decision and finding the latest by index`, async () => {
        const name = `ledger-v${fixture.version}-${Math.random()}`;
        const old = new Dexie(name);
        old.version(fixture.version).stores(fixture.stores);
        await old.open();
        await old.table('meta').bulkAdd(v1.rows.meta);
        await old.table('decisions').bulkAdd(decisions);
        if (fixture === v2)
          await old
            .table('commands')
            .add({ key: 'k1', name: 'ledgerAdmin', at: '2026-11-27T09:00:00.000Z', result: 1 });
        old.close();

        const store = new LedgerStore(name);
        expect(await store.lastDecisionAt(B)).toBe('2026-11-20T09:00:00.000Z');
        expect(await store.lastDecisionAt('1203456789012399')).toBe('2026-11-25T09:00:00.000Z');
        expect(await store.lastDecisionAt('1203456789012300')).toBeUndefined();
        // Once the colleague is trusted, theirs counts.
        await store.setTrusted(COLLEAGUE, true, new Date('2026-11-28T12:00:00Z'));
        expect(await store.lastDecisionAt(B)).toBe('2026-11-27T09:00:00.000Z');
        expect((await store.chain(OURS)).map((d) => d.id)).toEqual(decisions.slice(0, 4).map((d) => d.id));
        if (fixture === v2) expect(await store.commandResult('k1')).toMatchObject({ result: 1 });
        // A subject's history still comes from its index (ours and the colleague's, in business B).
        expect(await store.decisionsAbout(B, 'partner:3228568050780001')).toHaveLength(4);
        store.close();

        const raw = new Dexie(name);
        await raw.open();
        // And on to today's version: decisions in rows of a chain's run (version 5), one per ledger here.
        expect(raw.verno).toBe(6);
        expect(raw.tables.map((t) => t.name)).not.toContain('decisions');
        const rows = await raw.table('decisionChunks').toArray();
        expect(rows.map((r: { count: number }) => r.count)).toEqual([1, 4]);
        raw.close();
      });
    }
  });

  it('upgrades a version 3 store to version 4: a baseline and a change log per business, everything else kept', async () => {
    const v3 = {
      version: 3,
      stores: {
        ...v1.stores,
        commands: 'key, at',
        decisions:
          'id, [ledgerId+seq], ledgerId, at, [businessId+subject], [businessId+action], [businessId+at]',
      },
    };
    const name = `ledger-v3-${Math.random()}`;
    const old = new Dexie(name);
    old.version(v3.version).stores(v3.stores);
    await old.open();
    await old.table('meta').bulkAdd(v1.rows.meta);
    await old.table('grants').bulkAdd(v1.rows.grants);
    await old.table('seen').bulkAdd(v1.rows.seen);
    old.close();

    const store = new LedgerStore(name);
    expect(await store.getLedgerId()).toBe(v1.rows.meta[0]!.value);
    expect((await store.ledgerFacts('1203456789012345')).grants.get('partner:3228568050780001')).toEqual({
      endsAt: '2027-01-31',
    });
    expect(await store.baseline('1203456789012345')).toBeUndefined();
    expect(await store.changesOf('1203456789012345')).toEqual([]);
    const read = {
      kind: 'people' as const,
      businessId: '1203456789012345',
      url: 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345',
      locale: 'en' as const,
      readStatus: 'ok' as const,
      readProblems: [],
      principals: [],
    };
    await store.observeBaseline(read, new Date('2026-11-28T12:00:00Z'), []);
    expect((await store.baseline('1203456789012345'))?.lists).toEqual({ people: '2026-11-28T12:00:00.000Z' });
    store.close();
  });
  it('upgrades a version 4 store to rows of a chain’s run (version 5): every decision kept, in order, and found as before', async () => {
    const v4 = {
      version: 4,
      stores: {
        ...v1.stores,
        commands: 'key, at',
        decisions:
          'id, [ledgerId+seq], ledgerId, at, [businessId+subject], [businessId+action], [businessId+at]',
        baselines: 'businessId',
        changes: '++id, [businessId+at], at',
      },
    };
    const OURS = v1.rows.meta[0]!.value;
    const COLLEAGUE = '0b9d4e2a-1c3f-4a5b-8d7e-9f0a1b2c3d4e';
    const B = '1203456789012345';
    const OTHER = '1203456789012399';
    // Ours, in two businesses, three rows of a run after the upgrade; and 3 of a colleague's.
    const N = 2 * DECISION_CHUNK + 50;
    const chainOf = async (ledgerId: string, n: number, day: number): Promise<Decision[]> => {
      const chain: Decision[] = [];
      for (let i = 0; i < n; i++) {
        const action = (['note', 'revoke', 'accept-finding', 'keep'] as const)[i % 4]!;
        chain.push(
          await sealDecision(
            {
              id: `${ledgerId.slice(0, 4)}-${i}`,
              ledgerId,
              at: new Date(Date.UTC(2026, 10, day, 8) + (i % 7) * 3_600_000 + i * 1000).toISOString(),
              businessId: i % 5 === 0 ? OTHER : B,
              subject: `person:p${i % 9}@agency.example`,
              action,
              rationale: `Decision ${i}`,
              decidedBy: 'anna@sjobod.se',
              ...(action === 'revoke'
                ? { before: { endsAt: '2027-01-01' }, after: { endsAt: '2026-11-20' } }
                : {}),
              ...(action === 'accept-finding'
                ? {
                    after: {
                      ruleId: 'pending-invite',
                      reviewAt: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`,
                    },
                  }
                : {}),
            },
            chain.at(-1)?.hash,
          ),
        );
      }
      return chain;
    };
    const ours = await chainOf(OURS, N, 3);
    const theirs = await chainOf(COLLEAGUE, 3, 27);
    const name = `ledger-v4-${Math.random()}`;
    const old = new Dexie(name);
    old.version(v4.version).stores(v4.stores);
    await old.open();
    await old.table('meta').bulkAdd(v1.rows.meta);
    await old.table('grants').bulkAdd(v1.rows.grants);
    // Stored out of order: the upgrade reads each chain by its position.
    await old
      .table('decisions')
      .bulkAdd(
        [...ours.map((d, seq) => ({ ...d, seq })), ...theirs.map((d, seq) => ({ ...d, seq }))].reverse(),
      );
    await old.table('changes').add({ businessId: B, at: '2026-11-20T09:00:00.000Z', change: { kind: 'x' } });
    old.close();

    const store = new LedgerStore(name);
    expect(await store.chain(OURS)).toEqual(ours);
    expect(await store.chain(COLLEAGUE)).toEqual(theirs);
    expect(await verifyChain(await store.chain(OURS))).toMatchObject({ ok: true, length: N });
    expect((await store.verify()).map((v) => [v.ledgerId, v.check])).toEqual([
      [COLLEAGUE, { ok: true, head: theirs.at(-1)!.hash, length: 3 }],
      [OURS, { ok: true, head: ours.at(-1)!.hash, length: N }],
    ]);
    // The queries find what the indexes of version 4 found: a subject's history in chain order (ours, then
    // the colleague's, later), a business's revocations by time, its latest decision, the first of all.
    const about = (d: Decision) => d.businessId === B && d.subject === 'person:p3@agency.example';
    expect(await store.decisionsAbout(B, 'person:p3@agency.example')).toEqual([
      ...ours.filter(about),
      ...theirs.filter(about),
    ]);
    const byTime = (a: Decision, b: Decision) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
    expect(await store.revocations(B)).toEqual(
      ours.filter((d) => d.businessId === B && d.action === 'revoke').sort(byTime),
    );
    const latest = (chain: Decision[], businessId: string) =>
      chain.filter((d) => d.businessId === businessId).reduce((m, d) => (d.at > m ? d.at : m), '');
    expect(await store.lastDecisionAt(B)).toBe(latest(ours, B));
    expect(await store.lastDecisionAt(OTHER)).toBe(latest(ours, OTHER));
    expect(await store.firstDecisionAt()).toBe(ours[0]!.at);
    const accepted = ours.filter((d) => d.businessId === B && d.action === 'accept-finding').sort(byTime);
    expect((await store.ledgerFacts(B)).accepted?.size).toBe(new Set(accepted.map((d) => d.subject)).size);
    expect((await store.colleagues()).map((c) => c.ledgerId)).toEqual([COLLEAGUE]);
    // Our chain goes on from where it was.
    const next = await store.appendDecision({
      at: '2026-11-29T12:00:00.000Z',
      businessId: B,
      subject: 'partner:3228568050780001',
      action: 'keep',
      rationale: 'Still needed',
      decidedBy: 'anna@sjobod.se',
    });
    expect(next.prevHash).toBe(ours.at(-1)!.hash);
    expect(await verifyChain(await store.chain(OURS))).toMatchObject({ ok: true, length: N + 1 });
    expect(await store.lastDecisionAt(B)).toBe('2026-11-29T12:00:00.000Z');
    expect(await store.grant('g1')).toMatchObject({ case: 'Spring campaign' });
    store.close();

    const raw = new Dexie(name);
    await raw.open();
    expect(raw.verno).toBe(6);
    expect(raw.tables.map((t) => t.name)).not.toContain('decisions');
    const rows = await raw.table('decisionChunks').toArray();
    expect(rows.map((r: { ledgerId: string; first: number }) => [r.ledgerId, r.first])).toEqual([
      [COLLEAGUE, 0],
      [OURS, 0],
      [OURS, DECISION_CHUNK],
      [OURS, 2 * DECISION_CHUNK],
      [OURS, N],
    ]);
    expect(await raw.table('changes').count()).toBe(1);
    raw.close();
  });
});
