import type { UiLocale } from '../locales';
import type { Catalogue } from './shape';
import { addCatalogue, hasCatalogue } from './words';

/** Each language but English (always there, ./words.ts), loaded on its own when it is needed. */
const loaders: Record<Exclude<UiLocale, 'en'>, () => Promise<Catalogue>> = {
  sv: () => import('./sv/index').then((module) => module.sv),
  fr: () => import('./fr/index').then((module) => module.fr),
};

/**
 * Loads one language's catalogue, for a screen that speaks only one and imports ./words.ts rather than the
 * index of all three (the panel: the other two are ~90 KB of code on the admin's page, issue 12, item 4).
 * Resolved once `catalogue(locale)` gives its words.
 */
export async function loadCatalogue(locale: UiLocale): Promise<void> {
  if (hasCatalogue(locale) || locale === 'en') return;
  addCatalogue(locale, await loaders[locale]());
}
