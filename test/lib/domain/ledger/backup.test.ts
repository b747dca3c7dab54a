import { describe, expect, it } from 'vitest';
import { isBackupDue } from '@/lib/domain/ledger/backup';

const now = new Date('2026-11-28T12:00:00Z');

describe('the backup reminder', () => {
  it('is due monthly by default when there is data and no recent export or reminder', () => {
    expect(isBackupDue({ hasData: true, everyDays: 30, now })).toBe(true);
    expect(isBackupDue({ hasData: true, everyDays: 30, now, lastExportAt: '2026-10-01T00:00:00Z' })).toBe(
      true,
    );
  });

  it('is not due without data, when switched off, after a recent export, or twice in one period', () => {
    expect(isBackupDue({ hasData: false, everyDays: 30, now })).toBe(false);
    expect(isBackupDue({ hasData: true, everyDays: 0, now })).toBe(false);
    expect(isBackupDue({ hasData: true, everyDays: 30, now, lastExportAt: '2026-11-20T00:00:00Z' })).toBe(
      false,
    );
    expect(isBackupDue({ hasData: true, everyDays: 30, now, lastRemindedAt: '2026-11-10T00:00:00Z' })).toBe(
      false,
    );
  });
});
