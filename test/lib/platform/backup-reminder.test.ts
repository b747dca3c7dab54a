import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkBackupReminder } from '@/lib/platform/backup-reminder';
import { ledgerStore } from '@/lib/platform/ledger-handlers';

describe('checkBackupReminder', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await ledgerStore().db.meta.clear();
    await ledgerStore().deleteAll();
  });

  it('suggests an export once a month while the ledger holds something', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(undefined as never);
    expect(await checkBackupReminder(new Date('2026-11-28T12:00:00Z'))).toBe(false);
    await ledgerStore().appendDecision({
      at: '2026-11-28T12:00:00.000Z',
      businessId: '1',
      subject: 'partner:1',
      action: 'note',
      rationale: 'x',
      decidedBy: 'a',
    });
    expect(await checkBackupReminder(new Date('2026-11-28T12:00:00Z'))).toBe(true);
    expect(create).toHaveBeenCalledWith(
      'scopekeeper-backup',
      expect.objectContaining({ title: 'Export your Scopekeeper ledger' }),
    );
    expect(await checkBackupReminder(new Date('2026-12-05T12:00:00Z'))).toBe(false);
    expect(await checkBackupReminder(new Date('2026-12-29T12:00:00Z'))).toBe(true);
  });
});
