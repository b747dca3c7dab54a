import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue, describeProblem } from '@/lib/domain/i18n';
import { describeRefusal } from '@/lib/domain/i18n/on-page';
import { pageMessages, sayFrom } from '@/lib/domain/i18n/page-messages';
import { uiLocales } from '@/lib/domain/locales';
import { problemCodes } from '@/lib/domain/problems';
import { wordsOf } from './sentences';

/** Keys whose words are the same in every language (names, codes, numbers and a few loan words). */
const sameEverywhere = new Set([
  'Scopekeeper',
  'Partner',
  'Notes',
  'Ticket',
  'Export CSV',
  'Exportera CSV',
  'Person',
  'ID ',
  'Open',
  'note',
]);

describe('the catalogues of Scopekeeper’s words', () => {
  it('say every problem in every language, with its facts, and never in English outside English', () => {
    for (const code of problemCodes) {
      const facts = { field: 'case', issue: 'invalid_type', date: '2027-01-31', days: 90, id: 'd1' };
      const en = describeProblem('en', { code, facts });
      expect(en.length).toBeGreaterThan(10);
      for (const locale of uiLocales.filter((l) => l !== 'en'))
        expect(describeProblem(locale, { code, facts }), `${code} in ${locale}`).not.toBe(en);
    }
  });

  it('give the content script the catalogue’s own words, and say every refusal in every language', () => {
    // The codes a report can be answered with: the router's refusals and the snapshot handler's checks.
    const reportCodes = [
      'invalid-request',
      'sender-not-allowed',
      'unknown-message',
      'internal',
      'snapshot-no-tab',
      'snapshot-other-origin',
      'snapshot-not-business',
    ];
    const say = (locale: (typeof uiLocales)[number]) => sayFrom(pageMessages(locale));
    for (const locale of uiLocales) {
      // The page's own words (its _locales, issue 12 item 2) are the catalogue's.
      const { onPage } = catalogue(locale);
      expect(say(locale)('page_unreachable')).toBe(onPage.unreachable);
      expect(say(locale)('page_dismiss')).toBe(onPage.dismiss);
      expect(say(locale)('page_tooLarge')).toBe(onPage.tooLarge);
      expect(say(locale)('page_invalid', ['a.b'])).toBe(onPage.invalid('a.b'));
      expect(say(locale)('page_refused', ['Why.'])).toBe(onPage.refused('Why.'));
      for (const code of problemCodes) {
        const facts = { field: 'snapshot.principals', issue: 'invalid_type', message: 'm' };
        const sentence = describeRefusal(say(locale), { code, facts });
        expect(sentence.startsWith(catalogue(locale).onPage.refused(''))).toBe(true);
        // The page carries only the words of a report's answers (issue 12, item 2); any other code is
        // said as something that went wrong, naming it.
        const said = reportCodes.includes(code)
          ? { code, facts }
          : { code: 'internal' as const, facts: { message: code } };
        if (code !== 'invalid-request')
          expect(sentence).toBe(catalogue(locale).onPage.refused(describeProblem(locale, said)));
        if (locale !== 'en') expect(sentence).not.toBe(describeRefusal(say('en'), { code, facts }));
      }
    }
  });

  it('translate every sentence of English (a copy left in English is a missing translation)', () => {
    const flat = (value: unknown, path = ''): [string, unknown][] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => flat(v, path ? `${path}.${k}` : k))
        : [[path, value]];
    const english = new Map(flat(catalogue('en')));
    for (const locale of uiLocales.filter((l) => l !== 'en')) {
      const copies = flat(catalogue(locale)).filter(([path, value]) => {
        const en = english.get(path);
        const [mine, theirs] = [wordsOf(value).join('|'), wordsOf(en).join('|')];
        return (
          mine === theirs &&
          !wordsOf(value).every((w) => sameEverywhere.has(w.trim()) || !/\p{L}{3}/u.test(w))
        );
      });
      expect(copies.map(([path]) => `${locale}: ${path}`)).toEqual([]);
    }
  });

  it('localise the manifest’s name and description in every language, with the same keys', () => {
    const read = (locale: string) =>
      JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
        string,
        { message: string }
      >;
    const en = read('en');
    for (const locale of uiLocales) {
      const messages = read(locale);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const entry of Object.values(messages)) expect(entry.message.trim()).not.toBe('');
      if (locale !== 'en') expect(messages.extDescription!.message).not.toBe(en.extDescription!.message);
    }
  });
});
