// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { AssetPathsLink, OverviewLink, OverviewPage } from '@/components/overview-page';
import { assetPathsCsv, type AssetView } from '@/lib/domain/asset-paths';
import type { UiLocale } from '@/lib/domain/locales';
import type { OverviewRow } from '@/lib/domain/overview';
import type { PageSnapshot } from '@/lib/domain/snapshot';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const B = '1203456789012345';
const NOW = new Date('2026-11-30T12:00:00.000Z');
const T1 = '2026-11-01T10:00:00.000Z';

const row = (businessId: string, over: Partial<OverviewRow> = {}): OverviewRow => ({
  businessId,
  findings: { high: 0, medium: 0, low: 0 },
  unrecorded: 0,
  unrecordedFullControl: 0,
  due: 0,
  openRuns: 0,
  openReviews: 0,
  principals: 3,
  assets: 1,
  lastRead: {},
  ...over,
});

const rows: OverviewRow[] = [
  row('100', { findings: { high: 0, medium: 2, low: 1 }, lastRead: { people: T1 } }),
  row('200', { findings: { high: 1, medium: 0, low: 0 } }),
  row('300', { unrecorded: 2, unrecordedFullControl: 1 }),
  row('400', { due: 2 }),
  row('500'),
];

const assets: AssetView[] = [
  {
    key: 'ad-account:444',
    type: 'ad-account',
    id: '444',
    name: 'Main ads',
    paths: [
      {
        via: 'system-user',
        subject: 'system-user:55555',
        name: 'Feed bot',
        email: '55555',
        access: 'full',
        tasks: [],
        seen: T1,
        pending: false,
      },
    ],
  },
  {
    key: 'page:111',
    type: 'page',
    id: '111',
    name: 'Sjöbod Café',
    pageReadAt: T1,
    paths: [
      {
        via: 'person',
        subject: 'person:lisa@sjobod.se',
        name: 'Lisa Kant',
        email: 'lisa@sjobod.se',
        access: 'partial',
        tasks: ['content', 'messages'],
        seen: T1,
        pending: false,
        pageEndsAt: '2027-01-31',
        grant: { id: 'g-lisa', endsAt: '2027-01-31', namesAsset: true },
      },
      {
        via: 'partner',
        subject: 'partner:987654321',
        name: '<img src=x onerror=alert(1)>',
        email: '987654321',
        access: 'partial',
        tasks: ['content'],
        seen: T1,
        pending: false,
      },
    ],
  },
];

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; facts?: object } };
let answers: Record<string, (data: unknown) => Answer>;
const asked: [string, unknown][] = [];
const ask = (async (name: string, data: unknown) => {
  asked.push([name, data]);
  const answer = answers[name];
  if (!answer) throw new Error(`unexpected ${name}`);
  return answer(data);
}) as Api['ask'];

const pageUrl = (businessId?: string, asset?: string) =>
  `chrome-extension://x/overview.html${businessId ? `?business=${businessId}` : ''}${asset ? `&asset=${asset}` : ''}`;

let root: Root | undefined;
let host: HTMLElement;

async function mount(node: React.ReactNode, locale: UiLocale = 'en'): Promise<void> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<ApiProvider api={{ ask, locale, overviewPage: pageUrl }}>{node}</ApiProvider>));
  await flush();
}

const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));
const $ = <E extends HTMLElement = HTMLElement>(selector: string) => host.querySelector<E>(selector);
const $$ = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];
const text = (el: Element | null) => el?.textContent ?? '';
const shownBusinesses = () => $$('li[data-business]').map((li) => li.getAttribute('data-business'));

async function setValue(el: HTMLInputElement | HTMLSelectElement | null, value: string): Promise<void> {
  if (!el) throw new Error('no field');
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await flush();
}

beforeEach(() => {
  asked.length = 0;
  answers = {
    overview: () => ({ ok: true, value: { businesses: rows, at: NOW.toISOString() } }),
    assetPaths: () => ({ ok: true, value: { assets } }),
    openTarget: () => ({ ok: true, value: { opened: true } }),
  };
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
  vi.restoreAllMocks();
});

