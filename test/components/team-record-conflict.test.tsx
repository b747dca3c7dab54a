// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { usePanelStore } from '@/components/panel-store';
import { ChecklistsSection } from '@/components/panel-work';
import { TeamAdminSection } from '@/components/team-admin';
import { observe } from '@/lib/domain/baseline';
import { createRun, tickByHand, type ChecklistRun } from '@/lib/domain/checklists/runs';
import { templates } from '@/lib/domain/checklists/templates';
import { catalogue } from '@/lib/domain/i18n';
import { loadCatalogue } from '@/lib/domain/i18n/load';
import type { UiLocale } from '@/lib/domain/locales';
import { decide, startCampaign, type ReviewCampaign } from '@/lib/domain/review/campaign';
import type { TeamRecordConflict, TeamRecordVersion } from '@/lib/domain/team-admin';
import { tabStateSchema } from '@/lib/domain/ui-state';
import { me, person, snapshot } from '../lib/domain/rules/helpers';

/** Issue 16: a checklist run and an access review edited in two places, on the options page and in the panel. */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const B = '1203456789012345';
const PARTNER = 'partner:3228568050780001';
const NOW = new Date('2026-11-28T12:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const OURS = '11111111-1111-4111-8111-111111111111';
const THEIRS = '22222222-2222-4222-8222-222222222222';
const you = { kind: 'you' as const, ledgerId: OURS };
const colleague = { kind: 'colleague' as const, ledgerId: THEIRS, trusted: false };

const base = createRun({
  id: 'run-1',
  businessId: B,
  templateId: 'onboard-partner',
  subject: PARTNER,
  subjectName: 'Byrå AB',
  case: 'Spring campaign',
  now: NOW,
});
const openSteps = base.steps.filter((s) => !s.done);
const ourRun: ChecklistRun = tickByHand(base, openSteps[0]!.id, true, later(1))!;
const theirRun: ChecklistRun = {
  ...tickByHand(base, openSteps[1]!.id, true, later(2))!,
  status: 'finished',
  finishedAt: later(3).toISOString(),
};

const started = startCampaign({
  id: 'c1',
  businessId: B,
  now: NOW,
  startedBy: 'anna@sjobod.se',
  baseline: observe(undefined, snapshot([me, person('Nils Holm', 'nils@byraab.se')]), NOW.toISOString(), [
    'sjobod.se',
  ]).baseline!,
  source: 'baseline',
});
const answered = (kind: 'keep' | 'revoke', rationale: string, by: string): ReviewCampaign => {
  const done = decide(
    started,
    [{ itemId: 'person:nils@byraab.se|portfolio', kind, rationale }],
    by,
    later(1),
  );
  if (!done.ok) throw new Error(done.problem);
  return done.campaign;
};

const runVersions: TeamRecordVersion[] = [
  { rev: '3-aaa', author: you, record: { kind: 'checklist', run: ourRun } },
  { rev: '3-bbb', author: colleague, record: { kind: 'checklist', run: theirRun } },
];
const campaignVersions: TeamRecordVersion[] = [
  {
    rev: '4-aaa',
    author: you,
    record: { kind: 'review', campaign: answered('revoke', 'Left', 'anna@sjobod.se') },
  },
  {
    rev: '4-bbb',
    author: colleague,
    record: { kind: 'review', campaign: answered('keep', 'Ads', 'bo@sjobod.se') },
  },
];
const listed: TeamRecordConflict[] = [
  {
    kind: 'checklist',
    id: 'run-1',
    businessId: B,
    subject: PARTNER,
    subjectName: 'Byrå AB',
    templateId: 'onboard-partner',
    versions: 2,
  },
  { kind: 'review', id: 'c1', businessId: B, startedAt: NOW.toISOString(), versions: 2 },
];

let asked: [string, unknown][] = [];
let resolved = new Set<string>();
const open = () => listed.filter((c) => !resolved.has(`${c.kind}:${c.id}`));
const ask = (async (name: string, data: unknown) => {
  asked.push([name, data]);
  const d = data as { kind: string; id: string };
  switch (name) {
    case 'teamStatus':
      return { ok: true, value: { kind: 'on', pending: 0, quarantined: 0, conflicts: open().length } };
    case 'teamConflicts':
      return { ok: true, value: { conflicts: [] } };
    case 'teamQuarantine':
      return { ok: true, value: { items: [], total: 0 } };
    case 'teamRecordConflicts':
    case 'teamRecordConflictsOf':
      return { ok: true, value: { conflicts: open() } };
    case 'teamRecordConflictVersions':
      return {
        ok: true,
        value: {
          versions: resolved.has(`${d.kind}:${d.id}`)
            ? []
            : d.kind === 'checklist'
              ? runVersions
              : campaignVersions,
        },
      };
    case 'resolveTeamRecordConflict':
      resolved.add(`${d.kind}:${d.id}`);
      return { ok: true, value: { outcome: 'resolved' } };
    default:
      return { ok: false, error: { code: 'unknown-message' } };
  }
}) as Api['ask'];

let root: Root | undefined;
let host: HTMLElement;
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));
const $ = (selector: string) => host.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];
const click = (element: HTMLElement | null | undefined) =>
  act(() => {
    if (!element) throw new Error('no such element');
    element.click();
  });
