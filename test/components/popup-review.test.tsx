// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { Popup } from '@/components/popup';
import type { UiLocale } from '@/lib/domain/locales';
import { popupStateSchema } from '@/lib/domain/ui-state';
import { BUSINESS_ID } from './panel-state';

/** Issue 14, item 1: an access review started from the popup, over the tab's business. */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement;
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));

function mount(locale: UiLocale, businessId: string | undefined, start: () => unknown): unknown[] {
  const asked: unknown[] = [];
  const ask = (async (name: string, data: unknown) => {
    asked.push([name, data]);
    if (name === 'popupState')
      return { ok: true, value: popupStateSchema.parse({ locale, ...(businessId ? { businessId } : {}) }) };
    if (name === 'reviewStart') return start();
    return { ok: true, value: {} };
  }) as Api['ask'];
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<ApiProvider api={{ ask, locale }}>{<Popup tabId={1} />}</ApiProvider>));
  return asked;
}

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
});

describe('the popup’s access review', () => {
  it('starts the tab’s business’s review and links to its report', async () => {
    const asked = mount('en', BUSINESS_ID, () => ({ ok: true, value: { campaign: { id: 'c-1' } } }));
    await flush();
    const section = host.querySelector('[data-popup-review]')!;
    expect(section.querySelector('h2')!.textContent).toBe('Access review');
    act(() => (section.querySelector('[data-review-start]') as HTMLButtonElement).click());
    await flush();
    expect(asked).toContainEqual(['reviewStart', { businessId: BUSINESS_ID }]);
    expect(section.querySelector('[role="status"]')!.textContent).toMatch(/^The review is open/);
    expect(section.querySelector('[data-review-report-link]')!.getAttribute('href')).toBe(
      '/review.html?campaign=c-1',
    );
  });

  it('says why when a review of the business is already open, in the admin’s language', async () => {
    mount('sv', BUSINESS_ID, () => ({ ok: false, error: { code: 'review-open-exists' } }));
    await flush();
    act(() => (host.querySelector('[data-review-start]') as HTMLButtonElement).click());
    await flush();
    expect(host.querySelector('[data-popup-review] [role="alert"]')!.textContent).not.toBe('');
    expect(host.querySelector('[data-popup-review] h2')!.textContent).toBe('Åtkomstgranskning');
    expect(host.querySelector('[data-review-report-link]')).toBeNull();
  });

  it('is not offered where the popup knows no business', async () => {
    mount('fr', undefined, () => ({ ok: true, value: { campaign: { id: 'c-1' } } }));
    await flush();
    expect(host.querySelector('[data-popup-review]')).toBeNull();
  });
});
