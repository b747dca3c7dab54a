import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SandboxApp } from './app';
import { renderSandbox } from './dom';
import { generatePortfolio, samplePortfolio } from './generate';
import type { SandboxAssignment, SandboxPortfolio } from './portfolio';
import { sandboxStrings, tasksByAssetType } from './strings';
import {
  getStructures,
  listStructures,
  paneStructures,
  pickStructures,
  type ListStructure,
  type PaneStructure,
} from './structures';

/** The sandbox alone (no reader): every structure shows the same portfolio, and the structures differ. */

const B = 'https://business.facebook.com';
const locales = ['en', 'sv', 'fr'] as const;
type Locale = (typeof locales)[number];

function sample(locale: Locale, list: ListStructure, pane: PaneStructure = 'headings'): SandboxPortfolio {
  return samplePortfolio(locale, undefined, { listStructure: list, paneStructure: pane });
}

function url(p: SandboxPortfolio, path: string, query = ''): string {
  return `${B}/latest/settings/${path}?business_id=${p.businessId}${query}`;
}

function columns(doc: Document): { list: Element; pane: Element } {
  const main = doc.querySelector('[role="main"]')!;
  return { list: main.children[0]!, pane: main.children[1]! };
}

/** Tags, roles, heading levels and attribute names in document order: what a structure is made of. */
function signature(root: Element): string {
  return [root, ...root.querySelectorAll('*')]
    .map((el) => {
      const names = [...el.attributes]
        .map((a) => a.name)
        .filter((n) => n !== 'class')
        .sort();
      return `${el.tagName.toLowerCase()}[${el.getAttribute('role') ?? ''}${el.getAttribute('aria-level') ?? ''}](${names.join(',')})`;
    })
    .join(' ');
}

function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ');
}

/** The accessible name of a switch or checkbox, by each mechanic the structures use. */
function toggleName(el: Element): string {
  const doc = el.ownerDocument;
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const by = el.getAttribute('aria-labelledby');
  if (by)
    return by
      .split(/\s+/)
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' ');
  const forLabel = [...doc.querySelectorAll('label[for]')].find((l) => l.getAttribute('for') === el.id);
  return forLabel?.textContent ?? '';
}

function toggles(pane: Element): { name: string; checked: boolean }[] {
  return [...pane.querySelectorAll('[role="switch"], input[type="checkbox"]')].map((el) => ({
    name: toggleName(el),
    checked: el.getAttribute('aria-checked') === 'true',
  }));
}

/** The labels of the switches a set of grants turns on. */
function checkedLabels(p: SandboxPortfolio, grants: SandboxAssignment[]): string[] {
  const t = sandboxStrings[p.locale];
  return grants
    .flatMap((g) => {
      const type = p.assets.find((a) => a.id === g.asset)!.type;
      if (g.full === true) return [...tasksByAssetType[type].map((k) => t.tasks[k]), t.full[type]];
      if (g.full === 'except-sensitive') return [t.exceptSensitive];
      return g.tasks.map((k) => t.tasks[k]);
    })
    .sort();
}

const switchStructures: PaneStructure[] = ['headings', 'plain-labels', 'div-switches', 'details', 'flat'];

describe('structure choice', () => {
  it('has at least five list structures and six pane structures', () => {
    expect(listStructures.length).toBeGreaterThanOrEqual(5);
    expect(paneStructures.length).toBeGreaterThanOrEqual(6);
  });

  it('defaults to grid and headings, honours variant and explicit choices, and picks from a seed', () => {
    expect(getStructures({})).toEqual({ list: 'grid', pane: 'headings' });
    expect(getStructures({ variant: 'table' })).toEqual({ list: 'table', pane: 'headings' });
    expect(getStructures({ variant: 'table', listStructure: 'cards', paneStructure: 'flat' })).toEqual({
      list: 'cards',
      pane: 'flat',
    });
    expect(getStructures({ structureSeed: 'build-7' })).toEqual(pickStructures('build-7'));
    expect(getStructures({ structureSeed: 'build-7', paneStructure: 'details' }).pane).toBe('details');
    // Deterministic, and every structure is reachable from some seed.
    expect(pickStructures('build-7')).toEqual(pickStructures('build-7'));
    const picks = Array.from({ length: 200 }, (_, i) => pickStructures(`build-${i}`));
    expect(new Set(picks.map((s) => s.list))).toEqual(new Set(listStructures));
    expect(new Set(picks.map((s) => s.pane))).toEqual(new Set(paneStructures));
  });

  it('renders the structures a seed picks', () => {
    const p = samplePortfolio('en', undefined, { structureSeed: 'build-3' });
    const { app } = renderSandbox(p, url(p, 'business_users'));
    expect(app.structures).toEqual(pickStructures('build-3'));
  });
});

