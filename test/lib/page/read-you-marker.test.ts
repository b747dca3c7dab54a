import { describe, expect, it } from 'vitest';
import { resolveOwnDomains } from '@/lib/domain/principals';
import { analyse } from '@/lib/domain/rules';
import { getSubjectKey, type PageSnapshot } from '@/lib/domain/snapshot';
import { readPage } from '@/lib/page/read';
import { renderSandbox } from '../../sandbox/dom';
import { samplePortfolio } from '../../sandbox/generate';
import { context } from '../domain/rules/helpers';

const B = 'https://business.facebook.com';
const marker = { en: '(you)', sv: '(du)', fr: '(vous)' } as const;
const EVE = 'person:eve@contractor.example';

/** The sample portfolio in which Eve, a contractor with full control, ends her name with "(you)". */
function spoofedPeople(locale: 'en' | 'sv' | 'fr', variant: 'grid' | 'list' | 'table'): PageSnapshot {
  const sample = samplePortfolio(locale, variant);
  const portfolio = samplePortfolio(locale, variant, {
    people: sample.people.map((p) =>
      getSubjectKey({ kind: 'person', ...p, isCurrentUser: false, assets: [] }) === EVE
        ? { ...p, name: `Eve Mallory ${marker[locale]}`, access: 'full-control' }
        : p,
    ),
  });
  const url = `${B}/latest/settings/business_users?business_id=${portfolio.businessId}`;
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
      it(`does not make its holder the admin, nor anyone else (${locale}, ${variant})`, () => {
        const snapshot = spoofedPeople(locale, variant);
        const eve = snapshot.principals.find((p) => getSubjectKey(p) === EVE);
        expect(eve).toMatchObject({ name: 'Eve Mallory', portfolioAccess: 'full-control' });
        expect(snapshot.principals.filter((p) => p.isCurrentUser)).toEqual([]);
        expect(snapshot.currentUser).toBeUndefined();
        expect(snapshot.readStatus).toBe('partial');
        expect(snapshot.readProblems).toEqual([
          { code: 'several-current-user-markers', facts: { count: 2 } },
        ]);
      });
    }
  }

  it('leaves every full-control holder judged: a third party by the settings’ domains, each person by full-control-person', () => {
    for (const locale of ['en', 'sv', 'fr'] as const) {
      const snapshot = spoofedPeople(locale, 'grid');
      // With the portfolio's domain in the settings, Eve is a third party with full control.
      expect(findings(snapshot, ['sjobod.se'], 'third-party-full-control')).toContain(EVE);
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
