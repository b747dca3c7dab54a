import { describe, expect, it } from 'vitest';
import { getSubjectKey, PRINCIPAL_NAME_MAX, type PageSnapshot, type Principal } from '@/lib/domain/snapshot';
import { readPage } from '@/lib/page/read';
import { htmlPage, renderSandbox } from '../../sandbox/dom';
import { samplePortfolio } from '../../sandbox/generate';

const B = 'https://business.facebook.com';
const BUSINESS = '1203456789012345';
const people = `${B}/latest/settings/business_users?business_id=${BUSINESS}`;
const partners = `${B}/latest/settings/partners?business_id=${BUSINESS}`;

/** Issue 10, item 4: format characters that show nothing, and that someone's name can carry. */
const hiddenCharacters: [string, string][] = [
  ['zero-width space', '\u200b'],
  ['zero-width non-joiner', '\u200c'],
  ['zero-width joiner', '\u200d'],
  ['left-to-right mark', '\u200e'],
  ['right-to-left mark', '\u200f'],
  ['left-to-right embedding', '\u202a'],
  ['right-to-left embedding', '\u202b'],
  ['pop directional formatting', '\u202c'],
  ['left-to-right override', '\u202d'],
  ['right-to-left override', '\u202e'],
  ['word joiner', '\u2060'],
  ['function application', '\u2061'],
  ['invisible times', '\u2062'],
  ['invisible separator', '\u2063'],
  ['invisible plus', '\u2064'],
  ['left-to-right isolate', '\u2066'],
  ['right-to-left isolate', '\u2067'],
  ['first strong isolate', '\u2068'],
  ['pop directional isolate', '\u2069'],
  ['soft hyphen', '\u00ad'],
  ['Arabic letter mark', '\u061c'],
  ['Hangul choseong filler', '\u115f'],
  ['Hangul jungseong filler', '\u1160'],
  ['Hangul filler', '\u3164'],
  ['halfwidth Hangul filler', '\uffa0'],
  ['byte-order mark', '\ufeff'],
  ['Mongolian vowel separator', '\u180e'],
];

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text with the character inside it, where it splits a word (or a number) in two. */
const salt = (text: string, c: string) => `${text.slice(0, 2)}${c}${text.slice(2)}`;

/** What was read, without the flag: the facts must be the same as from the clean page. */
function facts(snapshot: PageSnapshot) {
  return {
    currentUser: snapshot.currentUser,
    readStatus: snapshot.readStatus,
    readProblems: snapshot.readProblems,
    principals: snapshot.principals.map(({ hiddenCharacters: _flag, ...p }) => p),
    subjects: snapshot.principals.map(getSubjectKey),
  };
}

const flags = (principals: Principal[]) => principals.map((p) => p.hiddenCharacters ?? false);

function peopleList(c: string): string {
  return `<main><h1>People</h1><ul>
    <li><p><span>${salt('Anna Berg', c)}</span> <span>${salt('(you)', c)}</span></p><p>${salt('anna@sjobod.se', c)}</p><p>${salt('Full control', c)}</p></li>
    <li><p>${salt('Nils Holm', c)}</p><p>nils@byraab.se</p><p>Full control</p></li>
    <li><p>Maja Ek</p><p>${salt('maja@sjobod.se', c)}</p><p>Basic access</p></li>
    <li><p>Lisa Karlsson</p><p>lisa.k@gmail.com</p><p>${salt('Basic access', c)}</p><p>${salt('Pending', c)}</p></li>
  </ul></main>`;
}

function partnerList(c: string): string {
  return `<main><h1>Partners</h1><table><thead><tr><th>Name</th><th>ID</th></tr></thead><tbody>
    <tr><td>${salt('Byrå AB', c)}</td><td>Business ID: ${salt('3228568050780001', c)}</td></tr>
    <tr><td>Pixelverket SARL</td><td>${salt('Business ID', c)}: ${salt('3228568050780002', c)}</td></tr>
    <tr><td>Sjöbod Supply</td><td>Business ID: 3228568050780003</td></tr>
  </tbody></table></main>`;
}

function read(url: string, html: string): PageSnapshot {
  return readPage(url, htmlPage(html, url, 'en').doc);
}

