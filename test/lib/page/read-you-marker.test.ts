import { describe, expect, it } from 'vitest';
import { resolveOwnDomains } from '@/lib/domain/principals';
import { analyse } from '@/lib/domain/rules';
import { getSubjectKey, type PageSnapshot } from '@/lib/domain/snapshot';
import { readPage } from '@/lib/page/read';
import { htmlPage, renderSandbox } from '../../sandbox/dom';
import { samplePortfolio } from '../../sandbox/generate';
import { context } from '../domain/rules/helpers';

const B = 'https://business.facebook.com';
const marker = { en: '(you)', sv: '(du)', fr: '(vous)' } as const;
const EVE = 'person:eve@contractor.example';

/** The sample portfolio in which Eve, a contractor with full control, ends her name with "(you)". */
function spoofedPeople(
  locale: 'en' | 'sv' | 'fr',
  variant: 'grid' | 'list' | 'table',
  selectEve = false,
): PageSnapshot {
  const sample = samplePortfolio(locale, variant);
  const portfolio = samplePortfolio(locale, variant, {
    people: sample.people.map((p) =>
      getSubjectKey({ kind: 'person', ...p, isCurrentUser: false, assets: [] }) === EVE
        ? { ...p, name: `Eve Mallory ${marker[locale]}`, access: 'full-control' }
        : p,
    ),
  });
  const eve = portfolio.people.find((p) => p.email === 'eve@contractor.example')!;
  const url = `${B}/latest/settings/business_users?business_id=${portfolio.businessId}${selectEve ? `&selected_user_id=${eve.id}` : ''}`;
  return readPage(url, renderSandbox(portfolio, url).doc);
}

/** The rules as the background runs them: own domains from the settings, else from the current user. */
function findings(snapshot: PageSnapshot, ownDomains: string[], ruleId: string): string[] {
  const ctx = context({
    ownDomains: resolveOwnDomains(ownDomains, snapshot.currentUser?.email),
    settings: { ownDomains },
  });
  return analyse(snapshot, undefined, ctx, 'en')
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => f.subject);
}

describe('a name that ends in "(you)"', () => {
  for (const locale of ['en', 'sv', 'fr'] as const) {
    for (const variant of ['grid', 'list', 'table'] as const) {
      it(`does not make its holder the admin, and leaves the admin's own badge trusted (${locale}, ${variant})`, () => {
        const snapshot = spoofedPeople(locale, variant);
        const eve = snapshot.principals.find((p) => getSubjectKey(p) === EVE);
        // The marker is part of the name's own text: it stays in the name and says nothing.
        expect(eve).toMatchObject({
          name: `Eve Mallory ${marker[locale]}`,
          portfolioAccess: 'full-control',
          isCurrentUser: false,
        });
        expect(snapshot.principals.filter((p) => p.isCurrentUser).map(getSubjectKey)).toEqual([
          'person:anna@sjobod.se',
        ]);
        expect(snapshot.currentUser).toEqual({ name: 'Anna Berg', email: 'anna@sjobod.se' });
        expect(snapshot.readStatus).toBe('partial');
        expect(snapshot.readProblems).toEqual([{ code: 'you-marker-in-name', facts: { count: 1 } }]);
        // Eve is judged as the third party she is: the admin's domain is still known.
        expect(findings(snapshot, [], 'third-party-full-control')).toContain(EVE);
        // Her row and her detail pane show the same name: counted once.
        expect(spoofedPeople(locale, variant, true).readProblems).toEqual([
          { code: 'you-marker-in-name', facts: { count: 1 } },
        ]);
      });
    }
  }
});

describe('more than one row with a "(you)" badge of its own', () => {
  const page = (locale: 'en' | 'sv' | 'fr') => {
    const words = {
      en: { full: 'Full control', basic: 'Basic access' },
      sv: { full: 'Fullständig kontroll', basic: 'Grundläggande åtkomst' },
      fr: { full: 'Contrôle total', basic: 'Accès de base' },
    }[locale];
    const url = `${B}/latest/settings/business_users?business_id=1203456789012345`;
    const row = (name: string, you: boolean, email: string, access: string) =>
      `<div role="row"><div role="gridcell"><span>${name}</span>${you ? `<span>${marker[locale]}</span>` : ''}<div>${email}</div></div><div role="gridcell">${access}</div></div>`;
    const { doc } = htmlPage(
      `<main><div role="grid">
        ${row('Anna Berg', true, 'anna@sjobod.se', words.full)}
        ${row('Nils Holm', false, 'nils@byraab.se', words.full)}
        ${row('Eve Mallory', true, 'eve@contractor.example', words.full)}
        ${row('Maja Ek', false, 'maja@sjobod.se', words.basic)}
      </div></main>`,
      url,
      locale,
    );
    return readPage(url, doc);
  };

  it('trusts none of them, says so, and judges every full-control holder', () => {
    for (const locale of ['en', 'sv', 'fr'] as const) {
      const snapshot = page(locale);
      expect(snapshot.principals.filter((p) => p.isCurrentUser)).toEqual([]);
      expect(snapshot.currentUser).toBeUndefined();
      expect(snapshot.readProblems).toEqual([{ code: 'several-current-user-markers', facts: { count: 2 } }]);
      // With the portfolio's domain in the settings, Nils and Eve are third parties with full control.
      expect(findings(snapshot, ['sjobod.se'], 'third-party-full-control')).toEqual([
        'person:nils@byraab.se',
        EVE,
      ]);
      // Without it, nobody is "you" and nobody's domain is the portfolio's: every holder is named.
      expect(findings(snapshot, [], 'full-control-person')).toEqual([
        'person:anna@sjobod.se',
        'person:nils@byraab.se',
        EVE,
      ]);
      expect(findings(snapshot, [], 'third-party-full-control')).toEqual([]);
    }
  });

  it('still makes the one row marked "(you)" the admin when no other row carries the marker', () => {
    const portfolio = samplePortfolio('sv', 'list');
    const url = `${B}/latest/settings/business_users?business_id=${portfolio.businessId}`;
    const snapshot = readPage(url, renderSandbox(portfolio, url).doc);
    expect(snapshot.currentUser).toEqual({ name: 'Anna Berg', email: 'anna@sjobod.se' });
    expect(findings(snapshot, [], 'full-control-person')).toEqual(['person:nils@byraab.se']);
    expect(findings(snapshot, [], 'third-party-full-control')).toContain('person:nils@byraab.se');
  });
});
