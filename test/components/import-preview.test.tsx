// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportPreview, PREVIEW_FIRST_ROWS } from '@/components/ledger-admin';
import type { ImportChangeView, ImportSummary } from '@/lib/domain/ledger/admin';
import { uiLocales } from '@/lib/domain/locales';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Issue 12, item 5: a preview of tens of thousands of changes renders its first rows, the rest on demand. */
const LEDGER = '0b9d4e2a-1c3f-4a5b-8d7e-9f0a1b2c3d4e';
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

function summary(accepts: number, revokes: number, grants: number): ImportSummary {
  const changes: ImportChangeView[] = [];
  for (let i = 0; i < accepts; i++)
    changes.push({
      kind: 'accept',
      ledgerId: LEDGER,
      businessId: '1203456789012345',
      subject: `person:p${i}@byraab.se`,
      ruleId: 'third-party-full-control',
      until: '2027-01-15',
      by: 'anna@sjobod.se',
    });
  for (let i = 0; i < revokes; i++)
    changes.push({
      kind: 'revoke',
      ledgerId: LEDGER,
      businessId: '1203456789012345',
      subject: `person:r${i}@byraab.se`,
      on: '2026-11-20',
      by: 'anna@sjobod.se',
      grants: 1,
    });
  for (let i = 0; i < grants; i++)
    changes.push({
      kind: 'add-grant',
      businessId: '1203456789012345',
      subject: `partner:32285680507${String(i).padStart(5, '0')}`,
      assets: ['Sjöbod Café'],
      endsAt: '2027-01-31',
      silences: ['undocumented-third-party', 'no-expiry'],
    });
  return {
    addGrants: grants,
    identicalGrants: 0,
    conflictingGrants: [],
    addDecisions: accepts + revokes,
    knownDecisions: 0,
    ledgers: [
      {
        ledgerId: LEDGER,
        ours: false,
        adding: accepts + revokes,
        trusted: false,
        key: 'new',
        fingerprint: 'abcd abcd abcd abcd',
        signed: accepts + revokes,
        unsigned: 0,
        silencing: accepts + revokes,
      },
    ],
    changes,
    moreChanges: 0,
    cappedGrants: 0,
    maxGrantDays: 90,
    names: {},
    addRuns: 0,
    identicalRuns: 0,
    conflictingRuns: [],
  };
}

function render(
  s: ImportSummary,
  locale: (typeof uiLocales)[number] = 'en',
  more?: Parameters<typeof ImportPreview>[0]['more'],
) {
  act(() =>
    root.render(
      <ImportPreview
        locale={locale}
        summary={s}
        trust={new Set()}
        acceptKeys={new Set()}
        onTrust={() => undefined}
        onAcceptKey={() => undefined}
        {...(more ? { more } : {})}
      />,
    ),
  );
}
const rows = (kind: string) => host.querySelectorAll(`li[data-change="${kind}"]`).length;

