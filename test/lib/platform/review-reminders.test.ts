import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { runLedgerCommand } from '@/lib/platform/ledger';
import { setupReminders } from '@/lib/platform/reminders';
import { me, person } from '../domain/rules/helpers';
import { B, contextAt, freshTestHub, listSnapshot, refusal, testHub, type TestHub } from './test-hub';

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

  describe('a removal decided in the review', () => {
    let now = new Date('2026-11-01T10:00:00Z');
    const nils = person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control' });
    const visit = async (snapshot: PageSnapshot) => {
      expect((await t.ask('reportSnapshot', { snapshot })).ok).toBe(true);
      await t.hub.recording.flush();
    };
    const check = async (iso: string) => {
      now = new Date(iso);
      return t.hub.reminders.check(now);
    };

    beforeEach(async () => {
      await t.close();
      fakeBrowser.reset();
      vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
      now = new Date('2026-11-01T10:00:00Z');
      t = testHub({ now: () => now });
      await visit(listSnapshot('people', [me, nils]));
      // Nils's access is recorded until 20 November.
      const documented = await runLedgerCommand(
        t.store,
        {
          type: 'document',
          businessId: B,
          subject: 'person:nils@byraab.se',
          assets: [],
          case: 'Agency retainer',
          startsAt: '2026-11-01',
          endsAt: '2026-11-20',
        },
        contextAt('2026-11-01T10:00:00Z'),
      );
      if (!documented.ok) throw new Error(refusal(documented));
      const started = await t.ask('reviewStart', { businessId: B });
      if (!started.ok) throw new Error(refusal(started));
      now = new Date('2026-11-02T10:00:00Z');
      const decided = await t.ask('reviewDecide', {
        campaignId: started.value.campaign.id,
        decisions: [{ itemId: 'person:nils@byraab.se|portfolio', kind: 'revoke', rationale: 'Left' }],
      });
      if (!decided.ok) throw new Error(refusal(decided));
      campaignId = started.value.campaign.id;
    });
    let campaignId = '';
    const removalNote = () => created()[`scopekeeper-reminder:removal:${campaignId}`];

    it('is reminded daily once still present 7 days after the decision, naming the business and the access, until verified', async () => {
      expect((await check('2026-11-09T09:30:00Z')).notified).toEqual([]);
      expect(t.hub.reminders.currentDue(B).some((d) => d.kind === 'removal')).toBe(false);
      // Overdue at 10:00 on the 9th: reminded at the next reminder hour (09:00 on the 10th).
      const first = await check('2026-11-10T09:05:00Z');
      expect(first.notified).toEqual([`removal:${campaignId}:2026-11-09T10:00:00.000Z:2026-11-10`]);
      expect(removalNote()).toMatchObject({
        title: 'Still present after 7 days: Nils Holm (nils@byraab.se)',
        message: expect.stringMatching(
          new RegExp(`^business ${B} · Business portfolio: Full control\\. The access review decided`),
        ),
      });
      expect(t.hub.reminders.currentDue(B)).toContainEqual(
        expect.objectContaining({ kind: 'removal', campaignId, label: 'Nils Holm (nils@byraab.se)' }),
      );
      // Once a day, not at every check.
      expect((await check('2026-11-10T15:00:00Z')).notified).toEqual([]);
      expect((await check('2026-11-11T09:05:00Z')).notified).toEqual([
        `removal:${campaignId}:2026-11-09T10:00:00.000Z:2026-11-11`,
      ]);
      // The panel's "Open" leads to the page where it is switched off.
      await t.hub.reminders.openGroup(`removal:${campaignId}`);
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(
        `https://business.facebook.com/latest/settings/business_users?business_id=${B}`,
      );
      // A read shows Nils gone: verified, and no longer reminded.
      now = new Date('2026-11-11T12:00:00Z');
      await visit(listSnapshot('people', [me]));
      expect((await check('2026-11-12T09:05:00Z')).notified).toEqual([]);
      expect(t.hub.reminders.currentDue(B).some((d) => d.kind === 'removal')).toBe(false);
    });

    it('stops a revoked principal’s grant reminders when the removal is verified, not at the decision', async () => {
      // Decided on the 2nd, not yet seen gone: the grant ending on the 20th still reminds 7 days before.
      const lead = await check('2026-11-13T09:05:00Z');
      expect(lead.notified.filter((key) => key.startsWith('grant:'))).toHaveLength(1);
      now = new Date('2026-11-14T10:00:00Z');
      await visit(listSnapshot('people', [me]));
      const after = await check('2026-11-19T09:05:00Z');
      expect(after.notified.filter((key) => key.startsWith('grant:'))).toEqual([]);
      expect(
        t.hub.reminders.currentDue(B).filter((d) => d.kind === 'expiry' || d.kind === 'overdue'),
      ).toEqual([]);
    });
  });
});
