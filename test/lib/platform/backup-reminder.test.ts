import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkBackupReminder } from '@/lib/platform/backup-reminder';
import { ledgerStore } from '@/lib/platform/ledger-handlers';
import { currentDue, openReminderGroup, refreshReminders } from '@/lib/platform/reminders';

const note = (at: string) =>
  ledgerStore().appendDecision({
    at,
    businessId: '1203456789012345',
    subject: 'partner:1',
    action: 'note',
    rationale: 'x',
    decidedBy: 'a',
  });

describe('the backup reminder', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    await ledgerStore().db.meta.clear();
    await ledgerStore().deleteAll();
  });

  it('suggests an export a month after the first record, then once a month, in the browser’s language', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(undefined as never);
    expect(await checkBackupReminder(new Date('2026-11-28T12:00:00Z'))).toBe(false);
    await note('2026-11-28T12:00:00.000Z');
    expect(await checkBackupReminder(new Date('2026-12-05T12:00:00Z'))).toBe(false);
    expect(await checkBackupReminder(new Date('2026-12-29T12:00:00Z'))).toBe(true);
    expect(create).toHaveBeenCalledWith(
      'scopekeeper-backup',
      expect.objectContaining({ title: 'Export your Scopekeeper ledger' }),
    );
    expect(await checkBackupReminder(new Date('2026-12-30T12:00:00Z'))).toBe(false);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-FR');
    expect(await checkBackupReminder(new Date('2027-01-29T12:00:00Z'))).toBe(true);
    expect(create).toHaveBeenLastCalledWith(
      'scopekeeper-backup',
      expect.objectContaining({ title: 'Exportez votre registre Scopekeeper' }),
    );
  });

  it('counts on the badge and in the popup while due, opens the settings, and goes once exported', async () => {
    vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(undefined as never);
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await note('2026-10-01T12:00:00.000Z');
    expect((await refreshReminders(new Date('2026-10-20T12:00:00Z'))).badge).toBe(0);
    expect((await refreshReminders(new Date('2026-11-28T12:00:00Z'))).badge).toBe(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(currentDue()).toEqual([
      expect.objectContaining({ group: 'backup', kind: 'backup', label: 'Export your Scopekeeper ledger' }),
    ]);
    // No business's panel lists it: it belongs to no business.
    expect(currentDue('1203456789012345')).toEqual([]);
    await openReminderGroup('backup');
    expect(openOptions).toHaveBeenCalled();
    await ledgerStore().db.meta.put({ key: 'lastExportAt', value: '2026-11-28T12:30:00.000Z' });
    expect((await refreshReminders(new Date('2026-11-28T13:00:00Z'))).badge).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
