import { describe, expect, it } from 'vitest';
import { snapshotReportSchema } from '@/lib/domain/messages';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { readPage } from '@/lib/page/read';
import { htmlPage } from '../../sandbox/dom';

/**
 * Meta's own security signals (issue 15, item 5): Business info's two-factor requirement and Security
 * Center's lists, read from the element that carries each fact, the same across markup and languages, and
 * never forged by a name (a business named "Everyone", people named like the lists' titles).
 */

const B = 'https://business.facebook.com';
const q = '?business_id=1203456789012345';
const infoUrl = `${B}/latest/settings/business_info${q}`;
const centerUrl = `${B}/latest/settings/security_center${q}`;
const locales = ['en', 'sv', 'fr'] as const;
type L = (typeof locales)[number];

const words = {
  en: {
    setting: 'Two-factor authentication',
    values: { 'no-one': 'No one', admins: 'Admins only', everyone: 'Everyone' },
    without: 'Remove users without two-factor authentication',
    inactive: 'Remove inactive users',
    remove: 'Remove',
  },
  sv: {
    setting: 'Tvåstegsverifiering',
    values: { 'no-one': 'Ingen', admins: 'Endast administratörer', everyone: 'Alla' },
    without: 'Ta bort användare utan tvåstegsverifiering',
    inactive: 'Ta bort inaktiva användare',
    remove: 'Ta bort',
  },
  fr: {
    setting: 'Authentification à deux facteurs',
    values: { 'no-one': 'Personne', admins: 'Administrateurs uniquement', everyone: 'Tout le monde' },
    without: 'Supprimer les utilisateurs sans authentification à deux facteurs',
    inactive: 'Supprimer les utilisateurs inactifs',
    remove: 'Supprimer',
  },
} as const;

type Requirement = keyof (typeof words)['en']['values'];

/** Hostile surroundings: the business is named "Everyone", and a name in the content is the setting's words. */
const hostile = (l: L) => `
  <div role="banner"><div data-pagelet="BizKitPresenceSelector"><span>${words[l].values.everyone}</span></div></div>
  <nav><a href="/latest/settings/security_center">${words[l].inactive}</a></nav>`;

/** Business info in four structures: what associates the label with its control differs in each. */
const infoStructures: Record<string, (l: L, shown: string) => string> = {
  select: (l, shown) => `
    <label for="tfa">${words[l].setting}</label>
    <select id="tfa">${[...new Set([...Object.values(words[l].values), shown])]
      .map((v) => `<option${v === shown ? ' selected' : ''}>${v}</option>`)
      .join('')}</select>`,
  labelledby: (l, shown) => `
    <div><span id="tfa-label">${words[l].setting}</span>
    <div role="combobox" aria-labelledby="tfa-label" aria-expanded="false"><span>${shown}</span></div></div>`,
  'aria-label': (l, shown) => `
    <div role="button" aria-haspopup="listbox" aria-label="${words[l].setting}">${shown}</div>`,
  beside: (l, shown) => `
    <section><h3>${words[l].setting}</h3><p>Who must use it</p>
    <div><div role="button" aria-haspopup="menu"><span>${shown}</span></div></div></section>`,
};

const infoPage = (l: L, structure: string, shown: string) => {
  const { doc } = htmlPage(
    `${hostile(l)}<div role="main"><h2>Business options</h2>
      <div><span>${words[l].setting}</span> is a name someone chose</div>
      ${infoStructures[structure]!(l, shown)}</div>`,
    infoUrl,
    l,
  );
  // The choice as a browser holds it (happy-dom does not take it from the parsed \`selected\`).
  const select = doc.querySelector('select');
  if (select) select.selectedIndex = [...select.options].findIndex((o) => o.textContent === shown);
  return doc;
};

type Person = { name: string; email?: string };
const listRows: Record<string, (l: L, people: Person[]) => string> = {
  list: (l, people) =>
    `<ul>${people
      .map(
        (p) =>
          `<li><span>${p.name}</span>${p.email ? `<span>${p.email}</span>` : ''}<div role="button">${words[l].remove}</div></li>`,
      )
      .join('')}</ul>`,
  table: (l, people) =>
    `<div role="table"><div role="row"><div role="columnheader">Name</div></div>${people
      .map(
        (p) =>
          `<div role="row"><div role="cell">${p.name}</div><div role="cell">${p.email ?? ''}</div><div role="cell"><button>${words[l].remove}</button></div></div>`,
      )
      .join('')}</div>`,
};