describe('list structures', () => {
  for (const locale of locales) {
    it(`show every person, partner, system user and asset in every list structure (${locale})`, () => {
      const signatures = new Map<string, string>();
      for (const list of listStructures) {
        const p = sample(locale, list);
        const t = sandboxStrings[locale];
        const people = renderSandbox(p, url(p, 'business_users')).doc;
        const peopleText = textOf(columns(people).list);
        for (const person of p.people) {
          // Pending invitations are named by the invited e-mail where the list holds users and invitations.
          if (!(person.pending && (list === 'labelled-rows' || list === 'cards')))
            expect(peopleText, `${list}: ${person.name}`).toContain(person.name);
          expect(peopleText).toContain(person.email);
        }
        expect(peopleText.split(t.you).length - 1, `${list}: one "(you)"`).toBe(1);
        expect(peopleText).toContain(t.pending);
        expect(people.querySelectorAll('img').length, 'a name is never markup').toBe(0);

        const partners = renderSandbox(p, url(p, 'partners')).doc;
        const partnersText = textOf(columns(partners).list);
        for (const partner of p.partners) {
          expect(partnersText).toContain(partner.name);
          expect(partnersText).toContain(partner.businessId);
        }
        const systemUsers = renderSandbox(p, url(p, 'system_users')).doc;
        for (const u of p.systemUsers) expect(textOf(columns(systemUsers).list)).toContain(u.name);
        const assets = renderSandbox(p, url(p, 'pages')).doc;
        expect(textOf(columns(assets).list)).toContain('Sjöbod Café');

        for (const doc of [people, partners, systemUsers, assets]) {
          expect(doc.querySelectorAll('[data-testid]').length).toBe(0);
          expect(doc.querySelectorAll('button').length).toBe(0);
        }
        signatures.set(list, signature(columns(people).list) + signature(columns(partners).list));
      }
      expect(new Set(signatures.values()).size, 'every list structure is built differently').toBe(
        listStructures.length,
      );
    });
  }

  it('keeps column headers in the grid and the table, and none in the structures without columns', () => {
    const header = { grid: '[role="columnheader"]', table: 'th' } as const;
    for (const list of listStructures) {
      const p = sample('en', list);
      const { list: column } = columns(renderSandbox(p, url(p, 'partners')).doc);
      const headers = column.querySelectorAll('[role="columnheader"], th');
      if (list === 'grid' || list === 'table') {
        expect([...column.querySelectorAll(header[list])].map((h) => h.textContent)).toContain('Business ID');
      } else expect(headers.length).toBe(0);
    }
  });

  it('builds labelled rows as Geo list rows: a plain label and a description, linked by ids', () => {
    const p = sample('fr', 'labelled-rows');
    const { doc } = renderSandbox(p, url(p, 'business_users'));
    const rows = [...columns(doc).list.querySelectorAll('[role="list"] > [role="listitem"]')];
    expect(rows).toHaveLength(p.people.length);
    for (const [i, row] of rows.entries()) {
      const label = doc.getElementById(row.getAttribute('aria-labelledby')!)!;
      const description = doc.getElementById(row.getAttribute('aria-describedby')!)!;
      const person = p.people[i]!;
      expect(label.querySelector('[role="heading"]')).toBeNull();
      expect(label.textContent).toBe(person.pending ? person.email : person.name);
      expect(description.textContent).toContain(person.email);
    }
    const partners = renderSandbox(p, url(p, 'partners')).doc;
    const row = partners.querySelector('[role="listitem"][aria-describedby]')!;
    expect(partners.getElementById(row.getAttribute('aria-describedby')!)?.textContent).toBe(
      'ID d’entreprise\u202f: 3228568050780001',
    );
  });

  it('builds cards of plain divs, each titled by a level-4 heading, with the Business ID as label and value', () => {
    const p = sample('sv', 'cards');
    const { list } = columns(renderSandbox(p, url(p, 'partners')).doc);
    expect(
      list.querySelectorAll('[role="list"], [role="grid"], [role="listitem"], [role="row"], table'),
    ).toHaveLength(0);
    expect([...list.querySelectorAll('[role="heading"][aria-level="4"]')].map((h) => h.textContent)).toEqual(
      p.partners.map((x) => x.name),
    );
    const label = [...list.querySelectorAll('span')].find((s) => s.textContent === 'Företags-ID')!;
    expect(label.nextElementSibling?.textContent).toBe('3228568050780001');
  });
});

