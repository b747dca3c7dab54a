// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiProvider, type Api } from '@/components/api';
import { usePanelStore } from '@/components/panel-store';
import { SubjectLedger } from '@/components/subject-ledger';
import { TeamAdminSection } from '@/components/team-admin';
import { catalogue } from '@/lib/domain/i18n';
import { loadCatalogue } from '@/lib/domain/i18n/load';
import type { GrantRecord } from '@/lib/domain/ledger/records';
import type { UiLocale } from '@/lib/domain/locales';
import { words as ruleWords } from '@/lib/domain/rules/words';
import type { QuarantinedItem, TeamConflictVersion } from '@/lib/domain/team-admin';
import { tabStateSchema } from '@/lib/domain/ui-state';

/** Issue 16, items 2–4: a grant edited in two places, in the panel and on the options page; refused documents. */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const B = '1203456789012345';
const PARTNER = 'partner:3228568050780001';
const OURS = '11111111-1111-4111-8111-111111111111';
const THEIRS = '22222222-2222-4222-8222-222222222222';

const grant = (over: Partial<GrantRecord>): GrantRecord => ({
  id: 'g-1',
  businessId: B,
  subject: PARTNER,
  assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content'] }],
  case: 'Spring campaign',
  startsAt: '2026-11-20',
  endsAt: '2027-01-20',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
  ...over,
});
const versions: TeamConflictVersion[] = [
  { rev: '3-aaa', author: { kind: 'you', ledgerId: OURS }, grant: grant({}) },
  {
    rev: '3-bbb',
    author: { kind: 'colleague', ledgerId: THEIRS, fingerprint: '1a2b 3c4d 5e6f 7a8b', trusted: true },
    grant: grant({
      endsAt: '2027-01-25',
      case: 'Spring campaign, extended for the Easter menu',
      assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['messages', 'content'] }],
    }),
  },
];

let asked: [string, unknown][] = [];
let inConflict = true;
let resolveOutcome: 'resolved' | 'gone' | 'off' = 'resolved';
let teamOn = true;
let quarantined: { items: QuarantinedItem[]; total: number } = { items: [], total: 0 };

const ask = (async (name: string, data: unknown) => {
  asked.push([name, data]);
  switch (name) {
    case 'subjectRecord':
      return {
        ok: true,
        value: { grants: [inConflict ? versions[0]!.grant : versions[1]!.grant], decisions: [] },
      };
    case 'teamConflictsOf':
      return { ok: true, value: { grantIds: inConflict ? ['g-1'] : [] } };
    case 'teamConflictVersions':
      return { ok: true, value: { versions: inConflict ? versions : [] } };
    case 'resolveTeamConflict':
      inConflict = false;
      return { ok: true, value: { outcome: resolveOutcome } };
    case 'teamStatus':
      return {
        ok: true,
        value: teamOn
          ? { kind: 'on', pending: 0, quarantined: quarantined.total, conflicts: inConflict ? 1 : 0 }
          : { kind: 'off' },
      };
    case 'teamConflicts':
      return {
        ok: true,
        value: {
          conflicts: inConflict ? [{ grantId: 'g-1', businessId: B, subject: PARTNER, versions: 2 }] : [],
        },
      };
    case 'teamQuarantine':
      return { ok: true, value: quarantined };
    case 'teamRecordConflicts':
      return { ok: true, value: { conflicts: [] } };
    default:
      return { ok: false, error: { code: 'unknown-message' } };
  }
}) as Api['ask'];

let root: Root | undefined;
let host: HTMLElement;
const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));
const $ = (selector: string) => host.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];
const button = (text: string) => $$('button').find((b) => b.textContent === text);
const click = (element: HTMLElement | undefined) =>
  act(() => {
    if (!element) throw new Error('no such button');
    element.click();
  });

async function mountPanel(locale: UiLocale) {
  await loadCatalogue(locale);
  usePanelStore.setState({ state: { ...tabStateSchema.parse({}), locale }, refused: false });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <ApiProvider api={{ ask, locale }}>
        <SubjectLedger businessId={B} subject={PARTNER} name="Byrå AB" assets={[]} today="2026-11-28" />
      </ApiProvider>,
    ),
  );
  await flush();
}
function mountOptions(locale: UiLocale) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <ApiProvider api={{ ask, locale }}>
        <TeamAdminSection />
      </ApiProvider>,
    ),
  );
}

beforeEach(() => {
  asked = [];
  inConflict = true;
  resolveOutcome = 'resolved';
  teamOn = true;
  quarantined = { items: [], total: 0 };
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host?.remove();
});

