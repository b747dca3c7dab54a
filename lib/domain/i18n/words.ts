import type { StepEvidence } from '../checklists/evidence-seen';
import type { UiLocale } from '../locales';
import type { Problem } from '../problems';
import { DRAFT_INVITEE_NAME, type Principal } from '../snapshot';
import { en } from './en/index';
import type { Catalogue } from './shape';

export type { Catalogue } from './shape';

/**
 * The catalogues this context has. English is always here; the index (`lib/domain/i18n`) adds Swedish and
 * French when it is imported, as every screen but the panel and the background do. The panel loads its one
 * language before its first render (./load.ts), so the other two stay out of the code on the admin's page
 * (issue 12, item 4).
 */
const catalogues: Partial<Record<UiLocale, Catalogue>> = { en };

export function addCatalogue(locale: UiLocale, words: Catalogue): void {
  catalogues[locale] = words;
}

export function hasCatalogue(locale: UiLocale): boolean {
  return catalogues[locale] !== undefined;
}

/**
 * The words of one language. One that this context did not load is English: only the panel loads its
 * language itself, before it renders anything, and the language its states carry is the same browser's
 * (lib/platform/hub/index.ts `locale`).
 */
export function catalogue(locale: UiLocale): Catalogue {
  return catalogues[locale] ?? en;
}

/** A principal's name as the panel shows it: the page's, or ours for an invitee not typed in yet. */
export function displayName(
  locale: UiLocale,
  principal: Pick<Principal, 'name'> & { email?: string },
): string {
  return principal.name === DRAFT_INVITEE_NAME && !principal.email
    ? catalogue(locale).panel.newInvitation
    : principal.name;
}

/**
 * A problem in the admin's words. A refused field is named by its label on the form (the field's key
 * when it has none).
 */
export function describeProblem(locale: UiLocale, problem: Problem): string {
  const words = catalogue(locale);
  const field = problem.facts?.field;
  if (problem.code === 'invalid-request' && typeof field === 'string') {
    const label = words.fields[field.split('.')[0] as keyof Catalogue['fields']];
    if (label) return words.problems[problem.code]({ ...problem.facts, field: label });
  }
  return words.problems[problem.code](problem.facts);
}

/** What a step's evidence showed, in the admin's words; an older tick's English sentence is shown as it was. */
export function describeEvidence(locale: UiLocale, seen: StepEvidence): string {
  // A string is evidence in an earlier version's words (evidence-seen.ts `isLegacyEvidence`); not imported
  // from there, whose schemas would bring zod into every screen that speaks (the panel, issue 12).
  return typeof seen === 'string' ? seen : catalogue(locale).evidence[seen.code](seen.facts);
}
