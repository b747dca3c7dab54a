import { expect } from 'vitest';
import { uiLocales, type UiLocale } from '@/lib/domain/locales';

/**
 * Codes with facts (lib/domain/coded-facts.ts: read problems, checklist evidence) and the sentences the
 * screen turns them into, as a test holds them to their contract.
 */
export interface CodedSentences<C extends string, T extends { code: C; facts?: object }> {
  codes: readonly C[];
  /** One of each code, with the facts its producer gives it. */
  example(code: C): T;
  schema: { safeParse(value: unknown): { success: boolean } };
  /** The facts each code carries. */
  facts: Readonly<Record<C, readonly string[]>>;
  describe(locale: UiLocale, coded: T): string;
  /** What no sentence may show: a fact that was missing, an object written as text. */
  notInSentence: RegExp;
  /** Facts a sentence puts into words (a section, a kind of principal) rather than shows as given. */
  factsInWords?: readonly string[];
}

/** Every code has a sentence in every UI language, with every fact in it. */
export function expectSentenceForEveryCode<C extends string, T extends { code: C; facts?: object }>(
  spec: CodedSentences<C, T>,
): void {
  for (const locale of uiLocales) {
    for (const code of spec.codes) {
      const coded = spec.example(code);
      expect(spec.schema.safeParse(coded).success, code).toBe(true);
      expect(Object.keys(coded.facts ?? {}).sort(), code).toEqual([...spec.facts[code]].sort());
      const sentence = spec.describe(locale, coded);
      expect(sentence.length, `${locale} ${code}`).toBeGreaterThan(10);
      expect(sentence, `${locale} ${code}`).not.toMatch(spec.notInSentence);
      for (const [name, value] of Object.entries(coded.facts ?? {}))
        if (!spec.factsInWords?.includes(name))
          expect(sentence, `${locale} ${code} ${name}`).toContain(String(value));
    }
  }
}

/** Translated: no sentence in another UI language is the English one. */
export function expectEveryCodeTranslated<C extends string, T extends { code: C; facts?: object }>(
  spec: CodedSentences<C, T>,
): void {
  for (const locale of uiLocales.filter((l) => l !== 'en'))
    for (const code of spec.codes)
      expect(spec.describe(locale, spec.example(code)), `${locale} ${code}`).not.toBe(
        spec.describe('en', spec.example(code)),
      );
}
