import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupReminders } from '@/lib/platform/reminders';
import { B, freshTestHub, type TestHub } from './test-hub';

const created = () =>
  fakeBrowser.notifications.getAllCreateOptions() as Record<
    string,
    { title: string; message: string; buttons?: { title: string }[] }
  >;

/** Issue 14: the access review's reminders (start from the periodic review). */
describe('the access review’s reminders', () => {
  let t: TestHub;
  beforeEach(() => {
    t = freshTestHub('2026-11-28T12:00:00Z', 'en-GB');
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'UTC',
    } as Intl.ResolvedDateTimeFormatOptions);
  });
  afterEach(() => t.close());

  it('the periodic review’s notification offers the access review; a click or its button opens the page that starts it', async () => {
    const { hub, store } = t;
    await store.saveReminderState({
      notified: [],
      snoozes: {},
      reviewSince: { [B]: '2026-10-01T10:00:00.000Z' },
    });
    await hub.reminders.check(new Date('2026-11-28T12:00:00Z'));
    const shown = created()[`scopekeeper-reminder:review:${B}`]!;
    expect(shown.message).toMatch(/Start the access review/);
    expect(shown.buttons).toEqual([{ title: 'Start the access review' }]);

    setupReminders(hub);
    const reviewPages = async () =>
      (await fakeBrowser.tabs.query({}))
        .map((tab) => tab.url ?? '')
        .filter((url) => url.includes('review.html'));
    await fakeBrowser.notifications.onClicked.trigger(`scopekeeper-reminder:review:${B}`);
    await vi.waitFor(async () =>
      expect(await reviewPages()).toEqual([
        expect.stringMatching(new RegExp(`/review\\.html\\?business=${B}&start=1$`)),
      ]),
    );
    // Not Business Settings: the page itself starts (or resumes) the review.
    expect((await fakeBrowser.tabs.query({})).some((tab) => tab.url?.includes('business.facebook.com'))).toBe(
      false,
    );
    await fakeBrowser.notifications.onButtonClicked.trigger(`scopekeeper-reminder:review:${B}`, 0);
    await vi.waitFor(async () => expect(await reviewPages()).toHaveLength(2));
  });
});
