import type { UiLocale } from '../locales';
import type { Problem } from '../problems';
import { en } from './en';
import { fr } from './fr';
import { sv } from './sv';
import type { Catalogue } from './shape';

const catalogues: Record<UiLocale, Catalogue> = { en, sv, fr };

export function catalogue(locale: UiLocale): Catalogue {
  return catalogues[locale];
}

/** A problem in the admin's words. */
export function describeProblem(locale: UiLocale, problem: Problem): string {
  return catalogues[locale].problems[problem.code](problem.facts);
}
