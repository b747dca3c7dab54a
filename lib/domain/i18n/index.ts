import { isLegacyEvidence, type StepEvidence } from '../checklists/evidence-seen';
import type { UiLocale } from '../locales';
import type { Problem } from '../problems';
import { en } from './en/index';
import { fr } from './fr/index';
import { sv } from './sv/index';
import type { Catalogue } from './shape';

export type { Catalogue } from './shape';

const catalogues: Record<UiLocale, Catalogue> = { en, sv, fr };

export function catalogue(locale: UiLocale): Catalogue {
  return catalogues[locale];
}

/** A problem in the admin's words. */
export function describeProblem(locale: UiLocale, problem: Problem): string {
  return catalogues[locale].problems[problem.code](problem.facts);
}

/** What a step's evidence showed, in the admin's words; an older tick's English sentence is shown as it was. */
export function describeEvidence(locale: UiLocale, seen: StepEvidence): string {
  return isLegacyEvidence(seen) ? seen : catalogues[locale].evidence[seen.code](seen.facts);
}
