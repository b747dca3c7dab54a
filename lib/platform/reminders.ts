import { browser } from 'wxt/browser';
import type { ChecklistRun } from '../domain/checklists/runs';
import { addDays } from '../domain/ledger/commands';
import type { DueItemView } from '../domain/ui-state';
import { backupText, businessLabel, describeSubject, reminderText } from '../domain/reminder-text';
import {
  dueItems,
  dueReminders,
  liveKeys,
  localDate,
  nextReminderAt,
  type Reminder,
  type ReminderInput,
  type ReminderSettings,
} from '../domain/reminders';
import { pickUiLocale } from '../domain/rules';
import { getSubjectKey, type Principal } from '../domain/snapshot';
import type { ReminderState } from '../ledger/store';
import { backupDueSince } from './backup-reminder';
import { openBusinessSettings, type FocusAction } from './focus';
import { ledgerStore } from './ledger-handlers';
import { loadSettings } from './settings';

/**
 * Schedules and shows the reminders (DESIGN.md "Reminders"): one alarm at the next step that falls due,
 * re-created at every start of the background and after every ledger change, plus an hourly check in
 * case the clock jumped (sleep, time zone). What was notified is kept in the ledger, so no step notifies
 * twice, even across restarts; a step that fell due while the browser was closed notifies at the next start.
 */
const ALARM = 'scopekeeper-reminders';
const HOURLY = 'scopekeeper-reminders-hourly';
export const REMINDER_PREFIX = 'scopekeeper-reminder:';
/** At most this many notifications at once; the rest are summed up in one. */
const MAX_AT_ONCE = 3;

let queue: Promise<unknown> = Promise.resolve();
let lastDue: DueItemView[] = [];
/** The due item of the monthly ledger export (not a reminder group of any business). */
const BACKUP_GROUP = 'backup';
const dueListeners = new Set<() => void>();

/** What is due now, as computed by the last refresh (the panel and the popup read it). */
export function currentDue(businessId?: string): DueItemView[] {
  return businessId ? lastDue.filter((d) => d.businessId === businessId) : lastDue;
}

export function onDueChange(listener: () => void): void {
  dueListeners.add(listener);
}

function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

async function reminderSettings(): Promise<ReminderSettings> {
  const { settings } = await loadSettings();
  return {
    leadDays: settings.reminderLeadDays,
    reviewEveryDays: settings.reviewEveryDays,
    hour: settings.reminderHour,
    timeZone: timeZone(),
  };
}

/** Everything the reminders are computed from, read from the ledger. */
async function reminderInput(state: ReminderState): Promise<{ input: ReminderInput; runs: ChecklistRun[] }> {
  const store = ledgerStore();
  const grants = await store.grants();
  // A grant is revoked when a revocation of its subject was recorded at or after its last change.
  const revokedAt = new Map<string, string>();
  for (const businessId of new Set(grants.map((g) => g.businessId))) {
    const revocations = await store.db.decisions
      .where('[businessId+action]')
      .equals([businessId, 'revoke'])
      .toArray();
    for (const d of revocations) {
      const key = `${d.businessId} ${d.subject}`;
      if ((revokedAt.get(key) ?? '') < d.at) revokedAt.set(key, d.at);
    }
  }
  const runs = await store.runs();
  const zone = timeZone();
  return {
    runs,
    input: {
      grants: grants.map((g) => ({
        id: g.id,
        businessId: g.businessId,
        subject: g.subject,
        ...(g.endsAt ? { endsAt: g.endsAt } : {}),
        revoked: (revokedAt.get(`${g.businessId} ${g.subject}`) ?? '') >= g.updatedAt,
      })),
      reviews: Object.entries(state.reviewSince).map(([businessId, since]) => ({ businessId, since })),
      rechecks: runs.flatMap((run) => {
        const verified = run.steps.find((s) => s.id === 'verify-removal' && s.done)?.at;
        const recheck = run.steps.find((s) => s.id === 'recheck-in-a-week');
        if (run.status !== 'open' || !verified || !recheck || recheck.done) return [];
        return [
          {
            runId: run.id,
            businessId: run.businessId,
            subject: run.subject,
            dueDate: addDays(localDate(Date.parse(verified), zone), 7),
          },
        ];
      }),
      snoozes: new Map(Object.entries(state.snoozes)),
    },
  };
}

