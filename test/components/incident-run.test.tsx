// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { RunView } from '@/components/checklists';
import { createRun, type ChecklistRun } from '@/lib/domain/checklists/runs';
import { catalogue } from '@/lib/domain/i18n';
import type { UiLocale } from '@/lib/domain/locales';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const B = '1203456789012345';
let root: Root | undefined;
let host: HTMLElement;
const asked: [string, unknown][] = [];
const ask = (async (name: string, data: unknown) => {
  asked.push([name, data]);
  return { ok: true, value: {} };
}) as Api['ask'];

const incident = (related: string[]): ChecklistRun =>
  createRun({
    id: 'incident-1',
    businessId: B,
    templateId: 'incident-response',
    subject: `business:${B}`,
    related,
    names: {
      'person:mallory@evil.example': 'Mallory',
      'person:anna@sjobod.se': 'Anna Berg',
    },
    holders: ['person:anna@sjobod.se'],
    now: new Date('2026-11-20T10:05:00Z'),
  });

function mount(run: ChecklistRun, locale: UiLocale = 'en'): void {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <ApiProvider api={{ ask, locale }}>
        <RunView run={run} locale={locale} />
      </ApiProvider>,
    ),
  );
}
const $ = (selector: string) => host.querySelector<HTMLElement>(selector);
const texts = (selector: string) =>
  [...host.querySelectorAll<HTMLElement>(selector)].map((e) => e.textContent);

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
  asked.length = 0;
});

describe('an incident response on the panel (issue 13, item 4)', () => {
  it('names the unknown ones (the key when no name was read) and the full-control holders', () => {
    mount(incident(['person:mallory@evil.example', 'partner:3228568050780099']));
    expect(texts('[data-incident-unknown] li')).toEqual([
      'Mallory (mallory@evil.example)',
      '3228568050780099',
    ]);
    const step = (id: string) => $(`[data-step-id="${id}"]`)!;
    expect(step('remove-unknown-people').querySelector('li')?.textContent).toBe(
      'Mallory (mallory@evil.example)',
    );
    expect(step('remove-unknown-partners').querySelector('li')?.textContent).toBe('3228568050780099');
    expect(step('review-system-users').textContent).toContain(catalogue('en').incident.noneOfKind);
    expect(
      [...step('secure-admin-accounts').querySelectorAll('[data-incident-holders] li')].map(
        (li) => li.textContent,
      ),
    ).toEqual(['Anna Berg (anna@sjobod.se)']);
  });

  it('says when nothing unrecorded was found, in the admin’s language', () => {
    mount(incident([]), 'sv');
    expect(host.textContent).toContain(catalogue('sv').incident.nothingUnrecorded);
    expect($('[data-incident-unknown]')).toBeNull();
  });

  it('records what happened as a note about the business, from the document-incident step', async () => {
    mount(incident(['person:mallory@evil.example']), 'fr');
    const form = $('[data-step-id="document-incident"] form')!;
    const textarea = form.querySelector('textarea')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    act(() => {
      setValue.call(textarea, 'Mallory est entrée le 19 ; retirée.');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      form.querySelector('button')!.click();
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(asked).toContainEqual([
      'checklistCommand',
      { type: 'note', runId: 'incident-1', rationale: 'Mallory est entrée le 19 ; retirée.' },
    ]);
    expect(host.textContent).toContain(catalogue('fr').incident.recorded);
  });

  it('offers no form once the step is ticked', () => {
    const run = incident([]);
    mount({
      ...run,
      steps: run.steps.map((s) =>
        s.id === 'document-incident'
          ? { ...s, done: true, at: '2026-11-20T11:00:00.000Z', how: 'evidence' as const }
          : s,
      ),
    });
    expect($('[data-step-id="document-incident"] form')).toBeNull();
  });
});
