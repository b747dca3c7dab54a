import { describe, expect, it } from 'vitest';
import { getSubjectKey, type PageSnapshot } from '@/lib/domain/snapshot';
import { readPage } from '@/lib/page/read';
import { renderSandbox } from '../../sandbox/dom';
import { samplePortfolio } from '../../sandbox/generate';
import type { SandboxPortfolio, SandboxPortfolioInput } from '../../sandbox/portfolio';
import { listStructures, paneStructures } from '../../sandbox/structures';

/**
 * Issue 14, item 1: the reader says whose detail pane it read in full (`detail`), even when the pane shows
 * no assets, so an access review can tell "opened, holds nothing" from "not opened". The fact is the same
 * in every list and pane structure and language, belongs to the pane's subject only, and no name (a person
 * named like a pane title or a section) makes it appear, move or vanish.
 */

const B = 'https://business.facebook.com';
const locales = ['en', 'sv', 'fr'] as const;
const EVE = '61000000000006'; // no assets
const NILS = '61000000000002';
const PIXELVERKET = '3228568050780002'; // Instagram: ads, insights
const INSTAGRAM = '100200300400503';

function url(p: SandboxPortfolio, path: string, query = ''): string {
  return `${B}/latest/settings/${path}?business_id=${p.businessId}${query}`;
}

function read(p: SandboxPortfolio, at: string): PageSnapshot {
  const { doc } = renderSandbox(p, at);
  return readPage(doc.location.href, doc);
}

/** Who the snapshot says was read on an open pane, with the assets it read there. */
function detailed(snapshot: PageSnapshot): [string, number][] {
  return snapshot.principals.filter((p) => p.detail).map((p) => [getSubjectKey(p), p.assets.length]);
}

describe('the pane fact (detail)', () => {
  for (const locale of locales)
    for (const list of listStructures)
      for (const pane of paneStructures)
        it(`is the open pane's subject's alone, even with no assets (${locale}, ${list} × ${pane})`, () => {
          const p = samplePortfolio(locale, undefined, { listStructure: list, paneStructure: pane });
          const cases: [string, [string, number][]][] = [
            [url(p, 'business_users'), []],
            [url(p, 'business_users', `&selected_user_id=${EVE}`), [['person:eve@contractor.example', 0]]],
            [url(p, 'business_users', `&selected_user_id=${NILS}`), [['person:nils@byraab.se', 2]]],
            [url(p, 'partners', '&selected_partner_id=3228568050780001'), [['partner:3228568050780001', 3]]],
            [url(p, 'system_users', '&selected_user_id=61550000000002'), [['system-user:61550000000002', 1]]],
            // An asset page lists holders, not anyone's pane: nobody's assets are read in full there.
            [url(p, 'pages', '&selected_asset_id=100200300400501&selected_asset_type=page'), []],
          ];
          for (const [at, expected] of cases) {
            const snapshot = read(p, at);
            expect(snapshot.readStatus, `${at}: ${JSON.stringify(snapshot.readProblems)}`).toBe('ok');
            expect(detailed(snapshot), at).toEqual(expected);
          }
        });

  // Names are chosen by other people: words of a pane title, a section or an asset type as a name.
  const titles = {
    en: ['Assigned assets', 'Pages', 'People from this partner', 'Assets'],
    sv: ['Tilldelade tillgångar', 'Sidor', 'Personer från den här partnern', 'Tillgångar'],
    fr: ['Éléments affectés', 'Pages', 'Personnes de ce partenaire', 'Éléments'],
  };
  for (const locale of locales)
    for (const name of titles[locale])
      it(`is not fooled by a person or partner named "${name}" (${locale})`, () => {
        for (const [list, pane] of [
          ['grid', 'headings'],
          ['cards', 'div-switches'],
          ['labelled-rows', 'flat'],
          ['table', 'details'],
          ['list', 'plain-labels'],
        ] as const) {
          const base = samplePortfolio(locale);
          const overrides: Partial<SandboxPortfolioInput> = {
            listStructure: list,
            paneStructure: pane,
            // Eve (no assets) and a second "Nils Holm" who is someone else, both named like pane words.
            people: [
              ...base.people.map((x) => (x.id === EVE ? { ...x, name } : x)),
              {
                id: '61000000000009',
                name: 'Nils Holm',
                email: 'nils.holm@contractor.example',
                access: 'basic',
              },
            ],
            partners: base.partners.map((x, i) => (i === 1 ? { ...x, name } : x)),
          };
          const p = samplePortfolio(locale, undefined, overrides);
          const at = `${locale}, ${list} × ${pane}`;
          // Nothing open: a name that reads like a pane title opens none.
          expect(detailed(read(p, url(p, 'business_users'))), at).toEqual([]);
          expect(detailed(read(p, url(p, 'partners'))), at).toEqual([]);
          // The pane of the person named so: theirs, with no assets.
          expect(detailed(read(p, url(p, 'business_users', `&selected_user_id=${EVE}`))), at).toEqual([
            ['person:eve@contractor.example', 0],
          ]);
          // Nils's pane is the real Nils's, not his namesake's; the partner named so gets its own.
          expect(detailed(read(p, url(p, 'business_users', `&selected_user_id=${NILS}`))), at).toEqual([
            ['person:nils@byraab.se', 2],
          ]);
          expect(detailed(read(p, url(p, 'partners', '&selected_partner_id=3228568050780002'))), at).toEqual([
            ['partner:3228568050780002', 1],
          ]);
        }
      });

  it('is not claimed while the pane is still filling in', () => {
    const p = samplePortfolio('en');
    const { doc } = renderSandbox(p, url(p, 'business_users', `&selected_user_id=${EVE}`));
    const pane = doc.querySelector('[role="main"]')!.children[1]!;
    const spinner = doc.createElement('div');
    spinner.setAttribute('role', 'progressbar');
    pane.append(spinner);
    expect(detailed(readPage(doc.location.href, doc))).toEqual([]);
  });

  it('reads what the sandbox switched off as Business Settings would, in every pane structure', () => {
    for (const pane of paneStructures)
      for (const locale of ['en', 'sv', 'fr'] as const) {
        const p = samplePortfolio(locale, 'grid', { paneStructure: pane });
        const { doc, app } = renderSandbox(p, url(p, 'partners', `&selected_partner_id=${PIXELVERKET}`));
        expect(app.switchOffAccess(PIXELVERKET, INSTAGRAM, 'ads')).toBe(true);
        const read = () =>
          readPage(doc.location.href, doc).principals.find(
            (x) => getSubjectKey(x) === `partner:${PIXELVERKET}`,
          );
        expect(
          read()?.assets.map((a) => [a.type, a.tasks]),
          `${pane}, ${locale}`,
        ).toEqual([['instagram', ['insights']]]);
        // The last of it: the pane shows none, and says it was read.
        expect(app.switchOffAccess(PIXELVERKET, INSTAGRAM)).toBe(true);
        expect(read(), `${pane}, ${locale}`).toMatchObject({ assets: [], detail: true });
        expect(app.switchOffAccess(PIXELVERKET, INSTAGRAM)).toBe(false);
      }
  });
});