describe('hidden characters in names, e-mails, Business IDs and lexicon words', () => {
  const cleanPeople = read(people, peopleList(''));
  const cleanPartners = read(partners, partnerList(''));

  it('reads the clean pages it is compared with', () => {
    expect(cleanPeople.readStatus, JSON.stringify(cleanPeople.readProblems)).toBe('ok');
    expect(cleanPeople.currentUser).toEqual({ name: 'Anna Berg', email: 'anna@sjobod.se' });
    expect(cleanPeople.principals.map((p) => [getSubjectKey(p), p.portfolioAccess, p.pending])).toEqual([
      ['person:anna@sjobod.se', 'full-control', false],
      ['person:nils@byraab.se', 'full-control', false],
      ['person:maja@sjobod.se', 'basic', false],
      ['person:lisa.k@gmail.com', 'basic', true],
    ]);
    expect(flags(cleanPeople.principals)).toEqual([false, false, false, false]);
    expect(cleanPartners.principals.map(getSubjectKey)).toEqual([
      'partner:3228568050780001',
      'partner:3228568050780002',
      'partner:3228568050780003',
    ]);
  });

  for (const [label, c] of hiddenCharacters) {
    it(`reads the same facts through a ${label} (${codePoint(c)}) and flags whom it hid in`, () => {
      const salted = read(people, peopleList(c));
      expect(facts(salted)).toEqual(facts(cleanPeople));
      // Anna and Nils by their names, Maja by her address; Lisa's only hidden characters are in labels.
      expect(flags(salted.principals)).toEqual([true, true, true, false]);

      const saltedPartners = read(partners, partnerList(c));
      expect(facts(saltedPartners)).toEqual(facts(cleanPartners));
      // Byrå by its name and ID, Pixelverket by its ID.
      expect(flags(saltedPartners.principals)).toEqual([true, true, false]);
    });
  }

  it('reads the sandbox’s names and addresses with hidden characters the same, in every language and list', () => {
    const variants = ['grid', 'list', 'table'] as const;
    hiddenCharacters.forEach(([, c], i) => {
      const locale = (['en', 'sv', 'fr'] as const)[i % 3];
      const variant = variants[Math.floor(i / 3) % 3];
      const clean = samplePortfolio(locale, variant);
      const url = `${B}/latest/settings/business_users?business_id=${clean.businessId}`;
      const hidden = samplePortfolio(locale, variant, {
        people: clean.people.map((p) => ({ ...p, name: salt(p.name, c), email: salt(p.email, c) })),
      });
      const before = readPage(url, renderSandbox(clean, url).doc);
      const after = readPage(url, renderSandbox(hidden, url).doc);
      expect(facts(after), `${codePoint(c)} ${locale} ${variant}`).toEqual(facts(before));
      expect(flags(after.principals)).toEqual(after.principals.map(() => true));
    });
  });

  it('reads a 100,000-character name full of hidden characters, and flags it', () => {
    const name = 'Eve\u200b Mal\u00adlory\u202e-\u2060'.repeat(7_200).slice(0, 100_000);
    const shown = name
      .replace(/[\u200b\u00ad\u202e\u2060]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    const snapshot = read(
      people,
      `<main><ul>
        <li><p><span>Anna Berg</span> <span>(you)</span></p><p>anna@sjobod.se</p><p>Full control</p></li>
        <li><p>${name}</p><p>${salt('eve@contractor.example', '\u200b')}</p><p>Full control</p></li>
      </ul></main>`,
    );
    const eve = snapshot.principals[1];
    expect(getSubjectKey(eve!)).toBe('person:eve@contractor.example');
    expect(eve).toMatchObject({
      portfolioAccess: 'full-control',
      isCurrentUser: false,
      hiddenCharacters: true,
    });
    // A principal keeps the first 500 characters of a name, without the hidden ones.
    expect(eve!.name).toBe(shown.slice(0, PRINCIPAL_NAME_MAX));
    expect(snapshot.currentUser).toEqual({ name: 'Anna Berg', email: 'anna@sjobod.se' });
  });

  it('reads an address or a Business ID typed with hidden characters in the invite and add-partner dialogs', () => {
    const dialogs = [
      [
        people,
        'Invite people',
        'email',
        salt('new@agency.example', '\u200b'),
        'person:new@agency.example',
        'invite-dialog',
      ],
      [
        partners,
        'Add partner',
        'text',
        salt('3228568050789999', '\u2060'),
        'partner:3228568050789999',
        'add-partner-dialog',
      ],
    ] as const;
    for (const [url, title, type, value, subject, kind] of dialogs) {
      const html = `<div role="dialog" aria-label="${title}"><input type="${type}" value="${value}"></div>`;
      const snapshot = read(url, html);
      expect(snapshot.kind).toBe(kind);
      expect(snapshot.principals.map((p) => [getSubjectKey(p), p.hiddenCharacters])).toEqual([
        [subject, true],
      ]);
    }
  });
});
