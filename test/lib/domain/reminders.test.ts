import { describe, expect, it } from 'vitest';
import {
  dueItems,
  dueReminders,
  liveKeys,
  localToUtc,
  nextReminderAt,
  type ReminderGrant,
  type ReminderSettings,
} from '@/lib/domain/reminders';

const stockholm: ReminderSettings = {
  leadDays: [7, 1],
  reviewEveryDays: 30,
  hour: 9,
  timeZone: 'Europe/Stockholm',
};
const grant = (endsAt: string, extra: Partial<ReminderGrant> = {}): ReminderGrant => ({
  id: 'g1',
  businessId: 'b1',
  subject: 'partner:1',
  endsAt,
  ...extra,
});

/** Notifies what is due at each instant, as the background would, and returns the steps in order. */
function replay(
  grants: ReminderGrant[],
  instants: string[],
  settings = stockholm,
  reviews: { businessId: string; since: string }[] = [],
): string[] {
  const notified = new Set<string>();
  const heard: string[] = [];
  for (const at of instants) {
    for (const r of dueReminders({ grants: grants, reviews: reviews }, settings, new Date(at), notified)) {
      heard.push(`${at.slice(0, 10)} ${r.step}`);
      notified.add(r.key);
      r.supersedes.forEach((k) => notified.add(k));
    }
  }
  return heard;
}

