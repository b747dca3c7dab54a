// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { ReviewStartPage } from '@/components/review-start';
import type { UiLocale } from '@/lib/domain/locales';
import { BUSINESS_ID } from './panel-state';

/** Issue 14, item 1: the page the periodic-review reminder opens starts the review, or resumes the open one. */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement;
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));

const listed = (status: 'open' | 'finished') => ({
  id: `c-${status}`,
  businessId: BUSINESS_ID,
  status,
  startedAt: '2026-11-02T10:00:00.000Z',
  items: 5,
  decided: 2,
  unverified: 0,
  complete: false,
});

function mount(
  locale: UiLocale,
  props: { businessId: string | undefined; start: boolean },
  answers: { list: () => unknown; start: () => unknown },
): [string, unknown][] {
  const asked: [string, unknown][] = [];
  const ask = (async (name: string, data: unknown) => {
    asked.push([name, data]);
    if (name === 'reviewList') return answers.list();
    if (name === 'reviewStart') return answers.start();
    return { ok: true, value: { opened: true } };
  }) as Api['ask'];
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<ApiProvider api={{ ask, locale }}>{<ReviewStartPage {...props} />}</ApiProvider>));
  return asked;
}

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
});

const started = {
  ok: true,
  value: {
    campaign: {
      id: 'c-new',
      startedAt: '2026-11-28T12:00:00.000Z',
      items: [{ decision: undefined }, { decision: undefined }, { decision: undefined }],
    },
  },
};

describe('the review page opened from the reminder', () => {
  it('starts the business’s review once, and says where to decide it and where its report is', async () => {
    const asked = mount(
      'en',
      { businessId: BUSINESS_ID, start: true },
      { list: () => ({ ok: true, value: { campaigns: [listed('finished')] } }), start: () => started },
    );
    await flush();
    expect(asked.filter(([name]) => name === 'reviewStart')).toEqual([
      ['reviewStart', { businessId: BUSINESS_ID }],
    ]);
    const section = host.querySelector('[data-review-campaign="c-new"]')!;
    expect(section.getAttribute('data-review-started')).toBe('true');
    expect(section.querySelector('[role="status"]')!.textContent).toMatch(/^The access review started/);
    expect(section.textContent).toContain('0 of 3 accesses decided');
    expect(section.querySelector('[data-review-report-link]')!.getAttribute('href')).toBe(
      '/review.html?campaign=c-new',
    );
    act(() => (section.querySelector('[data-open-business]') as HTMLButtonElement).click());
    await flush();
    expect(asked).toContainEqual(['openTarget', { businessId: BUSINESS_ID, action: 'review' }]);
  });

  it('resumes the open review rather than starting another', async () => {
    const asked = mount(
      'sv',
      { businessId: BUSINESS_ID, start: true },
      { list: () => ({ ok: true, value: { campaigns: [listed('open')] } }), start: () => started },
    );
    await flush();
    expect(asked.some(([name]) => name === 'reviewStart')).toBe(false);
    const section = host.querySelector('[data-review-campaign="c-open"]')!;
    expect(section.getAttribute('data-review-started')).toBe('false');
    expect(section.querySelector('[role="status"]')!.textContent).toMatch(/^En åtkomstgranskning/);
    expect(section.textContent).toContain('2 av 5');
  });

  it('resumes one started meanwhile, and says why when nothing can be started', async () => {
    let lists = 0;
    mount(
      'fr',
      { businessId: BUSINESS_ID, start: true },
      {
        list: () => ({ ok: true, value: { campaigns: lists++ === 0 ? [] : [listed('open')] } }),
        start: () => ({ ok: false, error: { code: 'review-open-exists' } }),
      },
    );
    await flush();
    expect(host.querySelector('[data-review-campaign="c-open"] [role="status"]')!.textContent).toMatch(
      /^Une revue des accès de cette entreprise est déjà ouverte/,
    );
    act(() => root?.unmount());
    mount(
      'en',
      { businessId: BUSINESS_ID, start: true },
      {
        list: () => ({ ok: true, value: { campaigns: [] } }),
        start: () => ({ ok: false, error: { code: 'review-missing' } }),
      },
    );
    await flush();
    expect(host.querySelector('[data-review-start-page="refused"] [role="alert"]')!.textContent).toBe(
      'This access review no longer exists.',
    );
  });

  it('names no business from an address without one, and starts nothing', async () => {
    const asked = mount(
      'en',
      { businessId: undefined, start: true },
      { list: () => ({ ok: true, value: { campaigns: [] } }), start: () => started },
    );
    await flush();
    expect(asked).toEqual([]);
    expect(host.querySelector('[role="alert"]')!.textContent).toMatch(/^No business is named/);
  });
});
