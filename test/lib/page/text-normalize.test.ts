import { describe, expect, it } from 'vitest';
import { normalizeText, stripHiddenCharacters } from '@/lib/page/text';

/** The normalisation as LEXICON.md defines it, done the long way for every text. */
const reference = (text: string) =>
  stripHiddenCharacters(text)
    .normalize('NFKC')
    .replace(/[\u2019\u2018\u02bc\u2032]/g, "'")
    .replace(/[\u00ab\u00bb\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

describe('normalising page text (issue 12: plain ASCII takes a short way)', () => {
  it('gives the same as the long way for plain ASCII and for everything else', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const ascii = ' !"\'()-.:@ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789  ';
    const other = [
      '\u00a0',
      '\u202f',
      '\t',
      '\n',
      '\u2019',
      '\u201c',
      '\u200b',
      '\u00ad',
      'ﬁ',
      'Å',
      'é',
      'Ä',
    ];
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 24);
      let text = '';
      for (let j = 0; j < length; j++)
        text +=
          i % 2 === 0 || random() < 0.8
            ? ascii[Math.floor(random() * ascii.length)]
            : other[Math.floor(random() * other.length)];
      expect(normalizeText(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('folds what the short way must not miss', () => {
    expect(normalizeText('  Full   Control ')).toBe('full control');
    expect(normalizeText('Full\u00a0control')).toBe('full control');
    expect(normalizeText('Full\tcontrol')).toBe('full control');
    expect(normalizeText('Ad\u200bmin')).toBe('admin');
  });
});
