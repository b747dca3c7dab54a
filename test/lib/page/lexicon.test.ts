import { describe, expect, it } from 'vitest';
import { pageLocales } from '@/lib/domain/locales';
import type { AssetType } from '@/lib/domain/snapshot';
import {
  actions,
  assetTypeWords,
  legacyRoles,
  markers,
  navigation,
  portfolioAccess,
  taskWords,
  type Variants,
} from '@/lib/page/lexicon';
import { matchPortfolioAccess, matchTask } from '@/lib/page/match';
import { normalizeText } from '@/lib/page/text';

const groups: Record<string, Record<string, Variants>> = {
  navigation,
  portfolioAccess,
  markers,
  assetTypeWords,
  actions,
  tasks: Object.fromEntries(taskWords.map((t, i) => [`${t.concept}#${i}`, t.words])),
  legacy: Object.fromEntries(legacyRoles.map((r, i) => [String(i), r.words])),
};

describe('the lexicon', () => {
  it('has every concept in English, Swedish and French', () => {
    for (const [group, concepts] of Object.entries(groups)) {
      for (const [concept, variants] of Object.entries(concepts)) {
        for (const locale of pageLocales)
          expect(variants[locale].length, `${group}.${concept}.${locale}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives each portfolio-access word one meaning', () => {
    const seen = new Map<string, string>();
    for (const [level, variants] of Object.entries(portfolioAccess)) {
      for (const locale of pageLocales) {
        for (const word of variants[locale]) {
          const key = normalizeText(word);
          expect(seen.get(key) ?? level, `${word} is both ${seen.get(key)} and ${level}`).toBe(level);
          seen.set(key, level);
          expect(matchPortfolioAccess(word)).toBe(level);
        }
      }
    }
  });

  it('gives each task word one meaning per asset type', () => {
    const types: AssetType[] = ['page', 'ad-account', 'catalog', 'dataset', 'instagram', 'whatsapp', 'app'];
    for (const type of types) {
      const seen = new Map<string, string>();
      for (const entry of taskWords.filter((t) => t.on.includes(type))) {
        for (const locale of pageLocales) {
          for (const word of entry.words[locale]) {
            const key = normalizeText(word);
            expect(seen.get(key) ?? entry.concept, `${type}: ${word}`).toBe(entry.concept);
            seen.set(key, entry.concept);
            expect(matchTask(word, type)).toBe(entry.concept);
          }
        }
      }
    }
  });

  it('matches after NFKC, space, quote and case folding', () => {
    expect(normalizeText('Contrôle\u00a0total')).toBe('contrôle total');
    expect(normalizeText('L\u2019accès\u202fexpire')).toBe("l'accès expire");
    expect(normalizeText('\u00abTout\u00bb')).toBe('"tout"');
    expect(normalizeText('  FULL\n\tCONTROL ')).toBe('full control');
    expect(matchPortfolioAccess('ACCÈS\u00a0PARTIEL')).toBe('partial');
    expect(matchTask('Développer l\u2019application', 'app')).toBe('develop');
  });
});
