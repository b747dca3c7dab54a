// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { Panel } from '@/components/panel';
import { usePanelStore } from '@/components/panel-store';
import { catalogue } from '@/lib/domain/i18n';
import { uiLocales } from '@/lib/domain/locales';
import { rules } from '@/lib/domain/rules';
import { getSubjectKey } from '@/lib/domain/snapshot';
import { tabStateSchema, type TabState } from '@/lib/domain/ui-state';
import type { Finding } from '@/lib/domain/rules/types';
import { panelAnalysis, panelState, principalAt } from './panel-state';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement;
const asked: [string, unknown][] = [];
/** The findings in full, as the background keeps them: what `findingFix` answers from. */
let background: Finding[] = [];
const ask = (async (name: string, data: unknown) => {
  asked.push([name, data]);
  if (name === 'findingFix') {
    const ref = data as { ruleId: string; subject: string; asset?: { name: string } };
    const fix = background.find(
      (f) => f.ruleId === ref.ruleId && f.subject === ref.subject && f.asset?.name === ref.asset?.name,
    )?.fix;
    return { ok: true, value: fix === undefined ? {} : { fix } };
  }
  if (name === 'changeTimeline') return { ok: true, value: { entries: [] } };
  return name === 'subjectRecord'
    ? { ok: true, value: { grants: [], decisions: [] } }
    : { ok: true, value: {} };
}) as Api['ask'];

function show(state: TabState): void {
  act(() => usePanelStore.getState().setState(state));
}

function mount(state: TabState): void {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <ApiProvider api={{ ask, locale: 'en' }}>
        <Panel />
      </ApiProvider>,
    ),
  );
  show(state);
}

const $ = (selector: string) => host.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];
const click = (el: HTMLElement | null) => {
  if (!el) throw new Error('nothing to click');
  act(() => el.click());
};
const key = (el: HTMLElement, k: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));

beforeEach(() => {
  usePanelStore.setState({ state: tabStateSchema.parse({}), refused: false });
  asked.length = 0;
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
});

const big = panelState(5000);

