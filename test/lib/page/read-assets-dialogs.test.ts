import { describe, expect, it } from 'vitest';
import { getSubjectKey } from '@/lib/domain/snapshot';
import { readPage } from '@/lib/page/read';
import { renderSandbox } from '../../sandbox/dom';
import { samplePortfolio } from '../../sandbox/generate';
import { sandboxStrings } from '../../sandbox/strings';

const B = 'https://business.facebook.com';
const locales = ['en', 'sv', 'fr'] as const;

function click(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  el.dispatchEvent(
    new (el.ownerDocument.defaultView as unknown as typeof globalThis).MouseEvent('click', { bubbles: true }),
  );
}

function buttonByText(doc: Document, text: string): Element | undefined {
  return [...doc.querySelectorAll('[role="button"]')].find((b) => b.textContent?.trim() === text);
}

function setInput(input: Element | null, value: string): void {
  if (!input) throw new Error('no input');
  (input as HTMLInputElement).value = value;
  input.dispatchEvent(
    new (input.ownerDocument.defaultView as unknown as typeof globalThis).Event('input', { bubbles: true }),
  );
}

function toggle(doc: Document, label: string, nth = 0): void {
  const input = [...doc.querySelectorAll(`[role="dialog"] input[role="switch"]`)].filter(
    (i) => i.getAttribute('aria-label') === label,
  )[nth] as HTMLInputElement | undefined;
  if (!input) throw new Error(`no switch ${label}`);
  input.checked = !input.checked;
  input.dispatchEvent(
    new (doc.defaultView as unknown as typeof globalThis).Event('change', { bubbles: true }),
  );
}

describe('asset page reader on the sandbox', () => {
  for (const locale of locales) {
    for (const variant of ['grid', 'list', 'table'] as const) {
      it(`reads who holds a Page, with access and tasks (${locale}, ${variant})`, () => {
        const portfolio = samplePortfolio(locale, variant);
        const url = `${B}/latest/settings/pages?business_id=${portfolio.businessId}&selected_asset_id=100200300400501&selected_asset_type=page`;
        const { doc } = renderSandbox(portfolio, url);
        const snapshot = readPage(doc.location.href, doc);
        expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
        expect(snapshot.kind).toBe('asset');
        const page = { type: 'page', id: '100200300400501', name: 'Sjöbod Café' } as const;
        expect(snapshot.principals.map((p) => [getSubjectKey(p), p.assets])).toEqual([
          ['person:anna@sjobod.se', [{ ...page, access: 'full', tasks: [] }]],
          ['person:nils@byraab.se', [{ ...page, access: 'full', tasks: [] }]],
          [
            'person:maja@sjobod.se',
            [{ ...page, access: 'partial', tasks: ['community', 'content', 'messages'] }],
          ],
          ['partner:3228568050780001', [{ ...page, access: 'full-except-sensitive', tasks: [] }]],
        ]);
      });
    }

    it(`reads an ad account in the classic layout (${locale})`, () => {
      const portfolio = samplePortfolio(locale, 'grid');
      const { doc } = renderSandbox(
        portfolio,
        `${B}/settings/ad-accounts/100200300400502?business_id=${portfolio.businessId}`,
      );
      const snapshot = readPage(doc.location.href, doc);
      expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
      expect(
        snapshot.principals.map((p) => [getSubjectKey(p), p.assets[0]?.access, p.assets[0]?.tasks]),
      ).toEqual([
        ['person:nils@byraab.se', 'partial', ['campaigns', 'performance']],
        ['partner:3228568050780001', 'full', []],
      ]);
    });
  }

  it('says so when no asset is selected', () => {
    const portfolio = samplePortfolio('en', 'grid');
    const { doc } = renderSandbox(
      portfolio,
      `${B}/latest/settings/pages?business_id=${portfolio.businessId}`,
    );
    const snapshot = readPage(doc.location.href, doc);
    expect(snapshot.readStatus).toBe('partial');
    expect(snapshot.readProblems[0]).toEqual({ code: 'no-asset-selected' });
  });
});

