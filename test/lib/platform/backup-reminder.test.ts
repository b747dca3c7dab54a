import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { B, freshTestHub, type TestHub } from './test-hub';

const BACKUP_NOTIFICATION = 'scopekeeper-reminder:backup';

describe('the backup reminder', () => {
  let t: TestHub;
  const note = (at: string) =>
    t.store.appendDecision({
      at,
      businessId: B,
      subject: 'partner:1',
      action: 'note',
      rationale: 'x',
      decidedBy: 'a',
    });

  beforeEach(() => {
    t = freshTestHub('2026-11-28T12:00:00Z', 'en-US');
  });
  afterEach(() => t.close());

  it('suggests an export a month after the first record, then once a month, in the browser’s language', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(undefined as never);
    /** Checks the reminders at `iso`; whether that check suggested an export. */
    const suggests = async (iso: string) => {
      create.mockClear();
      await t.hub.reminders.check(new Date(iso));
      return create.mock.calls.some((call: unknown[]) => call[0] === BACKUP_NOTIFICATION);
    };
    expect(await suggests('2026-11-28T12:00:00Z')).toBe(false);
    await note('2026-11-28T12:00:00.000Z');
    expect(await suggests('2026-12-05T12:00:00Z')).toBe(false);
    expect(await suggests('2026-12-29T12:00:00Z')).toBe(true);
    expect(create).toHaveBeenCalledWith(
      BACKUP_NOTIFICATION,
      expect.objectContaining({ title: 'Export your Scopekeeper ledger' }),
    );
    expect(await suggests('2026-12-30T12:00:00Z')).toBe(false);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-FR');
    expect(await suggests('2027-01-29T12:00:00Z')).toBe(true);
    expect(create).toHaveBeenLastCalledWith(
      BACKUP_NOTIFICATION,
      expect.objectContaining({ title: 'Exportez votre registre Scopekeeper' }),
    );
  });

  it('counts on the badge and in the popup while due, opens the settings, and goes once exported', async () => {
    const { reminders } = t.hub;
    vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(undefined as never);
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await note('2026-10-01T12:00:00.000Z');
    expect((await reminders.check(new Date('2026-10-20T12:00:00Z'))).badge).toBe(0);
    expect((await reminders.check(new Date('2026-11-28T12:00:00Z'))).badge).toBe(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(reminders.currentDue()).toEqual([
      expect.objectContaining({ group: 'backup', kind: 'backup', label: 'Export your Scopekeeper ledger' }),
    ]);
    // No business's panel lists it: it belongs to no business.
    expect(reminders.currentDue(B)).toEqual([]);
    await reminders.openGroup('backup');
    expect(openOptions).toHaveBeenCalled();
    await t.store.setTime('lastExportAt', new Date('2026-11-28T12:30:00.000Z'));
    expect((await reminders.check(new Date('2026-11-28T13:00:00Z'))).badge).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
