// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { ImportedCampaigns } from '@/components/review-imported';
import { importSummarySchema } from '@/lib/domain/ledger/admin';
import type { UiLocale } from '@/lib/domain/locales';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
});

const campaigns = importSummarySchema.shape.watch
  .unwrap()
  .shape.campaigns.unwrap()
  .parse([
    {
      id: 'c1',
      businessId: '1203456789012345',
      status: 'finished',
      startedAt: '2026-11-02T10:00:00.000Z',
      items: 5,
      decided: 5,
      reviewer: '<img src=x onerror=alert(1)>',
    },
    {
      id: 'c2',
      businessId: '1203456789012345',
      status: 'open',
      startedAt: '2026-12-02T10:00:00.000Z',
      items: 4,
      decided: 1,
    },
  ]);

function mount(locale: UiLocale, applies: boolean) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const ask = (async () => ({ ok: true, value: {} })) as unknown as Api['ask'];
  act(() =>
    root!.render(
      <ApiProvider api={{ ask, locale }}>
        <ImportedCampaigns campaigns={campaigns} applies={applies} />
      </ApiProvider>,
    ),
  );
}

describe('the access reviews an import brings, in its preview (issue 14)', () => {
  it('lists each with its business, start, progress and sign-off, as text', () => {
    mount('en', true);
    const rows = [...host.querySelectorAll('[data-imported-campaign]')].map((li) => li.textContent);
    expect(host.querySelector('p')!.textContent).toBe(
      'Access reviews in the file (2), taken with its baselines:',
    );
    expect(rows[0]).toMatch(
      /^business 1203456789012345, started .*: 5 of 5 accesses decided · signed off by <img src=x onerror=alert\(1\)>$/,
    );
    expect(rows[1]).toMatch(/1 of 4 accesses decided · open$/);
    expect(host.querySelector('img')).toBeNull();
  });

  it('says when they are not taken, in Swedish and French', () => {
    mount('sv', false);
    expect(host.querySelector('[data-imported-campaigns]')!.getAttribute('data-takes-effect')).toBe('false');
    expect(host.textContent).toContain('Åtkomstgranskningar i filen (2)');
    act(() => root?.unmount());
    host.remove();
    mount('fr', true);
    expect(host.textContent).toContain('Revues des accès dans le fichier (2)');
  });
});
