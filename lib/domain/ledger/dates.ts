import { z } from 'zod';

/**
 * Real calendar dates for the ledger's records (issue 11, item 3). A regex alone let 2027-02-30 and
 * 9999-99-99 through, and dates are compared as strings, so a "revoked until 9999-12-31" silenced a
 * reminder forever. A date is real when the calendar has it, and sane when its year is 2000..2199 (the
 * import also bounds it by its own clock: lib/domain/ledger/import.ts).
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2199;

/** Days in each month of a common year (February's leap day is added below). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The ASCII digit at `at` as a number, or NaN (what `\d` matches: 0-9 only). */
function digitAt(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

/**
 * Whether `text` is exactly YYYY-MM-DD and a day the calendar has, in the sane years. Read digit by digit
 * (an import checks several dates in each of 100,000 decisions; a regex with captures and a Date for each
 * took about half of the decisions' check, issue 12).
 */
export function isRealDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const month = digitAt(text, 5) * 10 + digitAt(text, 6);
  const day = digitAt(text, 8) * 10 + digitAt(text, 9);
  // A NaN (a character that is not a digit) fails every comparison below.
  if (!(year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= MONTH_DAYS[month - 1]! + (month === 2 && leap ? 1 : 0);
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
