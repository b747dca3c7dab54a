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

/** An offboarding whose removal was verified: check again on `dueDate` (a local date). */
export interface RecheckState {
  runId: string;
  businessId: string;
  subject: string;
  dueDate: string;
}

/**
 * Everything the reminders are computed from. `snoozes` maps a reminder group (`grant:<id>`,
 * `review:<businessId>`, `recheck:<runId>`) to the instant until which it is quiet.
 */
export interface ReminderInput {
  grants: readonly ReminderGrant[];
  reviews: readonly ReviewState[];
  rechecks?: readonly RecheckState[];
  snoozes?: ReadonlyMap<string, string>;
}

export interface ReminderSettings {
  leadDays: readonly number[];
  reviewEveryDays: number;
  /** The local hour at which reminders are due (default 9). */
  hour: number;
  timeZone: string;
}

export type ReminderStep =
  `lead-${number}` | 'day-of' | `overdue-${string}` | `review-${string}` | 'recheck' | `snoozed-${string}`;

export interface Reminder {
  /** Stable per grant or business and step: an item is notified at most once. */
  key: string;
  kind: 'expiry' | 'overdue' | 'review' | 'recheck';
  step: ReminderStep;
  dueAt: string;
  businessId: string;
  grantId?: string;
  subject?: string;
  endsAt?: string;
  runId?: string;
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

/** Every reminder step of a grant, a business and a recheck up to `until` (inclusive), in time order. */
function stepsUntil(input: ReminderInput, settings: ReminderSettings, until: number): Step[] {
  const out: Step[] = [];
  const at = (date: string) => new Date(localToUtc(date, settings.hour, settings.timeZone)).toISOString();
  for (const grant of input.grants) {
    if (!grant.endsAt || grant.revoked) continue;
    const base = {
      group: `grant:${grant.id}`,
      businessId: grant.businessId,
      grantId: grant.id,
      subject: grant.subject,
      endsAt: grant.endsAt,
    };
    for (const lead of [...new Set(settings.leadDays)].sort((a, b) => b - a)) {
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
  for (const review of input.reviews) {
    if (settings.reviewEveryDays <= 0) continue;
    const from = localDate(Date.parse(review.since), settings.timeZone);
    for (let n = 1; ; n++) {
      const day = addDays(from, n * settings.reviewEveryDays);
      const due = localToUtc(day, settings.hour, settings.timeZone);
      if (due > until) break;
      out.push({
        group: `review:${review.businessId}`,
        key: `review:${review.businessId}:${day}`,
        kind: 'review',
        step: `review-${day}`,
        dueAt: new Date(due).toISOString(),
        businessId: review.businessId,
      });
    }
  }
  for (const recheck of input.rechecks ?? []) {
    out.push({
      group: `recheck:${recheck.runId}`,
      key: `recheck:${recheck.runId}`,
      kind: 'recheck',
      step: 'recheck',
      dueAt: at(recheck.dueDate),
      businessId: recheck.businessId,
      subject: recheck.subject,
      runId: recheck.runId,
    });
  }
  return out.filter((r) => Date.parse(r.dueAt) <= until).sort(byDueAt);
}

type Step = Omit<Reminder, 'supersedes'> & { group: string };

const byDueAt = (a: { dueAt: string }, b: { dueAt: string }) =>
  a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0;

/** Whether a group is snoozed at an instant. */
function snoozedAt(input: ReminderInput, group: string, instant: number): boolean {
  const until = input.snoozes?.get(group);
  return until !== undefined && Date.parse(until) > instant;
}

const strip = ({ group: _group, ...reminder }: Step, supersedes: string[] = []): Reminder => ({
  ...reminder,
  supersedes,
});

/**
 * The reminders due at `now` that were not notified yet. Of the steps of one grant that fell due while the
 * browser was closed, only the latest is returned: the admin hears once, about where things stand now.
 * A snoozed group stays quiet until its snooze ends, then reminds once more about where it stands.
 */
export function dueReminders(
  input: ReminderInput,
  settings: ReminderSettings,
  now: Date,
  notified: ReadonlySet<string>,
): Reminder[] {
  const instant = now.getTime();
  const steps = stepsUntil(input, settings, instant).filter((r) => !snoozedAt(input, r.group, instant));
  const candidates: Step[] = steps.filter((r) => !notified.has(r.key));
  // A snooze that ended: one reminder at its end about the latest step it covered.
  for (const [group, until] of input.snoozes ?? []) {
    if (Date.parse(until) > instant) continue;
    const covered = steps.filter((r) => r.group === group && r.dueAt <= until).at(-1);
    const key = `${group}:snoozed-${until}`;
    if (covered && !notified.has(key))
      candidates.push({ ...covered, key, step: `snoozed-${until}`, dueAt: until });
  }
  candidates.sort(byDueAt);
  const latest = new Map<string, Reminder>();
  for (const step of candidates) {
    const before = latest.get(step.group);
    latest.set(step.group, strip(step, before ? [...before.supersedes, before.key] : []));
  }
  return [...latest.values()].sort(byDueAt);
}

/** When the next not-yet-notified reminder falls due (for the alarm), or undefined when none will. */
export function nextReminderAt(
  input: ReminderInput,
  settings: ReminderSettings,
  now: Date,
  notified: ReadonlySet<string>,
): string | undefined {
  const instant = now.getTime();
  const horizon = instant + 400 * DAY;
  const times = stepsUntil(input, settings, horizon)
    .filter((r) => Date.parse(r.dueAt) > instant && !notified.has(r.key))
    .filter((r) => !snoozedAt(input, r.group, Date.parse(r.dueAt)))
    .map((r) => r.dueAt);
  for (const until of input.snoozes?.values() ?? []) if (Date.parse(until) > instant) times.push(until);
  return times.sort()[0];
}

/** An item that is due or overdue now (the toolbar badge counts them; the popup lists them). */
export interface DueItem {
  group: string;
  kind: Reminder['kind'];
  businessId: string;
  grantId?: string;
  subject?: string;
  endsAt?: string;
  runId?: string;
  dueAt: string;
}

const urgency: Record<DueItem['kind'], number> = { overdue: 0, recheck: 1, expiry: 2, review: 3 };

/**
 * What needs the admin now, whether or not it was notified: grants within their first lead time or past
 * their end date, businesses whose review is due, offboardings to check again. Snoozed items are left out.
 */
export function dueItems(input: ReminderInput, settings: ReminderSettings, now: Date): DueItem[] {
  const instant = now.getTime();
  const latest = new Map<string, Step>();
  for (const step of stepsUntil(input, settings, instant)) {
    if (!snoozedAt(input, step.group, instant)) latest.set(step.group, step);
  }
  return [...latest.values()]
    .map(({ key: _key, step: _step, ...item }) => item)
    .sort(
      (a, b) => urgency[a.kind] - urgency[b.kind] || (a.endsAt ?? a.dueAt).localeCompare(b.endsAt ?? b.dueAt),
    );
}
