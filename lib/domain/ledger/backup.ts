const DAY = 24 * 60 * 60 * 1000;

export interface BackupInput {
  /** Export every this many days; 0 switches the reminder off. */
  everyDays: number;
  /** When the ledger's oldest record was made; undefined while it holds nothing. */
  firstDataAt?: string;
  lastExportAt?: string;
}

/**
 * When an export falls due: `everyDays` after the last export, or after the oldest record when there was
 * never one. Undefined while the ledger is empty or the reminder is off.
 */
export function backupDueAt(input: BackupInput): string | undefined {
  const { everyDays, firstDataAt, lastExportAt } = input;
  if (!firstDataAt || everyDays <= 0) return undefined;
  const since = lastExportAt && lastExportAt > firstDataAt ? lastExportAt : firstDataAt;
  const due = Date.parse(since) + everyDays * DAY;
  return Number.isFinite(due) ? new Date(due).toISOString() : undefined;
}

/**
 * Whether to suggest an export now: it is due (see `backupDueAt`) and no suggestion was shown within the
 * same period.
 */
export function isBackupDue(input: BackupInput & { now: Date; lastRemindedAt?: string }): boolean {
  const due = backupDueAt(input);
  if (!due || Date.parse(due) > input.now.getTime()) return false;
  const reminded = input.lastRemindedAt ? Date.parse(input.lastRemindedAt) : -Infinity;
  return (input.now.getTime() - reminded) / DAY >= input.everyDays;
}