const without: Person[] = [
  { name: 'Anna Berg', email: 'anna@sjobod.se' },
  // Names chosen by other people, like the titles and the setting.
  { name: 'Remove inactive users', email: 'eve@contractor.example' },
  { name: 'Everyone' },
];
const inactive: Person[] = [
  { name: 'Ta bort användare utan tvåstegsverifiering', email: 'old@agency.example' },
  { name: 'Two-factor authentication' },
];

const centerPage = (l: L, rows: string, heading: 'h2' | 'role') => {
  const title = (text: string) =>
    heading === 'h2' ? `<h2>${text}</h2>` : `<div role="heading" aria-level="3">${text}</div>`;
  return htmlPage(
    `${hostile(l)}<div role="main"><h1>Security Center</h1>
      <section>${title(words[l].without)}<p>People who can reach your business without a second step.</p>
        ${listRows[rows]!(l, without)}</section>
      <section>${title(words[l].inactive)}${listRows[rows]!(l, inactive)}</section></div>`,
    centerUrl,
    l,
  ).doc;
};

/** What the background makes of the page's read (its parse normalises first). */
const taken = (snapshot: PageSnapshot) => snapshotReportSchema.parse({ snapshot }).snapshot;

describe('Business info’s two-factor requirement', () => {
  it('is read from the setting’s control in every structure and language, whatever else the page says', () => {
    for (const l of locales)
      for (const structure of Object.keys(infoStructures))
        for (const [requirement, shown] of Object.entries(words[l].values)) {
          const snapshot = readPage(infoUrl, infoPage(l, structure, shown));
          const what = `${l} ${structure} ${shown}`;
          expect(snapshot.kind, what).toBe('business-info');
          expect(snapshot.readStatus, what).toBe('ok');
          expect(snapshot.security, what).toEqual({ twoFactorRequirement: requirement as Requirement });
          expect(taken(snapshot).security, what).toEqual({ twoFactorRequirement: requirement });
        }
  });

  it('reports a wording it does not know as unreadable, never guessed', () => {
    for (const structure of Object.keys(infoStructures)) {
      const snapshot = readPage(infoUrl, infoPage('en', structure, 'Owners and finance editors'));
      expect(snapshot.readStatus, structure).toBe('unreadable');
      expect(snapshot.readProblems.map((p) => p.code)).toEqual(['two-factor-unknown']);
      expect(snapshot.security).toBeUndefined();
    }
  });

  it('reports a page without the setting as unreadable, even with a business named "Everyone"', () => {
    const doc = htmlPage(
      `${hostile('en')}<div role="main"><h2>Business options</h2></div>`,
      infoUrl,
      'en',
    ).doc;
    const snapshot = readPage(infoUrl, doc);
    expect(snapshot.readStatus).toBe('unreadable');
    expect(snapshot.readProblems.map((p) => p.code)).toEqual(['two-factor-not-found']);
  });
});

