import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '@/lib/domain/settings';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { runChecklistCommand } from '@/lib/platform/checklists';
import { getFocus } from '@/lib/platform/focus';
import { ledgerStore, runLedgerCommand, type CommandContext } from '@/lib/platform/ledger-handlers';
import {
  currentDue,
  noteReviewDone,
  refreshReminders,
  setupReminders,
  snooze,
} from '@/lib/platform/reminders';

const B = '1203456789012345';
const at = (iso: string): CommandContext => ({
  now: new Date(iso),
  decidedBy: 'anna@sjobod.se',
  settings: defaultSettings,
  isThirdParty: () => true,
});
const people: PageSnapshot = {
  kind: 'people',
  businessId: B,
  url: `https://business.facebook.com/latest/settings/business_users?business_id=${B}`,
  locale: 'en',
  readStatus: 'ok',
  readProblems: [],
  principals: [
    {
      kind: 'person',
      name: 'Nils Holm',
      email: 'nils@byraab.se',
      portfolioAccess: 'full-control',
      pending: false,
      isCurrentUser: false,
      assets: [],
    },
  ],
};

async function documentNils(endsAt: string, now = '2026-11-01T10:00:00Z') {
  const result = await runLedgerCommand(
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
  if (!result.ok) throw new Error(result.error);
  return result.decision.grantId!;
}

const created = () =>
  fakeBrowser.notifications.getAllCreateOptions() as Record<
    string,
    { title: string; message: string; buttons?: { title: string }[] }
  >;

describe('reminders in the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'UTC',
    } as Intl.ResolvedDateTimeFormatOptions);
    const store = ledgerStore();
    await store.deleteAll();
    await store.db.meta.clear();
    await store.recordSnapshot(people, new Date('2026-11-01T09:00:00Z'));
  });

  it('notifies a grant ending tomorrow once, naming who, what, where and until when, and counts it on the badge', async () => {
    const grantId = await documentNils('2026-11-29');
    const first = await refreshReminders(new Date('2026-11-28T12:00:00Z'));
    expect(first.notified).toEqual([`grant:${grantId}:2026-11-29:lead-1`]);
    const shown = created()[`scopekeeper-reminder:grant:${grantId}`]!;
    expect(shown.title).toBe('Access ends tomorrow: Nils Holm (nils@byraab.se)');
    expect(shown.message).toBe(
      `Sjöbod Café · business ${B} · ends 2026-11-29. Extend it with a reason, or offboard.`,
    );
    expect(shown.buttons?.map((b) => b.title)).toEqual(['Extend…', 'Start offboarding']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(currentDue(B)).toEqual([
      expect.objectContaining({ kind: 'expiry', label: 'Nils Holm (nils@byraab.se)', endsAt: '2026-11-29' }),
    ]);
    // The next alarm is the day itself, 09:00 local.
    expect((await fakeBrowser.alarms.get('scopekeeper-reminders'))?.scheduledTime).toBe(
      Date.parse('2026-11-29T09:00:00Z'),
    );

    // Again, after a restart of the worker (state read back from the ledger): nothing new.
    await fakeBrowser.notifications.clear(`scopekeeper-reminder:grant:${grantId}`);
    expect((await refreshReminders(new Date('2026-11-28T18:00:00Z'))).notified).toEqual([]);
    expect(created()).toEqual({});
    // The day itself: the next step.
    expect((await refreshReminders(new Date('2026-11-29T09:00:00Z'))).notified).toEqual([
      `grant:${grantId}:2026-11-29:day-of`,
    ]);
  });

  it('speaks the browser’s language', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('sv-SE');
    const grantId = await documentNils('2026-12-05');
    await refreshReminders(new Date('2026-11-28T12:00:00Z'));
    const shown = created()[`scopekeeper-reminder:grant:${grantId}`]!;
    expect(shown.title).toBe('Åtkomsten upphör om 7 dagar: Nils Holm (nils@byraab.se)');
    expect(shown.buttons?.map((b) => b.title)).toEqual(['Förläng…', 'Avsluta åtkomst']);
  });

  it('after a long closed browser says once where things stand; a recorded revocation stops it', async () => {
    const grantId = await documentNils('2026-11-20');
    const report = await refreshReminders(new Date('2026-11-28T12:00:00Z'));
    expect(report.notified).toEqual([`grant:${grantId}:2026-11-20:overdue-2026-11-28`]);
    expect(created()[`scopekeeper-reminder:grant:${grantId}`]?.title).toBe(
      'Access ended 8 days ago: Nils Holm (nils@byraab.se)',
    );
    // The next day's step replaces it in what is remembered: the memory does not grow day by day.
    await refreshReminders(new Date('2026-11-29T12:00:00Z'));
    expect((await ledgerStore().reminderState()).notified).toEqual([
      `grant:${grantId}:2026-11-20:overdue-2026-11-29`,
    ]);
    const revoked = await runLedgerCommand(
      { type: 'revoke', businessId: B, subject: 'person:nils@byraab.se', rationale: 'Campaign over' },
      at('2026-11-28T13:00:00Z'),
    );
    expect(revoked.ok).toBe(true);
    const after = await refreshReminders(new Date('2026-11-30T12:00:00Z'));
    expect(after).toMatchObject({ notified: [], badge: 0 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('a snooze quiets the item and the badge, then reminds when it ends', async () => {
    const grantId = await documentNils('2026-11-29');
    await refreshReminders(new Date('2026-11-28T12:00:00Z'));
    await snooze(`grant:${grantId}`, 1, new Date('2026-11-28T12:30:00Z'));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(created()).toEqual({});
    // The day-of step (09:00 on the 29th) falls inside the snooze.
    expect((await refreshReminders(new Date('2026-11-29T09:00:00Z'))).notified).toEqual([]);
    expect((await refreshReminders(new Date('2026-11-29T12:30:01Z'))).notified).toEqual([
      `grant:${grantId}:snoozed-2026-11-29T12:30:00.000Z`,
    ]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('reminds to review each business 30 days after it was first seen, until a review is finished', async () => {
    const store = ledgerStore();
    await store.saveReminderState({
      notified: [],
      snoozes: {},
      reviewSince: { [B]: '2026-10-01T10:00:00.000Z' },
    });
    const report = await refreshReminders(new Date('2026-11-28T12:00:00Z'));
    expect(report.notified).toEqual([`review:${B}:2026-10-31`]);
    expect(created()[`scopekeeper-reminder:review:${B}`]?.title).toBe(`Time to review access: business ${B}`);
    const started = await runChecklistCommand(
      { type: 'start', businessId: B, templateId: 'periodic-review' },
      { ...at('2026-11-28T12:05:00Z'), view: () => undefined },
    );
    if (!started.ok || !started.run) throw new Error('not started');
    for (const step of started.run.steps)
      await runChecklistCommand(
        { type: 'tick', runId: started.run.id, stepId: step.id, done: true },
        { ...at('2026-11-28T12:06:00Z'), view: () => undefined },
      );
    const finished = await runChecklistCommand(
      { type: 'finish', runId: started.run.id },
      { ...at('2026-11-28T12:10:00Z'), view: () => undefined },
    );
    expect(finished).toMatchObject({ ok: true, run: { status: 'finished' } });
    expect((await refreshReminders(new Date('2026-11-28T13:00:00Z'))).badge).toBe(0);
    expect((await store.reminderState()).reviewSince[B]).toBe('2026-11-28T12:10:00.000Z');
    // The finish is recorded in the ledger's chain.
    const notes = await store.decisionsAbout(B, `business:${B}`);
    expect(notes.at(-1)).toMatchObject({ action: 'note', after: { checklist: 'periodic-review' } });
  });

  it('a click opens the subject’s Business Settings page; a button opens it on the extend form', async () => {
    const grantId = await documentNils('2026-11-29');
    setupReminders();
    await fakeBrowser.notifications.onClicked.trigger(`scopekeeper-reminder:grant:${grantId}`);
    await vi.waitFor(async () => {
      const tabs = await fakeBrowser.tabs.query({});
      expect(tabs.map((t) => t.url)).toContain(
        `https://business.facebook.com/latest/settings/business_users?business_id=${B}`,
      );
    });
    const [tab] = (await fakeBrowser.tabs.query({})).filter((t) => t.url?.includes('business_users'));
    expect(getFocus(tab!.id!)).toMatchObject({ subject: 'person:nils@byraab.se' });

    await fakeBrowser.notifications.onButtonClicked.trigger(`scopekeeper-reminder:grant:${grantId}`, 0);
    await vi.waitFor(() => expect(getFocus(tab!.id!)).toMatchObject({ action: 'extend' }));
    // The tab already on that page was reused, not a second one opened.
    expect((await fakeBrowser.tabs.query({})).filter((t) => t.url?.includes('business_users'))).toHaveLength(
      1,
    );
  });

  it('a review finished or a snooze made while a check runs is not written over by that check', async () => {
    const store = ledgerStore();
    await store.saveReminderState({
      notified: [],
      snoozes: {},
      reviewSince: { [B]: '2026-10-01T10:00:00.000Z' },
    });
    await documentNils('2026-11-20');
    const now = new Date('2026-11-28T12:00:00Z');
    const checks = [refreshReminders(now), refreshReminders(now)];
    await Promise.all([noteReviewDone(B, now), snooze('grant:other', 1, now), ...checks]);
    const state = await store.reminderState();
    expect(state.reviewSince[B]).toBe(now.toISOString());
    expect(state.snoozes['grant:other']).toBe('2026-11-29T12:00:00.000Z');
  });
});