describe('detail-pane structures', () => {
  const nils = '&selected_user_id=61000000000002';
  for (const locale of locales) {
    it(`show the same person, partner and system user in every pane structure (${locale})`, () => {
      const signatures = new Map<string, string>();
      for (const pane of paneStructures) {
        const p = sample(locale, 'grid', pane);
        const t = sandboxStrings[locale];
        const person = p.people[1]!;
        const { pane: personPane } = columns(renderSandbox(p, url(p, 'business_users', nils)).doc);
        const title = personPane.querySelectorAll('[role="heading"][aria-level="2"]');
        expect(title, pane).toHaveLength(1);
        expect(title[0]!.textContent).toBe(person.name);
        expect(textOf(personPane)).toContain(person.email);
        expect(textOf(personPane)).toContain(t.fullControl);
        for (const g of person.assets)
          expect(textOf(personPane)).toContain(p.assets.find((a) => a.id === g.asset)!.name);

        const partner = p.partners[0]!;
        const { pane: partnerPane } = columns(
          renderSandbox(p, url(p, 'partners', `&selected_partner_id=${partner.businessId}`)).doc,
        );
        expect(partnerPane.querySelector('[role="heading"][aria-level="2"]')?.textContent).toBe(partner.name);
        expect(textOf(partnerPane)).toContain(partner.businessId);

        const user = p.systemUsers[0]!;
        const { pane: userPane } = columns(
          renderSandbox(p, url(p, 'system_users', `&selected_user_id=${user.id}`)).doc,
        );
        expect(userPane.querySelector('[role="heading"][aria-level="2"]')?.textContent).toBe(user.name);
        expect(textOf(userPane)).toContain(user.id);
        expect(textOf(userPane)).toContain(t.systemUserAdmin);

        if (switchStructures.includes(pane)) {
          const all = [personPane, partnerPane, userPane].flatMap(toggles);
          expect(all.length, pane).toBeGreaterThan(0);
          expect(
            all.every((s) => s.name.length > 0),
            `${pane}: every switch is named`,
          ).toBe(true);
          expect(
            toggles(partnerPane)
              .filter((s) => s.checked)
              .map((s) => s.name)
              .sort(),
            pane,
          ).toEqual(checkedLabels(p, partner.assets));
        } else {
          expect(toggles(partnerPane), pane).toHaveLength(0);
          expect(textOf(partnerPane)).toContain(`${t.partialAccess} · ${t.tasks.use}`);
          expect(textOf(partnerPane)).toContain(t.exceptSensitive);
        }
        signatures.set(pane, signature(personPane) + signature(partnerPane));
      }
      expect(new Set(signatures.values()).size, 'every pane structure is built differently').toBe(
        paneStructures.length,
      );
    });
  }

  it('uses every switch mechanic: input and div switches, aria-label, aria-labelledby, <label for>, descriptions', () => {
    const seen = new Set<string>();
    for (const pane of paneStructures) {
      const p = sample('en', 'grid', pane);
      const { doc } = renderSandbox(p, url(p, 'business_users', nils));
      const { pane: column } = columns(doc);
      for (const el of column.querySelectorAll('[role="switch"], input[type="checkbox"]')) {
        seen.add(`${el.tagName.toLowerCase()}${el.getAttribute('role') ? '[role=switch]' : ''}`);
        for (const a of ['aria-label', 'aria-labelledby'] as const) if (el.hasAttribute(a)) seen.add(a);
        if (el.id && doc.querySelector(`label[for="${el.id}"]`)) seen.add('label-for');
        const described = el.getAttribute('aria-describedby');
        if (
          described &&
          doc.getElementById(described)?.textContent === 'Create and edit ads, pause and delete campaigns'
        )
          seen.add('description');
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'aria-label',
        'aria-labelledby',
        'description',
        'div[role=switch]',
        'input',
        'input[role=switch]',
        'label-for',
      ].sort(),
    );
  });

  it('shows "(you)", pending and the end date as elements of their own, in every pane structure', () => {
    for (const pane of paneStructures) {
      for (const locale of locales) {
        const p = sample(locale, 'grid', pane);
        const t = sandboxStrings[locale];
        const anna = columns(
          renderSandbox(p, url(p, 'business_users', '&selected_user_id=61000000000001')).doc,
        ).pane;
        expect(
          [...anna.querySelectorAll('*')].filter((el) => el.textContent === t.you),
          `${pane} ${locale}`,
        ).not.toHaveLength(0);
        const lisa = columns(
          renderSandbox(p, url(p, 'business_users', '&selected_user_id=61000000000004')).doc,
        ).pane;
        expect([...lisa.querySelectorAll('*')].some((el) => el.textContent === t.pending)).toBe(true);
        expect(textOf(lisa)).toContain(t.accessExpires);
        expect(textOf(lisa)).toMatch(/2026/);
      }
    }
  });

  it('writes the Business ID line in every form: colons of French typography, and label + value', () => {
    const lines = new Set<string>();
    for (const pane of paneStructures) {
      const p = sample('fr', 'grid', pane);
      const { pane: column } = columns(
        renderSandbox(p, url(p, 'partners', '&selected_partner_id=3228568050780001')).doc,
      );
      for (const el of column.querySelectorAll('*')) {
        if (el.children.length === 0 && el.textContent?.endsWith(': 3228568050780001'))
          lines.add(el.textContent);
        if (el.children.length === 0 && el.nextElementSibling?.textContent === '3228568050780001')
          lines.add(`${el.textContent} | 3228568050780001`);
      }
    }
    expect(lines).toEqual(
      new Set([
        'ID d’entreprise: 3228568050780001',
        'ID de l’entreprise\u202f: 3228568050780001',
        'ID\u00a0: 3228568050780001',
        'ID d’entreprise : 3228568050780001',
        'ID d’entreprise | 3228568050780001',
        'ID de l’entreprise | 3228568050780001',
      ]),
    );
  });

  it('shows an asset page’s holders in every list structure, under People / Partners headings of levels 2–4', () => {
    const levels = new Set<string>();
    for (const list of listStructures) {
      for (const pane of paneStructures) {
        const p = sample('sv', list, pane);
        const { pane: column } = columns(
          renderSandbox(p, url(p, 'pages', '&selected_asset_id=100200300400501&selected_asset_type=page'))
            .doc,
        );
        const headings = [...column.querySelectorAll('[role="heading"]')];
        for (const word of ['Personer', 'Partner']) {
          const h = headings.find((x) => x.textContent === word);
          expect(h, `${list} ${pane} ${word}`).toBeDefined();
          levels.add(h!.getAttribute('aria-level')!);
        }
        const text = textOf(column);
        for (const name of ['Anna Berg', 'Nils Holm', 'Maja Ek', 'Byrå AB']) expect(text).toContain(name);
        expect(text).toContain('3228568050780001');
        expect(text).toContain('Allt utom känsliga åtgärder');
      }
    }
    expect([...levels].sort()).toEqual(['2', '3', '4']);
  });
});

