import { describe, expect, it } from 'vitest';
import { getSubjectKey } from '@/lib/domain/snapshot';
import { buildDiagnostics } from '@/lib/page/diagnostics';
import { readPage } from '@/lib/page/read';
import { htmlPage, renderSandbox } from '../../sandbox/dom';
import { samplePortfolio } from '../../sandbox/generate';

const B = 'https://business.facebook.com';
const people = `${B}/latest/settings/business_users?business_id=1203456789012345`;

/**
 * Markup the sandbox never produces, following research §5 and LEXICON.md: the reader must not depend on
 * the sandbox's own structure.
 */
describe('reader on other markup', () => {
  it('takes the address as the name of someone invited by e-mail, not the status after it', () => {
    const { doc } = htmlPage(
      `<nav><ul><li><a href="#">People</a></li><li><a href="#">Partners</a></li></ul></nav>
       <main>
         <h1>People</h1>
         <ul>
           <li><p><span>Anna Berg</span> <span>(you)</span></p><p>anna@sjobod.se</p><p>Full control</p><p>Active</p></li>
           <li><p>lena@studio.example</p><p>lena@studio.example</p><p>Basic access</p><p>Active</p></li>
         </ul>
       </main>`,
      people,
      'en-GB',
    );
    const snapshot = readPage(people, doc);
    expect(snapshot.principals.map((p) => [p.name, getSubjectKey(p)])).toEqual([
      ['Anna Berg', 'person:anna@sjobod.se'],
      ['lena@studio.example', 'person:lena@studio.example'],
    ]);
  });

  it('reads a <ul> People list with legacy labels and inline badges; a name whose own text holds an address gives no address', () => {
    const { doc } = htmlPage(
      `<nav><ul><li><a href="#">People</a></li><li><a href="#">Partners</a></li></ul></nav>
       <main>
         <h1>People</h1>
         <ul>
           <li><p><span>Anna Berg</span> <span>(you)</span> · <span>anna@sjobod.se</span></p><p>Admin</p></li>
           <li><p>Nils Holm &lt;nils@byraab.se&gt;</p><p>Admin access</p><p>Temporary access until Mar 3, 2027</p></li>
           <li><p>Maja Ek</p><p><a href="mailto:maja@sjobod.se">maja@sjobod.se</a></p><p>Employee</p><p>Invitation pending</p></li>
           <li><p>Omar Haddad</p><p>omar@pixelverket.fr</p><p>Finance analyst</p></li>
         </ul>
       </main>`,
      people,
      'en-GB',
    );
    const snapshot = readPage(people, doc);
    // Nils's name and address are one text: the address could be part of a name anyone can write.
    expect(snapshot.readStatus).toBe('partial');
    expect(snapshot.readProblems).toEqual([{ code: 'email-in-name', facts: { count: 1 } }]);
    expect(snapshot.principals).toEqual([
      {
        kind: 'person',
        name: 'Anna Berg',
        email: 'anna@sjobod.se',
        portfolioAccess: 'full-control',
        pending: false,
        isCurrentUser: true,
        assets: [],
      },
      {
        kind: 'person',
        name: 'Nils Holm <nils@byraab.se>',
        portfolioAccess: 'full-control',
        pending: false,
        isCurrentUser: false,
        temporaryUntil: '2027-03-03',
        assets: [],
      },
      {
        kind: 'person',
        name: 'Maja Ek',
        email: 'maja@sjobod.se',
        portfolioAccess: 'basic',
        pending: true,
        isCurrentUser: false,
        assets: [],
      },
      {
        kind: 'person',
        name: 'Omar Haddad',
        email: 'omar@pixelverket.fr',
        portfolioAccess: 'finance',
        pending: false,
        isCurrentUser: false,
        assets: [],
      },
    ]);
    expect(snapshot.currentUser).toEqual({ name: 'Anna Berg', email: 'anna@sjobod.se' });
  });

  it('reads a role=table with role=cell rows in Swedish with no lang attribute, and an <aside> pane with <label for>', () => {
    const { doc } = htmlPage(
      `<div role="navigation"><a>Personer</a><a>Partner</a><a>Systemanvändare</a></div>
       <div role="main">
         <div role="table">
           <div role="row"><span role="columnheader">Namn</span><span role="columnheader">Åtkomst</span></div>
           <div role="row"><span role="cell">Anna Berg</span><span role="cell">(du)</span><span role="cell">anna@sjobod.se</span><span role="cell">Full kontroll</span></div>
           <div role="row" aria-selected="true"><span role="cell">Lisa Karlsson</span><span role="cell">lisa.k@gmail.com</span><span role="cell">Partiell åtkomst</span><span role="cell">Väntar</span><span role="cell">Åtkomsten upphör 2026-12-31</span></div>
         </div>
         <aside>
           <h2>Lisa Karlsson</h2>
           <div>lisa.k@gmail.com</div>
           <h3>Instagramkonton</h3>
           <h4>@sjobodcafe</h4>
           <input type="checkbox" role="switch" id="s1" checked><label for="s1">Innehåll</label>
           <input type="checkbox" role="switch" id="s2"><label for="s2">Meddelanden och samtal</label>
           <input type="checkbox" role="switch" id="s3" checked><label for="s3">Statistik</label>
           <h3>Sidor</h3>
           <h4>Sjöbod Café</h4>
           <div role="switch" aria-checked="true" aria-label="Allt utom känsliga åtgärder"></div>
         </aside>
       </div>`,
      people,
    );
    const snapshot = readPage(people, doc);
    expect(snapshot.locale).toBe('sv');
    expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
    expect(
      snapshot.principals.map((p) => [getSubjectKey(p), p.portfolioAccess, p.pending, p.isCurrentUser]),
    ).toEqual([
      ['person:anna@sjobod.se', 'full-control', false, true],
      ['person:lisa.k@gmail.com', 'partial', true, false],
    ]);
    expect(snapshot.principals[1]).toMatchObject({
      temporaryUntil: '2026-12-31',
      assets: [
        { type: 'instagram', name: '@sjobodcafe', access: 'partial', tasks: ['content', 'insights'] },
        { type: 'page', name: 'Sjöbod Café', access: 'full-except-sensitive', tasks: [] },
      ],
    });
  });

  it('reads a French partner table with the ID in its own column and legacy roles on an asset page', () => {
    const partners = `${B}/settings/partners?business_id=1203456789012345`;
    const { doc } = htmlPage(
      `<main><table><thead><tr><th>Nom</th><th>ID</th></tr></thead>
        <tbody><tr><td>Byrå AB</td><td>3228568050780001</td></tr><tr><td>Pixelverket SARL</td><td>ID d’entreprise : 3228568050780002</td></tr></tbody>
       </table></main>`,
      partners,
      'fr',
    );
    const snapshot = readPage(partners, doc);
    expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
    expect(snapshot.principals.map(getSubjectKey)).toEqual([
      'partner:3228568050780001',
      'partner:3228568050780002',
    ]);

    const asset = `${B}/settings/pages/100200300400501?business_id=1203456789012345`;
    const page = htmlPage(
      `<main><section><h2>Sjöbod Café</h2>
         <h3>Personnes</h3>
         <ul><li><span>Maja Ek</span> — <span>maja@sjobod.se</span><br><span>Éditeur</span></li><li>Anna Berg<br>anna@sjobod.se<br><span>Administrateur</span></li></ul>
         <h3>Partenaires</h3>
         <ul><li>Byrå AB<br>ID : 3228568050780001<br><span>Accès partiel : Publicités, Statistiques</span></li></ul>
       </section></main>`,
      asset,
      'fr',
    );
    const assetSnapshot = readPage(asset, page.doc);
    expect(assetSnapshot.readStatus, JSON.stringify(assetSnapshot.readProblems)).toBe('ok');
    expect(
      assetSnapshot.principals.map((p) => [getSubjectKey(p), p.assets[0]?.access, p.assets[0]?.tasks]),
    ).toEqual([
      ['person:maja@sjobod.se', 'partial', ['ads', 'community', 'content', 'insights', 'messages']],
      ['person:anna@sjobod.se', 'full', []],
      ['partner:3228568050780001', 'partial', ['ads', 'insights']],
    ]);
  });

  it('says how much of a long list it read (aria-setsize / aria-rowcount)', () => {
    const { doc } = htmlPage(
      `<main><div role="grid" aria-rowcount="5001">
         <div role="row"><div role="columnheader">Name</div></div>
         <div role="row"><div role="gridcell">Anna Berg</div><div role="gridcell">anna@sjobod.se</div><div role="gridcell">Full control</div></div>
       </div></main>`,
      people,
      'en',
    );
    const snapshot = readPage(people, doc);
    expect(snapshot.readStatus).toBe('partial');
    expect(snapshot.readProblems).toEqual([{ code: 'list-partly-loaded', facts: { count: 1, total: 5000 } }]);
  });

  it('keeps hostile names as text: markup, scripts, direction overrides and control characters', () => {
    const { doc } = htmlPage(
      `<main><ul><li><span>x</span><span>eve@contractor.example</span><span>Basic access</span></li></ul></main>`,
      people,
      'en',
    );
    doc.querySelector('span')!.textContent = '<script>alert(1)</script>\u202eEve\u0007 <b>';
    const snapshot = readPage(people, doc);
    expect(snapshot.principals[0]?.name).toBe('<script>alert(1)</script>Eve <b>');
  });
});

