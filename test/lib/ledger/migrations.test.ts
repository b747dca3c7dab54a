import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
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
    expect(raw.verno).toBe(2);
    raw.close();
    again.close();
  });
});
