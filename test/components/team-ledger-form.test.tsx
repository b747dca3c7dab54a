// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { TeamLedgerForm } from '@/components/team-ledger-form';
import { catalogue } from '@/lib/domain/i18n';
import type { UiLocale } from '@/lib/domain/locales';
import type { TeamCheck, TeamSettingsView } from '@/lib/domain/team-ledger';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement;
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));

const saved = {
  version: 1 as const,
  serverUrl: 'https://couch.sjobod.se/',
  database: 'sjobod-team',
  user: 'anna',
};

function mount(locale: UiLocale, team: NonNullable<Api['team']>, ask: Api['ask']) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<ApiProvider api={{ ask, locale, team }}>{<TeamLedgerForm />}</ApiProvider>));
}
const input = (key: string) => host.querySelector<HTMLInputElement>(`#team-${key}`)!;
const button = (text: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === text)!;
/** Types into a controlled input as a user does (React listens for the input event). */
function type(key: string, value: string) {
  const element = input(key);
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')!.set!;
  act(() => {
    setter.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
});

describe('the team ledger form (options page)', () => {
  it('saves what was typed at once from the click, and says which host it may now contact', async () => {
    const save = vi.fn(async () => ({
      kind: 'saved' as const,
      settings: saved,
      origin: 'https://couch.sjobod.se/*',
    }));
    mount('en', { view: async () => ({ kind: 'off' }), save, turnOff: async () => {} }, vi.fn());
    await flush();
    // Off: nothing to test yet.
    expect(button(catalogue('en').teamLedger.test)).toBeUndefined();
    type('serverUrl', 'https://couch.sjobod.se');
    type('database', 'sjobod-team');
    type('user', 'anna');
    type('password', 's3cret');
    act(() => host.querySelector('form')!.requestSubmit());
    // Called inside the click's task (the browser's permission prompt needs the gesture).
    expect(save).toHaveBeenCalledWith({
      serverUrl: 'https://couch.sjobod.se',
      database: 'sjobod-team',
      user: 'anna',
      password: 's3cret',
    });
    await flush();
    expect(host.querySelector('[data-team-status="done"]')!.textContent).toBe(
      catalogue('en').teamLedger.saved('https://couch.sjobod.se/*'),
    );
    expect(input('password').value).toBe('');
  });

  it('names the wrong fields and why the address is refused, in Swedish', async () => {
    const save = vi.fn(async () => ({
      kind: 'invalid' as const,
      fields: ['serverUrl' as const, 'password' as const],
      serverUrlIssue: 'not-https' as const,
    }));
    mount('sv', { view: async () => ({ kind: 'off' }), save, turnOff: async () => {} }, vi.fn());
    await flush();
    act(() => host.querySelector('form')!.requestSubmit());
    await flush();
    const t = catalogue('sv').teamLedger;
    expect(host.querySelector('[role="alert"]')!.textContent).toBe(
      `${t.notSaved(`${t.serverUrl}, ${t.password}`)} (${t.urlIssue['not-https']})`,
    );
  });

  it('tests the saved connection, offers to create a missing database, and turns off', async () => {
    const checks: TeamCheck[] = [
      { kind: 'missing-database', canCreate: true },
      { kind: 'ready', created: true },
    ];
    const ask = vi.fn(async () => ({ ok: true, value: checks.shift() }));
    const turnOff = vi.fn(async () => {});
    const view = async (): Promise<TeamSettingsView> => ({ kind: 'on', settings: saved });
    mount('fr', { view, save: vi.fn(), turnOff }, ask as unknown as Api['ask']);
    await flush();
    const t = catalogue('fr').teamLedger;
    // The saved settings are shown, the password never.
    expect(input('serverUrl').value).toBe('https://couch.sjobod.se/');
    expect(input('password').value).toBe('');
    act(() => button(t.test).click());
    await flush();
    expect(ask).toHaveBeenLastCalledWith('teamConnection', {});
    expect(host.querySelector('[data-team-check="missing-database"]')!.textContent).toContain(
      t.missingCanCreate,
    );
    act(() => button(t.create).click());
    await flush();
    expect(ask).toHaveBeenLastCalledWith('teamConnection', { createDatabase: true });
    expect(host.querySelector('[data-team-check="ready"]')!.textContent).toBe(`${t.readyCreated} `);
    act(() => button(t.turnOff).click());
    await flush();
    expect(turnOff).toHaveBeenCalledOnce();
    expect(host.querySelector('[data-team-status="done"]')!.textContent).toBe(t.turnedOff);
    expect(input('serverUrl').value).toBe('');
    expect(button(t.test)).toBeUndefined();
  });
});
