import { describe, expect, it } from 'vitest';
import { getSubjectKey, type PageSnapshot } from '@/lib/domain/snapshot';
import { readPage } from '@/lib/page/read';
import { htmlPage } from '../../sandbox/dom';

const B = 'https://business.facebook.com';
const BUSINESS = '1203456789012345';
const partners = `${B}/latest/settings/partners?business_id=${BUSINESS}&selected_partner_id=3228568050780001`;
const people = `${B}/latest/settings/business_users?business_id=${BUSINESS}&selected_user_id=100000000000002`;

function read(url: string, html: string, lang: string): PageSnapshot {
  return readPage(url, htmlPage(html, url, lang).doc);
}

const partnerRows = (idLabel: string) =>
  `<div role="grid"><div role="row"><div role="gridcell">Byrå AB</div><div role="gridcell">${idLabel}: 3228568050780001</div></div></div>`;

const assetsOf = (snapshot: PageSnapshot, subject: string) =>
  snapshot.principals
    .find((p) => getSubjectKey(p) === subject)
    ?.assets.map((a) => [a.type, a.name, a.access, a.tasks]);

/**
 * Issue 10, item 1: detail panes built differently from the sandbox's first one. Each is written as other
 * people's markup would be, following the mechanics in research/meta-markup-evidence.md.
 */
