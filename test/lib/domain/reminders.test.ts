import { describe, expect, it } from 'vitest';
import {
  dueReminders,
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
    for (const r of dueReminders(grants, reviews, settings, new Date(at), notified)) {
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
      [grant('2027-03-28')],
      [],
      stockholm,
      new Date('2027-03-28T07:00:00Z'),
      new Set(),
    );
    expect(due.map((r) => [r.step, r.dueAt])).toEqual([['day-of', '2027-03-28T07:00:00.000Z']]);
    expect(
      dueReminders(
        [grant('2027-03-28')],
        [],
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
      dueReminders([grant('2027-01-31')], [], stockholm, new Date('2027-02-10T12:00:00Z'), new Set()).flatMap(
        (r) => [r.key, ...r.supersedes],
      ),
    );
    expect(
      dueReminders([grant('2027-03-31')], [], stockholm, new Date('2027-03-24T12:00:00Z'), notified).map(
        (r) => r.step,
      ),
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

  it('knows when the next reminder falls due, for the alarm', () => {
    expect(
      nextReminderAt([grant('2027-01-31')], [], stockholm, new Date('2027-01-01T00:00:00Z'), new Set()),
    ).toBe('2027-01-24T08:00:00.000Z');
    expect(nextReminderAt([], [], stockholm, new Date('2027-01-01T00:00:00Z'), new Set())).toBeUndefined();
  });
});