describe('the overview page (issue 15, item 2)', () => {
  it('lists every business riskiest first, with its counts and reads', async () => {
    await mount(<OverviewPage pageUrl={pageUrl} />);
    expect(asked).toEqual([['overview', {}]]);
    expect(shownBusinesses()).toEqual(['200', '300', '100', '400', '500']);
    expect(text($('[data-counts]'))).toBe('5 businesses');
    const first = $('li[data-business="200"]')!;
    expect(text(first.querySelector('.business-label'))).toBe('Business 200');
    expect(text(first.querySelector('[data-severity="high"]'))).toBe('1 high');
    expect(text($('li[data-business="300"] [data-unrecorded]'))).toBe(
      '2 unrecorded changes (1 with full control)',
    );
    expect(text($('li[data-business="400"] .tag-due'))).toBe('2 items due');
    expect(text($('li[data-business="500"] .business-facts'))).toBe('No findings');
    expect(text($('li[data-business="100"] .business-reads'))).toBe(
      'Last read in full: People: Nov 1, 2026 · Partners: never · System users: never · an asset page: never',
    );
    expect($('a[data-assets-link="100"]')!.getAttribute('href')).toBe(
      'chrome-extension://x/overview.html?business=100',
    );
  });

  it('sorts, filters and searches; one click opens the business in Business Settings', async () => {
    await mount(<OverviewPage pageUrl={pageUrl} />);
    await setValue($<HTMLSelectElement>('select[name="sort"]'), 'business');
    expect(shownBusinesses()).toEqual(['100', '200', '300', '400', '500']);
    await setValue($<HTMLSelectElement>('select[name="filter"]'), 'findings');
    expect(shownBusinesses()).toEqual(['100', '200']);
    expect(text($('[data-counts]'))).toBe('2 of 5 businesses shown');
    await setValue($<HTMLInputElement>('input[name="search"]'), '20');
    expect(shownBusinesses()).toEqual(['200']);
    await setValue($<HTMLInputElement>('input[name="search"]'), 'nothing');
    expect(text($('[data-no-match]'))).toBe('No business matches the filter.');
    await setValue($<HTMLInputElement>('input[name="search"]'), '');
    act(() => $('button[data-open-business="200"]')!.click());
    await flush();
    expect(asked.at(-1)).toEqual(['openTarget', { businessId: '200' }]);
    expect($('[role="alert"]')).toBeNull();
  });

  it('says a refusal, and that nothing was read yet, in the admin’s language', async () => {
    answers.overview = () => ({ ok: false, error: { code: 'panel-not-ours' } });
    await mount(<OverviewPage />);
    expect($('[role="alert"]')).not.toBeNull();
    expect($$('li[data-business]')).toEqual([]);
    act(() => root?.unmount());
    host.remove();
    answers.overview = () => ({ ok: true, value: { businesses: [], at: NOW.toISOString() } });
    await mount(<OverviewPage />, 'sv');
    expect(text($('[data-empty]'))).toContain('Scopekeeper har inte läst något företag än');
    act(() => root?.unmount());
    host.remove();
    answers.overview = () => ({ ok: true, value: { businesses: rows, at: NOW.toISOString() } });
    await mount(<OverviewPage />, 'fr');
    expect(text($('h1'))).toBe('Toutes les entreprises');
    expect(text($('[data-counts]'))).toBe('5 entreprises');
  });
});

