import { describe, expect, it } from 'vitest';
import { getSubjectKey, type Person, type PortfolioAccess } from '@/lib/domain/snapshot';
import { readPage } from '@/lib/page/read';
import { renderSandbox } from '../../sandbox/dom';
import { generatePortfolio, samplePortfolio } from '../../sandbox/generate';
import type { SandboxPortfolio } from '../../sandbox/portfolio';

const B = 'https://business.facebook.com';
const locales = ['en', 'sv', 'fr'] as const;
const variants = ['grid', 'list', 'table'] as const;

function peopleUrl(p: SandboxPortfolio, layout: 'latest' | 'classic', selected?: string): string {
  return layout === 'latest'
    ? `${B}/latest/settings/business_users?business_id=${p.businessId}${selected ? `&selected_user_id=${selected}` : ''}`
    : `${B}/settings/people${selected ? `/${selected}` : ''}?business_id=${p.businessId}`;
}

/** What the page shows as portfolio access: classic Business Manager knows only Admin and Employee. */
function expectedAccess(
  access: SandboxPortfolio['people'][number]['access'],
  layout: 'latest' | 'classic',
): PortfolioAccess {
  if (layout === 'classic') return access === 'full-control' ? 'full-control' : 'basic';
  return access;
}

describe('people reader on the sandbox', () => {
  for (const locale of locales) {
    for (const variant of variants) {
      for (const layout of ['latest', 'classic'] as const) {
        it(`reads every person, access, pending state and end date (${locale}, ${variant}, ${layout})`, () => {
          const portfolio = samplePortfolio(locale, variant);
          const { doc } = renderSandbox(portfolio, peopleUrl(portfolio, layout));
          const snapshot = readPage(doc.location.href, doc);
          expect(snapshot.readProblems).toEqual([]);
          expect(snapshot.readStatus).toBe('ok');
          expect(snapshot.kind).toBe('people');
          expect(snapshot.locale).toBe(locale);
          expect(snapshot.businessId).toBe(portfolio.businessId);
          expect(snapshot.currentUser).toEqual({ name: 'Anna Berg', email: 'anna@sjobod.se' });
          expect(snapshot.principals).toEqual(
            portfolio.people.map((p) => {
              const person: Person = {
                kind: 'person',
                name: p.name.replace('\u202e', ''),
                email: p.email,
                portfolioAccess: expectedAccess(p.access, layout),
                pending: p.pending,
                isCurrentUser: p.id === portfolio.currentUserId,
                assets: [],
              };
              // Eve's name carries a right-to-left override: removed from her name, and flagged.
              if (p.name.includes('\u202e')) person.hiddenCharacters = true;
              if (p.temporaryUntil && layout === 'latest') person.temporaryUntil = p.temporaryUntil;
              if (p.temporaryUntil && layout === 'classic') person.temporaryUntil = p.temporaryUntil;
              return person;
            }),
          );
        });
      }
    }
  }

  it('reads the selected person’s detail pane: assets by type, full control, tasks', () => {
    for (const locale of locales) {
      const portfolio = samplePortfolio(locale, 'grid');
      const { doc } = renderSandbox(portfolio, peopleUrl(portfolio, 'latest', '61000000000002'));
      const snapshot = readPage(doc.location.href, doc);
      expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
      const nils = snapshot.principals.find((p) => getSubjectKey(p) === 'person:nils@byraab.se');
      expect(nils?.assets).toEqual([
        { type: 'page', name: 'Sjöbod Café', access: 'full', tasks: [] },
        { type: 'ad-account', name: 'Sjöbod – Ads', access: 'partial', tasks: ['campaigns', 'performance'] },
      ]);
      // Only the selected person has a pane; the others' assets are unknown here.
      expect(snapshot.principals.filter((p) => p.assets.length > 0)).toHaveLength(1);
    }
  });

  it('reads a pending invitee’s temporary access from the pane in the classic layout', () => {
    const portfolio = samplePortfolio('fr', 'table');
    const { doc } = renderSandbox(portfolio, peopleUrl(portfolio, 'classic', '61000000000004'));
    const snapshot = readPage(doc.location.href, doc);
    const lisa = snapshot.principals.find((p) => getSubjectKey(p) === 'person:lisa.k@gmail.com');
    expect(lisa).toMatchObject({ pending: true, temporaryUntil: '2026-12-31' });
    expect(lisa?.assets).toEqual([
      { type: 'instagram', name: '@sjobodcafe', access: 'partial', tasks: ['content', 'insights'] },
    ]);
  });

  it('reads a 500-person generated portfolio in every variant', () => {
    for (const variant of variants) {
      const portfolio = generatePortfolio({ people: 500, variant, locale: 'sv', seed: 7 });
      const { doc } = renderSandbox(portfolio, peopleUrl(portfolio, 'latest'));
      const snapshot = readPage(doc.location.href, doc);
      expect(snapshot.readStatus).toBe('ok');
      expect(snapshot.principals.map(getSubjectKey)).toEqual(
        portfolio.people.map((p) => `person:${p.email}`),
      );
      expect(snapshot.principals.filter((p) => p.pending)).toHaveLength(
        portfolio.people.filter((p) => p.pending).length,
      );
      expect(snapshot.principals.filter((p) => p.portfolioAccess === 'full-control')).toHaveLength(
        portfolio.people.filter((p) => p.access === 'full-control').length,
      );
    }
  });
});