describe('a grant edited in two places, in the panel', () => {
  it('is marked, shows both versions side by side with who wrote each and what differs, and goes once one is kept', async () => {
    await mountPanel('en');
    const t = catalogue('en').teamAdmin.conflict;
    const item = $('[data-grant-id="g-1"]')!;
    expect(item.querySelector('[data-team-conflict="g-1"]')?.textContent).toContain(t.marker);
    // Nothing is shown as chosen before the admin asks.
    expect($('table')).toBeNull();

    await click(button(t.compare));
    await flush();
    expect(asked).toContainEqual(['teamConflictVersions', { grantId: 'g-1' }]);
    const heads = $$('thead th');
    expect(heads.map((h) => h.dataset.author)).toEqual(['you', 'colleague']);
    expect(heads[0]!.textContent).toContain('You (this browser)');
    expect(heads[1]!.textContent).toContain('A colleague (key 1a2b 3c4d 5e6f 7a8b, trusted)');
    const row = (field: string) => $(`tr[data-field="${field}"]`)!;
    // The end date, the case and the tasks differ: marked in words, not only by colour.
    for (const field of ['endsAt', 'case', 'assets']) {
      expect(row(field).dataset.differs, field).toBe('true');
      expect(row(field).querySelector('th')?.textContent).toContain(`(${t.differs})`);
    }
    for (const field of ['startsAt', 'ticket', 'approver', 'notes'])
      expect(row(field).dataset.differs, field).toBe('false');
    expect([...row('endsAt').querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      '2027-01-20',
      '2027-01-25',
    ]);
    // Each asset with its access and tasks in the admin's words, as Business Settings names them.
    const tasks = ruleWords.en.tasks;
    expect(row('assets').querySelectorAll('td')[1]!.textContent).toBe(
      `Sjöbod Café: ${catalogue('en').review.access.partial} (${tasks.messages}, ${tasks.content})`,
    );
    expect(row('ticket').querySelectorAll('td')[0]!.textContent).toBe(t.none);

    await click($('[data-keep-rev="3-bbb"]')!);
    await flush();
    expect(asked).toContainEqual(['resolveTeamConflict', { grantId: 'g-1', keepRev: '3-bbb' }]);
    // The choice is said, the record asked again, and the marker gone.
    expect($('[role="status"]')?.textContent).toBe(t.resolved);
    expect($('[data-team-conflict]')).toBeNull();
    expect($('[data-grant-id="g-1"]')?.textContent).toContain('2027-01-25');
  });

  it('says so when the conflict was resolved meanwhile (here or by a colleague), in Swedish', async () => {
    await mountPanel('sv');
    const t = catalogue('sv').teamAdmin.conflict;
    expect($('[data-team-conflict]')?.textContent).toContain(t.marker);
    resolveOutcome = 'gone';
    await click(button(t.compare));
    await flush();
    expect($('thead th[data-author="colleague"]')?.textContent).toContain(
      'En kollega (nyckel 1a2b 3c4d 5e6f 7a8b, betrodd)',
    );
    await click($('[data-keep-rev="3-aaa"]')!);
    await flush();
    expect($('[role="status"]')?.textContent).toBe(t.gone);
    expect($('[data-team-conflict]')).toBeNull();
  });

  it('shows no marker on a grant that is not in conflict', async () => {
    inConflict = false;
    await mountPanel('fr');
    expect($('[data-grant-id="g-1"]')).not.toBeNull();
    expect($('[data-team-conflict]')).toBeNull();
  });
});

describe('the team ledger section of the options page', () => {
  it('lists the grants in conflict with a way to resolve them there, and the refused documents in plain words', async () => {
    quarantined = {
      items: [
        {
          id: 'ledger:33333333-3333-4333-8333-333333333333',
          rev: '1-x',
          at: '2026-11-28T12:00:00.000Z',
          reason: 'refused-by-import',
          problem: { code: 'import-chain-head-wrong' },
        },
        { id: 'something', reason: 'malformed' },
      ],
      total: 5,
    };
    mountOptions('fr');
    await flush();
    const w = catalogue('fr').teamAdmin;
    expect($('h3')?.textContent).toBe(w.conflicts.title);
    const conflict = $('[data-team-conflicts] [data-grant-id="g-1"]')!;
    expect(conflict.textContent).toContain(w.conflicts.row(PARTNER, B, 2));
    expect(conflict.textContent).toContain(w.conflict.marker);

    const refused = $$('[data-quarantined-reason]');
    expect(refused.map((li) => li.dataset.quarantinedReason)).toEqual(['refused-by-import', 'malformed']);
    expect(refused[0]!.textContent).toContain(
      w.quarantine.document('ledger:33333333-3333-4333-8333-333333333333'),
    );
    expect(refused[0]!.textContent).toContain(
      w.quarantine.when(new Date('2026-11-28T12:00:00.000Z').toLocaleString('fr')),
    );
    expect(refused[0]!.textContent).toContain(w.quarantine.reason['refused-by-import']);
    expect(refused[0]!.textContent).toContain(
      w.quarantine.problem(catalogue('fr').problems['import-chain-head-wrong']()),
    );
    expect(refused[1]!.textContent).toContain(w.quarantine.whenUnknown);
    expect(refused[1]!.textContent).toContain(w.quarantine.reason.malformed);
    // Only the latest are kept: said.
    expect($('.team-admin')?.textContent).toContain(w.quarantine.more(2, 5));

    await click(button(w.conflict.compare));
    await flush();
    await click($('[data-keep-rev="3-aaa"]')!);
    await flush();
    expect(asked).toContainEqual(['resolveTeamConflict', { grantId: 'g-1', keepRev: '3-aaa' }]);
    expect($('[role="status"]')?.textContent).toBe(w.conflict.resolved);
    expect($('[data-team-conflicts]')?.dataset.teamConflicts).toBe('0');
    expect($('[data-team-conflicts]')?.textContent).toBe(w.conflicts.none);
  });

  it('shows nothing while the team ledger is off', async () => {
    teamOn = false;
    mountOptions('en');
    await flush();
    expect(host.textContent).toBe('');
    expect(asked.map(([name]) => name)).toEqual(['teamStatus']);
  });
});
