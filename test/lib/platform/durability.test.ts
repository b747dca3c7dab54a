import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runChecklistCommand } from '@/lib/platform/checklists';
import { refillOpenTabs } from '@/lib/platform/handlers/tabs';
import { runLedgerCommand } from '@/lib/platform/ledger';
import { openLedgerDb } from '@/lib/ledger/db';
import { LedgerStore } from '@/lib/ledger/store';
import { partner, person } from '../domain/rules/helpers';
import { B, contextAt, listSnapshot as list, refusal, freshTestHub, type TestHub } from './test-hub';

/**
 * Issue 11, item 5: "Acknowledged means durable, once". A command is one transaction, a retry with the same
 * idempotency key never writes twice, a notification is recorded before it shows, "Delete all data" keeps
 * only the ledger's identity, and what is kept per business is bounded.
 */
const PIXEL = 'partner:3228568050780002';
const pixel = partner('Pixelverket SARL', '3228568050780002', [
  { type: 'instagram', name: '@sjobodcafe', access: 'partial', tasks: ['ads'] },
]);
const omar = person('Omar Haddad', 'omar@pixelverket.fr', { portfolioAccess: 'apps-integrations' });
const key = () => crypto.randomUUID();

describe('durable commands', () => {
  let t: TestHub;
  beforeEach(() => {
    t = freshTestHub('2026-11-28T10:00:00Z', 'en');
  });
  afterEach(() => t.close());

  const chain = async () => t.store.chain(await t.store.getLedgerId());
  const document = async (endsAt: string, subject = PIXEL) => {
    const reply = await t.ask('ledgerCommand', {
      type: 'document',
      businessId: B,
      subject,
      assets: [],
      case: `Campaign until ${endsAt}`,
      startsAt: '2026-11-28',
      endsAt,
    });
    if (!reply.ok) throw new Error(refusal(reply));
    return reply.value.decision.grantId!;
  };

  it('answers a retried command (same key) with its first answer and writes nothing again', async () => {
    const grantId = await document('2027-01-31');
    const extend = { type: 'extend', grantId, endsAt: '2027-02-15', rationale: 'Longer', commandKey: key() };
    const first = await t.ask('ledgerCommand', extend);
    const retry = await t.ask('ledgerCommand', extend);
    expect(first).toMatchObject({ ok: true });
    // Without keys the retry is refused as "not later than itself" (or, for an acceptance, appended twice).
    expect(retry).toEqual(first);
    expect((await chain()).map((d) => d.action)).toEqual(['grant', 'extend']);

    const accept = {
      type: 'accept-finding',
      businessId: B,
      subject: PIXEL,
      ruleId: 'third-party-full-control',
      rationale: 'Agency needs it',
      reviewAt: '2027-01-01',
      commandKey: key(),
    };
    const answers = await Promise.all([t.ask('ledgerCommand', accept), t.ask('ledgerCommand', accept)]);
    expect(answers[1]).toEqual(answers[0]);
    expect((await chain()).map((d) => d.action)).toEqual(['grant', 'extend', 'accept-finding']);
    // A new action (a new key) is a new decision.
    await t.ask('ledgerCommand', { ...accept, commandKey: key() });
    expect(await chain()).toHaveLength(4);
  });

  it('answers retried checklist commands, snoozes, imports and deletions once', async () => {
    await t.showPage(list('partners', [pixel]));
    const start = { type: 'start', businessId: B, templateId: 'periodic-review', commandKey: key() };
    const started = await t.ask('checklistCommand', start);
    if (!started.ok || !started.value.run) throw new Error('not started');
    expect(await t.ask('checklistCommand', start)).toEqual(started);
    expect(await t.store.runs()).toHaveLength(1);

    const run = started.value.run;
    for (const step of run.steps.filter((s) => !s.done)) {
      const tick = { type: 'tick', runId: run.id, stepId: step.id, done: true, commandKey: key() };
      expect(await t.ask('checklistCommand', tick)).toMatchObject({ ok: true });
    }
    const finish = { type: 'finish', runId: run.id, commandKey: key() };
    const finished = await t.ask('checklistCommand', finish);
    expect(finished).toMatchObject({ ok: true, value: { run: { status: 'finished' } } });
    // Without keys the retry is refused: "already finished".
    expect(await t.ask('checklistCommand', finish)).toEqual(finished);
    expect((await chain()).filter((d) => d.action === 'note')).toHaveLength(1);

    const snooze = { group: `review:${B}`, days: 1, commandKey: key() };
    expect(await t.ask('snooze', snooze)).toEqual({ ok: true, value: {} });
    const firstUntil = (await t.store.reminderState()).snoozes[`review:${B}`];
    t.hub.clock = () => new Date('2026-11-28T11:00:00Z');
    expect(await t.ask('snooze', snooze)).toEqual({ ok: true, value: {} });
    // The retry counts its day from the first snooze, not from when it came.
    expect((await t.store.reminderState()).snoozes[`review:${B}`]).toBe(firstUntil);

    const exported = await t.ask('ledgerAdmin', { type: 'export' });
    if (!exported.ok || exported.value.type !== 'export') throw new Error('no export');
    const apply = { type: 'apply-import', text: exported.value.json, commandKey: key() };
    await t.ask('ledgerAdmin', { type: 'delete-all', commandKey: key() });
    const applied = await t.ask('ledgerAdmin', apply);
    expect(applied).toMatchObject({ ok: true, value: { type: 'import', applied: true } });
    // A second apply without the key would say "nothing new" (0 added): the retry says what the first did.
    expect(await t.ask('ledgerAdmin', apply)).toEqual(applied);
  });

  it('revokes every grant of a subject in one transaction: a failure half-way writes nothing', async () => {
    await document('2027-01-31');
    await document('2027-02-20');
    const before = await chain();
    // Hashing the second revocation fails (as a worker stopped there would): the first is not kept.
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    let calls = 0;
    vi.spyOn(crypto.subtle, 'digest').mockImplementation((...args) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('worker stopped'));
      return digest(...args);
    });
    const failed = await runLedgerCommand(
      t.store,
      { type: 'revoke', businessId: B, subject: PIXEL, rationale: 'Contract ended' },
      contextAt('2026-11-28T10:00:00Z'),
    ).catch((e: Error) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await chain()).toEqual(before);
    expect((await t.store.grants({ subject: PIXEL })).map((g) => g.endsAt).sort()).toEqual([
      '2027-01-31',
      '2027-02-20',
    ]);
    vi.mocked(crypto.subtle.digest).mockRestore();
    const done = await runLedgerCommand(
      t.store,
      { type: 'revoke', businessId: B, subject: PIXEL, rationale: 'Contract ended' },
      contextAt('2026-11-28T10:00:00Z'),
    );
    expect(done.ok).toBe(true);
    expect((await chain()).map((d) => d.action)).toEqual(['grant', 'grant', 'revoke', 'revoke']);
  });

  it('finishes an offboarding in one transaction: revocations, note and run, or nothing', async () => {
    await t.showPage(list('partners', [pixel]));
    await t.showPage(list('people', [omar]));
    await document('2027-01-31');
    await document('2027-01-31', 'person:omar@pixelverket.fr');
    const started = await runChecklistCommand(
      t.hub,
      { type: 'start', businessId: B, templateId: 'offboard-partner', who: PIXEL },
      contextAt('2026-11-28T10:00:00Z'),
    );
    if (!started.ok || !started.run) throw new Error('not started');
    for (const step of started.run.steps)
      await runChecklistCommand(
        t.hub,
        { type: 'tick', runId: started.run.id, stepId: step.id, done: true },
        contextAt('2026-11-28T10:00:00Z'),
      );
    const before = await chain();
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    let calls = 0;
    // The note (third decision: after the partner's and Omar's revocations) cannot be sealed.
    vi.spyOn(crypto.subtle, 'digest').mockImplementation((...args) => {
      calls += 1;
      if (calls === 3) return Promise.reject(new Error('worker stopped'));
      return digest(...args);
    });
    const finish = { type: 'finish', runId: started.run.id } as const;
    await expect(runChecklistCommand(t.hub, finish, contextAt('2026-11-28T10:05:00Z'))).rejects.toThrow();
    expect(await chain()).toEqual(before);
    expect((await t.store.run(started.run.id))?.status).toBe('open');
    expect((await t.store.grants()).every((g) => g.endsAt === '2027-01-31')).toBe(true);
    vi.mocked(crypto.subtle.digest).mockRestore();
    expect(await runChecklistCommand(t.hub, finish, contextAt('2026-11-28T10:05:00Z'))).toMatchObject({
      ok: true,
    });
    expect((await chain()).slice(before.length).map((d) => `${d.action} ${d.subject}`)).toEqual([
      `revoke ${PIXEL}`,
      'revoke person:omar@pixelverket.fr',
      `note ${PIXEL}`,
    ]);
  });

  it('records a notification as sent before it shows: a worker stopped while showing never shows it twice', async () => {
    await t.hub.reminders.noteBusinessSeen(B, new Date('2026-10-01T09:00:00Z'));
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new Error('worker stopped'));
    await expect(t.hub.reminders.check(new Date('2026-11-28T10:00:00Z'))).rejects.toThrow('worker stopped');
    expect((await t.store.reminderState()).notified).toEqual([`review:${B}:2026-10-31`]);
    vi.mocked(fakeBrowser.notifications.create).mockRestore();
    expect((await t.hub.reminders.check(new Date('2026-11-28T10:00:00Z'))).notified).toEqual([]);
  });

  it('deletes everything, and gives the installation a new ledger id and signing key', async () => {
    const ledgerId = await t.store.getLedgerId();
    await document('2027-01-31');
    await t.store.recordSnapshot(list('partners', [pixel]), new Date('2026-11-28T10:00:00Z'));
    await t.hub.reminders.noteBusinessSeen(B, new Date('2026-11-28T10:00:00Z'));
    await t.ask('snooze', { group: `review:${B}`, days: 7, commandKey: key() });
    await t.store.setTime('lastExportAt', new Date('2026-11-28T10:00:00Z'));
    const raw = openLedgerDb(t.dbName);
    await raw.meta.put({ key: 'signingKey', value: { stand: 'in for the key pair' } });
    await raw.meta.put({ key: 'signingKey.public', value: 'jwk' });

    // The team ledger's runner holds replication back and drops its local copy around the deletion.
    const around: string[] = [];
    t.hub.eraseWith = async (work) => {
      around.push('replication stopped, mirror dropped');
      const done = await work();
      around.push('resumed');
      return done;
    };
    const commandKey = key();
    const deleted = await t.ask('ledgerAdmin', { type: 'delete-all', commandKey });
    expect(deleted).toEqual({ ok: true, value: { type: 'delete-all' } });
    expect(around).toEqual(['replication stopped, mirror dropped', 'resumed']);
    const newId = await t.store.getLedgerId();
    // A retry is answered as the first time: no third identity, nothing dropped again.
    expect(await t.ask('ledgerAdmin', { type: 'delete-all', commandKey })).toEqual(deleted);
    expect(around).toHaveLength(2);
    expect(await t.store.getLedgerId()).toBe(newId);
    expect((await raw.meta.toArray()).map((r) => r.key).sort()).toEqual(['ledgerId', 'signingKey']);
    expect((await raw.meta.get('signingKey'))?.value).not.toEqual({ stand: 'in for the key pair' });
    expect(await t.store.getLedgerId()).not.toBe(ledgerId);
    expect((await raw.meta.get('ledgerId'))?.value).toBe(await t.store.getLedgerId());
    expect(await raw.seen.count()).toBe(0);
    expect(await raw.snapshots.count()).toBe(0);
    expect(await raw.grants.count()).toBe(0);
    expect(await raw.decisionChunks.count()).toBe(0);
    // The deletion's own key only: the snooze's is gone with everything else.
    expect(await raw.commands.count()).toBe(1);
    expect(await t.store.reminderState()).toEqual({ notified: [], snoozes: {}, reviewSince: {} });
    expect(await t.store.getTime('lastExportAt')).toBeUndefined();
    expect(t.hub.cache.view(B)).toBeUndefined();
    raw.close();
  });

  it('forgets command keys after a week', async () => {
    const first = key();
    await t.ask('snooze', { group: `review:${B}`, days: 1, commandKey: first });
    expect(await t.store.commandResult(first)).toMatchObject({ result: {}, name: 'snooze' });
    t.hub.clock = () => new Date('2026-12-05T10:00:01Z');
    await t.ask('snooze', { group: `review:${B}`, days: 1, commandKey: key() });
    expect(await t.store.commandResult(first)).toBeUndefined();
  });

  it('asks every open Business Settings tab for its read again when the background starts', async () => {
    await fakeBrowser.tabs.create({
      url: `https://business.facebook.com/latest/settings/partners?business_id=${B}`,
    });
    await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    t.sent.length = 0;
    expect(await refillOpenTabs(t.hub)).toBe(1);
    expect(t.sent.map((s) => s.name)).toEqual(['sendSnapshotAgain']);
  });
});