describe('reminders', () => {
  it('reminds 7 days and 1 day before, on the day, then daily while overdue, each step once', () => {
    const days = Array.from({ length: 14 }, (_, i) =>
      new Date(Date.UTC(2027, 0, 20 + i, 9, 30)).toISOString(),
    );
    const heard = replay([grant('2027-01-31')], [...days, ...days]);
    expect(heard).toEqual([
      '2027-01-24 lead-7',
      '2027-01-30 lead-1',
      '2027-01-31 day-of',
      '2027-02-01 overdue-2027-02-01',
      '2027-02-02 overdue-2027-02-02',
    ]);
  });

  it('is due at 09:00 local time, in summer and winter, across DST changes', () => {
    // Stockholm is UTC+1 in winter, UTC+2 in summer (change on 2027-03-28).
    expect(new Date(localToUtc('2027-03-27', 9, 'Europe/Stockholm')).toISOString()).toBe(
      '2027-03-27T08:00:00.000Z',
    );
    expect(new Date(localToUtc('2027-03-28', 9, 'Europe/Stockholm')).toISOString()).toBe(
      '2027-03-28T07:00:00.000Z',
    );
    expect(new Date(localToUtc('2026-10-25', 9, 'Europe/Stockholm')).toISOString()).toBe(
      '2026-10-25T08:00:00.000Z',
    );
    expect(new Date(localToUtc('2027-01-31', 9, 'America/New_York')).toISOString()).toBe(
      '2027-01-31T14:00:00.000Z',
    );
    const due = dueReminders(
      { grants: [grant('2027-03-28')], reviews: [] },
      stockholm,
      new Date('2027-03-28T07:00:00Z'),
      new Set(),
    );
    expect(due.map((r) => [r.step, r.dueAt])).toEqual([['day-of', '2027-03-28T07:00:00.000Z']]);
    expect(
      dueReminders(
        { grants: [grant('2027-03-28')], reviews: [] },
        stockholm,
        new Date('2027-03-28T06:59:59Z'),
        new Set(['grant:g1:2027-03-28:lead-7', 'grant:g1:2027-03-28:lead-1']),
      ),
    ).toEqual([]);
  });

  it('says once where things stand when the browser was closed through several steps', () => {
    const heard = replay(
      [grant('2027-01-31')],
      ['2027-02-03T12:00:00Z', '2027-02-03T18:00:00Z', '2027-02-04T10:00:00Z'],
    );
    expect(heard).toEqual(['2027-02-03 overdue-2027-02-03', '2027-02-04 overdue-2027-02-04']);
  });

  it('stops for revoked grants and grants without an end date, and starts again for an extended one', () => {
    expect(
      replay(
        [grant('2027-01-31', { revoked: true }), { id: 'g2', businessId: 'b1', subject: 's' }],
        ['2027-02-10T12:00:00Z'],
      ),
    ).toEqual([]);
    const notified = new Set<string>(
      dueReminders(
        { grants: [grant('2027-01-31')], reviews: [] },
        stockholm,
        new Date('2027-02-10T12:00:00Z'),
        new Set(),
      ).flatMap((r) => [r.key, ...r.supersedes]),
    );
    expect(
      dueReminders(
        { grants: [grant('2027-03-31')], reviews: [] },
        stockholm,
        new Date('2027-03-24T12:00:00Z'),
        notified,
      ).map((r) => r.step),
    ).toEqual(['lead-7']);
  });

  it('reminds to review each business every 30 days', () => {
    const reviews = [{ businessId: 'b1', since: '2026-11-01T10:00:00Z' }];
    const heard = replay(
      [],
      ['2026-11-30T12:00:00Z', '2026-12-01T12:00:00Z', '2026-12-15T12:00:00Z', '2026-12-31T12:00:00Z'],
      stockholm,
      reviews,
    );
    expect(heard).toEqual(['2026-12-01 review-2026-12-01', '2026-12-31 review-2026-12-31']);
  });

  it('a grant overdue for years and a business reviewed long ago still remind once a day and once a period', () => {
    const input = {
      grants: [grant('2024-01-31')],
      reviews: [{ businessId: 'b1', since: '2020-01-01T10:00:00Z' }],
    };
    const heard = replay(
      input.grants,
      ['2027-02-03T12:00:00Z', '2027-02-03T18:00:00Z', '2027-02-04T07:59:00Z', '2027-02-04T08:00:00Z'],
      stockholm,
      input.reviews,
    );
    // 2020-01-01 + 86 × 30 days = 2027-01-24: the latest review step, and the next is 30 days later.
    expect(heard).toEqual([
      '2027-02-03 review-2027-01-24',
      '2027-02-03 overdue-2027-02-03',
      '2027-02-04 overdue-2027-02-04',
    ]);
    expect(nextReminderAt(input, stockholm, new Date('2027-02-04T08:00:00Z'), new Set())).toBe(
      '2027-02-05T08:00:00.000Z',
    );
    expect(
      nextReminderAt(
        { grants: [], reviews: input.reviews },
        stockholm,
        new Date('2027-02-04T08:00:00Z'),
        new Set(),
      ),
    ).toBe('2027-02-23T08:00:00.000Z');
    // On the review day itself, before 09:00, the latest step is still the one before.
    const reviewsOnly = { grants: [], reviews: input.reviews };
    expect(dueItems(reviewsOnly, stockholm, new Date('2027-02-23T07:59:00Z'))).toEqual([
      expect.objectContaining({ kind: 'review', dueAt: '2027-01-24T08:00:00.000Z' }),
    ]);
    expect(dueItems(reviewsOnly, stockholm, new Date('2027-02-23T08:00:00Z'))).toEqual([
      expect.objectContaining({ kind: 'review', dueAt: '2027-02-23T08:00:00.000Z' }),
    ]);
  });

  it('only the latest step of each group is worth remembering as notified', () => {
    const input = {
      grants: [grant('2027-01-31'), grant('2027-06-30', { id: 'g2' })],
      reviews: [],
      snoozes: new Map([['grant:g2', '2027-02-01T00:00:00.000Z']]),
    };
    expect([...liveKeys(input, stockholm, new Date('2027-02-03T12:00:00Z'))].sort()).toEqual([
      'grant:g1:2027-01-31:overdue-2027-02-03',
      'grant:g2:snoozed-2027-02-01T00:00:00.000Z',
    ]);
  });

  it('passes over a date it cannot read rather than fail every other reminder', () => {
    const input = {
      grants: [grant('2027-13-45'), grant('2027-01-31', { id: 'g2' })],
      reviews: [{ businessId: 'b1', since: 'yesterday' }],
      rechecks: [{ runId: 'r1', businessId: 'b1', subject: 'partner:9', dueDate: 'soon' }],
    };
    const now = new Date('2027-01-30T12:00:00Z');
    expect(dueReminders(input, stockholm, now, new Set()).map((r) => r.key)).toEqual([
      'grant:g2:2027-01-31:lead-1',
    ]);
    expect(nextReminderAt(input, stockholm, now, new Set())).toBe('2027-01-31T08:00:00.000Z');
  });

  it('knows when the next reminder falls due, for the alarm', () => {
    expect(
      nextReminderAt(
        { grants: [grant('2027-01-31')], reviews: [] },
        stockholm,
        new Date('2027-01-01T00:00:00Z'),
        new Set(),
      ),
    ).toBe('2027-01-24T08:00:00.000Z');
    expect(
      nextReminderAt({ grants: [], reviews: [] }, stockholm, new Date('2027-01-01T00:00:00Z'), new Set()),
    ).toBeUndefined();
  });
});

