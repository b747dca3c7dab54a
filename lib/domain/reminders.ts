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
 * An access review's removals (reduce or revoke) not yet seen carried out (issue 14, item 3): reminded from
 * when the first of them is overdue (7 days after its decision), daily, until every one is verified or the
 * campaign changes (a newer campaign of the business takes over). One group per campaign.
 */
export interface RemovalState {
  campaignId: string;
  businessId: string;
  /** Who the first overdue removal is about (the notification names them). */
  subject: string;
  /** When the first of them became overdue. */
  overdueAt: string;
}

/**
 * Everything the reminders are computed from. `snoozes` maps a reminder group (`grant:<id>`,
 * `review:<businessId>`, `recheck:<runId>`) to the instant until which it is quiet.
 */
export interface ReminderInput {
  grants: readonly ReminderGrant[];
  reviews: readonly ReviewState[];
  rechecks?: readonly RecheckState[];
  removals?: readonly RemovalState[];
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
  kind: 'expiry' | 'overdue' | 'review' | 'recheck' | 'removal';
  step: ReminderStep;
  dueAt: string;
  businessId: string;
  grantId?: string;
  subject?: string;
  endsAt?: string;
  runId?: string;
  /** The campaign of a `removal` reminder. */
  campaignId?: string;
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

const formats = new Map<string, Intl.DateTimeFormat>();

/** The offset of a time zone at an instant, in minutes east of UTC. */
function offsetMinutes(instant: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
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

type Step = Omit<Reminder, 'supersedes'> & { group: string };

/**
 * One grant, business review or recheck: its steps near an instant. A grant that is overdue has one step
 * a day for ever and a business one review every period, so the steps are never listed in full: `near`
 * gives the few around the instant, enough for the latest one at or before it and the next ones after it.
 */
interface Group {
  group: string;
  near(instant: number): Step[];
}

/** A function of one key that works each key out once. */
function memo<K, V>(work: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = work(key);
    known.set(key, value);
    return value;
  };
}

function groupsOf(input: ReminderInput, settings: ReminderSettings): Group[] {
  const { hour, timeZone } = settings;
  // Days are counted as whole days since 1970-01-01. Many grants share end dates and every group asks
  // about the same instants: each date, due instant and local day is worked out once.
  const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY);
  const date = memo((day: number) => new Date(day * DAY).toISOString().slice(0, 10));
  const at = memo((day: number) => new Date(localToUtc(date(day), hour, timeZone)).toISOString());
  const dayOf = memo((instant: number) => dayNumber(localDate(instant, timeZone)));
  const leads = [...new Set(settings.leadDays)].filter((d) => d > 0).sort((a, b) => b - a);
  const out: Group[] = [];
  for (const grant of input.grants) {
    if (!grant.endsAt || grant.revoked) continue;
    const { id, businessId, subject, endsAt } = grant;
    const group = `grant:${id}`;
    const end = dayNumber(endsAt);
    if (!Number.isFinite(end)) continue;
    const step = (kind: Step['kind'], name: ReminderStep, day: number): Step => ({
      group,
      key: `${group}:${endsAt}:${name}`,
      kind,
      step: name,
      dueAt: at(day),
      businessId,
      grantId: id,
      subject,
      endsAt,
    });
    const fixed: Step[] = leads.map((lead) => step('expiry', `lead-${lead}`, end - lead));
    fixed.push(step('expiry', 'day-of', end));
    out.push({
      group,
      near(instant) {
        // Daily while overdue: the local day before the instant's, that day and the next.
        const from = Math.max(end + 1, dayOf(instant) - 1);
        const steps = [...fixed];
        for (let day = from; day <= from + 2; day++) steps.push(step('overdue', `overdue-${date(day)}`, day));
        return steps;
      },
    });
  }
  if (settings.reviewEveryDays > 0) {
    const every = settings.reviewEveryDays;
    for (const review of input.reviews) {
      const since = Date.parse(review.since);
      if (!Number.isFinite(since)) continue;
      const from = dayNumber(localDate(since, timeZone));
      const group = `review:${review.businessId}`;
      out.push({
        group,
        near(instant) {
          // The period before the instant's local day, that one and the next two.
          const first = Math.max(1, Math.floor((dayOf(instant) - from) / every) - 1);
          const steps: Step[] = [];
          for (let k = first; k <= first + 3; k++) {
            const day = date(from + k * every);
            steps.push({
              group,
              key: `${group}:${day}`,
              kind: 'review',
              step: `review-${day}`,
              dueAt: at(from + k * every),
              businessId: review.businessId,
            });
          }
          return steps;
        },
      });
    }
  }
  for (const recheck of input.rechecks ?? []) {
    const due = dayNumber(recheck.dueDate);
    if (!Number.isFinite(due)) continue;
    const step: Step = {
      group: `recheck:${recheck.runId}`,
      key: `recheck:${recheck.runId}`,
      kind: 'recheck',
      step: 'recheck',
      dueAt: at(due),
      businessId: recheck.businessId,
      subject: recheck.subject,
      runId: recheck.runId,
    };
    out.push({ group: step.group, near: () => [step] });
  }
  for (const removal of input.removals ?? []) {
    const overdue = Date.parse(removal.overdueAt);
    if (!Number.isFinite(overdue)) continue;
    const { campaignId, businessId, subject } = removal;
    const group = `removal:${campaignId}`;
    // Daily at the reminder hour, from the first such hour at or after it became overdue.
    let first = dayOf(overdue);
    if (Date.parse(at(first)) < overdue) first += 1;
    const step = (day: number): Step => ({
      group,
      key: `${group}:${removal.overdueAt}:${date(day)}`,
      kind: 'removal',
      step: `overdue-${date(day)}`,
      dueAt: at(day),
      businessId,
      subject,
      campaignId,
    });
    out.push({
      group,
      near(instant) {
        const from = Math.max(first, dayOf(instant) - 1);
        return [from, from + 1, from + 2].map(step);
      },
    });
  }
  return out;
}

