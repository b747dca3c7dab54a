import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerStore } from '@/lib/ledger/store';
import { me, person, snapshot } from '../domain/rules/helpers';

const B = '1203456789012345';
const OWN = ['sjobod.se'];
const lisa = person('Lisa Kant', 'lisa@sjobod.se');
const nils = person('Nils Holm', 'nils@byraab.se');

describe('the baseline in the ledger store (issue 13)', () => {
  const opened: LedgerStore[] = [];
  const open = (name = `ledger-${Math.random()}`) => {
    const store = new LedgerStore(name);
    opened.push(store);
    return { store, name };
  };
  afterEach(() => opened.splice(0).forEach((s) => s.close()));

  it('keeps the baseline between reads and the changes each read showed, and survives a reopening', async () => {
    const { store, name } = open();
    expect(await store.observeBaseline(snapshot([me, lisa]), new Date('2026-11-01T10:00:00Z'), OWN)).toEqual(
      [],
    );
    const changes = await store.observeBaseline(
      snapshot([me, lisa, nils]),
      new Date('2026-11-20T10:00:00Z'),
      OWN,
    );
    expect(changes.map((c) => `${c.kind} ${c.subject}`)).toEqual(['principal-added person:nils@byraab.se']);
    store.close();
    const again = open(name).store;
    expect(Object.keys((await again.baseline(B))!.principals).sort()).toEqual([
      'person:anna@sjobod.se',
      'person:lisa@sjobod.se',
      'person:nils@byraab.se',
    ]);
    expect((await again.changesOf(B)).map((c) => c.subject)).toEqual(['person:nils@byraab.se']);
    // The same page read again shows nothing new.
    expect(
      await again.observeBaseline(snapshot([me, lisa, nils]), new Date('2026-11-21T10:00:00Z'), OWN),
    ).toEqual([]);
  });

  it('sets a damaged baseline aside, starts a new one, and loses nothing', async () => {
    const { store, name } = open();
    await store.observeBaseline(snapshot([me]), new Date('2026-11-01T10:00:00Z'), OWN);
    store.close();
    const raw = new Dexie(name);
    await raw.open();
    await raw
      .table('baselines')
      .put({ businessId: B, baseline: { businessId: B, principals: 'broken' }, updatedAt: 'x' });
    raw.close();
    const again = open(name).store;
    expect(await again.baseline(B)).toBeUndefined();
    // A first look again: no changes, and the damaged row is kept aside.
    expect(await again.observeBaseline(snapshot([me, nils]), new Date('2026-11-20T10:00:00Z'), OWN)).toEqual(
      [],
    );
    expect(Object.keys((await again.baseline(B))!.principals)).toHaveLength(2);
    again.close();
    const check = new Dexie(name);
    await check.open();
    const aside = await check.table('meta').where('key').startsWith('baseline-unreadable:').toArray();
    check.close();
    expect(aside).toHaveLength(1);
    expect(aside[0].value.baseline).toEqual({ businessId: B, principals: 'broken' });
  });

  it('forgets changes and facts past the retention, and everything on "Delete all data"', async () => {
    const { store } = open();
    await store.observeBaseline(snapshot([me]), new Date('2025-01-01T10:00:00Z'), OWN);
    await store.observeBaseline(snapshot([me, lisa]), new Date('2025-01-02T10:00:00Z'), OWN);
    expect(await store.changesOf(B)).toHaveLength(1);
    await store.observeBaseline(snapshot([me, lisa]), new Date('2026-11-20T10:00:00Z'), OWN, {
      retentionDays: 400,
    });
    expect(await store.changesOf(B)).toEqual([]);
    await store.deleteAll();
    expect(await store.baseline(B)).toBeUndefined();
  });

  it('writes nothing of a read taken in before "Delete all data"', async () => {
    const { store } = open();
    const before = store.erasure;
    await store.deleteAll();
    await store.recordSnapshot(snapshot([me, nils]), new Date('2026-11-01T10:00:00Z'), before);
    await store.observeBaseline(snapshot([me, nils]), new Date('2026-11-01T10:00:00Z'), OWN, {
      retentionDays: 400,
      erasure: before,
    });
    expect(await store.latestSnapshots(B)).toEqual([]);
    expect(await store.baseline(B)).toBeUndefined();
    // A read taken in after it is written.
    await store.recordSnapshot(snapshot([me]), new Date('2026-11-02T10:00:00Z'), store.erasure);
    expect(await store.latestSnapshots(B)).toHaveLength(1);
  });

  it('learns nothing from a dialog or an unreadable page', async () => {
    const { store } = open();
    expect(
      await store.observeBaseline(
        { ...snapshot([me, nils]), kind: 'invite-dialog' },
        new Date('2026-11-01T10:00:00Z'),
        OWN,
      ),
    ).toEqual([]);
    expect(
      await store.observeBaseline(
        { ...snapshot([me]), readStatus: 'unreadable' },
        new Date('2026-11-01T10:00:00Z'),
        OWN,
      ),
    ).toEqual([]);
    expect(await store.baseline(B)).toBeUndefined();
  });
  it('gives the timeline judged by the ledger, and when the current visit began (an hour apart is a new one)', async () => {
    const { store } = open();
    await store.observeBaseline(snapshot([me, lisa]), new Date('2026-11-01T10:00:00Z'), OWN);
    await store.observeBaseline(snapshot([me, lisa]), new Date('2026-11-01T10:40:00Z'), OWN);
    expect((await store.changeTimeline(B)).visitStart).toBe('2026-11-01T10:00:00.000Z');
    await store.observeBaseline(snapshot([me, lisa, nils]), new Date('2026-11-20T10:00:00Z'), OWN);
    await store.observeBaseline(snapshot([me, lisa, nils]), new Date('2026-11-20T10:30:00Z'), OWN);
    const { entries, visitStart } = await store.changeTimeline(B);
    expect(visitStart).toBe('2026-11-20T10:00:00.000Z');
    expect(entries.map((e) => [e.change.subject, e.verdict.status, e.open])).toEqual([
      ['person:nils@byraab.se', 'unrecorded', true],
    ]);
    expect(await store.watchedBusinesses()).toEqual([
      { businessId: B, updatedAt: '2026-11-20T10:30:00.000Z' },
    ]);
  });
});
