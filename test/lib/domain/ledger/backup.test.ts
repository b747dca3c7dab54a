import { describe, expect, it } from 'vitest';
import { backupDueAt, isBackupDue } from '@/lib/domain/ledger/backup';

const now = new Date('2026-11-28T12:00:00Z');

describe('the backup reminder', () => {
  it('falls due a month after the last export, or after the oldest record when never exported', () => {
    expect(backupDueAt({ everyDays: 30, firstDataAt: '2026-10-01T00:00:00.000Z' })).toBe(
      '2026-10-31T00:00:00.000Z',
    );
    expect(
      backupDueAt({
        everyDays: 30,
        firstDataAt: '2026-10-01T00:00:00.000Z',
        lastExportAt: '2026-11-20T00:00:00.000Z',
      }),
    ).toBe('2026-12-20T00:00:00.000Z');
    expect(backupDueAt({ everyDays: 30 })).toBeUndefined();
    expect(backupDueAt({ everyDays: 0, firstDataAt: '2026-10-01T00:00:00.000Z' })).toBeUndefined();
  });

  it('is suggested once per period while due', () => {
    const old = { everyDays: 30, firstDataAt: '2026-09-01T00:00:00Z', now };
    expect(isBackupDue(old)).toBe(true);
    expect(isBackupDue({ ...old, lastExportAt: '2026-10-01T00:00:00Z' })).toBe(true);
    expect(isBackupDue({ ...old, lastRemindedAt: '2026-11-10T00:00:00Z' })).toBe(false);
    expect(isBackupDue({ ...old, lastRemindedAt: '2026-10-20T00:00:00Z' })).toBe(true);
  });

  it('is not suggested without data, when switched off, after a recent export, or for a new ledger', () => {
    expect(isBackupDue({ everyDays: 30, now })).toBe(false);
    expect(isBackupDue({ everyDays: 0, firstDataAt: '2026-09-01T00:00:00Z', now })).toBe(false);
    expect(
      isBackupDue({
        everyDays: 30,
        firstDataAt: '2026-09-01T00:00:00Z',
        lastExportAt: '2026-11-20T00:00:00Z',
        now,
      }),
    ).toBe(false);
    expect(isBackupDue({ everyDays: 30, firstDataAt: '2026-11-20T00:00:00Z', now })).toBe(false);
  });
});
