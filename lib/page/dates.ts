import { pageLocales } from '../domain/locales';
import { allVariants, dateWords, monthWords } from './lexicon';
import { normalizeText } from './text';

const monthIndex = new Map<string, number>();
for (const locale of pageLocales) {
  monthWords[locale].forEach((names, i) => {
    for (const name of names) if (!monthIndex.has(name)) monthIndex.set(name, i + 1);
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any of the given words, longest first so that "t.o.m." wins over "t.o.m". */
const anyOf = (variants: typeof dateWords.leads) =>
  [...new Set(allVariants(variants))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

const leadPattern = new RegExp(`^(?:${anyOf(dateWords.leads)})\\s+`);
// "le 31 déc. 2026", "31 dec. 2026", "31 december 2026", "1er mars 2027"
const dayMonthYear = new RegExp(
  `^(\\d{1,2})(?:${anyOf(dateWords.ordinals)})? ([\\p{L}]+)\\.? (\\d{4})$`,
  'u',
);

function numericOrder(locale: string): 'month-day' | 'day-month' {
  const known = pageLocales.find((l) => l === locale);
  // A page in no language the lexicon knows: day first, as most of the world writes it.
  return known ? dateWords.numericOrder[known] : 'day-month';
}

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a date as Business Settings writes it in en, sv or fr: "Dec 31, 2026", "31 dec. 2026",
 * "31 déc. 2026", "31 december 2026", "2026-12-31", "31/12/2026" (day first, as sv and fr write it) or
 * "12/31/2026" (en-US). Returns an ISO date, or undefined when the text is not a date it is sure of.
 * The words around the numbers are the lexicon's (dateWords, monthWords).
 */
export function parseDisplayedDate(text: string, locale: string): string | undefined {
  const normal = normalizeText(text).replace(/,/g, ' ').replace(/\s+/g, ' ').trim().replace(leadPattern, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(normal);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(normal);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return numericOrder(locale) === 'month-day' ? iso(Number(m[3]), a, b) : iso(Number(m[3]), b, a);
  }
  m = dayMonthYear.exec(normal);
  if (m) {
    const month = monthIndex.get(m[2]!);
    return month ? iso(Number(m[3]), month, Number(m[1])) : undefined;
  }
  // "dec 31 2026", "december 31 2026"
  m = /^([\p{L}]+)\.? (\d{1,2}) (\d{4})$/u.exec(normal);
  if (m) {
    const month = monthIndex.get(m[1]!);
    return month ? iso(Number(m[3]), month, Number(m[2])) : undefined;
  }
  return undefined;
}
