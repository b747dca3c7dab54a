const DAY = 24 * 60 * 60 * 1000;

/**
 * Whether to suggest an export now: the ledger holds something, reminders are on, the last export (if
 * any) is at least `everyDays` old, and no reminder was shown within the same period.
 */
export function isBackupDue(input: {
  hasData: boolean;
  everyDays: number;
  now: Date;
  lastExportAt?: string;
  lastRemindedAt?: string;
}): boolean {
  const { hasData, everyDays, now, lastExportAt, lastRemindedAt } = input;
  if (!hasData || everyDays <= 0) return false;
  const age = (iso: string | undefined) => (iso ? (now.getTime() - Date.parse(iso)) / DAY : Infinity);
  return age(lastExportAt) >= everyDays && age(lastRemindedAt) >= everyDays;
}
