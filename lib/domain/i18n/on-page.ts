import type { UiLocale } from '../locales';
import type { Problem, ReportProblemCode } from '../problems';
import { onPage as en } from './en/on-page';
import { reportProblems as enProblems } from './en/problems';
import { onPage as fr } from './fr/on-page';
import { reportProblems as frProblems } from './fr/problems';
import { onPage as sv } from './sv/on-page';
import { reportProblems as svProblems } from './sv/problems';

/**
 * The words the content script says on the page itself, for what the panel cannot say: the background
 * refused what was read, or cannot be reached. The same words as the catalogue's (`catalogue(l).onPage`,
 * `catalogue(l).problems`), imported without the rest of it, so the script that runs inside
 * business.facebook.com stays small: of the problems, only those a report can be answered with
 * (`ReportProblemCode`, issue 12, item 2).
 */
const words = { en, sv, fr } satisfies Record<UiLocale, typeof en>;
const problems = { en: enProblems, sv: svProblems, fr: frProblems } satisfies Record<
  UiLocale,
  typeof enProblems
>;

export function onPageWords(locale: UiLocale): typeof en {
  return words[locale];
}

/** Whether a code is one a report can be answered with (the page has its words). */
export const isReportProblemCode = (code: string): code is ReportProblemCode =>
  Object.hasOwn(enProblems, code);

/** Why the background refused a snapshot, in the admin's words, as a sentence of what the page says. */
export function describeRefusal(locale: UiLocale, problem: Problem): string {
  const w = words[locale];
  // A refused report is the reader's output, not a form: "the field … is missing" would mislead.
  if (problem.code === 'invalid-request')
    return w.refused(
      problem.facts?.issue === 'too_big' ? w.tooLarge : w.invalid(String(problem.facts?.field ?? '-')),
    );
  // Any other code is not an answer to a report: said as something that went wrong, naming the code.
  if (!isReportProblemCode(problem.code))
    return w.refused(problems[locale].internal({ message: problem.code }));
  return w.refused(problems[locale][problem.code](problem.facts));
}
