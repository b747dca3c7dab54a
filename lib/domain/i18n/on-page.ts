import type { UiLocale } from '../locales';
import type { Problem } from '../problems';
import { onPage as en } from './en/on-page';
import { problems as enProblems } from './en/problems';
import { onPage as fr } from './fr/on-page';
import { problems as frProblems } from './fr/problems';
import { onPage as sv } from './sv/on-page';
import { problems as svProblems } from './sv/problems';

/**
 * The words the content script says on the page itself, for what the panel cannot say: the background
 * refused what was read, or cannot be reached. The same words as the catalogue's (`catalogue(l).onPage`,
 * `catalogue(l).problems`), imported without the rest of it, so the script that runs inside
 * business.facebook.com stays small.
 */
const words = { en, sv, fr } satisfies Record<UiLocale, typeof en>;
const problems = { en: enProblems, sv: svProblems, fr: frProblems } satisfies Record<
  UiLocale,
  typeof enProblems
>;

export function onPageWords(locale: UiLocale): typeof en {
  return words[locale];
}

/** Why the background refused a snapshot, in the admin's words, as a sentence of what the page says. */
export function describeRefusal(locale: UiLocale, problem: Problem): string {
  const w = words[locale];
  // A refused report is the reader's output, not a form: "the field … is missing" would mislead.
  if (problem.code === 'invalid-request')
    return w.refused(
      problem.facts?.issue === 'too_big' ? w.tooLarge : w.invalid(String(problem.facts?.field ?? '-')),
    );
  return w.refused(problems[locale][problem.code](problem.facts));
}