describe('partners and system users readers on the sandbox', () => {
  for (const locale of locales) {
    for (const variant of variants) {
      it(`reads partners with Business IDs and a partner's assets (${locale}, ${variant})`, () => {
        const portfolio = samplePortfolio(locale, variant);
        const { doc } = renderSandbox(
          portfolio,
          `${B}/latest/settings/partners?business_id=${portfolio.businessId}&selected_partner_id=3228568050780001`,
        );
        const snapshot = readPage(doc.location.href, doc);
        expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
        expect(snapshot.kind).toBe('partners');
        expect(snapshot.principals.map((p) => [getSubjectKey(p), p.name])).toEqual([
          ['partner:3228568050780001', 'Byrå AB'],
          ['partner:3228568050780002', 'Pixelverket SARL'],
        ]);
        expect(snapshot.principals[0]!.assets).toEqual([
          { type: 'page', name: 'Sjöbod Café', access: 'full-except-sensitive', tasks: [] },
          { type: 'ad-account', name: 'Sjöbod – Ads', access: 'full', tasks: [] },
          { type: 'dataset', name: 'Sjöbod Pixel', access: 'partial', tasks: ['use'] },
        ]);
      });

      it(`reads system users with their role and id (${locale}, ${variant})`, () => {
        const portfolio = samplePortfolio(locale, variant);
        const { doc } = renderSandbox(
          portfolio,
          `${B}/settings/system-users?business_id=${portfolio.businessId}`,
        );
        const snapshot = readPage(doc.location.href, doc);
        expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
        expect(snapshot.principals.map((p) => [getSubjectKey(p), p.portfolioAccess])).toEqual([
          ['system-user:61550000000001', 'full-control'],
          ['system-user:61550000000002', 'basic'],
        ]);
      });
    }
  }

  it('reads an empty partner list as read, with nobody in it', () => {
    const portfolio = samplePortfolio('sv', 'grid', { partners: [] });
    const { doc } = renderSandbox(
      portfolio,
      `${B}/latest/settings/partners?business_id=${portfolio.businessId}`,
    );
    const snapshot = readPage(doc.location.href, doc);
    expect(snapshot).toMatchObject({ readStatus: 'ok', principals: [] });
  });
});

describe('a People list narrowed by its search field', () => {
  for (const locale of locales) {
    it(`reads what it shows as a partial read, never as the whole list (${locale})`, () => {
      const portfolio = samplePortfolio(locale, 'grid');
      const { doc, window } = renderSandbox(portfolio, peopleUrl(portfolio, 'latest'));
      const typed = () => search.dispatchEvent(new window.Event('input') as unknown as Event);
      expect(readPage(doc.location.href, doc).readStatus).toBe('ok');
      const search = doc.querySelector<HTMLInputElement>('input[type="search"]')!;
      search.value = 'lisa';
      typed();
      const snapshot = readPage(doc.location.href, doc);
      expect(snapshot.principals.map((p) => p.name)).toEqual(['Lisa Karlsson']);
      expect(snapshot.readStatus).toBe('partial');
      expect(snapshot.readProblems).toEqual([{ code: 'list-filtered', facts: { section: 'people' } }]);
      // Cleared, the whole list is read in full again.
      search.value = '';
      typed();
      const whole = readPage(doc.location.href, doc);
      expect(whole.readStatus).toBe('ok');
      expect(whole.principals).toHaveLength(portfolio.people.length);
    });
  }
});
