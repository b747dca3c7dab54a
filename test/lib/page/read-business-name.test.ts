import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/page/read';
import { htmlPage, renderSandbox } from '../../sandbox/dom';
import { samplePortfolio } from '../../sandbox/generate';
import type { SandboxPortfolio, SandboxPortfolioInput } from '../../sandbox/portfolio';
import { listStructures, paneStructures } from '../../sandbox/structures';
import { expectedPeople, factDiff, readFacts } from './facts';

/** The business's name (issue 15, item 1): read where the business switcher shows it, never guessed. */

const B = 'https://business.facebook.com';
const peopleUrl = `${B}/latest/settings/business_users?business_id=1203456789012345&selected_user_id=61000000000002`;
const locales = ['en', 'sv', 'fr'] as const;
const pendingOf = (p: SandboxPortfolio) =>
  new Set(p.people.filter((x) => x.pending).map((x) => `person:${x.email.toLowerCase()}`));

function readSample(locale: (typeof locales)[number], overrides: Partial<SandboxPortfolioInput> = {}) {
  const p = samplePortfolio(locale, undefined, overrides);
  const { doc } = renderSandbox(p, peopleUrl);
  return { p, doc, snapshot: readPage(doc.location.href, doc) };
}

describe('the business name', () => {
  it('is read from the switcher in every language, list and pane structure (banner or navigation)', () => {
    // Where the switcher is follows the list structure; its label and ID follow the pane structure.
    const structures = [
      ...listStructures.map((listStructure) => ({ listStructure, paneStructure: 'headings' as const })),
      ...paneStructures.map((paneStructure) => ({ listStructure: 'list' as const, paneStructure })),
    ];
    for (const locale of locales)
      for (const { listStructure, paneStructure } of structures) {
        const { snapshot } = readSample(locale, { listStructure, paneStructure });
        expect(snapshot.businessName, `${locale} ${listStructure} × ${paneStructure}`).toBe('Sjöbod Café AB');
      }
  });

  it('is also read on Partners, System users and asset pages, and classic URLs', () => {
    const p = samplePortfolio('fr', 'cards');
    for (const url of [
      `${B}/latest/settings/partners?business_id=${p.businessId}`,
      `${B}/latest/settings/system_users?business_id=${p.businessId}`,
      `${B}/latest/settings/pages?business_id=${p.businessId}&selected_asset_id=100200300400501&selected_asset_type=page`,
      `${B}/settings/people?business_id=${p.businessId}`,
    ]) {
      const { doc } = renderSandbox(p, url);
      expect(readPage(doc.location.href, doc).businessName, url).toBe('Sjöbod Café AB');
    }
  });

  it('is someone else’s text: kept as text, and it changes nothing else the reader reads', () => {
    const hostile = [
      '<img src=x onerror="alert(1)">',
      'Full control',
      'Personer',
      '(you)',
      'Nils Holm',
      'Pending',
      'Business ID: 3228568050780001',
    ];
    for (const locale of locales)
      for (const listStructure of ['grid', 'list'] as const) {
        const plain = readSample(locale, { listStructure });
        const expected = expectedPeople(plain.p, '61000000000002');
        for (const name of hostile) {
          const { doc, snapshot } = readSample(locale, { listStructure, businessName: name });
          expect(snapshot.businessName, `${locale} ${listStructure} ${name}`).toBe(name);
          expect(doc.querySelector('img')).toBeNull();
          expect(snapshot.readStatus).toBe('ok');
          expect(snapshot.locale).toBe(locale);
          expect(factDiff(readFacts(snapshot, pendingOf(plain.p)), expected)).toEqual([]);
        }
      }
  });

  it('does not let the name outweigh the navigation when the page declares no language', () => {
    // A Swedish page whose business is named with French navigation words, the switcher in the navigation.
    const p = samplePortfolio('sv', 'list', { businessName: 'Personnes' });
    const { doc } = renderSandbox(p, peopleUrl);
    doc.documentElement.removeAttribute('lang');
    const snapshot = readPage(doc.location.href, doc);
    expect(snapshot.locale).toBe('sv');
    expect(snapshot.businessName).toBe('Personnes');
  });

  it('drops hidden characters, as in any name', () => {
    const { snapshot } = readSample('en', { businessName: 'Sjöbod\u200b Café\u202e AB' });
    expect(snapshot.businessName).toBe('Sjöbod Café AB');
  });

  it('stays unknown where no single switcher shows one name: never guessed from other text', () => {
    const url = `${B}/latest/settings/business_users?business_id=1203456789012345`;
    const cases: [string, string][] = [
      [
        'no switcher, the name in the banner as plain text',
        '<div role="banner"><div>Sjöbod Café AB</div></div>',
      ],
      [
        'two switchers',
        '<div role="banner"><div data-pagelet="BizKitPresenceSelector">A AB</div><div data-pagelet="BizKitPresenceSelector">B AB</div></div>',
      ],
      [
        'two names in one switcher',
        '<div role="banner"><div data-pagelet="BizKitPresenceSelector"><span>A AB</span><span>B AB</span></div></div>',
      ],
      [
        'a switcher inside the content',
        '<div role="main"><div data-pagelet="BizKitPresenceSelector">Sjöbod Café AB</div></div>',
      ],
      [
        'a hidden switcher',
        '<div role="banner" aria-hidden="true"><div data-pagelet="BizKitPresenceSelector">Sjöbod Café AB</div></div>',
      ],
      [
        'only the label',
        '<div role="banner"><div data-pagelet="BizKitPresenceSelector"><span>Business portfolio</span></div></div>',
      ],
      [
        'a name too long to be one',
        `<div role="banner"><div data-pagelet="BizKitPresenceSelector">${'A'.repeat(201)}</div></div>`,
      ],
    ];
    for (const [name, html] of cases) {
      const { doc } = htmlPage(`${html}<div role="main"><div role="list"></div></div>`, url, 'en');
      expect(readPage(url, doc).businessName, name).toBeUndefined();
    }
    const { doc } = htmlPage(
      '<div role="banner"><div data-pagelet="BizKitPresenceSelector"><span>Business portfolio</span><div role="button">Sjöbod Café AB</div><span>1203456789012345</span></div></div><div role="main"></div>',
      url,
      'en',
    );
    expect(readPage(url, doc).businessName).toBe('Sjöbod Café AB');
  });
});
