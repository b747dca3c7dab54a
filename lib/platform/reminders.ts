import type { ChecklistRun } from '../domain/checklists/runs';
import { addDays } from '../domain/ledger/commands';
import { backupDueAt, isBackupDue } from '../domain/ledger/backup';
import type { DueItemView, FocusAction } from '../domain/ui-state';
import { alertText, backupText, businessLabel, describeSubject, reminderText } from '../domain/reminder-text';
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
import { getSubjectKey, type Principal } from '../domain/snapshot';
import type { ReminderState } from '../ledger/store';
import { templates } from '../domain/checklists/templates';
import { catalogue } from '../domain/i18n';
import type { UiLocale } from '../domain/locales';
import type { Settings } from '../domain/settings';
import type { HubDeps } from './hub/deps';
import type { Publisher } from './hub/publisher';
import type { TabCache } from './hub/tab-cache';
import type { NavigationDeps } from './navigation';

/** What the reminders work with (the hub has all of it; a test may give less). */
export interface ReminderDeps extends Pick<HubDeps, 'store' | 'browser' | 'clock'>, NavigationDeps {
  publisher: Pick<Publisher, 'invalidateBusiness'>;
  /** What the open tabs show now, for names a page read but the ledger has not recorded yet. */
  cache?: Pick<TabCache, 'view'>;
  locale(): UiLocale;
  currentSettings(): Promise<Settings>;
}
import { openBusinessSettings } from './navigation';
import { reviewStartQuery } from '../domain/review/address';
import { accessWords, type FollowUp } from '../domain/review/follow-ups';
import { reviewFacts } from './review-facts';

/** Whether a ledger decision was made by an access review (its `after` names the campaign). */
const isReviewDecision = (after: unknown): boolean =>
  typeof after === 'object' && after !== null && 'campaign' in after;

/**
 * Schedules and shows the reminders (DESIGN.md "Reminders"): one alarm at the next step that falls due,
 * re-created at every start of the background and after every ledger change, plus an hourly check in
 * case the clock jumped (sleep, time zone). What was notified is kept in the ledger, so no step notifies
 * twice, even across restarts; a step that fell due while the browser was closed notifies at the next start.
 * The monthly export of the ledger is one of them: due on the badge and in the popup, notified once a period.
 */
const ALARM = 'scopekeeper-reminders';
const HOURLY = 'scopekeeper-reminders-hourly';
export const REMINDER_PREFIX = 'scopekeeper-reminder:';
/** At most this many notifications at once; the rest are summed up in one. */
const MAX_AT_ONCE = 3;

/** The due item (and notification) of the monthly ledger export: no business's reminder group. */
const BACKUP_GROUP = 'backup';

export interface RefreshReport {
  notified: string[];
  badge: number;
  next?: string;
}

