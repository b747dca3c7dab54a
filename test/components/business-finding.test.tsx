// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { Panel } from '@/components/panel';
import { usePanelStore } from '@/components/panel-store';
import { analyse } from '@/lib/domain/rules';
import { emptyLedgerFacts, type Finding } from '@/lib/domain/rules/types';
import { defaultSettings } from '@/lib/domain/settings';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { tabStateSchema, type TabState } from '@/lib/domain/ui-state';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const BUSINESS_ID = '1203456789012345';
let root: Root | undefined;
let host: HTMLElement;
const asked: [string, unknown][] = [];
let background: Finding[] = [];
const ask = (async (name: string, data: unknown) => {
  asked.push([name, data]);
  if (name === 'findingFix') {
    const ref = data as { ruleId: string; subject: string };
    const fix = background.find((f) => f.ruleId === ref.ruleId && f.subject === ref.subject)?.fix;
    return { ok: true, value: fix === undefined ? {} : { fix } };
  }
  if (name === 'changeTimeline') return { ok: true, value: { entries: [] } };
  return { ok: true, value: {} };
}) as Api['ask'];

/** Business info read with "No one", and Security Center's list known: the state the background sends. */
function securityState(): TabState {
  const snapshot: PageSnapshot = {
    kind: 'business-info',
    businessId: BUSINESS_ID,
    url: `https://business.facebook.com/latest/settings/business_info?business_id=${BUSINESS_ID}`,
    locale: 'en',
    readStatus: 'ok',
    readProblems: [],
    principals: [],
    security: { twoFactorRequirement: 'no-one' },
  };
  const analysis = analyse(
    snapshot,
    undefined,
    {
      settings: defaultSettings,
      now: new Date('2026-11-28T12:00:00Z'),
      ownDomains: ['sjobod.se'],
      ledger: emptyLedgerFacts,
      peopleListComplete: true,
      security: {
        twoFactorRequirement: { value: 'no-one' },
        // A person named after the business's own subject, to show names do not make anchors either.
        withoutTwoFactor: { people: [{ name: 'Everyone', email: 'everyone@gmail.com' }] },
      },
    },
    'en',
  );
  background = analysis.findings;
  return tabStateSchema.parse({ snapshot, findings: analysis.findings, failedRules: [], locale: 'en' });
}

const $ = (selector: string) => host.querySelector<HTMLElement>(selector);
const click = (el: HTMLElement | null | undefined) => {
  if (!el) throw new Error('nothing to click');
  act(() => el.click());
};
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));

beforeEach(() => {
  usePanelStore.setState({ state: tabStateSchema.parse({}), refused: false });
  asked.length = 0;
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
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host.remove();
});

describe('a finding about the business itself in the panel', () => {
  it('is shown in its rule group with the panel contract, named as text, without a row anchor', async () => {
    act(() => usePanelStore.getState().setState(securityState()));
    const group = $('[data-rule-group="two-factor-not-required"]')!;
    expect(group.querySelector('.rule-title')!.textContent).toBe('Two-factor authentication not required');
    expect(group.querySelector('.sev')!.textContent).toBe('High');
    click(group.querySelector<HTMLElement>('[data-rule-toggle]'));
    const finding = $('[data-rule-id="two-factor-not-required"]')!;
    expect(finding.getAttribute('data-subject')).toBe(`business:${BUSINESS_ID}`);
    expect(finding.getAttribute('data-severity')).toBe('high');
    expect(finding.querySelector('[data-business-subject]')!.textContent).toBe(
      `Business portfolio ${BUSINESS_ID}`,
    );
    expect(finding.querySelector('.message')!.textContent).toBe(
      'This business portfolio does not require two-factor authentication of anyone.',
    );
    // No row on the page and no subject card: neither "Show on page" nor a link to the subject.
    expect(finding.querySelector('[data-open-subject]')).toBeNull();
    const buttons = [...finding.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).not.toContain('Show on page');
    // Its why and fix, as for any finding.
    click([...finding.querySelectorAll('button')].find((b) => b.textContent === 'Why and how to fix'));
    await flush();
    expect(asked).toContainEqual([
      'findingFix',
      { ruleId: 'two-factor-not-required', subject: `business:${BUSINESS_ID}` },
    ]);
    expect(finding.querySelector('.fix')!.textContent).toContain('“Everyone”');
    expect(asked.some(([name]) => name === 'focusSubject')).toBe(false);
  });

  it('leaves a person’s finding its anchor, whatever the person is called', () => {
    act(() => usePanelStore.getState().setState(securityState()));
    click($('[data-rule-toggle="person-without-two-factor"]'));
    const finding = $('[data-rule-id="person-without-two-factor"]')!;
    expect(finding.getAttribute('data-subject')).toBe('person:everyone@gmail.com');
    expect(finding.getAttribute('data-severity')).toBe('medium');
    expect(finding.querySelector('[data-open-subject]')!.textContent).toBe('Everyone');
    expect(finding.querySelector('[data-business-subject]')).toBeNull();
    click([...finding.querySelectorAll('button')].find((b) => b.textContent === 'Show on page'));
    expect(asked).toContainEqual(['focusSubject', 'person:everyone@gmail.com']);
  });
});