describe('detail panes in other structures', () => {
  it('reads asset-type labels written as plain text and asset names as deeper headings (the filed case)', () => {
    const snapshot = read(
      partners,
      `<main>${partnerRows('Business ID')}
        <div><div role="heading" aria-level="2">Byrå AB</div>
          <div>Business ID: 3228568050780001</div>
          <div class="xa">Pages</div>
          <div><div role="heading" aria-level="5">Sjöbod Café</div>
            <input type="checkbox" role="switch" aria-label="Content" checked>
            <input type="checkbox" role="switch" aria-label="Everything" checked></div>
          <div class="xa">Ad accounts</div>
          <div><div role="heading" aria-level="5">Sjöbod Ads</div>
            <input type="checkbox" role="switch" aria-label="Manage campaigns" checked>
            <input type="checkbox" role="switch" aria-label="View performance" checked>
            <input type="checkbox" role="switch" aria-label="Manage ad account">
          </div></div></main>`,
      'en',
    );
    expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
    expect(assetsOf(snapshot, 'partner:3228568050780001')).toEqual([
      ['page', 'Sjöbod Café', 'full', []],
      ['ad-account', 'Sjöbod Ads', 'partial', ['campaigns', 'performance']],
    ]);
  });

  it('reads type labels as headings of another level, bold names and access written as text (fr)', () => {
    const snapshot = read(
      partners,
      `<main>${partnerRows('ID')}
        <section><h2>Byrå AB</h2><p>ID de l’entreprise\u202f: 3228568050780001</p>
          <h2>Pages</h2>
          <div><strong>Sjöbod Café</strong><span class="d">Page · 1 200 abonnés</span><span>Contrôle total</span></div>
          <div><strong>Sjöbod Bageri</strong><span class="d">Page · 80 abonnés</span><span>Accès partiel · Contenu, Publicités</span></div>
          <h2>Comptes publicitaires</h2>
          <div><strong>Sjöbod Ads</strong><span>Tout sauf les actions sensibles</span></div>
        </section></main>`,
      'fr',
    );
    expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
    expect(assetsOf(snapshot, 'partner:3228568050780001')).toEqual([
      ['page', 'Sjöbod Café', 'full', []],
      ['page', 'Sjöbod Bageri', 'partial', ['ads', 'content']],
      ['ad-account', 'Sjöbod Ads', 'full-except-sensitive', []],
    ]);
  });

  it('reads a <details> pane: summary labels, plain-text names, checkboxes with <label for> and described switches (sv)', () => {
    const snapshot = read(
      people,
      `<main><div role="list">
          <div role="listitem" aria-labelledby="n1" aria-describedby="d1"><span id="n1">Anna Berg</span><span id="d1">anna@sjobod.se · Fullständig kontroll</span></div>
          <div role="listitem" aria-labelledby="n2" aria-describedby="d2" aria-current="true"><span id="n2">Nils Holm</span><span id="d2">nils@byraab.se · Grundläggande åtkomst</span></div>
        </div>
        <aside><div role="heading" aria-level="2">Nils Holm</div><div>nils@byraab.se</div>
          <details open><summary>Sidor</summary>
            <div class="n">Sjöbod Café</div>
            <div><input type="checkbox" id="c1" checked aria-describedby="h1"><label for="c1">Innehåll</label><div id="h1" class="n">Skapa, hantera och ta bort inlägg</div></div>
            <div><input type="checkbox" id="c2"><label for="c2">Allt</label></div>
            <div class="n">Sjöbod Bageri</div>
            <div><input type="checkbox" id="c3" checked><label for="c3">Statistik</label></div>
          </details>
          <details open><summary>Instagramkonton</summary>
            <div class="n">@sjobodcafe</div>
            <div role="switch" aria-checked="true" aria-labelledby="l4"></div><span id="l4">Meddelanden och samtal</span>
          </details>
        </aside></main>`,
      'sv',
    );
    expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
    expect(assetsOf(snapshot, 'person:nils@byraab.se')).toEqual([
      ['page', 'Sjöbod Café', 'partial', ['content']],
      ['page', 'Sjöbod Bageri', 'partial', ['insights']],
      ['instagram', '@sjobodcafe', 'partial', ['messages']],
    ]);
    expect(snapshot.principals.map((p) => [p.name, p.portfolioAccess])).toEqual([
      ['Anna Berg', 'full-control'],
      ['Nils Holm', 'basic'],
    ]);
  });

  it('reads a flat pane with the ID line before the name and a label beside its value without colon', () => {
    for (const [idLabel, lang] of [
      ['Business ID', 'en'],
      ['Företags-ID', 'sv'],
      ['ID de l’entreprise', 'fr'],
      ["ID d'entreprise", 'fr'],
    ] as const) {
      const typeWord = { en: 'Pages', sv: 'Sidor', fr: 'Pages' }[lang];
      const full = { en: 'Full control', sv: 'Fullständig kontroll', fr: 'Contrôle total' }[lang];
      const snapshot = read(
        partners,
        `<main>${partnerRows(idLabel)}
          <div><span>${idLabel}</span><span>3228568050780001</span>
          <div role="heading" aria-level="2">Byrå AB</div>
          <div role="heading" aria-level="4">${typeWord}</div>
          <span class="n">Sjöbod Café</span>
          <div role="switch" aria-checked="true" aria-label="${full}"></div></div></main>`,
        lang,
      );
      expect(snapshot.readStatus, `${idLabel}: ${JSON.stringify(snapshot.readProblems)}`).toBe('ok');
      expect(assetsOf(snapshot, 'partner:3228568050780001'), idLabel).toEqual([
        ['page', 'Sjöbod Café', 'full', []],
      ]);
    }
  });

  it('recognises a Business ID line in every form the lexicon allows', () => {
    const forms = [
      'Business ID: 3228568050780001',
      'Business ID 3228568050780001',
      'Partner business ID: 3228568050780001',
      'ID: 3228568050780001',
      'Företags-ID: 3228568050780001',
      'ID de l’entreprise\u202f: 3228568050780001',
      "ID de l'entreprise\u00a0: 3228568050780001",
      'ID d’entreprise : 3228568050780001',
      'ID\u00a0: 3228568050780001',
      'ID :3228568050780001',
      '3228568050780001',
    ];
    for (const form of forms) {
      const snapshot = read(
        `${B}/latest/settings/partners?business_id=${BUSINESS}`,
        `<main><ul><li><span>Byrå AB</span><span>${form}</span></li></ul></main>`,
        'fr',
      );
      expect(snapshot.principals.map(getSubjectKey), form).toEqual(['partner:3228568050780001']);
    }
  });

  it('does not take an asset named like a type label for a new group', () => {
    const snapshot = read(
      partners,
      `<main>${partnerRows('Business ID')}
        <aside><h2>Byrå AB</h2>
          <h3>Pages</h3>
          <div><h4>Sjöbod Café</h4><input type="checkbox" role="switch" aria-label="Content" checked></div>
          <div><h4>Ad accounts</h4><input type="checkbox" role="switch" aria-label="Everything" checked></div>
        </aside></main>`,
      'en',
    );
    expect(assetsOf(snapshot, 'partner:3228568050780001')).toEqual([
      ['page', 'Sjöbod Café', 'partial', ['content']],
      ['page', 'Ad accounts', 'full', []],
    ]);
  });
});

describe('asset names written by other people', () => {
  it('stay names when they read like a type label, a section, an access label or an ID line', () => {
    const names = ['Sjöbod Café', 'Full control', 'Business ID: 3228568050780009', 'People', 'Ad accounts'];
    const blocks = names
      .map(
        (name, i) =>
          `<div><h4>${name}</h4><input type="checkbox" role="switch" aria-label="Content" ${i % 2 ? 'checked' : ''}><input type="checkbox" role="switch" aria-label="Insights" ${i % 2 ? '' : 'checked'}></div>`,
      )
      .join('');
    const snapshot = read(
      partners,
      `<main>${partnerRows('Business ID')}<aside><h2>Byrå AB</h2><h3>Pages</h3>${blocks}</aside></main>`,
      'en',
    );
    expect(assetsOf(snapshot, 'partner:3228568050780001')).toEqual(
      names.map((name, i) => ['page', name, 'partial', [i % 2 ? 'content' : 'insights']]),
    );
  });
});