describe('pages the reader does not understand', () => {
  it('reports a German page as unreadable instead of guessing', () => {
    const { doc } = htmlPage(
      `<main><ul><li>Anna Berg<br>anna@sjobod.de<br>Vollständige Kontrolle</li><li>Nils Holm<br>Teilzugriff</li></ul></main>`,
      `${B}/latest/settings/partners?business_id=1`,
      'de',
    );
    const snapshot = readPage(doc.location.href, doc);
    expect(snapshot.readStatus).toBe('unreadable');
    expect(snapshot.principals).toEqual([]);
    expect(snapshot.readProblems[0]).toEqual({ code: 'no-rows-understood', facts: { total: 2 } });
  });

  it('reports a page without any list as unreadable', () => {
    const { doc } = htmlPage(`<main><div><div>Something new from Meta</div></div></main>`, people, 'en');
    const snapshot = readPage(people, doc);
    expect(snapshot).toMatchObject({ readStatus: 'unreadable', principals: [] });
    expect(snapshot.readProblems[0]).toEqual({ code: 'no-list', facts: { section: 'people' } });
  });

  it('reports Meta’s "content isn’t available" page as unreadable', () => {
    const portfolio = samplePortfolio('en', 'grid');
    const { doc } = renderSandbox(portfolio, `${B}/latest/settings/business_users?business_id=999`);
    const snapshot = readPage(doc.location.href, doc);
    expect(snapshot.readStatus).toBe('unreadable');
    expect(snapshot.readProblems[0]).toMatchObject({ code: 'access-denied' });
  });

  it('reports a row with an access label it does not know as partial, and keeps the rest', () => {
    const portfolio = samplePortfolio('en', 'grid');
    const { doc } = renderSandbox(
      portfolio,
      `${B}/latest/settings/business_users?business_id=${portfolio.businessId}`,
    );
    const label = [...doc.querySelectorAll('[role="gridcell"] span')].find(
      (s) => s.textContent === 'Basic access',
    )!;
    label.textContent = 'Superuser';
    const snapshot = readPage(doc.location.href, doc);
    expect(snapshot.readStatus).toBe('partial');
    expect(snapshot.readProblems).toEqual([
      { code: 'no-access-level', facts: { count: 1, section: 'people' } },
    ]);
    expect(
      snapshot.principals.find((p) => getSubjectKey(p) === 'person:maja@sjobod.se')?.portfolioAccess,
    ).toBeUndefined();
    expect(snapshot.principals).toHaveLength(6);
  });

  it('builds diagnostics with the page outline and no names or e-mail addresses', () => {
    const portfolio = samplePortfolio('en', 'grid');
    const { doc } = renderSandbox(
      portfolio,
      `${B}/latest/settings/business_users?business_id=${portfolio.businessId}&selected_user_id=61000000000002`,
    );
    const snapshot = {
      ...readPage(doc.location.href, doc),
      readStatus: 'unreadable' as const,
      readProblems: [
        { code: 'end-date-unreadable' as const, facts: { sample: 'Could not read nils@byraab.se' } },
      ],
    };
    const diagnostics = buildDiagnostics(snapshot, doc.body);
    const text = JSON.stringify(diagnostics);
    expect(diagnostics.path).toBe('/latest/settings/business_users');
    expect(diagnostics.queryKeys).toEqual(['business_id', 'selected_user_id']);
    expect(diagnostics.outline.some((line) => line.includes('[role=grid]'))).toBe(true);
    expect(diagnostics.outline.some((line) => line.includes('… ×'))).toBe(true);
    for (const secret of ['Nils', 'Holm', 'Anna', 'byraab', 'sjobod', '@', 'Sjöbod', '1203456789012345']) {
      expect(text, secret).not.toContain(secret);
    }
  });
});