describe('behaviour in every structure', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps the test hooks: an accepted invitation is named by its person, a removed person is gone', () => {
    for (const list of listStructures) {
      const p = sample('en', list, 'details');
      const { doc, app } = renderSandbox(p, url(p, 'business_users'));
      expect(app.acceptInvitation('lisa.k@gmail.com')).toBe(true);
      expect(textOf(columns(doc).list), list).toContain('Lisa Karlsson');
      expect(app.removePerson('maja@sjobod.se')).toBe(true);
      expect(textOf(columns(doc).list)).not.toContain('maja@sjobod.se');
      expect(app.removePartner('3228568050780002')).toBe(true);
    }
  });

  it('adds an invitation through the dialog, shown as a pending row of the list', () => {
    for (const list of listStructures) {
      const p = sample('en', list, 'bold-names');
      const { doc } = renderSandbox(p, url(p, 'business_users', '&modal=invite_people'));
      const win = doc.defaultView as unknown as typeof globalThis;
      const dialog = () => doc.querySelector('[role="dialog"]')!;
      const press = (text: string) =>
        [...dialog().querySelectorAll('[role="button"]')]
          .find((b) => b.textContent === text)!
          .dispatchEvent(new win.MouseEvent('click', { bubbles: true }));
      const email = dialog().querySelector('input[type="email"]') as HTMLInputElement;
      email.value = 'new@studio.example';
      email.dispatchEvent(new win.Event('input', { bubbles: true }));
      press('Next');
      press('Next');
      press('Next');
      press('Send request');
      expect(doc.querySelector('[role="dialog"]'), list).toBeNull();
      expect(textOf(columns(doc).list)).toContain('new@studio.example');
    }
  });

  it('renders rows late and in batches in live mode, in the new list structures too', () => {
    vi.useFakeTimers();
    for (const list of ['labelled-rows', 'cards'] as const) {
      const p = generatePortfolio({ people: 100, variant: list, batchSize: 40, rowDelayMs: 250, seed: 3 });
      const window = new Window({ url: url(p, 'business_users') });
      const doc = window.document as unknown as Document;
      const app = new SandboxApp(doc, p, { mode: 'live' });
      app.start();
      const rows = () =>
        list === 'cards'
          ? columns(doc).list.querySelectorAll('[role="heading"][aria-level="4"]').length
          : doc.querySelectorAll('[role="listitem"][aria-labelledby]').length;
      expect(rows()).toBe(0);
      vi.advanceTimersByTime(300);
      expect(rows(), list).toBe(40);
      app.stop();
      window.close();
    }
  });
});
