import { templateIds, templates } from '@/lib/domain/checklists/templates';
import { catalogue } from '@/lib/domain/i18n';
import { uiLocales, type UiLocale } from '@/lib/domain/locales';
import { rules } from '@/lib/domain/rules';

/** Stands for an argument: a function's words are what it writes around it. */
const HOLE = '\u0001';

/** Every piece of words in a value of a catalogue: strings, and the fixed parts of what functions write. */
export function wordsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    let written: unknown;
    try {
      written = fn(HOLE, HOLE, HOLE, HOLE);
    } catch {
      written = fn([HOLE]); // a function of a list (the parts of a sentence)
    }
    return typeof written === 'string' ? written.split(HOLE) : [];
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(wordsOf);
  return [];
}

/** The sentences a screen in `locale` may show that are Scopekeeper's own: catalogue, rules, checklists. */
export function sentencesOf(locale: UiLocale): string[] {
  return [
    ...wordsOf(catalogue(locale)),
    ...rules.map((rule) => rule.text[locale].why),
    ...templateIds.flatMap((id) => [
      templates[id].title[locale],
      ...templates[id].steps.flatMap((s) => [s.text[locale].title, s.text[locale].hint]),
    ]),
  ].map((s) => s.trim());
}

/** A phrase of at least three words: long enough that finding it on a screen means the language is wrong. */
const isPhrase = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 3;

/**
 * The phrases of the other languages that `locale` never uses itself: any of them on a screen in `locale`
 * is a sentence that was not translated (or a screen that does not follow the browser's language).
 */
export function foreignPhrases(locale: UiLocale): string[] {
  const own = new Set(sentencesOf(locale));
  const foreign = new Set<string>();
  for (const other of uiLocales)
    if (other !== locale) for (const s of sentencesOf(other)) if (isPhrase(s) && !own.has(s)) foreign.add(s);
  return [...foreign];
}