/** The latest step of a group due at or before an instant. */
function latestAt(group: Group, instant: number): Step | undefined {
  let latest: Step | undefined;
  for (const step of group.near(instant)) {
    if (Date.parse(step.dueAt) <= instant && (!latest || step.dueAt > latest.dueAt)) latest = step;
  }
  return latest;
}

/** Whether a group is snoozed at an instant. */
function snoozedAt(input: ReminderInput, group: string, instant: number): boolean {
  const until = input.snoozes?.get(group);
  return until !== undefined && Date.parse(until) > instant;
}

const strip = ({ group: _group, ...reminder }: Step, supersedes: string[] = []): Reminder => ({
  ...reminder,
  supersedes,
});

const byDueAt = (a: { dueAt: string }, b: { dueAt: string }) =>
  a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0;

/**
 * The reminders due at `now` that were not notified yet, one per grant, business or recheck: the latest
 * step that fell due. Steps that fell due while the browser was closed are not replayed: the admin hears
 * once, about where things stand now. A snoozed group stays quiet until its snooze ends, then reminds once
 * more about where it stands.
 */
export function dueReminders(
  input: ReminderInput,
  settings: ReminderSettings,
  now: Date,
  notified: ReadonlySet<string>,
): Reminder[] {
  const instant = now.getTime();
  const out: Reminder[] = [];
  for (const group of groupsOf(input, settings)) {
    if (snoozedAt(input, group.group, instant)) continue;
    const candidates: Step[] = [];
    const latest = latestAt(group, instant);
    if (latest && !notified.has(latest.key)) candidates.push(latest);
    // A snooze that ended: one reminder at its end about the latest step it covered.
    const until = input.snoozes?.get(group.group);
    const key = `${group.group}:snoozed-${until}`;
    if (until !== undefined && !notified.has(key)) {
      const covered = latestAt(group, Date.parse(until));
      if (covered) candidates.push({ ...covered, key, step: `snoozed-${until}`, dueAt: until });
    }
    if (candidates.length === 0) continue;
    candidates.sort(byDueAt);
    const chosen = candidates.at(-1)!;
    out.push(
      strip(
        chosen,
        candidates.slice(0, -1).map((c) => c.key),
      ),
    );
  }
  return out.sort(byDueAt);
}

/**
 * The keys worth remembering as notified at `now`: the latest step of every group and the end of every
 * snooze. Older keys can never be due again, so the platform forgets them and its memory stays as small
 * as the ledger.
 */
export function liveKeys(input: ReminderInput, settings: ReminderSettings, now: Date): Set<string> {
  const instant = now.getTime();
  const keys = new Set<string>();
  for (const group of groupsOf(input, settings)) {
    const latest = latestAt(group, instant);
    if (latest) keys.add(latest.key);
    const until = input.snoozes?.get(group.group);
    if (until !== undefined) keys.add(`${group.group}:snoozed-${until}`);
  }
  return keys;
}

/** When the next not-yet-notified reminder falls due (for the alarm), or undefined when none will. */
export function nextReminderAt(
  input: ReminderInput,
  settings: ReminderSettings,
  now: Date,
  notified: ReadonlySet<string>,
): string | undefined {
  const instant = now.getTime();
  let next: string | undefined;
  const consider = (at: string) => {
    if (next === undefined || at < next) next = at;
  };
  for (const group of groupsOf(input, settings)) {
    const until = input.snoozes?.get(group.group);
    if (until !== undefined && Date.parse(until) > instant) {
      // Quiet until the snooze ends, which is itself the next reminder of the group.
      consider(until);
      continue;
    }
    for (const step of group.near(instant)) {
      if (Date.parse(step.dueAt) > instant && !notified.has(step.key)) consider(step.dueAt);
    }
  }
  return next;
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
  campaignId?: string;
  dueAt: string;
}

const urgency: Record<DueItem['kind'], number> = { overdue: 0, removal: 1, recheck: 1, expiry: 2, review: 3 };

/**
 * What needs the admin now, whether or not it was notified: grants within their first lead time or past
 * their end date, businesses whose review is due, offboardings to check again. Snoozed items are left out.
 */
export function dueItems(input: ReminderInput, settings: ReminderSettings, now: Date): DueItem[] {
  const instant = now.getTime();
  const out: DueItem[] = [];
  for (const group of groupsOf(input, settings)) {
    if (snoozedAt(input, group.group, instant)) continue;
    const latest = latestAt(group, instant);
    if (!latest) continue;
    const { key: _key, step: _step, ...item } = latest;
    out.push(item);
  }
  return out.sort(
    (a, b) => urgency[a.kind] - urgency[b.kind] || (a.endsAt ?? a.dueAt).localeCompare(b.endsAt ?? b.dueAt),
  );
}
