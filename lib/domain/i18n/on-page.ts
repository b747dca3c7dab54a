import type { Problem, ReportProblemCode } from '../problems';

/**
 * The words the content script says on the page itself, for what the panel cannot say: the background
 * refused what was read, or cannot be reached. They are the catalogue's (`catalogue(l).onPage`, and of the
 * problems only those a report can be answered with), put into the extension's `_locales` at build time
 * (page-messages.ts, wxt.config.ts), so the script that runs inside business.facebook.com carries none of
 * the three languages' sentences and asks the browser for them in the browser's language (issue 12,
 * item 2).
 */
export type PageMessageName =
  | 'page_refused'
  | 'page_tooLarge'
  | 'page_invalid'
  | 'page_unreachable'
  | 'page_dismiss'
  | `page_problem_${string}`;

/**
 * A page sentence by name, its `$1`, `$2` … given: `browser.i18n.getMessage` on the page, the catalogue's
 * own words in tests (page-messages.ts `sayFrom`).
 */
export type Say = (name: PageMessageName, substitutions?: string[]) => string;

/** The codes a report can be answered with (`ReportProblemCode`): the page has their words. */
export const reportProblemCodes = [
  'invalid-request',
  'sender-not-allowed',
  'unknown-message',
  'internal',
  'snapshot-no-tab',
  'snapshot-other-origin',
  'snapshot-not-business',
] as const satisfies readonly ReportProblemCode[];
// Every ReportProblemCode is in the list (a code added there and not here fails tsc).
const _everyReportCode: readonly (typeof reportProblemCodes)[number][] = [] as ReportProblemCode[];
void _everyReportCode;

/** Whether a code is one a report can be answered with (the page has its words). */
export const isReportProblemCode = (code: string): code is ReportProblemCode =>
  (reportProblemCodes as readonly string[]).includes(code);

/** The message name of a report problem's sentence: `$1` is its `field` fact, `$2` its `message`. */
export const problemMessageName = (code: ReportProblemCode): PageMessageName =>
  `page_problem_${code.replace(/-/g, '_')}`;

/** Why the background refused a snapshot, in the admin's words, as a sentence of what the page says. */
export function describeRefusal(say: Say, problem: Problem): string {
  const facts = problem.facts;
  // A refused report is the reader's output, not a form: "the field … is missing" would mislead.
  if (problem.code === 'invalid-request')
    return say('page_refused', [
      facts?.issue === 'too_big' ? say('page_tooLarge') : say('page_invalid', [String(facts?.field ?? '-')]),
    ]);
  // Any other code is not an answer to a report: said as something that went wrong, naming the code.
  const [code, field, message] = isReportProblemCode(problem.code)
    ? [problem.code, facts?.field, facts?.message]
    : (['internal', undefined, problem.code] as const);
  return say('page_refused', [say(problemMessageName(code), [String(field ?? ''), String(message ?? '')])]);
}
