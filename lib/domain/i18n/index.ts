import type { UiLocale } from '../locales';
import type { Problem } from '../problems';
import { en } from './en/index';
import { fr } from './fr/index';
import { sv } from './sv/index';

/** The shape every language's catalogue has: English's. A missing or extra key fails the build. */
export type Catalogue = typeof en;

const catalogues: Record<UiLocale, Catalogue> = { en, sv, fr };

export function catalogue(locale: UiLocale): Catalogue {
  return catalogues[locale];
}

/** A problem in the admin's words. */
export function describeProblem(locale: UiLocale, problem: Problem): string {
  return catalogues[locale].problems[problem.code](problem.facts);
}