describe('invite people dialog reader on the sandbox', () => {
  for (const locale of locales) {
    it(`follows the invite steps: e-mail, access, end date, assets, review (${locale})`, () => {
      const t = sandboxStrings[locale];
      const portfolio = samplePortfolio(locale, 'grid');
      const { doc } = renderSandbox(
        portfolio,
        `${B}/latest/settings/business_users?business_id=${portfolio.businessId}`,
      );
      click(buttonByText(doc, `+ ${t.invitePeople}`));
      expect(doc.location.search).toContain('modal=invite_people');

      setInput(doc.querySelector('[role="dialog"] input[type="email"]'), 'new.person@agency.example');
      let snapshot = readPage(doc.location.href, doc);
      expect(snapshot.kind).toBe('invite-dialog');
      expect(snapshot.principals).toEqual([
        {
          kind: 'person',
          name: 'new.person@agency.example',
          email: 'new.person@agency.example',
          pending: false,
          isCurrentUser: false,
          assets: [],
        },
      ]);

      click(buttonByText(doc, t.next));
      click([...doc.querySelectorAll('[role="radio"]')].find((r) => r.textContent === t.fullControl));
      snapshot = readPage(doc.location.href, doc);
      expect(snapshot.principals[0]?.portfolioAccess).toBe('full-control');

      toggle(doc, t.temporaryAccess);
      const date = doc.querySelector('[role="dialog"] input[type="date"]');
      setInput(date, '2027-01-31');
      snapshot = readPage(doc.location.href, doc);
      expect(snapshot.principals[0]?.temporaryUntil).toBe('2027-01-31');

      click(buttonByText(doc, t.next));
      toggle(doc, t.tasks.content);
      toggle(doc, t.tasks.ads);
      snapshot = readPage(doc.location.href, doc);
      expect(snapshot.principals[0]?.assets).toEqual([
        { type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['ads', 'content'] },
      ]);

      click(buttonByText(doc, t.next));
      snapshot = readPage(doc.location.href, doc);
      expect(snapshot.readStatus, JSON.stringify(snapshot.readProblems)).toBe('ok');
      expect(snapshot.principals[0]).toMatchObject({
        email: 'new.person@agency.example',
        portfolioAccess: 'full-control',
        temporaryUntil: '2027-01-31',
      });

      click(buttonByText(doc, t.sendRequest));
      snapshot = readPage(doc.location.href, doc);
      expect(snapshot.kind).toBe('people');
      expect(
        snapshot.principals.find((p) => getSubjectKey(p) === 'person:new.person@agency.example'),
      ).toMatchObject({
        pending: true,
        portfolioAccess: 'full-control',
        temporaryUntil: '2027-01-31',
      });
    });

    it(`reads the add partner dialog: Business ID and asset tasks (${locale})`, () => {
      const t = sandboxStrings[locale];
      const portfolio = samplePortfolio(locale, 'list');
      const { doc } = renderSandbox(
        portfolio,
        `${B}/latest/settings/partners?business_id=${portfolio.businessId}`,
      );
      click(buttonByText(doc, `+ ${t.addPartner}`));
      let snapshot = readPage(doc.location.href, doc);
      expect(snapshot.kind).toBe('add-partner-dialog');
      click(buttonByText(doc, t.next));
      setInput(doc.querySelector('[role="dialog"] input'), '3228568050789999');
      click(buttonByText(doc, t.next));
      toggle(doc, t.full['ad-account']);
      snapshot = readPage(doc.location.href, doc);
      expect(snapshot.principals).toEqual([
        {
          kind: 'partner',
          name: '3228568050789999',
          businessId: '3228568050789999',
          pending: false,
          isCurrentUser: false,
          assets: [{ type: 'ad-account', name: 'Sjöbod – Ads', access: 'full', tasks: [] }],
        },
      ]);
      click(buttonByText(doc, t.assign));
      click(buttonByText(doc, t.close));
      snapshot = readPage(doc.location.href, doc);
      expect(snapshot.kind).toBe('partners');
      expect(snapshot.principals.map(getSubjectKey)).toContain('partner:3228568050789999');
    });
  }
});

describe('dialog steps that do not show who is invited', () => {
  it('reads an empty invite form as ok and a step without the address as partial', () => {
    const t = sandboxStrings.en;
    const portfolio = samplePortfolio('en', 'grid');
    const { doc } = renderSandbox(
      portfolio,
      `${B}/latest/settings/business_users?business_id=${portfolio.businessId}&modal=invite_people`,
    );
    let snapshot = readPage(doc.location.href, doc);
    expect(snapshot).toMatchObject({ kind: 'invite-dialog', readStatus: 'ok', readProblems: [] });
    click(buttonByText(doc, t.next));
    snapshot = readPage(doc.location.href, doc);
    expect(snapshot.readStatus).toBe('partial');
    expect(snapshot.readProblems).toEqual([{ code: 'dialog-missing-invitee' }]);
  });
});
