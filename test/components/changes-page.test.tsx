// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { ChangesLink, ChangesPage } from '@/components/changes-page';
import type { Change } from '@/lib/domain/baseline';
import { timelineEntrySchema } from '@/lib/domain/baseline-schema';
import type { UiLocale } from '@/lib/domain/locales';
import { timelineCsv, timelineJson, type TimelineEntry } from '@/lib/domain/timeline';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const B = '1203456789012345';
const OTHER = '9988776655443322';
const PEOPLE = `https://business.facebook.com/latest/settings/business_users?business_id=${B}`;
const NOW = new Date('2026-11-30T12:00:00.000Z');

const change = (over: Partial<Change> & Pick<Change, 'kind' | 'subject' | 'name' | 'at'>): Change => ({
  principalKind: 'person',
  page: 'people',
  url: PEOPLE,
  ...over,
});

/** One of each verdict, newest first, as the background sends them. */
const entries: TimelineEntry[] = [
  {
    change: change({
      kind: 'principal-added',
      subject: 'person:mallory@evil.example',
      name: 'Mallory Vance',
      at: '2026-11-29T10:00:00.000Z',
      since: '2026-11-20T10:00:00.000Z',
    }),
    verdict: { status: 'unrecorded' },
    open: true,
    fullControl: true,
  },
  {
    change: change({
      kind: 'portfolio-access-raised',
      subject: 'person:nils@byraab.se',
      name: 'Nils Holm',
      from: 'basic',
      to: 'full-control',
      at: '2026-11-28T10:00:00.000Z',
    }),
    verdict: { status: 'approved', record: { kind: 'decision', id: 'd-7' } },
    open: false,
    fullControl: true,
  },
  {
    change: change({
      kind: 'task-added',
      subject: 'person:lisa@studio.example',
      name: 'Lisa Kant',
      asset: { type: 'page', id: '100200300', name: 'Sjöbod' },
      to: 'ads',
      page: 'asset',
      url: 'https://evil.example/steal?x=1',
      at: '2026-11-27T10:00:00.000Z',
    }),
    verdict: { status: 'approved', record: { kind: 'grant', id: 'g-1' } },
    open: false,
    fullControl: false,
  },
  {
    change: change({
      kind: 'end-date-extended',
      subject: 'person:olle@studio.example',
      name: 'Olle Berg',
      from: '2026-12-01',
      to: '2027-01-15',
      at: '2026-11-26T10:00:00.000Z',
    }),
    verdict: { status: 'unrecorded' },
    open: false,
    fullControl: false,
  },
  {
    change: change({
      kind: 'principal-removed',
      subject: 'partner:3228568050780000',
      principalKind: 'partner',
      name: 'Byrå AB',
      page: 'partners',
      url: `https://business.facebook.com/latest/settings/partners?business_id=${B}`,
      at: '2026-11-25T10:00:00.000Z',
    }),
    verdict: { status: 'informational' },
    open: false,
    fullControl: false,
  },
  {
    change: change({
      kind: 'principal-added',
      subject: 'system-user:61000000000042',
      principalKind: 'system-user',
      name: 'Conversions API',
      page: 'system-users',
      at: '2026-11-24T10:00:00.000Z',
    }),
    verdict: { status: 'onboarding', runId: 'run-5' },
    open: false,
    fullControl: false,
  },
  {
    change: change({
      kind: 'full-control-to-third-party',
      subject: 'person:eve@outside.example',
      name: 'Eve Outsider',
      replaced: 'person:anna@sjobod.se',
      at: '2026-11-23T10:00:00.000Z',
    }),
    verdict: { status: 'unrecorded' },
    open: false,
    fullControl: true,
  },
];

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; facts?: object } };
let answers: Record<string, (data: unknown) => Answer>;
const asked: [string, unknown][] = [];
const ask = (async (name: string, data: unknown) => {
  asked.push([name, data]);
  const answer = answers[name];
  if (!answer) throw new Error(`unexpected ${name}`);
  return answer(data);
}) as Api['ask'];

function defaultAnswers(): Record<string, (data: unknown) => Answer> {
  return {
    watchedBusinesses: () => ({
      ok: true,
      value: {
        businesses: [
          { businessId: B, updatedAt: '2026-11-29T10:00:00.000Z' },
          { businessId: OTHER, updatedAt: '2026-11-02T10:00:00.000Z' },
        ],
      },
    }),
    changeTimeline: (data) =>
      (data as { businessId: string }).businessId === B
        ? { ok: true, value: { entries, visitStart: '2026-11-29T09:00:00.000Z' } }
        : { ok: true, value: { entries: [] } },
    subjectRecord: (data) => {
      const { subject } = data as { subject: string };
      return {
        ok: true,
        value: {
          grants:
            subject === 'person:lisa@studio.example'
              ? [{ id: 'g-1', case: 'Christmas menu photos', ticket: 'T-42' }]
              : [],
          decisions:
            subject === 'person:nils@byraab.se'
              ? [{ id: 'd-7', action: 'grant', decidedBy: 'Anna Berg' }]
              : [],
        },
      };
    },
  };
}

