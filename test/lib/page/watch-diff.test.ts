import { describe, expect, it } from 'vitest';
import { observe, type Baseline, type Change } from '@/lib/domain/baseline';
import { readPage } from '@/lib/page/read';
import { renderSandbox } from '../../sandbox/dom';
import { samplePortfolio } from '../../sandbox/generate';
import { SandboxApp } from '../../sandbox/app';
import { ATTACKER, applyTakeover } from '../../sandbox/takeover';
import { Window } from 'happy-dom';
import { getSubjectKey } from '@/lib/domain/snapshot';
import type { SandboxPortfolio } from '../../sandbox/portfolio';

/**
 * The change watch (issue 13) from page text to changes: the sandbox's People and Partners pages are read
 * in each language before and after a change made "between visits", and the baseline reports exactly what
 * changed, whatever the language the page is in.
 */
const B = 'https://business.facebook.com';
const OWN = ['sjobod.se'];
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-20T10:00:00.000Z';

const peopleUrl = (p: SandboxPortfolio) => `${B}/latest/settings/business_users?business_id=${p.businessId}`;
const partnersUrl = (p: SandboxPortfolio, selected?: string) =>
  `${B}/latest/settings/partners?business_id=${p.businessId}${selected ? `&selected_partner_id=${selected}` : ''}`;

function read(portfolio: SandboxPortfolio, url: string) {
  const { doc } = renderSandbox(portfolio, url);
  const snapshot = readPage(doc.location.href, doc);
  expect(snapshot.readStatus).toBe('ok');
  return snapshot;
}

function fold(baseline: Baseline | undefined, portfolio: SandboxPortfolio, url: string, at: string) {
  return observe(baseline, read(portfolio, url), at, OWN);
}

const summary = (changes: Change[]) =>
  changes.map((c) => [c.kind, c.subject, c.asset?.name, c.from, c.to].filter(Boolean).join(' ')).sort();

describe('changes read from the page in every language (issue 13)', () => {
  for (const locale of ['en', 'sv', 'fr'] as const) {
    it(`People: a new admin, raised access, end dates removed and extended, a removal (${locale})`, () => {
      const before = samplePortfolio(locale, 'grid');
      const first = fold(undefined, before, peopleUrl(before), T1);
      expect(first.changes).toEqual([]);

      const after = structuredClone(before);
      after.people.push({
        id: '61000000000099',
        name: 'Mallory Vance',
        email: 'mallory@evil.example',
        access: 'full-control',
        pending: false,
        assets: [],
      });
      const person = (email: string) => after.people.find((p) => p.email === email)!;
      person('maja@sjobod.se').access = 'full-control';
      delete person('lisa.k@gmail.com').temporaryUntil;
      person('omar@pixelverket.fr').temporaryUntil = '2027-06-30';
      after.people = after.people.filter((p) => p.email !== 'eve@contractor.example');

      const { changes } = fold(first.baseline, after, peopleUrl(after), T2);
      expect(summary(changes)).toEqual([
        'end-date-extended person:omar@pixelverket.fr 2027-02-15 2027-06-30',
        'end-date-removed person:lisa.k@gmail.com 2026-12-31',
        'portfolio-access-raised person:maja@sjobod.se basic full-control',
        'principal-added person:mallory@evil.example',
        'principal-removed person:eve@contractor.example',
      ]);
      expect(changes.every((c) => c.at === T2 && c.page === 'people')).toBe(true);
    });

    it(`Partners and a partner's pane: a new partner, a new asset, more access, a new task (${locale})`, () => {
      const before = samplePortfolio(locale, 'grid');
      const byra = '3228568050780001';
      let baseline = fold(undefined, before, partnersUrl(before), T1).baseline;
      baseline = fold(baseline, before, partnersUrl(before, byra), T1).baseline;
      const pixel = '3228568050780002';
      baseline = fold(baseline, before, partnersUrl(before, pixel), T1).baseline;

      const after = structuredClone(before);
      after.partners.push({
        businessId: '9999900000',
        name: 'Unknown Ltd',
        assets: [{ asset: '100200300400502', full: true, tasks: [] }],
      });
      const partner = after.partners.find((p) => p.businessId === byra)!;
      partner.assets.push({ asset: '100200300400504', full: true, tasks: [] });
      partner.assets.find((a) => a.asset === '100200300400501')!.full = true;
      partner.assets = partner.assets.filter((a) => a.asset !== '100200300400505');
      after.partners
        .find((p) => p.businessId === pixel)!
        .assets.find((a) => a.asset === '100200300400503')!
        .tasks.push('content');

      const listed = fold(baseline, after, partnersUrl(after), T2);
      expect(summary(listed.changes)).toEqual(['principal-added partner:9999900000']);
      const byraPane = fold(listed.baseline, after, partnersUrl(after, byra), T2);
      expect(summary(byraPane.changes)).toEqual([
        `asset-access-raised partner:${byra} Sjöbod Café full-except-sensitive full`,
        `asset-added partner:${byra} Sjöbod Menu full`,
        `asset-removed partner:${byra} Sjöbod Pixel partial`,
      ]);
      const pixelPane = fold(byraPane.baseline, after, partnersUrl(after, pixel), T2);
      expect(summary(pixelPane.changes)).toEqual([`task-added partner:${pixel} @sjobodcafe content`]);
    });

    it(`People: an own-domain holder of full control replaced by a third party (${locale})`, () => {
      const before = samplePortfolio(locale, 'grid');
      before.people.find((p) => p.email === 'maja@sjobod.se')!.access = 'full-control';
      const first = fold(undefined, before, peopleUrl(before), T1);
      const after = structuredClone(before);
      after.people.find((p) => p.email === 'maja@sjobod.se')!.access = 'basic';
      after.people.find((p) => p.email === 'omar@pixelverket.fr')!.access = 'full-control';
      const { changes } = fold(first.baseline, after, peopleUrl(after), T2);
      expect(changes.find((c) => c.kind === 'full-control-to-third-party')).toMatchObject({
        subject: 'person:omar@pixelverket.fr',
        replaced: 'person:maja@sjobod.se',
      });
    });
  }
});

describe('the sandbox’s takeover controls (issue 13)', () => {
  it('are read past: the page reads the same with them, and the takeover shows as what it is', () => {
    const portfolio = samplePortfolio('en', 'grid');
    const url = peopleUrl(portfolio);
    const plain = read(portfolio, url);
    const { doc } = renderSandbox({ ...portfolio, demoControls: true }, url);
    expect(doc.querySelector('[data-sandbox-controls]')?.textContent).toContain('Simulate a takeover');
    expect(readPage(url, doc).principals).toEqual(plain.principals);

    // Taken over: the strip names the attacker on its buttons; only the list's row counts.
    const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
    window.localStorage.setItem(
      `sandbox-takeover:${portfolio.businessId}`,
      JSON.stringify({ on: true, removed: [] }),
    );
    const taken = window.document as unknown as Document;
    const app = new SandboxApp(
      taken,
      applyTakeover({ ...portfolio, demoControls: true }, { on: true, removed: [] }),
      { mode: 'sync' },
    );
    app.start();
    expect(taken.querySelector('[data-sandbox-controls]')?.textContent).toContain(`Remove ${ATTACKER.name}`);
    const snapshot = readPage(url, taken);
    expect(snapshot.readStatus).toBe('ok');
    expect(snapshot.principals.map(getSubjectKey)).toEqual([
      ...plain.principals.map(getSubjectKey),
      `person:${ATTACKER.email}`,
    ]);
  });
});