describe('the principals list', () => {
  it('renders only a window of 5,000 principals, each row saying its place in the whole list', () => {
    mount(big);
    const list = $('ul.principals')!;
    expect(list.getAttribute('role')).toBe('list');
    expect(list.getAttribute('aria-label')).toBe('Read from this page');
    const rows = $$('[data-principal]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('data-principal')).toBe('person:anna@sjobod.se');
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('5000');
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(rows[0]!.getAttribute('data-portfolio-access')).toBe('full-control');
    // The list keeps the height of all its rows (scrollbars tell the truth).
    expect(list.style.getPropertyValue('--vlist-size')).toBe(`${5000 * 64}px`);
  });

  it('moves from row to row with the keyboard, rendering a row before focusing it', async () => {
    mount(big);
    const list = $('ul.principals')!;
    list.focus();
    key(list, 'ArrowDown');
    await flush();
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('1');
    key(document.activeElement as HTMLElement, 'ArrowDown');
    await flush();
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('2');
    key(document.activeElement as HTMLElement, 'End');
    await flush();
    const last = getSubjectKey(principalAt(4999));
    expect(document.activeElement?.getAttribute('data-principal')).toBe(last);
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('5000');
    expect($$('[data-principal]').length).toBeLessThan(40);
    key(document.activeElement as HTMLElement, 'Home');
    await flush();
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('1');
    // Keys typed inside a row (its buttons, a form's fields) are left alone.
    const button = $('[data-principal] button')!;
    button.focus();
    key(button, 'End');
    await flush();
    expect(document.activeElement).toBe(button);
  });

  it('brings a subject asked for by a badge into the list, highlighted, with its findings opened', async () => {
    mount(big);
    // Person 4005 uses a gmail.com address: a finding the badge on the page was drawn for.
    const subject = getSubjectKey(principalAt(4005));
    expect($(`[data-principal="${subject}"]`)).toBeNull();
    show({ ...big, focus: { subject, at: 1 } });
    await flush();
    const row = $(`[data-principal="${subject}"]`);
    expect(row).not.toBeNull();
    expect(row!.className).toContain('focused');
    expect(row!.getAttribute('aria-posinset')).toBe('4006');
    expect($$('.principal.focused')).toHaveLength(1);
    const card = $(`[data-group-subject="${subject}"]`)!;
    expect(card.className).toBe('group focused');
    expect(card.querySelector('.group-name')!.textContent).toBe('Person 4005');
    expect(document.activeElement).toBe(card);
    // Its record is reachable as before.
    expect(card.querySelector('details.record > summary')!.textContent).toBe('Record');
  });

  it('marks each committed state with the number of principals and findings', () => {
    const marks = () =>
      performance
        .getEntriesByName('scopekeeper:panel-rendered')
        .map((m) => (m as PerformanceMark).detail as { principals: number; findings: number });
    performance.clearMarks('scopekeeper:panel-rendered');
    const small = panelState(50);
    mount(small);
    expect(marks()).toEqual([{ principals: 50, findings: small.findings.length }]);
    show(panelState(50, 1));
    expect(marks()).toHaveLength(2);
  });
});

describe('findings grouped by rule', () => {
  it('shows each rule once with its severity and count, its findings only when expanded', () => {
    mount(big);
    const groups = $$('[data-rule-group]');
    const counts = new Map<string, number>();
    for (const f of big.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    expect(groups.map((g) => g.getAttribute('data-rule-group')).sort()).toEqual([...counts.keys()].sort());
    // High first.
    expect(groups[0]!.getAttribute('data-rule-group')).toBe('third-party-full-control');
    const noExpiry = $('[data-rule-group="no-expiry"]')!;
    expect(noExpiry.querySelector('.rule-title')!.textContent).toBe('Third-party access without an end date');
    expect(noExpiry.querySelector('.sev')!.textContent).toBe('Medium');
    expect(noExpiry.querySelector('.rule-count')!.textContent).toBe(`${counts.get('no-expiry')} findings`);
    // Collapsed: none of the 6,714 findings is in the document.
    expect($$('[data-rule-id]')).toHaveLength(0);
    const toggle = noExpiry.querySelector<HTMLElement>('[data-rule-toggle]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const shown = $$('[data-rule-id]');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(40);
    expect(shown.every((f) => f.getAttribute('data-rule-id') === 'no-expiry')).toBe(true);
    const list = noExpiry.querySelector('ul.rule-findings')!;
    expect(toggle.getAttribute('aria-controls')).toBe(list.id);
    expect(list.querySelector('li')!.getAttribute('aria-setsize')).toBe(String(counts.get('no-expiry')));
    click(toggle);
    expect($$('[data-rule-id]')).toHaveLength(0);
  });

  it('renders a finding’s why and how to fix only on demand, asking the background for the fix', async () => {
    const small = panelState(50);
    background = panelAnalysis(50).findings;
    // The panel is sent neither: the why is its rule's, the fix is asked for.
    expect(small.findings.some((f) => 'why' in f || 'fix' in f)).toBe(false);
    mount(small);
    click($('[data-rule-toggle="pending-invite"]'));
    const findings = $$('[data-rule-id="pending-invite"]');
    expect(findings.length).toBe(small.findings.filter((f) => f.ruleId === 'pending-invite').length);
    expect($$('.why, .fix')).toHaveLength(0);
    expect(asked.filter(([name]) => name === 'findingFix')).toHaveLength(0);
    const first = findings[0]!;
    const explain = [...first.querySelectorAll('button')].find(
      (b) => b.textContent === 'Why and how to fix',
    )!;
    expect(explain.getAttribute('aria-expanded')).toBe('false');
    click(explain);
    await flush();
    expect(explain.getAttribute('aria-expanded')).toBe('true');
    const subject = first.getAttribute('data-subject');
    const expected = background.find((f) => f.ruleId === 'pending-invite' && f.subject === subject)!;
    expect(asked.filter(([name]) => name === 'findingFix')).toEqual([
      ['findingFix', { ruleId: 'pending-invite', subject }],
    ]);
    expect($$('.why')).toHaveLength(1);
    expect(first.querySelector('.why')!.textContent).toContain(expected.why);
    expect(first.querySelector('.fix')!.textContent).toContain(expected.fix);
    // Explained stays explained when a new state arrives.
    show(panelState(50, 1));
    await flush();
    expect($$('.why')).toHaveLength(1);
    expect($$('.fix')).toHaveLength(1);
  });

  it('opens a subject’s findings, checklists and record from any of its findings', async () => {
    const small = panelState(50);
    mount(small);
    click($('[data-rule-toggle="public-email-domain"]'));
    const finding = $('[data-rule-id="public-email-domain"]')!;
    const subject = finding.getAttribute('data-subject')!;
    finding.querySelector<HTMLElement>('[data-open-subject]')!.focus();
    click(finding.querySelector('[data-open-subject]'));
    await flush();
    const card = $(`[data-group-subject="${subject}"]`)!;
    expect(card.className).toBe('group');
    expect(card.querySelectorAll('[data-subject-finding]')).toHaveLength(
      small.findings.filter((f) => f.subject === subject).length,
    );
    // The card's findings are not counted twice by the panel contract.
    expect($$(`[data-rule-id][data-subject="${subject}"]`)).toHaveLength(1);
    expect(
      card.querySelector('[data-start="offboard-person"], [data-start="onboard-person"]'),
    ).not.toBeNull();
    click(card.querySelector('summary'));
    await flush();
    expect(asked).toContainEqual(['subjectRecord', { businessId: small.snapshot!.businessId, subject }]);
    // Show on page asks the background to point at the subject's row.
    click([...card.querySelectorAll('button')].find((b) => b.textContent === 'Show on page')!);
    expect(asked).toContainEqual(['focusSubject', subject]);
    const opener = finding.querySelector<HTMLElement>('[data-open-subject]')!;
    click([...card.querySelectorAll('button')].find((b) => b.textContent === 'Close')!);
    expect($(`[data-group-subject]`)).toBeNull();
    // The focus goes back to where the card was opened from.
    expect(document.activeElement).toBe(opener);
  });

  it('has a title for every rule in every language', () => {
    for (const locale of uiLocales)
      for (const rule of rules)
        expect(catalogue(locale).panelLists.ruleTitles[rule.id], `${rule.id} in ${locale}`).toBeTruthy();
  });
});

vi.setConfig({ testTimeout: 60_000 });