let root: Root | undefined;
let host: HTMLElement;
const onBusiness = vi.fn();

async function mount(locale: UiLocale, businessId?: string): Promise<void> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <ApiProvider
        api={{ ask, locale, changesPage: (id) => `chrome-extension://x/changes.html?business=${id}` }}
      >
        <ChangesPage businessId={businessId} onBusiness={onBusiness} now={() => NOW} />
      </ApiProvider>,
    ),
  );
  await flush();
}

const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));
const $ = <E extends HTMLElement = HTMLElement>(selector: string) => host.querySelector<E>(selector);
const $$ = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];
const rowOf = (subject: string) => $(`li[data-subject="${subject}"]`);
const text = (el: Element | null) => el?.textContent ?? '';

/** Sets a field's value as typing or choosing would (React reads the native setter's value). */
async function setValue(el: HTMLInputElement | HTMLSelectElement | null, value: string): Promise<void> {
  if (!el) throw new Error('no field');
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await flush();
}

beforeEach(() => {
  answers = defaultAnswers();
  asked.length = 0;
  onBusiness.mockReset();
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
  vi.restoreAllMocks();
});

describe('the change timeline page (issue 13, item 5)', () => {
  it('lists a business’s changes newest first, each with when, who, what, where and which record approves it', async () => {
    await mount('en', B);
    expect(asked).toContainEqual(['changeTimeline', { businessId: B }]);
    expect($$('li[data-subject]').map((li) => li.getAttribute('data-subject'))).toEqual(
      entries.map((e) => e.change.subject),
    );
    expect(text($('[data-counts]'))).toBe('7 changes · 1 open alert');

    const mallory = rowOf('person:mallory@evil.example')!;
    expect(mallory.getAttribute('data-open')).toBe('true');
    expect(mallory.getAttribute('data-status')).toBe('unrecorded');
    expect(text(mallory.querySelector('.change-what'))).toBe('Mallory Vance was added, with full control');
    expect(text(mallory.querySelector('.change-who'))).toBe('Person person:mallory@evil.example');
    expect(text(mallory.querySelector('.tag-alert'))).toBe('Open alert');
    expect(text(mallory.querySelector('.tag-full'))).toBe('Full control');
    expect(mallory.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-29T10:00:00.000Z');
    expect(text(mallory.querySelector('.change-when'))).toBe(
      `First seen: ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-29T10:00:00.000Z'))}`,
    );
    expect(text(mallory.querySelector('.change-verdict'))).toBe('Unrecorded: no record approves it');
    // A Business Settings address is a link; the page kind is Meta's word for the list.
    expect(text(mallory.querySelector('.change-where'))).toBe(`Seen on: People · ${PEOPLE}`);
    expect(mallory.querySelector('.change-where a')!.getAttribute('href')).toBe(PEOPLE);

    const nils = rowOf('person:nils@byraab.se')!;
    expect(text(nils.querySelector('.change-what'))).toBe(
      'Nils Holm got more access to the business portfolio: Basic access → Full control',
    );
    expect(text(nils.querySelector('.change-verdict'))).toBe('Approved by decision d-7');
    expect(text(nils.querySelector('.change-record'))).toBe('grant, by Anna Berg');

    const lisa = rowOf('person:lisa@studio.example')!;
    expect(text(lisa.querySelector('.change-what'))).toBe('Lisa Kant got the task “Ads” on “Sjöbod”');
    expect(text(lisa.querySelector('.change-verdict'))).toBe('Approved by grant record g-1');
    expect(text(lisa.querySelector('.change-record'))).toBe('Case “Christmas menu photos”, ticket T-42');
    // Any other address is shown as text, never opened.
    expect(lisa.querySelector('.change-where a')).toBeNull();
    expect(text(lisa.querySelector('.change-url'))).toBe('https://evil.example/steal?x=1');
    expect(text(lisa.querySelector('.change-where'))).toContain('Seen on: Asset · ');

    expect(text(rowOf('person:olle@studio.example')!.querySelector('.change-what'))).toBe(
      'Olle Berg had the end date of their access moved from 2026-12-01 to 2027-01-15',
    );
    const partner = rowOf('partner:3228568050780000')!;
    expect(text(partner.querySelector('.change-what'))).toBe('Byrå AB was removed');
    expect(text(partner.querySelector('.change-verdict'))).toBe('For information');
    const system = rowOf('system-user:61000000000042')!;
    expect(text(system.querySelector('.change-what'))).toBe('Conversions API was added');
    expect(text(system.querySelector('.change-verdict'))).toBe(
      'Made through a Scopekeeper onboarding checklist',
    );
    // Full control went to a third party: the own-domain holder it replaced is named.
    const eve = rowOf('person:eve@outside.example')!;
    expect(text(eve.querySelector('.change-who'))).toBe(
      'Person person:eve@outside.example · In place of anna@sjobod.se',
    );
    expect(text(eve.querySelector('.tag-full'))).toBe('Full control');
    // The approving records were asked for once per subject, only for the approved rows.
    expect(asked.filter(([name]) => name === 'subjectRecord').map(([, d]) => d)).toEqual([
      { businessId: B, subject: 'person:nils@byraab.se' },
      { businessId: B, subject: 'person:lisa@studio.example' },
    ]);
  });

  it('speaks Swedish and French: the sentences and Meta’s words in the admin’s language', async () => {
    await mount('sv', B);
    expect(text($('h1'))).toBe('Ändringshistorik');
    expect(text(rowOf('person:mallory@evil.example')!.querySelector('.change-what'))).toBe(
      'Mallory Vance lades till, med full kontroll',
    );
    expect(text(rowOf('person:nils@byraab.se')!.querySelector('.change-what'))).toBe(
      'Nils Holm fick mer åtkomst till företagsportföljen: Grundläggande åtkomst → Fullständig kontroll',
    );
    expect(text(rowOf('person:lisa@studio.example')!.querySelector('.change-record'))).toBe(
      'Ärende ”Christmas menu photos”, ärendenummer T-42',
    );
    expect(text(rowOf('person:mallory@evil.example')!.querySelector('.change-verdict'))).toBe(
      'Odokumenterad: inget dokument godkänner den',
    );
    expect(text(rowOf('person:mallory@evil.example')!.querySelector('.change-where'))).toContain(
      'Sågs på: Personer · ',
    );
    expect(text($('[data-counts]'))).toBe('7 ändringar · 1 öppen varning');
    act(() => root?.unmount());
    host.remove();

    await mount('fr', B);
    expect(text(rowOf('partner:3228568050780000')!.querySelector('.change-what'))).toBe(
      'Byrå AB a été retiré',
    );
    expect(text(rowOf('person:lisa@studio.example')!.querySelector('.change-what'))).toBe(
      'Lisa Kant a reçu la tâche « Publicités » sur « Sjöbod »',
    );
  });

  it('filters to the unrecorded changes only, hides the informational ones, and searches names and subjects', async () => {
    await mount('en', B);
    const filter = $<HTMLSelectElement>('select[name="filter"]');
    await setValue(filter, 'unrecorded');
    expect($$('li[data-subject]').map((li) => li.getAttribute('data-subject'))).toEqual([
      'person:mallory@evil.example',
      'person:olle@studio.example',
      'person:eve@outside.example',
    ]);
    expect(text($('[data-counts]'))).toBe('3 of 7 changes shown · 1 open alert');
    await setValue(filter, 'hide-informational');
    expect($$('li[data-status]').map((li) => li.getAttribute('data-status'))).not.toContain('informational');
    expect($$('li[data-subject]')).toHaveLength(6);
    await setValue(filter, 'all');
    await setValue($<HTMLInputElement>('input[name="search"]'), 'STUDIO.example');
    expect($$('li[data-subject]').map((li) => li.getAttribute('data-subject'))).toEqual([
      'person:lisa@studio.example',
      'person:olle@studio.example',
    ]);
    await setValue($<HTMLInputElement>('input[name="search"]'), 'byrå');
    expect($$('li[data-subject]').map((li) => li.getAttribute('data-subject'))).toEqual([
      'partner:3228568050780000',
    ]);
    await setValue($<HTMLInputElement>('input[name="search"]'), 'nobody at all');
    expect($$('li[data-subject]')).toHaveLength(0);
    expect(text($('[data-no-match]'))).toBe('No change matches the filter.');
  });

  it('says a refused or failed request as an error, never as “no changes”', async () => {
    answers.changeTimeline = () => ({
      ok: false,
      error: { code: 'internal', facts: { message: 'no answer' } },
    });
    await mount('en', B);
    const alert = $('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(alert!.hasAttribute('data-refused')).toBe(true);
    expect(text(host)).not.toContain('No change seen');
    expect($('[data-empty]')).toBeNull();
    expect($$('li[data-subject]')).toHaveLength(0);
    expect($('[data-export]')).toBeNull();
    // A business with no change at all says so (the difference the refusal must not blur).
    act(() => root?.unmount());
    host.remove();
    answers = defaultAnswers();
    await mount('en', OTHER);
    expect($('[role="alert"]')).toBeNull();
    expect(text($('[data-empty]'))).toBe(
      'No change seen on this business yet: what its pages showed has stayed the same since the first read.',
    );
  });

  it('exports the timeline it received as CSV and as pretty JSON files named by business and date', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:changes-${blobs.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(`${this.download} ${this.getAttribute('href')}`);
    });
    await mount('en', B);
    // Narrowed on screen: the export is still the whole timeline.
    await setValue($<HTMLSelectElement>('select[name="filter"]'), 'unrecorded');
    act(() => $('[data-export="csv"]')!.click());
    act(() => $('[data-export="json"]')!.click());
    expect(names).toEqual([
      `scopekeeper-changes-${B}-2026-11-30.csv blob:changes-1`,
      `scopekeeper-changes-${B}-2026-11-30.json blob:changes-2`,
    ]);
    const parsed = entries.map((e) => timelineEntrySchema.parse(e));
    expect(blobs[0]!.type).toBe('text/csv');
    expect(await blobs[0]!.text()).toBe(timelineCsv(B, parsed));
    expect((await blobs[0]!.text()).split('\r\n')).toHaveLength(entries.length + 2);
    expect(blobs[1]!.type).toBe('application/json');
    const json = await blobs[1]!.text();
    expect(JSON.parse(json)).toEqual(timelineJson(B, parsed, NOW));
    expect(json).toContain('\n  "format": "scopekeeper-changes",\n');
    expect(text($('[role="status"]'))).toBe(`Saved as scopekeeper-changes-${B}-2026-11-30.json.`);
    // Nothing was asked of the background for the files.
    expect(asked.filter(([name]) => name !== 'subjectRecord').map(([n]) => n)).toEqual([
      'watchedBusinesses',
      'changeTimeline',
    ]);
  });

  it('lets the admin choose a watched business when the address names none, and switch to another', async () => {
    await mount('en');
    expect(asked.map(([n]) => n)).toEqual(['watchedBusinesses']);
    const picker = $<HTMLSelectElement>('select[name="business"]')!;
    // The day in the admin's time zone and language.
    const day = (at: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(at));
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      'Choose a business',
      `Business ${B} (last read ${day('2026-11-29T10:00:00.000Z')})`,
      `Business ${OTHER} (last read ${day('2026-11-02T10:00:00.000Z')})`,
    ]);
    expect(picker.options[1]!.textContent).toMatch(/\(last read Nov (28|29|30), 2026\)$/);
    await setValue(picker, B);
    expect(onBusiness).toHaveBeenCalledWith(B);
    expect($$('li[data-subject]')).toHaveLength(entries.length);
    await setValue($<HTMLSelectElement>('select[name="business"]'), OTHER);
    expect(asked).toContainEqual(['changeTimeline', { businessId: OTHER }]);
    expect($$('li[data-subject]')).toHaveLength(0);
    expect($('[data-empty]')).not.toBeNull();

    act(() => root?.unmount());
    host.remove();
    answers.watchedBusinesses = () => ({ ok: true, value: { businesses: [] } });
    await mount('en');
    expect(text($('[data-empty]'))).toContain('Scopekeeper has not read any business yet.');
  });

  it('stays a window of rows for a timeline of 5,000 changes', async () => {
    const many: TimelineEntry[] = Array.from({ length: 5000 }, (_, i) => ({
      change: change({
        kind: 'principal-added',
        subject: `person:p${i}@agency.example`,
        name: `Person ${i}`,
        at: new Date(Date.UTC(2026, 10, 1) + (5000 - i) * 60_000).toISOString(),
      }),
      verdict: { status: 'unrecorded' },
      open: i % 2 === 0,
      fullControl: false,
    }));
    answers.changeTimeline = () => ({ ok: true, value: { entries: many } });
    await mount('en', B);
    const rows = $$('li[data-subject]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('5000');
    expect(text($('[data-counts]'))).toBe('5000 changes · 2500 open alerts');
    await setValue($<HTMLInputElement>('input[name="search"]'), 'p4999@');
    expect($$('li[data-subject]').map((li) => li.getAttribute('data-subject'))).toEqual([
      'person:p4999@agency.example',
    ]);
  });
});

describe('the link to the change timeline', () => {
  it('opens the page of the business, from the address the entrypoint gives', () => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() =>
      root!.render(
        <ApiProvider
          api={{ ask, locale: 'sv', changesPage: (id) => `chrome-extension://x/changes.html?business=${id}` }}
        >
          <ChangesLink businessId={B} />
        </ApiProvider>,
      ),
    );
    const link = $<HTMLAnchorElement>('a[data-changes-link]')!;
    expect(link.textContent).toBe('Ändringshistorik');
    expect(link.getAttribute('href')).toBe(`chrome-extension://x/changes.html?business=${B}`);
    expect(link.getAttribute('target')).toBe('_blank');
  });
});
