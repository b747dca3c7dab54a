// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { LedgerAdmin } from '@/components/ledger-admin';
import type { ImportSummary } from '@/lib/domain/ledger/admin';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Issue 12, item 5: the options page hands a chosen file to the service worker by reference
 * (lib/platform/handoff.ts). A worker stopped between the hand-over and the preview has lost it; the page,
 * which still has the file, hands it again where no stop loses it, and the admin gets the preview.
 */
let root: Root;
let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));

const SUMMARY: ImportSummary = {
  addGrants: 0,
  identicalGrants: 0,
  conflictingGrants: [],
  addDecisions: 2,
  knownDecisions: 0,
  ledgers: [],
  changes: [],
  moreChanges: 0,
  cappedGrants: 0,
  maxGrantDays: 90,
  names: {},
  addRuns: 0,
  identicalRuns: 0,
  conflictingRuns: [],
};

/** A background whose worker stopped after the hand-over: only a durably stored file is still there. */
function mount() {
  const handed = crypto.randomUUID();
  const stored = crypto.randomUUID();
  const uploads: { durable: boolean }[] = [];
  const planned: string[] = [];
  const ask = (async (name: string, data: { type?: string; upload?: string }) => {
    if (name === 'importProgress') return { ok: true, value: {} };
    if (data.type === 'colleagues')
      return { ok: true, value: { type: 'colleagues', fingerprint: 'ab', colleagues: [] } };
    if (data.type === 'plan-upload') {
      planned.push(data.upload!);
      return data.upload === stored
        ? {
            ok: true,
            value: { type: 'import', applied: false, summary: SUMMARY, preview: crypto.randomUUID() },
          }
        : { ok: false, error: { code: 'import-preview-gone', facts: {} } };
    }
    return { ok: true, value: { type: 'preview', kept: false } };
  }) as Api['ask'];
  const upload: Api['upload'] = async (_file, how) => {
    uploads.push({ durable: !!how?.durable });
    return how?.durable ? stored : handed;
  };
  act(() =>
    root.render(
      <ApiProvider api={{ ask, locale: 'en', upload }}>
        <LedgerAdmin />
      </ApiProvider>,
    ),
  );
  return { uploads, planned, handed, stored };
}

async function choose(file: File) {
  const input = host.querySelector<HTMLInputElement>('#import-file')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
}

describe('a file handed to a worker that stopped', () => {
  it('is handed again, stored where a stop cannot lose it, and the admin gets the preview', async () => {
    const { uploads, planned, handed, stored } = mount();
    await flush();
    await choose(new File(['{"format":"scopekeeper-ledger"}'], 'colleague.json'));
    expect(uploads).toEqual([{ durable: false }, { durable: true }]);
    expect(planned).toEqual([handed, stored]);
    expect(host.querySelector('[aria-label="Import preview"]')?.textContent).toMatch(
      /^colleague\.json: 0 grant records and 2 decisions to add/,
    );
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });
});