describe('Security Center’s lists', () => {
  it('are the rows under each title, the same in every structure and language', () => {
    const expected = { withoutTwoFactor: without, inactive };
    for (const l of locales)
      for (const rows of Object.keys(listRows))
        for (const heading of ['h2', 'role'] as const) {
          const snapshot = readPage(centerUrl, centerPage(l, rows, heading));
          const what = `${l} ${rows} ${heading}`;
          expect(snapshot.kind, what).toBe('security-center');
          expect(snapshot.readStatus, what).toBe('ok');
          expect(snapshot.security, what).toEqual(expected);
          expect(snapshot.principals, what).toEqual([]);
          expect(taken(snapshot).security, what).toEqual(expected);
        }
  });

  it('is read on the classic security page too', () => {
    const url = `${B}/settings/security${q}`;
    const snapshot = readPage(url, centerPage('fr', 'list', 'h2'));
    expect(snapshot.kind).toBe('security-center');
    expect(snapshot.security?.inactive).toEqual(inactive);
  });

  it('reports a page without its lists as unreadable, even when names in the content are the titles', () => {
    const doc = htmlPage(
      `${hostile('en')}<div role="main"><ul><li><span>Remove inactive users</span></li></ul></div>`,
      centerUrl,
      'en',
    ).doc;
    const snapshot = readPage(centerUrl, doc);
    expect(snapshot.readStatus).toBe('unreadable');
    expect(snapshot.readProblems.map((p) => p.code)).toEqual(['security-lists-not-found']);
  });

  it('keeps to the schema’s bounds in the background: a name too long is left out and said', () => {
    const doc = htmlPage(
      `<div role="main"><h2>Remove inactive users</h2><ul><li><span>${'x'.repeat(501)}</span></li><li><span>Bo</span></li></ul></div>`,
      centerUrl,
      'en',
    ).doc;
    const snapshot = taken(readPage(centerUrl, doc));
    expect(snapshot.security).toEqual({ inactive: [{ name: 'Bo' }] });
    expect(snapshot.readStatus).toBe('partial');
    expect(snapshot.readProblems.map((p) => p.code)).toEqual(['principal-invalid']);
  });

  describe('with people as plain cards (no list, grid or table role, no <li>/<tr>)', () => {
    const card = (name: string, rest: string, nameTag: 'div' | 'h3' | 'h4') =>
      `<div class="card"><${nameTag}>${name}</${nameTag}>${rest}</div>`;
    const read = (body: string) =>
      readPage(
        centerUrl,
        htmlPage(`${hostile('en')}<div role="main"><h1>Security Center</h1>${body}</div>`, centerUrl, 'en')
          .doc,
      );
    const expectUnreadable = (snapshot: PageSnapshot, what: string) => {
      expect(snapshot.readStatus, what).toBe('unreadable');
      expect(
        snapshot.readProblems.map((p) => p.code),
        what,
      ).toEqual(['security-lists-not-found']);
      expect(snapshot.security, what).toBeUndefined();
    };

    it('are unreadable, never an empty list, however the names are marked up', () => {
      for (const nameTag of ['div', 'h4'] as const)
        for (const rest of ['<div>anna@sjobod.se</div><a href="#">Remove</a>', '']) {
          const what = `${nameTag} ${rest || 'name only'}`;
          expectUnreadable(
            read(
              `<section><h2>Remove users without two-factor authentication</h2><div>${card('Anna Berg', rest, nameTag)}</div></section>
               <section><h2>Remove inactive users</h2></section>`,
            ),
            what,
          );
        }
    });

    it('are unreadable when a person in a card is named like a title, at any heading level', () => {
      // A card under "without two-factor" whose person is named "Inactive users" (a known title); another
      // named "Users without two-factor authentication" under "Remove inactive users".
      for (const nameTag of ['h3', 'h4'] as const)
        for (const rest of ['<div>eve@contractor.example</div><span>Remove</span>', '']) {
          const what = `${nameTag} ${rest || 'name only'}`;
          expectUnreadable(
            read(
              `<div><h3>Remove users without two-factor authentication</h3><div>${card('Inactive users', rest, nameTag)}</div></div>
               <div><h3>Remove inactive users</h3><div>${card('Users without two-factor authentication', rest, nameTag)}</div></div>`,
            ),
            what,
          );
        }
      // Flat markup: titles and cards side by side.
      expectUnreadable(
        read(
          `<h2>Remove users without two-factor authentication</h2>${card('Inactive users', '<div>eve@contractor.example</div>', 'div')}
           <h2>Remove inactive users</h2>`,
        ),
        'flat',
      );
    });

    it('leaves a title with nothing after it an empty list, up to the next section', () => {
      const snapshot = read(
        `<div><h2>Remove users without two-factor authentication</h2></div>
         <div><h2>Remove inactive users</h2><ul><li><span>Bo</span></li></ul></div>
         <div><h2>Limit number of users with full control</h2><div>Anna Berg</div></div>`,
      );
      expect(snapshot.readStatus).toBe('ok');
      expect(snapshot.security).toEqual({ withoutTwoFactor: [], inactive: [{ name: 'Bo' }] });
    });
  });
});