async function mount(locale: UiLocale, node: React.ReactNode) {
  await loadCatalogue(locale);
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<ApiProvider api={{ ask, locale }}>{node}</ApiProvider>));
  await flush();
}
const cells = (key: string) =>
  [...($(`tr[data-field="${CSS.escape(key)}"]`)?.querySelectorAll('td') ?? [])].map((c) => c.textContent);
const differs = (key: string) => $(`tr[data-field="${CSS.escape(key)}"]`)?.dataset.differs;

beforeEach(() => {
  asked = [];
  resolved = new Set();
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
});

describe('runs and campaigns edited in two places, on the options page', () => {
  it.each(['en', 'sv', 'fr'] as const)(
    'lists both, compares a run step by step and a campaign access by access, and resolves them there (%s)',
    async (locale) => {
      await mount(locale, <TeamAdminSection />);
      const w = catalogue(locale).teamAdmin;
      const when = (at: string | Date) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
      const title = templates['onboard-partner'].title[locale];
      expect($('[data-record="checklist:run-1"]')?.textContent).toContain(
        w.recordConflicts.runRow(title, 'Byrå AB', B, 2),
      );
      expect($('[data-record="checklist:run-1"]')?.textContent).toContain(w.records.runMarker);
      expect($('[data-record="review:c1"]')?.textContent).toContain(w.records.campaignMarker);

      // The run: who finished (the colleague's version), and the two steps each ticked on one side only.
      await click($('[data-record="checklist:run-1"] button'));
      await flush();
      expect(asked).toContainEqual(['teamRecordConflictVersions', { kind: 'checklist', id: 'run-1' }]);
      expect($('caption')?.textContent).toBe(w.records.runVersionsOf(title, 'Byrå AB'));
      expect($$('thead th').map((h) => h.dataset.author)).toEqual(['you', 'colleague']);
      expect(differs('status')).toBe('true');
      expect(cells('status')).toEqual([w.records.open, w.records.finished(when(later(3)))]);
      expect(differs('case')).toBe('false');
      const step = (n: number) => `step:${openSteps[n]!.id}`;
      const byHand = catalogue(locale).checklists.byHand;
      expect(cells(step(0))).toEqual([w.records.ticked(when(later(1)), byHand), w.records.notTicked]);
      expect(cells(step(1))).toEqual([w.records.notTicked, w.records.ticked(when(later(2)), byHand)]);
      expect($(`tr[data-field="${CSS.escape(step(0))}"] th`)?.textContent).toContain(
        `(${w.conflict.differs})`,
      );
      expect(differs(`step:${openSteps[2]!.id}`)).toBe('false');

      await click($('[data-keep-rev="3-bbb"]'));
      await flush();
      expect(asked).toContainEqual([
        'resolveTeamRecordConflict',
        { kind: 'checklist', id: 'run-1', keepRev: '3-bbb' },
      ]);
      expect($('[role="status"]')?.textContent).toBe(w.conflict.resolved);
      expect($('[data-record="checklist:run-1"]')).toBeNull();

      // The campaign: the answers' counts, and Nils's access answered otherwise in each.
      await click($('[data-record="review:c1"] button'));
      await flush();
      const r = catalogue(locale).review;
      expect(cells('answers')).toEqual([
        w.records.answerCounts(0, 0, 1, 1),
        w.records.answerCounts(1, 0, 0, 1),
      ]);
      const nils = 'item:person:nils@byraab.se|portfolio';
      expect(differs(nils)).toBe('true');
      expect(cells(nils)).toEqual([
        w.records.answered(r.revoke, 'Left', 'anna@sjobod.se'),
        w.records.answered(r.keep, 'Ads', 'bo@sjobod.se'),
      ]);
      expect($(`tr[data-field="${CSS.escape(nils)}"] th`)?.textContent).toContain('Nils Holm');
      // The admin's own membership is answered the same (not at all) in both: counted, not listed.
      expect($('.team-admin')?.textContent).toContain(w.records.sameItems(1));
      await click($('[data-keep-rev="4-aaa"]'));
      await flush();
      expect(asked).toContainEqual([
        'resolveTeamRecordConflict',
        { kind: 'review', id: 'c1', keepRev: '4-aaa' },
      ]);
      expect($('[data-team-record-conflicts="0"]')?.textContent).toBe(w.recordConflicts.none);
    },
  );
});

describe('a run edited in two places, in the panel', () => {
  it('is marked under the run; once kept, the marker goes', async () => {
    await loadCatalogue('en');
    usePanelStore.setState({
      state: {
        ...tabStateSchema.parse({}),
        locale: 'en',
        runs: [ourRun],
        snapshot: { ...snapshot([me]), businessId: B },
      },
      refused: false,
    });
    await mount('en', <ChecklistsSection />);
    const w = catalogue('en').teamAdmin;
    expect(asked).toContainEqual(['teamRecordConflictsOf', { businessId: B }]);
    const run = $('[data-run-id="run-1"]')!;
    const marker = run.nextElementSibling as HTMLElement;
    expect(marker.dataset.teamRecordConflict).toBe('checklist:run-1');
    expect(marker.textContent).toContain(w.records.runMarker);
    // A campaign's conflict is the review section's, not shown here.
    expect($('[data-team-record-conflict="review:c1"]')).toBeNull();
    await click(marker.querySelector('button'));
    await flush();
    await click($('[data-keep-rev="3-aaa"]'));
    await flush();
    expect($('[role="status"]')?.textContent).toBe(w.conflict.resolved);
    expect($('[data-team-record-conflict]')).toBeNull();
  });
});
