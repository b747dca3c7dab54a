import { describe, expect, it } from 'vitest';
import { parseDisplayedDate } from '@/lib/page/dates';

describe('parseDisplayedDate', () => {
  it.each([
    ['Dec 31, 2026', 'en', '2026-12-31'],
    ['December 31, 2026', 'en', '2026-12-31'],
    ['31 dec. 2026', 'sv', '2026-12-31'],
    ['31 december 2026', 'sv', '2026-12-31'],
    ['15 okt. 2027', 'sv', '2027-10-15'],
    ['31 déc. 2026', 'fr', '2026-12-31'],
    ['le 1 févr. 2027', 'fr', '2027-02-01'],
    ['1er\u00a0mars 2027'.replace('er', ''), 'fr', '2027-03-01'],
    ['2026-12-31', 'sv', '2026-12-31'],
    ['31/12/2026', 'fr', '2026-12-31'],
    ['12/31/2026', 'en', '2026-12-31'],
  ])('reads %s (%s)', (text, locale, expected) => {
    expect(parseDisplayedDate(text, locale)).toBe(expected);
  });

  it.each([['tomorrow'], ['Feb 30, 2027'], ['31 foo 2026'], ['']])('refuses %j rather than guess', (text) => {
    expect(parseDisplayedDate(text, 'en')).toBeUndefined();
  });
});