describe('an import preview of many changes', () => {
  it('shows the counts and the first rows, and every row on demand', () => {
    render(summary(1500, 700, 150));
    const section = host.querySelector(`section[data-ledger="${LEDGER}"]`)!;
    expect(section.querySelector('[data-change-counts]')?.textContent).toBe(
      '1,500 accepted findings, 700 revocations, 0 extensions',
    );
    expect(section.querySelectorAll('li').length).toBe(PREVIEW_FIRST_ROWS);
    expect(rows('add-grant')).toBe(PREVIEW_FIRST_ROWS);
    expect(section.querySelector('[data-change-list-more]')?.textContent).toBe(
      'Showing 100 of 2,200. Show 1,000 more',
    );
    const more = () => section.querySelector<HTMLButtonElement>('[data-change-list-more] button')!;
    act(() => more().click());
    expect(section.querySelectorAll('li').length).toBe(1100);
    act(() => more().click());
    act(() => more().click());
    // Every change is reachable: mutes first, then the revocations, and the button goes.
    expect(rows('accept')).toBe(1500);
    expect(rows('revoke')).toBe(700);
    expect(section.querySelector('[data-change-list-more]')).toBeNull();
    // The grants' list has its own button.
    const grantsMore = host.querySelectorAll<HTMLButtonElement>('[data-change-list-more] button');
    expect(grantsMore).toHaveLength(1);
    act(() => grantsMore[0]!.click());
    expect(rows('add-grant')).toBe(150);
  });

  it('asks the background for the rows it kept with the preview, with their names, and says when they are gone', async () => {
    const whole = summary(1500, 300, 0);
    // As the background answers: the list's first rows and its counts; the rest it keeps.
    const kept: ImportSummary = {
      ...whole,
      changes: whole.changes.slice(0, PREVIEW_FIRST_ROWS),
      lists: [{ list: LEDGER, total: 1800, accept: 1500, revoke: 300, extend: 0 }],
    };
    const asked: [string, number, number][] = [];
    render(kept, 'en', async (list, from, count) => {
      asked.push([list, from, count]);
      const changes = whole.changes.slice(from, from + count);
      return { changes, names: { '1203456789012345 person:r0@byraab.se': 'Rita Revoked' } };
    });
    const section = host.querySelector(`section[data-ledger="${LEDGER}"]`)!;
    expect(section.querySelector('[data-change-counts]')?.textContent).toBe(
      '1,500 accepted findings, 300 revocations, 0 extensions',
    );
    expect(section.querySelectorAll('li').length).toBe(PREVIEW_FIRST_ROWS);
    expect(section.querySelector('[data-change-list-more]')?.textContent).toBe(
      'Showing 100 of 1,800. Show 1,000 more',
    );
    const more = () => section.querySelector<HTMLButtonElement>('[data-change-list-more] button')!;
    await act(async () => more().click());
    expect(asked).toEqual([[LEDGER, 100, 1000]]);
    expect(section.querySelectorAll('li').length).toBe(1100);
    await act(async () => more().click());
    expect(asked.at(-1)).toEqual([LEDGER, 1100, 700]);
    expect(rows('accept')).toBe(1500);
    expect(rows('revoke')).toBe(300);
    expect(section.querySelector('[data-change-list-more]')).toBeNull();
    // A fetched row's subject is named with the name the background read for it.
    expect(section.querySelector('li[data-change="revoke"]')?.textContent).toContain('Rita Revoked');

    // A preview gone from the background (imported elsewhere, expired): the admin is told, nothing is lost.
    act(() => root.unmount());
    root = createRoot(host);
    render(kept, 'en', async () => 'The file’s preview is no longer there.');
    await act(async () => host.querySelector<HTMLButtonElement>('[data-change-list-more] button')!.click());
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('The file’s preview is no longer there.');
    expect(host.querySelectorAll('li').length).toBe(PREVIEW_FIRST_ROWS);
  });

  it('lists a short preview whole, without counts or button, in every language', () => {
    for (const locale of uiLocales) {
      render(summary(3, 2, 1), locale);
      expect(rows('accept') + rows('revoke') + rows('add-grant')).toBe(6);
      expect(host.querySelector('[data-change-list-more], [data-change-counts]')).toBeNull();
    }
    render(summary(200, 0, 0), 'sv');
    expect(host.querySelector('[data-change-list-more]')?.textContent).toMatch(
      /^Visar 100 av 200\. Visa 100 till$/,
    );
    render(summary(200, 0, 0), 'fr');
    expect(host.querySelector('[data-change-counts]')?.textContent).toMatch(/^200 constats acceptés/);
  });

  it('says, in every language, that a trust given before any key was known does not pass to the first key', () => {
    const lapsed = summary(2, 0, 0);
    lapsed.ledgers[0] = { ...lapsed.ledgers[0]!, trustLapsed: true };
    const said = new Set<string>();
    for (const locale of uiLocales) {
      render(lapsed, locale);
      const note = host.querySelector('[data-trust-lapsed]');
      expect(note?.getAttribute('role')).toBe('alert');
      expect(note?.textContent).toContain('abcd abcd abcd abcd');
      said.add(note!.textContent!);
      // The trust is offered again, unticked.
      expect(host.querySelector<HTMLInputElement>(`[data-trust-ledger="${LEDGER}"]`)?.checked).toBe(false);
    }
    expect(said.size).toBe(uiLocales.length);
    render(summary(2, 0, 0));
    expect(host.querySelector('[data-trust-lapsed]')).toBeNull();
  });
});