describe('strict durability', () => {
  it('opens every ledger write transaction with the strict durability hint', async () => {
    const seen: (string | undefined)[] = [];
    const original = IDBDatabase.prototype.transaction;
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      names,
      mode,
      options,
    ) {
      if (mode === 'readwrite') seen.push(options?.durability);
      return original.call(this, names, mode, options);
    });
    const store = new LedgerStore(`strict-${Math.random()}`);
    await store.appendDecision({
      at: '2026-11-28T10:00:00.000Z',
      businessId: B,
      subject: PIXEL,
      action: 'keep',
      rationale: 'Still needed',
      decidedBy: 'anna@sjobod.se',
    });
    store.close();
    spy.mockRestore();
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['strict']));
  });
});

describe('bounded memory per business', () => {
  it('keeps at most the cap of first-seen rows, dropping subjects no longer on the page first', async () => {
    const store = new LedgerStore(`seen-${Math.random()}`, { seenPerBusiness: 3 });
    const people = (names: string[], pending = false) =>
      list(
        'people',
        names.map((n) => person(n, `${n.toLowerCase()}@x.example`, { pending })),
      );
    await store.recordSnapshot(people(['Ann'], true), new Date('2026-11-01T10:00:00Z'));
    await store.recordSnapshot(people(['Bo', 'Cy']), new Date('2026-11-02T10:00:00Z'));
    await store.recordSnapshot(people(['Di', 'Ed']), new Date('2026-11-03T10:00:00Z'));
    await store.recordSnapshot(people(['Fa']), new Date('2026-11-04T10:00:00Z'));
    const raw = openLedgerDb(store['db'].name);
    const kept = (await raw.seen.where('businessId').equals(B).toArray()).map((r) => r.subject).sort();
    // Fa is on the page; Ann is pending (kept longest); of the rest, the latest seen (Di or Ed) stays.
    expect(kept).toHaveLength(3);
    expect(kept).toContain('person:fa@x.example');
    expect(kept).toContain('person:ann@x.example');
    raw.close();
    store.close();
  });
});
