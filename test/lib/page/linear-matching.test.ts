import { describe, expect, it } from 'vitest';
import { matchPortfolioAccess } from '@/lib/page/match';
import { findEmail } from '@/lib/page/text';

/** The pattern findEmail used to search with (quadratic on long text without spaces): the reference. */
const reference = /[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}/;

/** A small deterministic generator, so a failure names a case that can be run again. */
function* strings(count: number, alphabet: string, maxLength: number): Generator<string> {
  let seed = 20261130;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < count; i++) {
    const length = next() % maxLength;
    let s = '';
    for (let j = 0; j < length; j++) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

/** Page text is written by other people: a name may be 100,000 characters long and made to be slow. */
const timed = (work: () => unknown) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

describe('text matching takes linear time', () => {
  it('finds the same address as the pattern it replaces, on 5,000 generated texts', () => {
    for (const text of strings(5000, 'ab.@ (e)1,:', 40))
      expect(findEmail(text), JSON.stringify(text)).toBe(reference.exec(text)?.[0]);
    expect(findEmail('Anna Berg anna@sjobod.se (you)')).toBe('anna@sjobod.se');
    expect(findEmail('lena@studio.example2 · Pending')).toBe('lena@studio.example');
  });

  it('reads an access label with a note after it, and leaves other text alone', () => {
    expect(matchPortfolioAccess('Full control (formerly admin)')).toBe('full-control');
    expect(matchPortfolioAccess('Partial access')).toBe('partial');
    expect(matchPortfolioAccess('Full control (a) (b)')).toBeUndefined();
    expect(matchPortfolioAccess('(Full control)')).toBeUndefined();
  });

  it('answers on 100,000-character texts made to be slow in a fraction of a second', () => {
    const n = 100_000;
    // Quadratic matching would take about 10^10 steps on these (minutes); linear takes milliseconds.
    const cases: [string, () => unknown][] = [
      ['a name without spaces or @', () => findEmail('a'.repeat(n))],
      ['an @ with no domain dot', () => findEmail(`${'a'.repeat(n / 2)}@${'b'.repeat(n / 2)}`)],
      ['many @ in a row', () => findEmail('a@'.repeat(n / 2))],
      ['a name of opening brackets ending in )', () => matchPortfolioAccess(`${'('.repeat(n)})`)],
      ['brackets and spaces ending in )', () => matchPortfolioAccess(`${'( '.repeat(n / 2)})`)],
    ];
    for (const [label, work] of cases) expect(timed(work), label).toBeLessThan(1000);
  });
});