/** Names for subjects, from what was last read of each business (the ledger's stored snapshots). */
async function namesOf(businessIds: Iterable<string>): Promise<Map<string, Principal>> {
  const out = new Map<string, Principal>();
  for (const businessId of new Set(businessIds)) {
    const rows = await ledgerStore().db.snapshots.where('businessId').equals(businessId).toArray();
    for (const row of rows)
      for (const p of row.snapshot.principals) out.set(`${businessId} ${getSubjectKey(p)}`, p);
  }
  return out;
}

async function notify(
  reminder: Reminder,
  names: Map<string, Principal>,
  runs: ChecklistRun[],
  now: Date,
): Promise<void> {
  const locale = pickUiLocale(browser.i18n?.getUILanguage?.());
  const store = ledgerStore();
  const grant = reminder.grantId ? await store.grant(reminder.grantId) : undefined;
  const run = reminder.runId ? runs.find((r) => r.id === reminder.runId) : undefined;
  const subject = reminder.subject ?? run?.subject;
  const text = reminderText(locale, {
    kind: reminder.kind,
    today: localDate(now.getTime(), timeZone()),
    ...(reminder.endsAt ? { endsAt: reminder.endsAt } : {}),
    ...(subject
      ? {
          who: describeSubject(subject, names.get(`${reminder.businessId} ${subject}`), run?.subjectName),
        }
      : {}),
    assets: grant?.assets.map((a) => a.name) ?? [],
    business: businessLabel(locale, reminder.businessId),
  });
  const group = reminder.grantId
    ? `grant:${reminder.grantId}`
    : reminder.runId
      ? `recheck:${reminder.runId}`
      : `review:${reminder.businessId}`;
  const withButtons = !import.meta.env.FIREFOX && (reminder.kind === 'expiry' || reminder.kind === 'overdue');
  await browser.notifications.create(`${REMINDER_PREFIX}${group}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: text.title,
    message: text.message,
    priority: reminder.kind === 'overdue' ? 2 : 1,
    ...(withButtons ? { buttons: [{ title: text.buttons.extend }, { title: text.buttons.offboard }] } : {}),
  });
}

export interface RefreshReport {
  notified: string[];
  badge: number;
  next?: string;
}

async function refresh(now: Date): Promise<RefreshReport> {
  const store = ledgerStore();
  const settings = await reminderSettings();
  const state = await store.reminderState();
  const { input, runs } = await reminderInput(state);
  const notified = new Set(state.notified);
  const due = dueReminders(input, settings, now, notified);
  const items = dueItems(input, settings, now);
  const names = await namesOf([...due, ...items].map((d) => d.businessId));

  // The badge, the panel and the popup first: they say what is due, the notifications follow.
  const views: DueItemView[] = items.map((item) => {
    const run = item.runId ? runs.find((r) => r.id === item.runId) : undefined;
    const subject = item.subject ?? run?.subject;
    return {
      ...item,
      ...(subject
        ? { label: describeSubject(subject, names.get(`${item.businessId} ${subject}`), run?.subjectName) }
        : {}),
    };
  });
  // The monthly export of the ledger is due too (its notification comes from backup-reminder.ts).
  const backupSince = await backupDueSince(now);
  if (backupSince) {
    views.push({
      group: BACKUP_GROUP,
      kind: 'backup',
      businessId: '',
      dueAt: backupSince,
      label: backupText(pickUiLocale(browser.i18n?.getUILanguage?.())).title,
    });
  }
  lastDue = views;
  for (const listener of dueListeners) listener();
  const action = browser.action ?? browser.browserAction;
  await action?.setBadgeText({ text: views.length > 0 ? String(views.length) : '' });
  await action?.setBadgeBackgroundColor?.({
    color: items.some((i) => i.kind === 'overdue') ? '#c62828' : '#8a5a00',
  });

  for (const reminder of due.slice(0, MAX_AT_ONCE)) await notify(reminder, names, runs, now);
  if (due.length > MAX_AT_ONCE) {
    const locale = pickUiLocale(browser.i18n?.getUILanguage?.());
    const more = due.length - MAX_AT_ONCE;
    await browser.notifications.create(`${REMINDER_PREFIX}summary`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: { en: `${more} more reminders`, sv: `${more} påminnelser till`, fr: `${more} autres rappels` }[
        locale
      ],
      message: {
        en: 'Open Scopekeeper from the toolbar to see everything that is due.',
        sv: 'Öppna Scopekeeper i verktygsfältet för att se allt som förfaller.',
        fr: 'Ouvrez Scopekeeper depuis la barre d’outils pour voir tout ce qui arrive à échéance.',
      }[locale],
    });
  }
  for (const reminder of due) {
    notified.add(reminder.key);
    for (const key of reminder.supersedes) notified.add(key);
  }
  // Only the latest step of each grant, business and recheck can matter again: forget the rest.
  // Snoozes that ended and were notified are done with.
  const live = liveKeys(input, settings, now);
  const saved = await store.updateReminderState((current) => {
    const keys = new Set([...current.notified, ...notified]);
    return {
      ...current,
      notified: [...keys].filter((key) => live.has(key)),
      snoozes: Object.fromEntries(
        Object.entries(current.snoozes).filter(([group, until]) => !keys.has(`${group}:snoozed-${until}`)),
      ),
    };
  });
  const snoozes = saved.snoozes;

  const next = nextReminderAt(
    { ...input, snoozes: new Map(Object.entries(snoozes)) },
    settings,
    now,
    notified,
  );
  if (next) await browser.alarms.create(ALARM, { when: Math.max(Date.parse(next), now.getTime() + 1000) });
  else await browser.alarms.clear(ALARM);
  return { notified: due.map((d) => d.key), badge: views.length, ...(next ? { next } : {}) };
}

/** Checks what is due, notifies it, updates the badge and sets the next alarm (one at a time). */
export function refreshReminders(now = new Date()): Promise<RefreshReport> {
  const next = queue.then(
    () => refresh(now),
    () => refresh(now),
  );
  queue = next.catch(() => undefined);
  return next;
}

/** The review cadence of a business counts from when it was first seen, then from its last review. */
export async function noteBusinessSeen(businessId: string, now: Date): Promise<void> {
  const store = ledgerStore();
  let added = false;
  await store.updateReminderState((state) => {
    if (state.reviewSince[businessId]) return state;
    added = true;
    return { ...state, reviewSince: { ...state.reviewSince, [businessId]: now.toISOString() } };
  });
  if (added) void refreshReminders(now);
}

export async function noteReviewDone(businessId: string, now: Date): Promise<void> {
  const store = ledgerStore();
  await store.updateReminderState((state) => ({
    ...state,
    reviewSince: { ...state.reviewSince, [businessId]: now.toISOString() },
  }));
}

/** Quiets a reminder group for a day or a week; it reminds again when the snooze ends. */
export async function snooze(group: string, days: number, now: Date): Promise<void> {
  const store = ledgerStore();
  const until = new Date(now.getTime() + days * 86_400_000).toISOString();
  await store.updateReminderState((state) => ({ ...state, snoozes: { ...state.snoozes, [group]: until } }));
  await browser.notifications.clear(`${REMINDER_PREFIX}${group}`).catch(() => false);
  await refreshReminders(now);
}

/** Where a reminder group leads: the subject's page, with the panel on it (and what to do there). */
export async function openReminderGroup(group: string, action?: FocusAction): Promise<number | undefined> {
  const store = ledgerStore();
  const [kind, ...rest] = group.split(':');
  const id = rest.join(':');
  if (kind === 'grant') {
    const grant = await store.grant(id);
    if (!grant) return undefined;
    return openBusinessSettings({
      businessId: grant.businessId,
      subject: grant.subject,
      ...(action ? { action } : {}),
    });
  }
  if (kind === 'recheck') {
    const run = await store.run(id);
    return run ? openBusinessSettings({ businessId: run.businessId, subject: run.subject }) : undefined;
  }
  if (kind === 'review') return openBusinessSettings({ businessId: id, action: 'review' });
  if (group === BACKUP_GROUP) {
    await browser.runtime.openOptionsPage();
    return undefined;
  }
  const first = lastDue[0];
  return first ? openReminderGroup(first.group) : undefined;
}

/** Alarms and notification clicks; the first check runs at once (what fell due while closed). */
export function setupReminders(): void {
  void browser.alarms.create(HOURLY, { periodInMinutes: 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM || alarm.name === HOURLY) void refreshReminders();
  });
  const groupOf = (id: string) =>
    id.startsWith(REMINDER_PREFIX) ? id.slice(REMINDER_PREFIX.length) : undefined;
  browser.notifications.onClicked.addListener((id) => {
    const group = groupOf(id);
    if (!group) return;
    void browser.notifications.clear(id);
    void openReminderGroup(group);
  });
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    const group = groupOf(id);
    if (!group) return;
    void browser.notifications.clear(id);
    void openReminderGroup(group, index === 0 ? 'extend' : 'offboard');
  });
  void refreshReminders();
}
