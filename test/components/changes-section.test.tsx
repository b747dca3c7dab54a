// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { ChangesSection } from '@/components/changes-section';
import { usePanelStore } from '@/components/panel-store';
import type { Change } from '@/lib/domain/baseline';
import type { TimelineEntry } from '@/lib/domain/timeline';
import { tabStateSchema, type TabState } from '@/lib/domain/ui-state';
import { checklistRunSchema } from '@/lib/domain/checklists/runs';
import type { UiLocale } from '@/lib/domain/locales';
import { loadCatalogue } from '@/lib/domain/i18n/load';
import { BUSINESS_ID, panelState } from './panel-state';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const VISIT = '2026-11-30T09:00:00.000Z';
const change = (over: Partial<Change>): Change => ({
  kind: 'principal-added',
  subject: 'person:mallory@evil.example',
  principalKind: 'person',
  name: 'Mallory',
  at: '2026-11-30T09:00:05.000Z',
  page: 'people',
  url: `https://business.facebook.com/latest/settings/business_users?business_id=${BUSINESS_ID}`,
  ...over,
});
const mallory: TimelineEntry = {
  change: change({}),
  verdict: { status: 'unrecorded' },
  open: true,
  fullControl: true,
};
const lisaGone: TimelineEntry = {
  change: change({ kind: 'principal-removed', subject: 'person:lisa@sjobod.se', name: 'Lisa Kant' }),
  verdict: { status: 'informational' },
  open: false,
  fullControl: false,
};
const oldApproved: TimelineEntry = {
  change: change({ subject: 'person:nils@byraab.se', name: 'Nils Holm', at: '2026-10-01T09:00:00.000Z' }),
  verdict: { status: 'approved', record: { kind: 'grant', id: 'g-1' } },
  open: false,
  fullControl: false,
};

let timeline:
  | { ok: true; value: { entries: TimelineEntry[]; visitStart?: string } }
  | { ok: false; error: { code: string } };
const asked: [string, unknown][] = [];
const ask = (async (name: string, data: unknown) => {
  asked.push([name, data]);
  if (name === 'changeTimeline') return timeline;
  if (name === 'subjectRecord') return { ok: true, value: { grants: [], decisions: [] } };
  if (name === 'ledgerCommand') return { ok: false, error: { code: 'internal' } };
  return { ok: true, value: {} };
}) as Api['ask'];

let root: Root | undefined;
let host: HTMLElement;
function mount(state: TabState): void {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => usePanelStore.getState().setState(state));
  act(() =>
    root!.render(
      <ApiProvider api={{ ask, locale: state.locale }}>
        <ChangesSection />
      </ApiProvider>,
    ),
  );
}
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));
const $ = (selector: string) => host.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];
const inLocale = (locale: UiLocale) => ({ ...panelState(5), locale });

beforeEach(() => {
  usePanelStore.setState({ state: tabStateSchema.parse({}), refused: false });
  asked.length = 0;
  timeline = { ok: true, value: { entries: [mallory, lisaGone, oldApproved], visitStart: VISIT } };
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
});

describe('changes since your last visit in the panel (issue 13, item 5)', () => {
  it('lists this visit’s changes with the open alert first-class, and not what earlier visits saw', async () => {
    mount(inLocale('en'));
    await flush();
    expect(asked).toContainEqual(['changeTimeline', { businessId: BUSINESS_ID }]);
    expect($('h2')?.textContent).toBe('Changes since your last visit');
    expect($$('[data-change-subject]').map((li) => li.dataset.changeSubject)).toEqual([
      'person:mallory@evil.example',
      'person:lisa@sjobod.se',
    ]);
    const alert = $('[data-change-subject="person:mallory@evil.example"]')!;
    expect(alert.className).toContain('open');
    expect(alert.textContent).toContain('Mallory was added');
    expect(alert.textContent).toContain('Unrecorded: no record approves it');
    expect($('[role="alert"]')?.textContent).toContain('1 change no record approves.');
    // Only the alert offers an approval.
    expect($$('[data-approve]').map((b) => b.dataset.approve)).toEqual(['person:mallory@evil.example']);
    expect($('a')?.getAttribute('href')).toBe(`/changes.html?business=${BUSINESS_ID}`);
  });

  it('speaks the admin’s language', async () => {
    // As the panel does before its first render: only its own language is in its code (issue 12, item 4).
    await loadCatalogue('sv');
    mount(inLocale('sv'));
    await flush();
    expect($('h2')?.textContent).toBe('Ändringar sedan ditt senaste besök');
    expect($('[data-change-subject="person:mallory@evil.example"]')?.textContent).toContain(
      'Mallory lades till',
    );
    expect($('[data-change-subject="person:lisa@sjobod.se"]')?.textContent).toContain('För kännedom');
  });

  it('“This was approved” opens the document form with the case saying what it approves', async () => {
    mount(inLocale('en'));
    await flush();
    act(() => $('[data-approve]')!.click());
    await flush();
    const form = $('[data-approving="person:mallory@evil.example"]')!;
    const caseInput = form.querySelector<HTMLInputElement>('input[name="case"]')!;
    expect(caseInput.value).toBe(
      'Approved after the fact: Mallory was added, with full control (first seen 2026-11-30)',
    );
    expect(form.textContent).toContain('the alert clears when the record is saved');
  });

  it('shows nothing when no change is new and none is open, and says so when the timeline cannot be read', async () => {
    timeline = { ok: true, value: { entries: [oldApproved], visitStart: VISIT } };
    mount(inLocale('en'));
    await flush();
    expect(host.textContent).toBe('');
    act(() => root?.unmount());
    host.remove();
    timeline = { ok: false, error: { code: 'internal' } };
    mount(inLocale('en'));
    await flush();
    expect($('[data-refused]')).not.toBeNull();
  });

  it('asks again when the background says the timeline may have changed (a record written, a read)', async () => {
    timeline = { ok: true, value: { entries: [], visitStart: VISIT } };
    mount({ ...inLocale('en'), watchMark: 'w:1' });
    await flush();
    expect(host.textContent).toBe('');
    timeline = { ok: true, value: { entries: [mallory], visitStart: VISIT } };
    act(() => usePanelStore.getState().setState({ ...inLocale('en'), watchMark: 'w:2' }));
    await flush();
    expect(asked.filter(([name]) => name === 'changeTimeline')).toHaveLength(2);
    expect($('[data-change-subject="person:mallory@evil.example"]')).not.toBeNull();
  });

  it('“Start incident response” starts the business’s incident checklist, and is gone while one is open', async () => {
    mount(inLocale('en'));
    await flush();
    const button = $('[data-start-incident]')!;
    expect(button.textContent).toBe('Start incident response');
    act(() => button.click());
    await flush();
    expect(asked).toContainEqual([
      'checklistCommand',
      { type: 'start', businessId: BUSINESS_ID, templateId: 'incident-response' },
    ]);
    const run = checklistRunSchema.parse({
      id: 'run-1',
      businessId: BUSINESS_ID,
      templateId: 'incident-response',
      subject: `business:${BUSINESS_ID}`,
      related: ['person:mallory@evil.example'],
      createdAt: '2026-11-30T09:01:00.000Z',
      status: 'open',
      steps: [],
    });
    act(() => usePanelStore.getState().setState({ ...inLocale('en'), runs: [run] }));
    await flush();
    expect($('[data-start-incident]')).toBeNull();
  });
});
