// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { Panel } from '@/components/panel';
import { usePanelStore } from '@/components/panel-store';
import { Popup } from '@/components/popup';
import { popupStateSchema, tabStateSchema, type PopupState } from '@/lib/domain/ui-state';
import { BUSINESS_ID, panelState } from './panel-state';

/** The business's name (issue 15, item 1) where the panel and the popup name a business: text, never HTML. */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HOSTILE = '<img src=x onerror="alert(1)"> Sjöbod Café AB';
let root: Root | undefined;
let host: HTMLElement;

function mount(node: React.ReactNode, ask: Api['ask']): void {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<ApiProvider api={{ ask, locale: 'en' }}>{node}</ApiProvider>));
}
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));
const quiet = (async () => ({ ok: true, value: {} })) as unknown as Api['ask'];

beforeEach(() => {
  usePanelStore.setState({ state: tabStateSchema.parse({}), refused: false });
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
});

describe('the panel header', () => {
  it('names the business as text when a page showed its name, with the ID on hover', () => {
    mount(<Panel />, quiet);
    act(() => usePanelStore.getState().setState({ ...panelState(3), businessName: HOSTILE }));
    const shown = host.querySelector<HTMLElement>('[data-business-name]')!;
    expect(shown.textContent).toBe(HOSTILE);
    expect(shown.title).toBe(`Business ${BUSINESS_ID}`);
    expect(host.querySelector('img')).toBeNull();
  });

  it('shows the ID when no page has shown a name', () => {
    mount(<Panel />, quiet);
    act(() => usePanelStore.getState().setState(panelState(3)));
    const shown = host.querySelector<HTMLElement>('[data-business-name]')!;
    expect(shown.textContent).toBe(`Business ${BUSINESS_ID}`);
    expect(shown.dataset.businessName).toBe('');
  });
});

describe('the popup', () => {
  const popupAsk = (state: PopupState) =>
    (async (name: string) =>
      name === 'popupState' ? { ok: true, value: state } : { ok: true, value: {} }) as Api['ask'];

  it('names the tab’s business as text, and every business in its picker by name and ID', async () => {
    mount(
      <Popup tabId={1} />,
      popupAsk(popupStateSchema.parse({ businessId: BUSINESS_ID, names: { [BUSINESS_ID]: HOSTILE } })),
    );
    await flush();
    expect(host.querySelector('[data-business-name]')!.textContent).toBe(HOSTILE);
    expect(host.querySelector('img')).toBeNull();
    act(() => root?.unmount());
    host.remove();

    mount(
      <Popup tabId={undefined} />,
      popupAsk(
        popupStateSchema.parse({
          businesses: [BUSINESS_ID, '9876543210987654'],
          names: { [BUSINESS_ID]: 'Sjöbod Café AB' },
        }),
      ),
    );
    await flush();
    expect([...host.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      `Sjöbod Café AB (${BUSINESS_ID})`,
      '9876543210987654',
    ]);
  });

  it('shows the ID when the business has no known name', async () => {
    mount(<Popup tabId={1} />, popupAsk(popupStateSchema.parse({ businessId: BUSINESS_ID })));
    await flush();
    expect(host.querySelector('[data-business-name]')!.textContent).toBe(`Business ${BUSINESS_ID}`);
  });
});
