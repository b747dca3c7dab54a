/**
 * What is due to remind about, computed from the ledger with a given clock (DESIGN.md "Reminders"):
 * before a grant's end date (7 and 1 days by default), on the day, then daily while overdue; a periodic
 * review per business (every 30 days); all at a local hour in the admin's time zone, across DST changes.
 * Pure: the platform schedules alarms from `nextReminderAt` and notifies the items of `dueReminders`.
 */

export interface ReminderGrant {
  id: string;
  businessId: string;
  subject: string;
  endsAt?: string;
  /** A revocation was recorded: nothing more to remind about. */
  revoked?: boolean;
}

export interface ReviewState {
  businessId: string;
  /** The last finished periodic review, or when the business was first seen. */
  since: string;
}

export interface ReminderSettings {
  leadDays: readonly number[];
  reviewEveryDays: number;
  /** The local hour at which reminders are due (default 9). */
  hour: number;
  timeZone: string;
}

export type ReminderStep = `lead-${number}` | 'day-of' | `overdue-${string}` | `review-${string}`;

export interface Reminder {
  /** Stable per grant or business and step: an item is notified at most once. */
  key: string;
  kind: 'expiry' | 'overdue' | 'review';
  step: ReminderStep;
  dueAt: string;
  businessId: string;
  grantId?: string;
  subject?: string;
  endsAt?: string;
  /** Earlier steps of the same grant or business that this one stands for (mark them notified too). */
  supersedes: string[];
}

export const defaultReminderSettings: ReminderSettings = {
  leadDays: [7, 1],
  reviewEveryDays: 30,
  hour: 9,
  timeZone: 'UTC',
};

const DAY = 86_400_000;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The offset of a time zone at an instant, in minutes east of UTC. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - instant) / 60_000);
}

/** The UTC instant of a local date and hour in a time zone (an hour that does not exist moves forward). */
export function localToUtc(isoDate: string, hour: number, timeZone: string): number {
  const naive = Date.parse(`${isoDate}T${String(hour).padStart(2, '0')}:00:00Z`);
  let guess = naive - offsetMinutes(naive, timeZone) * 60_000;
  // Once more with the offset at the guess: right on both sides of a DST change.
  guess = naive - offsetMinutes(guess, timeZone) * 60_000;
  return guess;
}

/** The local calendar date of an instant in a time zone. */
export function localDate(instant: number, timeZone: string): string {
  return new Date(instant + offsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 10);
}

/** Every reminder step of a grant and a business up to `until` (inclusive), in time order. */
function stepsUntil(
  grants: readonly ReminderGrant[],
  reviews: readonly ReviewState[],
  settings: ReminderSettings,
  until: number,
): Omit<Reminder, 'supersedes'>[] {
  const out: Omit<Reminder, 'supersedes'>[] = [];
  const at = (date: string) => new Date(localToUtc(date, settings.hour, settings.timeZone)).toISOString();
  for (const grant of grants) {
    if (!grant.endsAt || grant.revoked) continue;
    const base = {
      businessId: grant.businessId,
      grantId: grant.id,
      subject: grant.subject,
      endsAt: grant.endsAt,
    };
    for (const lead of [...settings.leadDays].sort((a, b) => b - a)) {
      if (lead <= 0) continue;
      out.push({
        ...base,
        key: `grant:${grant.id}:${grant.endsAt}:lead-${lead}`,
        kind: 'expiry',
        step: `lead-${lead}`,
        dueAt: at(addDays(grant.endsAt, -lead)),
      });
    }
    out.push({
      ...base,
      key: `grant:${grant.id}:${grant.endsAt}:day-of`,
      kind: 'expiry',
      step: 'day-of',
      dueAt: at(grant.endsAt),
    });
    // Daily while overdue: one step per local day after the end date, up to now.
    for (
      let day = addDays(grant.endsAt, 1);
      localToUtc(day, settings.hour, settings.timeZone) <= until;
      day = addDays(day, 1)
    ) {
      out.push({
        ...base,
        key: `grant:${grant.id}:${grant.endsAt}:overdue-${day}`,
        kind: 'overdue',
        step: `overdue-${day}`,
        dueAt: at(day),
      });
    }
  }
  for (const review of reviews) {
    if (settings.reviewEveryDays <= 0) continue;
    const from = localDate(Date.parse(review.since), settings.timeZone);
    for (let n = 1; ; n++) {
      const day = addDays(from, n * settings.reviewEveryDays);
      const due = localToUtc(day, settings.hour, settings.timeZone);
      if (due > until) break;
      out.push({
        key: `review:${review.businessId}:${day}`,
        kind: 'review',
        step: `review-${day}`,
        dueAt: new Date(due).toISOString(),
        businessId: review.businessId,
      });
    }
  }
  return out
    .filter((r) => Date.parse(r.dueAt) <= until)
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
}

/**
 * The reminders due at `now` that were not notified yet. Of the steps of one grant that fell due while the
 * browser was closed, only the latest is returned: the admin hears once, about where things stand now.
 */
export function dueReminders(
  grants: readonly ReminderGrant[],
  reviews: readonly ReviewState[],
  settings: ReminderSettings,
  now: Date,
  notified: ReadonlySet<string>,
): Reminder[] {
  const due = stepsUntil(grants, reviews, settings, now.getTime()).filter((r) => !notified.has(r.key));
  const latest = new Map<string, Reminder>();
  for (const reminder of due) {
    const group = reminder.grantId ? `grant:${reminder.grantId}` : `review:${reminder.businessId}`;
    const before = latest.get(group);
    latest.set(group, { ...reminder, supersedes: before ? [...before.supersedes, before.key] : [] });
  }
  return [...latest.values()].sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
}

/** When the next not-yet-notified reminder falls due (for the alarm), or undefined when none will. */
export function nextReminderAt(
  grants: readonly ReminderGrant[],
  reviews: readonly ReviewState[],
  settings: ReminderSettings,
  now: Date,
  notified: ReadonlySet<string>,
): string | undefined {
  const horizon = now.getTime() + 400 * DAY;
  return stepsUntil(grants, reviews, settings, horizon).find(
    (r) => Date.parse(r.dueAt) > now.getTime() && !notified.has(r.key),
  )?.dueAt;
}
