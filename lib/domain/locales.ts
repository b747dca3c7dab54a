/**
 * The one list of languages. UI locales are the languages Scopekeeper speaks on its own screens (panel,
 * popup, options, notifications); page locales are the languages of Business Settings the reader
 * understands (the lexicon has their words). Every enum and picker derives from these lists: adding a
 * language starts here (README "Adding a language").
 */
export const uiLocales = ['en', 'sv', 'fr'] as const;
export type UiLocale = (typeof uiLocales)[number];

export const pageLocales = ['en', 'sv', 'fr'] as const;
export type PageLocale = (typeof pageLocales)[number];
/** A snapshot's locale: one of the page locales, or `unknown` when the page did not say. */
export const snapshotLocales = [...pageLocales, 'unknown'] as const;
export type SnapshotLocale = (typeof snapshotLocales)[number];

/** The UI language Scopekeeper speaks: the browser's, when it is one we have; English otherwise. */
export function pickUiLocale(language: string | undefined): UiLocale {
  const base = language?.slice(0, 2).toLowerCase();
  return uiLocales.find((l) => l === base) ?? 'en';
}