describe('reader on other list layouts', () => {
  it('skips header rows written with ordinary cells and reads a separate "Pending invitations" table', () => {
    const { doc } = htmlPage(
      `<main>
         <h2>People</h2>
         <table><tr><td>Name</td><td>Email</td><td>Access</td></tr>
           <tr><td><span>Anna Berg</span> <span>(you)</span></td><td>anna@sjobod.se</td><td>Full control (formerly admin)</td></tr></table>
         <h2>Pending invitations</h2>
         <table><tr><td>Name</td><td>Email</td><td>Access</td></tr>
           <tr><td>lisa.k@gmail.com</td><td>Basic access</td><td><div role="button">Resend invitation</div></td></tr></table>
       </main>`,
      people,
      'en',
    );
    const snapshot = readPage(people, doc);
    expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
    expect(
      snapshot.principals.map((p) => [getSubjectKey(p), p.portfolioAccess, p.pending, p.isCurrentUser]),
    ).toEqual([
      ['person:anna@sjobod.se', 'full-control', false, true],
      ['person:lisa.k@gmail.com', 'basic', true, false],
    ]);
  });

  it('reads invitations in a list labelled as pending', () => {
    const { doc } = htmlPage(
      `<main><div role="list" aria-label="Väntande inbjudningar"><div role="listitem"><span>nils@byraab.se</span> · <span>Delvis åtkomst</span></div></div></main>`,
      people,
      'sv',
    );
    const snapshot = readPage(people, doc);
    expect(snapshot.principals).toEqual([
      {
        kind: 'person',
        name: 'nils@byraab.se',
        email: 'nils@byraab.se',
        portfolioAccess: 'partial',
        pending: true,
        isCurrentUser: false,
        assets: [],
      },
    ]);
  });
});