describe('snoozes, rechecks and what is due now', () => {
  const notifyAll = (
    input: Parameters<typeof dueReminders>[0],
    at: string,
    notified: Set<string>,
  ): string[] =>
    dueReminders(input, stockholm, new Date(at), notified).map((r) => {
      notified.add(r.key);
      r.supersedes.forEach((k) => notified.add(k));
      return r.step;
    });

  it('a snoozed grant is quiet until the snooze ends, then reminds once about where it stands', () => {
    const notified = new Set<string>();
    const input = { grants: [grant('2027-01-31')], reviews: [] };
    expect(notifyAll(input, '2027-01-30T09:30:00Z', notified)).toEqual(['lead-1']);
    // Snoozed for a day from 10:00 UTC on the 30th: nothing on the day itself before the snooze ends.
    const snoozed = { ...input, snoozes: new Map([['grant:g1', '2027-01-31T10:00:00.000Z']]) };
    expect(notifyAll(snoozed, '2027-01-31T09:00:00Z', notified)).toEqual([]);
    expect(dueItems(snoozed, stockholm, new Date('2027-01-31T09:00:00Z'))).toEqual([]);
    expect(notifyAll(snoozed, '2027-01-31T10:00:01Z', notified)).toEqual([
      'snoozed-2027-01-31T10:00:00.000Z',
    ]);
    expect(notifyAll(snoozed, '2027-01-31T15:00:00Z', notified)).toEqual([]);
    // The next day's overdue step is a new step: it reminds again.
    expect(notifyAll(snoozed, '2027-02-01T08:30:00Z', notified)).toEqual(['overdue-2027-02-01']);
  });

  it('the alarm wakes at the end of a snooze and skips steps the snooze covers', () => {
    const input = {
      grants: [grant('2027-01-31')],
      reviews: [],
      snoozes: new Map([['grant:g1', '2027-01-30T12:00:00.000Z']]),
    };
    const notified = new Set(['grant:g1:2027-01-31:lead-7']);
    const plain = { grants: input.grants, reviews: [] };
    expect(nextReminderAt(plain, stockholm, new Date('2027-01-29T00:00:00Z'), notified)).toBe(
      '2027-01-30T08:00:00.000Z',
    );
    // The lead-1 step (Jan 30, 08:00 UTC) falls inside the snooze: the snooze's end comes instead.
    expect(nextReminderAt(input, stockholm, new Date('2027-01-29T00:00:00Z'), notified)).toBe(
      '2027-01-30T12:00:00.000Z',
    );
  });

  it('an offboarding recheck is due on its date and counts as due until it is done', () => {
    const input = {
      grants: [],
      reviews: [],
      rechecks: [{ runId: 'r1', businessId: 'b1', subject: 'partner:9', dueDate: '2027-01-08' }],
    };
    const notified = new Set<string>();
    expect(notifyAll(input, '2027-01-08T07:00:00Z', notified)).toEqual([]);
    expect(notifyAll(input, '2027-01-08T08:00:00Z', notified)).toEqual(['recheck']);
    expect(notifyAll(input, '2027-01-09T08:00:00Z', notified)).toEqual([]);
    expect(dueItems(input, stockholm, new Date('2027-01-09T08:00:00Z'))).toEqual([
      expect.objectContaining({ kind: 'recheck', runId: 'r1', subject: 'partner:9' }),
    ]);
  });

  it('the badge counts grants within their lead time or overdue and due reviews, once each', () => {
    const input = {
      grants: [
        grant('2027-01-31'),
        grant('2027-01-20', { id: 'g2' }),
        grant('2027-03-01', { id: 'g3' }),
        grant('2027-01-25', { id: 'g4', revoked: true }),
        { id: 'g5', businessId: 'b1', subject: 'person:a@b.se' },
      ],
      reviews: [{ businessId: 'b1', since: '2026-12-01T10:00:00Z' }],
    };
    const items = dueItems(input, stockholm, new Date('2027-01-26T12:00:00Z'));
    expect(items.map((i) => [i.group, i.kind])).toEqual([
      ['grant:g2', 'overdue'],
      ['grant:g1', 'expiry'],
      ['review:b1', 'review'],
    ]);
  });
});