describe('the asset view (issue 15, item 3)', () => {
  it('shows every path to each asset with access, tasks, record and read time; page text stays text', async () => {
    await mount(<OverviewPage businessId={B} pageUrl={pageUrl} now={() => NOW} />);
    expect(asked).toEqual([['assetPaths', { businessId: B }]]);
    expect(text($('h1'))).toBe(`Who can reach the assets of business ${B}`);
    act(() => root?.unmount());
    host.remove();
    // Named once a page has shown the name: as text, even a name that looks like markup.
    answers.assetPaths = () => ({ ok: true, value: { assets, name: '<b>Sjöbod</b> Café AB' } });
    await mount(<OverviewPage businessId={B} pageUrl={pageUrl} now={() => NOW} />);
    expect(text($('h1'))).toBe('Who can reach the assets of business <b>Sjöbod</b> Café AB');
    expect($('h1 b')).toBeNull();
    expect(
      $$('li[data-asset]').map((li) => [li.getAttribute('data-asset'), li.getAttribute('data-paths')]),
    ).toEqual([
      ['ad-account:444', '1'],
      ['page:111', '2'],
    ]);
    const cafe = $('li[data-asset="page:111"]')!;
    expect(text(cafe.querySelector('.asset-counts'))).toBe(
      '1 person, 1 partner, 0 system users · Asset page read Nov 1, 2026',
    );
    const lisa = cafe.querySelector('[data-subject="person:lisa@sjobod.se"]')!;
    expect(text(lisa)).toBe(
      'Person Lisa Kant lisa@sjobod.se · Partial access (Content, Messages and calls) · access ends 2027-01-31 · Record g-lisa, until 2027-01-31 · read Nov 1, 2026',
    );
    const agency = cafe.querySelector('[data-subject="partner:987654321"]')!;
    expect(text(agency.querySelector('.path-grant'))).toBe('No record');
    expect(agency.querySelector('img')).toBeNull();
    expect(text(agency.querySelector('.path-name'))).toBe('<img src=x onerror=alert(1)>');
    expect($('a[data-back]')!.getAttribute('href')).toBe('chrome-extension://x/overview.html');

    await setValue($<HTMLInputElement>('input[name="search"]'), 'feed bot');
    expect($$('li[data-asset]').map((li) => li.getAttribute('data-asset'))).toEqual(['ad-account:444']);
    expect(text($('[data-counts]'))).toBe('1 of 2 assets shown');
  });

  it('opens on the asset its address names, and exports every path as CSV', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:assets-${blobs.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(`${this.download} ${this.getAttribute('href')}`);
    });
    await mount(<OverviewPage businessId={B} asset="page:111" now={() => NOW} />);
    expect($<HTMLInputElement>('input[name="search"]')!.value).toBe('111');
    expect($$('li[data-asset]').map((li) => li.getAttribute('data-asset'))).toEqual(['page:111']);
    act(() => $('[data-export="csv"]')!.click());
    expect(names).toEqual([`scopekeeper-assets-${B}-2026-11-30.csv blob:assets-1`]);
    // The whole business, not only what the search shows.
    expect(await blobs[0]!.text()).toBe(assetPathsCsv(B, assets));
    expect(text($('[role="status"]'))).toBe(`Saved scopekeeper-assets-${B}-2026-11-30.csv.`);
  });
});

describe('the links to the overview', () => {
  const asset = (over: Partial<PageSnapshot> = {}): PageSnapshot => ({
    kind: 'asset',
    businessId: B,
    url: 'https://business.facebook.com/latest/settings/pages',
    locale: 'en',
    readStatus: 'ok',
    readProblems: [],
    principals: [
      {
        kind: 'person',
        name: 'Lisa',
        email: 'lisa@sjobod.se',
        pending: false,
        isCurrentUser: false,
        assets: [{ type: 'page', id: '111', name: 'Sjöbod Café', access: 'partial', tasks: [] }],
      },
    ],
    ...over,
  });

  it('the panel links an asset page to every path to its asset; other pages get no link', async () => {
    await mount(<AssetPathsLink snapshot={asset()} />);
    const link = $('a[data-asset-paths-link]')!;
    expect(link.getAttribute('href')).toBe(`/overview.html?business=${B}&asset=page%3A111`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(text(link)).toBe('Who can reach this asset');
    act(() => root?.unmount());
    host.remove();
    await mount(<AssetPathsLink snapshot={asset({ kind: 'people' })} />);
    expect($('a')).toBeNull();
  });

  it('the popup and options link the overview', async () => {
    await mount(<OverviewLink />, 'sv');
    expect($('a[data-overview-link]')!.getAttribute('href')).toBe('chrome-extension://x/overview.html');
    expect(text($('a'))).toBe('Alla företag');
  });
});
