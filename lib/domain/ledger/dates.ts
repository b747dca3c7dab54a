import { z } from 'zod';

/**
 * Real calendar dates for the ledger's records (issue 11, item 3). A regex alone let 2027-02-30 and
 * 9999-99-99 through, and dates are compared as strings, so a "revoked until 9999-12-31" silenced a
 * reminder forever. A date is real when the calendar has it, and sane when its year is 2000..2199 (the
 * import also bounds it by its own clock: lib/domain/ledger/import.ts).
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2199;

export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO date-time with offset whose calendar part is real (the same range as dates). */
export function isRealDateTime(text: string): boolean {
  return isRealDate(text.slice(0, 10)) && Number.isFinite(Date.parse(text));
}

export const realDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)')
  .refine(isRealDate, 'a real calendar date, years 2000 to 2199');

export const realDateTimeSchema = z
  .string()
  .datetime({ offset: true })
  .refine(isRealDateTime, 'a real calendar date and time, years 2000 to 2199');

const DAY = 24 * 60 * 60 * 1000;

/** Whole days from one ISO date to another (UTC calendar days). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY,
  );
}
