import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runChecklistCommand } from '@/lib/platform/checklists';
import { runLedgerCommand } from '@/lib/platform/ledger';
import { setupReminders } from '@/lib/platform/reminders';
import { person } from '../domain/rules/helpers';
import { B, contextAt as at, listSnapshot, refusal, freshTestHub, type TestHub } from './test-hub';

const people = listSnapshot('people', [
  person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control' }),
]);

const created = () =>
  fakeBrowser.notifications.getAllCreateOptions() as Record<
    string,
    { title: string; message: string; buttons?: { title: string }[] }
  >;

describe('reminders in the background', () => {
  let t: TestHub;

  async function documentNils(endsAt: string, now = '2026-11-01T10:00:00Z') {
    const result = await runLedgerCommand(
      t.store,
      {
        type: 'document',
        businessId: B,
        subject: 'person:nils@byraab.se',
        assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content'] }],
        case: 'Spring campaign',
        startsAt: now.slice(0, 10),
        endsAt,
      },
      at(now),
    );
    if (!result.ok) throw new Error(refusal(result));
    return result.decision.grantId!;
  }

  beforeEach(async () => {
    t = freshTestHub('2026-11-28T12:00:00Z', 'en-GB');
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'UTC',
    } as Intl.ResolvedDateTimeFormatOptions);
    await t.store.recordSnapshot(people, new Date('2026-11-01T09:00:00Z'));
  });
  afterEach(() => t.close());

  it('names a subject the open page shows before the ledger has recorded that page', async () => {
    const newcomer = person('Ada Lind', 'ada@gmail.com');
    // The page is read and taken in; its recording waits for the page to be quiet.
    await t.ask('reportSnapshot', { snapshot: listSnapshot('people', [newcomer]) });
    expect((await t.store.latestSnapshots(B))[0]!.snapshot.principals.map((p) => p.name)).toEqual([
      'Nils Holm',
    ]);
    const result = await runLedgerCommand(
      t.store,
      {
        type: 'document',
        businessId: B,
        subject: 'person:ada@gmail.com',
        assets: [],
        case: 'Autumn campaign',
        startsAt: '2026-11-01',
        endsAt: '2026-11-29',
      },
      at('2026-11-01T10:00:00Z'),
    );
    if (!result.ok) throw new Error(refusal(result));
    await t.hub.reminders.check(new Date('2026-11-28T12:00:00Z'));
    expect(t.hub.reminders.currentDue(B)).toEqual([
      expect.objectContaining({ kind: 'expiry', label: 'Ada Lind (ada@gmail.com)' }),
    ]);
  });

  it('notifies a grant ending tomorrow once, naming who, what, where and until when, and counts it on the badge', async () => {
    const { reminders } = t.hub;
    const grantId = await documentNils('2026-11-29');
    const first = await reminders.check(new Date('2026-11-28T12:00:00Z'));
    expect(first.notified).toEqual([`grant:${grantId}:2026-11-29:lead-1`]);
    const shown = created()[`scopekeeper-reminder:grant:${grantId}`]!;
    expect(shown.title).toBe('Access ends tomorrow: Nils Holm (nils@byraab.se)');
    expect(shown.message).toBe(
      `Sjöbod Café · business ${B} · ends 2026-11-29. Extend it with a reason, or offboard.`,
    );
    expect(shown.buttons?.map((b) => b.title)).toEqual(['Extend…', 'Start offboarding']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(reminders.currentDue(B)).toEqual([
      expect.objectContaining({ kind: 'expiry', label: 'Nils Holm (nils@byraab.se)', endsAt: '2026-11-29' }),
    ]);
    // The next alarm is the day itself, 09:00 local.
    expect((await fakeBrowser.alarms.get('scopekeeper-reminders'))?.scheduledTime).toBe(
      Date.parse('2026-11-29T09:00:00Z'),
    );

    // Again, after a restart of the worker (state read back from the ledger): nothing new.
    await fakeBrowser.notifications.clear(`scopekeeper-reminder:grant:${grantId}`);
    expect((await reminders.check(new Date('2026-11-28T18:00:00Z'))).notified).toEqual([]);
    expect(created()).toEqual({});
    // The day itself: the next step.
    expect((await reminders.check(new Date('2026-11-29T09:00:00Z'))).notified).toEqual([
      `grant:${grantId}:2026-11-29:day-of`,
    ]);
  });

  it('speaks the browser’s language', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('sv-SE');
    const grantId = await documentNils('2026-12-05');
    await t.hub.reminders.check(new Date('2026-11-28T12:00:00Z'));
    const shown = created()[`scopekeeper-reminder:grant:${grantId}`]!;
    expect(shown.title).toBe('Åtkomsten upphör om 7 dagar: Nils Holm (nils@byraab.se)');
    expect(shown.buttons?.map((b) => b.title)).toEqual(['Förläng…', 'Avsluta åtkomst']);
  });

  it('after a long closed browser says once where things stand; a recorded revocation stops it', async () => {
    const { reminders } = t.hub;
    const grantId = await documentNils('2026-11-20');
    const report = await reminders.check(new Date('2026-11-28T12:00:00Z'));
    expect(report.notified).toEqual([`grant:${grantId}:2026-11-20:overdue-2026-11-28`]);
    expect(created()[`scopekeeper-reminder:grant:${grantId}`]?.title).toBe(
      'Access ended 8 days ago: Nils Holm (nils@byraab.se)',
    );
    // The next day's step replaces it in what is remembered: the memory does not grow day by day.
    await reminders.check(new Date('2026-11-29T12:00:00Z'));
    expect((await t.store.reminderState()).notified).toEqual([
      `grant:${grantId}:2026-11-20:overdue-2026-11-29`,
    ]);
    const revoked = await runLedgerCommand(
      t.store,
      { type: 'revoke', businessId: B, subject: 'person:nils@byraab.se', rationale: 'Campaign over' },
      at('2026-11-28T13:00:00Z'),
    );
    expect(revoked.ok).toBe(true);
    const after = await reminders.check(new Date('2026-11-30T12:00:00Z'));
    expect(after).toMatchObject({ notified: [], badge: 0 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('a snooze quiets the item and the badge, then reminds when it ends', async () => {
    const { reminders } = t.hub;
    const grantId = await documentNils('2026-11-29');
    await reminders.check(new Date('2026-11-28T12:00:00Z'));
    await reminders.snooze(`grant:${grantId}`, 1, new Date('2026-11-28T12:30:00Z'));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(created()).toEqual({});
    // The day-of step (09:00 on the 29th) falls inside the snooze.
    expect((await reminders.check(new Date('2026-11-29T09:00:00Z'))).notified).toEqual([]);
    expect((await reminders.check(new Date('2026-11-29T12:30:01Z'))).notified).toEqual([
      `grant:${grantId}:snoozed-2026-11-29T12:30:00.000Z`,
    ]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('reminds to review each business 30 days after it was first seen, until a review is finished', async () => {
    const { hub, store } = t;
    await store.saveReminderState({
      notified: [],
      snoozes: {},
      reviewSince: { [B]: '2026-10-01T10:00:00.000Z' },
    });
    const report = await hub.reminders.check(new Date('2026-11-28T12:00:00Z'));
    expect(report.notified).toEqual([`review:${B}:2026-10-31`]);
    expect(created()[`scopekeeper-reminder:review:${B}`]?.title).toBe(`Time to review access: business ${B}`);
    const started = await runChecklistCommand(
      hub,
      { type: 'start', businessId: B, templateId: 'periodic-review' },
      at('2026-11-28T12:05:00Z'),
    );
    if (!started.ok || !started.run) throw new Error('not started');
    for (const step of started.run.steps)
      await runChecklistCommand(
        hub,
        { type: 'tick', runId: started.run.id, stepId: step.id, done: true },
        at('2026-11-28T12:06:00Z'),
      );
    const finished = await runChecklistCommand(
      hub,
      { type: 'finish', runId: started.run.id },
      at('2026-11-28T12:10:00Z'),
    );
    expect(finished).toMatchObject({ ok: true, run: { status: 'finished' } });
    expect((await hub.reminders.check(new Date('2026-11-28T13:00:00Z'))).badge).toBe(0);
    expect((await store.reminderState()).reviewSince[B]).toBe('2026-11-28T12:10:00.000Z');
    // The finish is recorded in the ledger's chain.
    const notes = await store.decisionsAbout(B, `business:${B}`);
    expect(notes.at(-1)).toMatchObject({ action: 'note', after: { checklist: 'periodic-review' } });
  });

  it('a click opens the subject’s Business Settings page; a button opens it on the extend form', async () => {
    const { hub } = t;
    const grantId = await documentNils('2026-11-29');
    setupReminders(hub);
    await fakeBrowser.notifications.onClicked.trigger(`scopekeeper-reminder:grant:${grantId}`);
    await vi.waitFor(async () => {
      const tabs = await fakeBrowser.tabs.query({});
      expect(tabs.map((tab) => tab.url)).toContain(
        `https://business.facebook.com/latest/settings/business_users?business_id=${B}`,
      );
    });
    const [tab] = (await fakeBrowser.tabs.query({})).filter((tab) => tab.url?.includes('business_users'));
    expect(hub.focus.get(tab!.id!)).toMatchObject({ subject: 'person:nils@byraab.se' });

    await fakeBrowser.notifications.onButtonClicked.trigger(`scopekeeper-reminder:grant:${grantId}`, 0);
    await vi.waitFor(() => expect(hub.focus.get(tab!.id!)).toMatchObject({ action: 'extend' }));
    // The tab already on that page was reused, not a second one opened.
    expect(
      (await fakeBrowser.tabs.query({})).filter((tab) => tab.url?.includes('business_users')),
    ).toHaveLength(1);
  });

  it('a review finished or a snooze made while a check runs is not written over by that check', async () => {
    const { reminders } = t.hub;
    await t.store.saveReminderState({
      notified: [],
      snoozes: {},
      reviewSince: { [B]: '2026-10-01T10:00:00.000Z' },
    });
    await documentNils('2026-11-20');
    const now = new Date('2026-11-28T12:00:00Z');
    const checks = [reminders.check(now), reminders.check(now)];
    await Promise.all([reminders.noteReviewDone(B, now), reminders.snooze('grant:other', 1, now), ...checks]);
    const state = await t.store.reminderState();
    expect(state.reviewSince[B]).toBe(now.toISOString());
    expect(state.snoozes['grant:other']).toBe('2026-11-29T12:00:00.000Z');
  });
});
