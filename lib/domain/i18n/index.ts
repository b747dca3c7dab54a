import type { StepEvidence } from '../checklists/evidence-seen';
import type { UiLocale } from '../locales';
import type { Problem } from '../problems';
import { DRAFT_INVITEE_NAME, type Principal } from '../snapshot';
import { en } from './en/index';
import { fr } from './fr/index';
import { sv } from './sv/index';
import type { Catalogue } from './shape';

export type { Catalogue } from './shape';

const catalogues: Record<UiLocale, Catalogue> = { en, sv, fr };

export function catalogue(locale: UiLocale): Catalogue {
  return catalogues[locale];
}

/** A principal's name as the panel shows it: the page's, or ours for an invitee not typed in yet. */
export function displayName(
  locale: UiLocale,
  principal: Pick<Principal, 'name'> & { email?: string },
): string {
  return principal.name === DRAFT_INVITEE_NAME && !principal.email
    ? catalogues[locale].panel.newInvitation
    : principal.name;
}

/**
 * A problem in the admin's words. A refused field is named by its label on the form (the field's key
 * when it has none).
 */
export function describeProblem(locale: UiLocale, problem: Problem): string {
  const words = catalogues[locale];
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
  return typeof seen === 'string' ? seen : catalogues[locale].evidence[seen.code](seen.facts);
}