function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export class Reminders {
  private queue: Promise<unknown> = Promise.resolve();
  private lastDue: DueItemView[] = [];

  constructor(private readonly hub: ReminderDeps) {}

  /** Keeps what is due and republishes the tabs of the businesses whose due items changed (only those). */
  private publishChanges(views: DueItemView[]): void {
    const byBusiness = (items: readonly DueItemView[]) => {
      const out = new Map<string, string>();
      for (const item of items)
        out.set(item.businessId, `${out.get(item.businessId) ?? ''}${JSON.stringify(item)}`);
      return out;
    };
    const before = byBusiness(this.lastDue);
    const after = byBusiness(views);
    this.lastDue = views;
    for (const businessId of new Set([...before.keys(), ...after.keys()]))
      // '' is the export of the ledger, no business's: the popup asks for it, no tab shows it.
      if (businessId && before.get(businessId) !== after.get(businessId))
        this.hub.publisher.invalidateBusiness(businessId);
  }

  /** What is due now, as computed by the last refresh (the panel and the popup read it). */
  currentDue(businessId?: string): DueItemView[] {
    return businessId ? this.lastDue.filter((d) => d.businessId === businessId) : this.lastDue;
  }

  private async settings(): Promise<ReminderSettings> {
    const settings = await this.hub.currentSettings();
    return {
      leadDays: settings.reminderLeadDays,
      reviewEveryDays: settings.reviewEveryDays,
      hour: settings.reminderHour,
      timeZone: timeZone(),
    };
  }

  /** Everything the reminders are computed from, read from the ledger. */
  private async input(
    state: ReminderState,
    now: Date,
  ): Promise<{ input: ReminderInput; runs: ChecklistRun[]; removals: Map<string, FollowUp[]> }> {
    const { store } = this.hub;
    const grants = await store.grants();
    const reviews = await reviewFacts(store, now);
    // A grant is revoked when a revocation of its subject was recorded at or after its last change.
    const revokedAt = new Map<string, string>();
    const revoked = (key: string, at: string) => {
      if ((revokedAt.get(key) ?? '') < at) revokedAt.set(key, at);
    };
    for (const businessId of new Set(grants.map((g) => g.businessId))) {
      for (const d of await store.revocations(businessId)) {
        // An access review's revocation of a whole principal ends its grant once a read showed the principal
        // gone, not when it was decided: until then the access is there, and its end date still matters
        // (issue 14: "removal verified"). Its verification counts below instead.
        if (isReviewDecision(d.after)) continue;
        revoked(`${d.businessId} ${d.subject}`, d.at);
      }
    }
    for (const r of reviews.revocations) revoked(`${r.businessId} ${r.subject}`, r.at);
    // An access review's removals still present after 7 days, per campaign (the first overdue one named).
    const removals = new Map<string, FollowUp[]>();
    for (const f of reviews.followUps)
      if (f.state === 'overdue') removals.set(f.campaignId, [...(removals.get(f.campaignId) ?? []), f]);
    const runs = await store.runs();
    const zone = timeZone();
    return {
      runs,
      removals,
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
          const recheck = recheckOf(run);
          if (!recheck) return [];
          return [
            {
              runId: run.id,
              businessId: run.businessId,
              subject: run.subject,
              dueDate: addDays(localDate(Date.parse(recheck.after), zone), recheck.days),
            },
          ];
        }),
        removals: [...removals.values()].map((list) => {
          const first = list.reduce((a, b) => (b.overdueAt < a.overdueAt ? b : a));
          return {
            campaignId: first.campaignId,
            businessId: first.businessId,
            subject: first.subject,
            overdueAt: first.overdueAt,
          };
        }),
        snoozes: new Map(Object.entries(state.snoozes)),
      },
    };
  }

  /**
   * Names for subjects, from what was last read of each business: the ledger's stored snapshots, and over
   * them what the open tabs show now (a page's reads are recorded a moment after they arrive).
   */
  private async namesOf(businessIds: Iterable<string>): Promise<Map<string, Principal>> {
    const out = new Map<string, Principal>();
    for (const businessId of new Set(businessIds)) {
      for (const row of await this.hub.store.latestSnapshots(businessId))
        for (const p of row.snapshot.principals) out.set(`${businessId} ${getSubjectKey(p)}`, p);
      for (const p of this.hub.cache?.view(businessId)?.principals ?? [])
        out.set(`${businessId} ${getSubjectKey(p)}`, p);
    }
    return out;
  }

  private async notify(
    reminder: Reminder,
    names: Map<string, Principal>,
    runs: ChecklistRun[],
    now: Date,
    removals: Map<string, FollowUp[]>,
  ): Promise<void> {
    const { browser, store } = this.hub;
    const locale = this.hub.locale();
    const grant = reminder.grantId ? await store.grant(reminder.grantId) : undefined;
    const run = reminder.runId ? runs.find((r) => r.id === reminder.runId) : undefined;
    const subject = reminder.subject ?? run?.subject;
    // A removal names the accesses still present (the first three); a grant its recorded assets.
    const removal = reminder.campaignId ? removals.get(reminder.campaignId) : undefined;
    const named = removal?.find((f) => f.subject === subject);
    const text = reminderText(locale, {
      kind: reminder.kind,
      today: localDate(now.getTime(), timeZone()),
      ...(reminder.endsAt ? { endsAt: reminder.endsAt } : {}),
      ...(subject
        ? {
            who: describeSubject(
              locale,
              subject,
              names.get(`${reminder.businessId} ${subject}`),
              run?.subjectName ?? named?.name,
            ),
          }
        : {}),
      assets: removal
        ? removal.map((f) => accessWords(locale, f.access))
        : (grant?.assets.map((a) => a.name) ?? []),
      business: businessLabel(locale, reminder.businessId, await store.businessName(reminder.businessId)),
    });
    const group = reminder.grantId
      ? `grant:${reminder.grantId}`
      : reminder.runId
        ? `recheck:${reminder.runId}`
        : reminder.campaignId
          ? `removal:${reminder.campaignId}`
          : `review:${reminder.businessId}`;
    const withButtons =
      !import.meta.env.FIREFOX && (reminder.kind === 'expiry' || reminder.kind === 'overdue');
    // A periodic review offers to start the access review (issue 14); a click does the same (Firefox: no buttons).
    const reviewButton = !import.meta.env.FIREFOX && reminder.kind === 'review';
    await browser.notifications.create(`${REMINDER_PREFIX}${group}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: text.title,
      message: text.message,
      priority: reminder.kind === 'overdue' ? 2 : 1,
      ...(withButtons ? { buttons: [{ title: text.buttons.extend }, { title: text.buttons.offboard }] } : {}),
      ...(reviewButton ? { buttons: [{ title: text.buttons.startReview }] } : {}),
    });
  }

  /** The monthly export: when it fell due (if it is due now), and whether to notify it now. */
  private async backup(now: Date): Promise<{ dueSince?: string; notify: boolean }> {
    const { store } = this.hub;
    const settings = await this.hub.currentSettings();
    const [firstDataAt, lastExportAt, lastRemindedAt] = await Promise.all([
      store.firstDecisionAt(),
      store.getTime('lastExportAt'),
      store.getTime('lastBackupReminderAt'),
    ]);
    const input = {
      everyDays: settings.backupReminderDays,
      ...(firstDataAt ? { firstDataAt } : {}),
      ...(lastExportAt ? { lastExportAt } : {}),
    };
    const due = backupDueAt(input);
    const dueSince = due && Date.parse(due) <= now.getTime() ? due : undefined;
    return {
      ...(dueSince ? { dueSince } : {}),
      notify: isBackupDue({ ...input, now, ...(lastRemindedAt ? { lastRemindedAt } : {}) }),
    };
  }

  private async refresh(now: Date): Promise<RefreshReport> {
    const { store, browser } = this.hub;
    const locale = this.hub.locale();
    const settings = await this.settings();
    const state = await store.reminderState();
    const { input, runs, removals } = await this.input(state, now);
    const notified = new Set(state.notified);
    const due = dueReminders(input, settings, now, notified);
    const items = dueItems(input, settings, now);
    const names = await this.namesOf([...due, ...items].map((d) => d.businessId));

    // The badge, the panel and the popup first: they say what is due, the notifications follow.
    const views: DueItemView[] = items.map((item) => {
      const run = item.runId ? runs.find((r) => r.id === item.runId) : undefined;
      const subject = item.subject ?? run?.subject;
      const removal = item.campaignId ? removals.get(item.campaignId) : undefined;
      return {
        ...item,
        ...(subject
          ? {
              label: describeSubject(
                locale,
                subject,
                names.get(`${item.businessId} ${subject}`),
                run?.subjectName ?? removal?.find((f) => f.subject === subject)?.name,
              ),
            }
          : {}),
      };
    });
    // Changes that gave full control and no record approves (issue 13): due at once, notified once each.
    const alerts = await this.alerts(state, now, locale);
    views.push(...alerts.map((a) => a.view));
    const backup = await this.backup(now);
    if (backup.dueSince) {
      views.push({
        group: BACKUP_GROUP,
        kind: 'backup',
        businessId: '',
        dueAt: backup.dueSince,
        label: backupText(locale).title,
      });
    }
    this.publishChanges(views);
    const action = browser.action ?? browser.browserAction;
    await action?.setBadgeText({ text: views.length > 0 ? String(views.length) : '' });
    await action?.setBadgeBackgroundColor?.({
      color: alerts.length > 0 || items.some((i) => i.kind === 'overdue') ? '#c62828' : '#8a5a00',
    });
    const newAlerts = alerts.filter((a) => !notified.has(a.key));
    for (const alert of newAlerts) notified.add(alert.key);

    for (const reminder of due) {
      notified.add(reminder.key);
      for (const key of reminder.supersedes) notified.add(key);
    }
    // Recorded as sent before anything shows: a worker stopped in between loses a notification at worst,
    // never shows one twice. Only the latest step of each grant, business and recheck can matter again:
    // forget the rest. Snoozes that ended and were notified are done with, and so are snoozes of groups
    // that are gone (ended a month ago).
    const longAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString();
    const live = liveKeys(input, settings, now);
    for (const alert of alerts) live.add(alert.key);
    const saved = await store.updateReminderState((current) => {
      const keys = new Set([...current.notified, ...notified]);
      return {
        ...current,
        notified: [...keys].filter((key) => live.has(key)),
        snoozes: Object.fromEntries(
          Object.entries(current.snoozes).filter(
            ([group, until]) => !keys.has(`${group}:snoozed-${until}`) && until > longAgo,
          ),
        ),
      };
    });

    for (const alert of newAlerts.slice(0, MAX_AT_ONCE))
      await browser.notifications.create(`${REMINDER_PREFIX}${alert.view.group}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        ...alert.text,
        priority: 2,
        requireInteraction: !import.meta.env.FIREFOX,
        // "This was approved" and "Start incident response" (Firefox shows no buttons: a click opens the panel).
        ...(import.meta.env.FIREFOX
          ? {}
          : {
              buttons: [
                { title: catalogue(locale).watch.approve },
                { title: catalogue(locale).watch.startIncident },
              ],
            }),
      });
    const room = Math.max(0, MAX_AT_ONCE - newAlerts.length);
    for (const reminder of due.slice(0, room)) await this.notify(reminder, names, runs, now, removals);
    const left = due.length - Math.min(room, due.length) + Math.max(0, newAlerts.length - MAX_AT_ONCE);
    if (left > 0) {
      const more = left;
      await browser.notifications.create(`${REMINDER_PREFIX}summary`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        ...summaryText(locale, more),
      });
    }
    if (backup.notify) {
      await store.setTime('lastBackupReminderAt', now);
      const text = backupText(locale);
      await browser.notifications.create(`${REMINDER_PREFIX}${BACKUP_GROUP}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: text.title,
        message: text.message,
      });
    }

    const next = nextReminderAt(
      { ...input, snoozes: new Map(Object.entries(saved.snoozes)) },
      settings,
      now,
      notified,
    );
    if (next) await browser.alarms.create(ALARM, { when: Math.max(Date.parse(next), now.getTime() + 1000) });
    else await browser.alarms.clear(ALARM);
    return { notified: due.map((d) => d.key), badge: views.length, ...(next ? { next } : {}) };
  }

  /**
   * The open changes that gave full control (issue 13), as due items: the first of each principal, in
   * every business, unless the admin snoozed it; each with its notification's key (one per sighting).
   */
  private async alerts(
    state: ReminderState,
    now: Date,
    locale: UiLocale,
  ): Promise<{ view: DueItemView; key: string; text: { title: string; message: string } }[]> {
    const found = await this.hub.store.fullControlAlerts();
    if (found.length === 0) return [];
    const names = await this.namesOf(found.map((a) => a.businessId));
    const businessNames = await this.hub.store.businessNames();
    return found.flatMap(({ businessId, subject, change }) => {
      const group = `alert:${businessId}:${subject}`;
      const snoozed = state.snoozes[group];
      if (snoozed && snoozed > now.toISOString()) return [];
      const label = describeSubject(locale, subject, names.get(`${businessId} ${subject}`));
      return [
        {
          view: { group, kind: 'alert' as const, businessId, subject, dueAt: change.firstSeen, label },
          key: `${group}:${change.firstSeen}`,
          text: alertText(locale, {
            who: label,
            ...(change.asset ? { asset: change.asset.name } : {}),
            business: businessLabel(locale, businessId, businessNames.get(businessId)),
            seen: change.firstSeen.slice(0, 10),
          }),
        },
      ];
    });
  }

  /** Checks what is due, notifies it, updates the badge and sets the next alarm (one at a time). */
  check(now = this.hub.clock()): Promise<RefreshReport> {
    const next = this.queue.then(
      () => this.refresh(now),
      () => this.refresh(now),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The review cadence of a business counts from when it was first seen, then from its last review. */
  async noteBusinessSeen(businessId: string, now: Date): Promise<void> {
    let added = false;
    await this.hub.store.updateReminderState((state) => {
      if (state.reviewSince[businessId]) return state;
      added = true;
      return { ...state, reviewSince: { ...state.reviewSince, [businessId]: now.toISOString() } };
    });
    if (added) void this.check(now);
  }

  async noteReviewDone(businessId: string, now: Date): Promise<void> {
    await this.hub.store.updateReminderState((state) => restartReview(state, businessId, now));
  }

  /** The latest snooze per group and what it replaced: what "Undo" puts back (in memory only). */
  private lastSnoozes = new Map<string, { until: string; before: string | undefined }>();

  /** Quiets a reminder group for a day or a week; it reminds again when the snooze ends. */
  async snooze(
    group: string,
    days: number,
    now: Date,
    commandKey?: string,
    requestHash?: string,
  ): Promise<void> {
    const until = new Date(now.getTime() + days * 86_400_000).toISOString();
    // With the command's idempotency key: a retried snooze counts its day from the first one.
    await this.hub.store.commit({
      reminders: (state) => {
        this.lastSnoozes.set(group, { until, before: state.snoozes[group] });
        return { ...state, snoozes: { ...state.snoozes, [group]: until } };
      },
      ...(commandKey
        ? {
            command: {
              key: commandKey,
              name: 'snooze',
              at: now.toISOString(),
              ...(requestHash ? { requestHash } : {}),
              result: () => ({}),
            },
          }
        : {}),
    });
    await this.hub.browser.notifications.clear(`${REMINDER_PREFIX}${group}`).catch(() => false);
    await this.check(now);
  }

  /**
   * Takes back a snooze (the panel's "Undo"): the group's earlier snooze comes back when it is the one this
   * worker replaced and still ends sooner; otherwise the snooze is removed. A reminder only comes sooner.
   */
  async unsnooze(group: string, now: Date): Promise<void> {
    const last = this.lastSnoozes.get(group);
    this.lastSnoozes.delete(group);
    await this.hub.store.updateReminderState((state) => {
      const { [group]: current, ...others } = state.snoozes;
      const before = last && last.until === current ? last.before : undefined;
      const keep =
        before !== undefined && current !== undefined && before < current && before > now.toISOString();
      return { ...state, snoozes: keep ? { ...others, [group]: before } : others };
    });
    await this.check(now);
  }

  /**
   * The review page that starts the business's access review, or resumes the open one (issue 14, item 1):
   * where the periodic-review notification leads. The panel's due list still leads to Business Settings.
   */
  async openReviewStart(businessId: string): Promise<number | undefined> {
    const tab = await this.hub.browser.tabs.create({
      url: `${this.hub.browser.runtime.getURL('/review.html')}${reviewStartQuery(businessId)}`,
      active: true,
    });
    return tab?.id;
  }

  /** Where a reminder group leads: the subject's page, with the panel on it (and what to do there). */
  async openGroup(group: string, action?: FocusAction): Promise<number | undefined> {
    const { store } = this.hub;
    const [kind, ...rest] = group.split(':');
    const id = rest.join(':');
    if (kind === 'grant') {
      const grant = await store.grant(id);
      if (!grant) return undefined;
      return openBusinessSettings(this.hub, {
        businessId: grant.businessId,
        subject: grant.subject,
        ...(action ? { action } : {}),
      });
    }
    if (kind === 'recheck') {
      const run = await store.run(id);
      return run
        ? openBusinessSettings(this.hub, { businessId: run.businessId, subject: run.subject })
        : undefined;
    }
    if (kind === 'review') return openBusinessSettings(this.hub, { businessId: id, action: 'review' });
    if (kind === 'removal') {
      // The page of the first removal still present, with the panel on its row (issue 14).
      const first = (await reviewFacts(store, this.hub.clock())).followUps.find((f) => f.campaignId === id);
      return first
        ? openBusinessSettings(this.hub, { businessId: first.businessId, subject: first.subject })
        : undefined;
    }
    if (kind === 'alert') {
      const [businessId, ...subject] = id.split(':');
      return openBusinessSettings(this.hub, {
        businessId: businessId!,
        subject: subject.join(':'),
        ...(action === 'approve' || action === 'incident' ? { action } : {}),
      });
    }
    if (group === BACKUP_GROUP) {
      await this.hub.browser.runtime.openOptionsPage();
      return undefined;
    }
    const first = this.lastDue[0];
    return first ? this.openGroup(first.group) : undefined;
  }
}

/** The reminders' memory after a business's review: its cadence counts from now. */
export function restartReview(state: ReminderState, businessId: string, now: Date): ReminderState {
  return { ...state, reviewSince: { ...state.reviewSince, [businessId]: now.toISOString() } };
}

/** The words of the notification that sums up what did not fit. */
function summaryText(locale: UiLocale, more: number): { title: string; message: string } {
  const t = catalogue(locale).notifications;
  return { title: t.moreTitle(more), message: t.moreMessage };
}

/** An offboarding whose removal was verified and whose recheck is still open: what its template asks. */
function recheckOf(run: ChecklistRun): { after: string; days: number } | undefined {
  if (run.status !== 'open') return undefined;
  for (const followUp of templates[run.templateId].followUps ?? []) {
    const after = run.steps.find((s) => s.id === followUp.after && s.done)?.at;
    const step = run.steps.find((s) => s.id === followUp.step);
    if (after && step && !step.done) return { after, days: followUp.days };
  }
  return undefined;
}

/** Alarms and notification clicks; the first check runs at once (what fell due while closed). */
export function setupReminders(hub: ReminderDeps & { reminders: Reminders }): void {
  const { browser } = hub;
  void browser.alarms.create(HOURLY, { periodInMinutes: 60 });
  // The backup reminder had its own daily alarm and notification before it joined the reminders.
  void browser.alarms.clear('scopekeeper-backup-check');
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM || alarm.name === HOURLY) void hub.reminders.check();
  });
  const groupOf = (id: string) =>
    id.startsWith(REMINDER_PREFIX)
      ? id.slice(REMINDER_PREFIX.length)
      : id === 'scopekeeper-backup'
        ? BACKUP_GROUP
        : undefined;
  // A periodic review's notification (clicked, or its one button) starts the access review.
  const reviewOf = (group: string) =>
    group.startsWith('review:') ? group.slice('review:'.length) : undefined;
  browser.notifications.onClicked.addListener((id) => {
    const group = groupOf(id);
    if (!group) return;
    void browser.notifications.clear(id);
    const review = reviewOf(group);
    void (review ? hub.reminders.openReviewStart(review) : hub.reminders.openGroup(group));
  });
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    const group = groupOf(id);
    if (!group) return;
    void browser.notifications.clear(id);
    const review = reviewOf(group);
    if (review) return void hub.reminders.openReviewStart(review);
    // An alert's buttons approve it or start the incident checklist; a grant's extend it or offboard.
    const alert = group.startsWith('alert:');
    void hub.reminders.openGroup(
      group,
      alert ? (index === 0 ? 'approve' : 'incident') : index === 0 ? 'extend' : 'offboard',
    );
  });
  void hub.reminders.check();
}
