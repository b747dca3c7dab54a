import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LedgerStore } from '@/lib/ledger/store';
import { computeTabState } from '@/lib/platform/hub/tab-state';
import { person } from '../domain/rules/helpers';
import { B, freshTestHub, listSnapshot, type TestHub } from './test-hub';

/** The business's name (issue 15, item 1): kept per business, shown wherever a business is named. */

const named = (name?: string) => ({
  ...listSnapshot('people', [person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control' })]),
  ...(name ? { businessName: name } : {}),
});

const created = () =>
  fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string; message: string }>;

describe('the business name in the background', () => {
  let t: TestHub;

  beforeEach(() => {
    t = freshTestHub('2026-11-28T12:00:00Z', 'en-GB');
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'UTC',
    } as Intl.ResolvedDateTimeFormatOptions);
  });
  afterEach(() => t.close());

  it('is kept per business as a page last showed it, and a read without one does not forget it', async () => {
    expect(await t.store.businessName(B)).toBeUndefined();
    await t.store.recordSnapshot(named('Sjöbod Café AB'), new Date('2026-11-01T09:00:00Z'));
    await t.store.recordSnapshot(named(), new Date('2026-11-02T09:00:00Z'));
    expect(await t.store.businessName(B)).toBe('Sjöbod Café AB');
    await t.store.recordSnapshot(named('Sjöbod Café & Bar AB'), new Date('2026-11-03T09:00:00Z'));
    expect([...(await t.store.businessNames())]).toEqual([[B, 'Sjöbod Café & Bar AB']]);
    // A worker restarted reads it back from the ledger.
    const restarted = new LedgerStore(t.dbName);
    try {
      expect(await restarted.businessName(B)).toBe('Sjöbod Café & Bar AB');
    } finally {
      restarted.close();
    }
  });

  it('goes with "Delete all data"', async () => {
    await t.store.recordSnapshot(named('Sjöbod Café AB'), new Date('2026-11-01T09:00:00Z'));
    await t.store.deleteAll();
    expect(await t.store.businessName(B)).toBeUndefined();
  });

  it('names the business in a review notification; the ID when no page has shown a name', async () => {
    const review = async (name?: string) => {
      await t.store.recordSnapshot(named(name), new Date('2026-11-01T09:00:00Z'));
      await t.store.saveReminderState({
        notified: [],
        snoozes: {},
        reviewSince: { [B]: '2026-10-01T10:00:00.000Z' },
      });
      await t.hub.reminders.check(new Date('2026-11-28T12:00:00Z'));
      return created()[`scopekeeper-reminder:review:${B}`]?.title;
    };
    expect(await review()).toBe(`Time to review access: business ${B}`);
    await fakeBrowser.notifications.clear(`scopekeeper-reminder:review:${B}`);
    expect(await review('Sjöbod Café AB')).toBe('Time to review access: Sjöbod Café AB');
  });

  it('shows in the popup’s state and the panel’s, and in the change timeline’s list of businesses', async () => {
    const snapshot = named('Sjöbod Café AB');
    await t.ask('reportSnapshot', { snapshot });
    await t.hub.recording.flush();
    const popup = await t.ask('popupState', { tabId: 1 });
    expect(popup).toMatchObject({ ok: true, value: { businessId: B, names: { [B]: 'Sjöbod Café AB' } } });
    // The panel on a page that does not show the name (an asset page) still names the business.
    await t.showPage(named());
    expect((await computeTabState(t.hub, 1)).businessName).toBe('Sjöbod Café AB');
    const watched = await t.ask('watchedBusinesses', {});
    expect(watched).toMatchObject({
      ok: true,
      value: { businesses: [{ businessId: B, name: 'Sjöbod Café AB' }] },
    });
  });

  it('stays unknown when no page showed it: no name in any state', async () => {
    await t.ask('reportSnapshot', { snapshot: named() });
    await t.hub.recording.flush();
    const popup = await t.ask('popupState', { tabId: 1 });
    expect(popup).toMatchObject({ ok: true, value: { names: {} } });
    expect((await computeTabState(t.hub, 1)).businessName).toBeUndefined();
  });
});
