import { pageLocales } from '../domain/locales';
import type { Variants } from '../domain/lexicon';
import { normalizeText } from './text';

// The words live in lib/domain/lexicon.ts (the rules quote them too); the reader imports them from here,
// beside the two helpers that turn them into what it matches: normalised variants and indexes.
export * from '../domain/lexicon';

/** Every normalised variant of a concept, in all locales. */
export function allVariants(variants: Variants): string[] {
  return pageLocales.flatMap((locale) => variants[locale].map(normalizeText));
}

/** Builds a lookup from normalised word to value, for exact matching of whole labels. */
export function buildIndex<T>(entries: readonly (readonly [Variants, T])[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const [variants, value] of entries) {
    for (const word of allVariants(variants)) if (!index.has(word)) index.set(word, value);
  }
  return index;
}
