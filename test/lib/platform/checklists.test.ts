import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BusinessView } from '@/lib/domain/business-view';
import { defaultSettings } from '@/lib/domain/settings';
import type { PageSnapshot, Principal } from '@/lib/domain/snapshot';
import { runChecklistCommand, updateRunsFromEvidence } from '@/lib/platform/checklists';
import { ledgerStore, runLedgerCommand } from '@/lib/platform/ledger-handlers';
import { refreshReminders } from '@/lib/platform/reminders';

const B = '1203456789012345';
const pixel: Principal = {
  kind: 'partner',
  name: 'Pixelverket SARL',
  businessId: '3228568050780002',
  pending: false,
  isCurrentUser: false,
  assets: [{ type: 'instagram', name: '@sjobodcafe', access: 'partial', tasks: ['ads'] }],
};
const omar: Principal = {
  kind: 'person',
  name: 'Omar Haddad',
  email: 'omar@pixelverket.fr',
  portfolioAccess: 'apps-integrations',
  pending: false,
  isCurrentUser: false,
  assets: [],
};
const view: BusinessView = { businessId: B, principals: [pixel, omar], peopleListComplete: true };
const context = (now: string) => ({
  now: new Date(now),
  decidedBy: 'anna@sjobod.se',
  settings: defaultSettings,
  isThirdParty: () => true,
  view: (id: string) => (id === B ? view : undefined),
});
const list = (kind: 'people' | 'partners', principals: Principal[]): PageSnapshot => ({
  kind,
  businessId: B,
  url: `https://business.facebook.com/latest/settings/${kind === 'people' ? 'business_users' : 'partners'}?business_id=${B}`,
  locale: 'en',
  readStatus: 'ok',
  readProblems: [],
  principals,
});

describe('checklist commands in the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
    await ledgerStore().deleteAll();
    await ledgerStore().db.meta.clear();
  });

  it('refuses malformed commands and unknown subjects with a reason', async () => {
    expect(await runChecklistCommand({ type: 'start' }, context('2026-11-28T10:00:00Z'))).toMatchObject({
      ok: false,
    });
    expect(
      await runChecklistCommand(
        { type: 'start', businessId: B, templateId: 'onboard-person', who: 'not an e-mail' },
        context('2026-11-28T10:00:00Z'),
      ),
    ).toEqual({ ok: false, error: 'Enter the e-mail address the invitation goes to.' });
    expect(
      await runChecklistCommand(
        { type: 'tick', runId: 'nope', stepId: 'x', done: true },
        context('2026-11-28T10:00:00Z'),
      ),
    ).toEqual({ ok: false, error: 'That checklist no longer exists.' });
  });

  it('starts one run per subject and template, names the partner’s people, and survives in the ledger', async () => {
    const start = {
      type: 'start',
      businessId: B,
      templateId: 'offboard-partner',
      who: 'partner:3228568050780002',
    };
    const first = await runChecklistCommand(start, context('2026-11-28T10:00:00Z'));
    const again = await runChecklistCommand(start, context('2026-11-28T10:01:00Z'));
    expect(first).toMatchObject({
      ok: true,
      run: { subjectName: 'Pixelverket SARL', related: ['person:omar@pixelverket.fr'], status: 'open' },
    });
    expect(again.ok && first.ok && again.run?.id).toBe(first.ok && first.run?.id);
    expect(await ledgerStore().runs({ businessId: B })).toHaveLength(1);
  });

  it('ticks an offboarding from the lists, reminds to check again a week later, and finishing records revocations', async () => {
    const store = ledgerStore();
    await runLedgerCommand(
      {
        type: 'document',
        businessId: B,
        subject: 'partner:3228568050780002',
        assets: [],
        case: 'Instagram ads',
        startsAt: '2026-11-01',
        endsAt: '2026-12-31',
      },
      context('2026-11-01T10:00:00Z'),
    );
    const started = await runChecklistCommand(
      { type: 'start', businessId: B, templateId: 'offboard-partner', who: '3228568050780002' },
      context('2026-11-28T10:00:00Z'),
    );
    if (!started.ok || !started.run) throw new Error('not started');
    const runId = started.run.id;
    await store.recordSnapshot(list('partners', []), new Date('2026-11-28T11:00:00Z'));
    await store.recordSnapshot(list('people', []), new Date('2026-11-28T11:00:00Z'));
    expect(
      await updateRunsFromEvidence(B, { ...view, principals: [] }, new Date('2026-11-28T11:00:00Z')),
    ).toBe(true);
    const run = await store.run(runId);
    expect(run?.steps.filter((s) => s.done).map((s) => `${s.id}:${s.how}`)).toEqual([
      'remove-partner-link:evidence',
      'remove-people:evidence',
      'remove-asset-roles:evidence',
      'verify-removal:evidence',
    ]);
    // Nothing new to see: nothing is written.
    expect(
      await updateRunsFromEvidence(B, { ...view, principals: [] }, new Date('2026-11-28T11:05:00Z')),
    ).toBe(false);

    // A week later the recheck reminds (09:00 in the admin's time zone; UTC here).
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'UTC',
    } as Intl.ResolvedDateTimeFormatOptions);
    expect((await refreshReminders(new Date('2026-12-05T08:59:00Z'))).notified).not.toContain(
      `recheck:${runId}`,
    );
    expect((await refreshReminders(new Date('2026-12-05T09:00:00Z'))).notified).toContain(`recheck:${runId}`);

    // Finishing needs every step.
    expect(await runChecklistCommand({ type: 'finish', runId }, context('2026-12-05T10:00:00Z'))).toEqual({
      ok: false,
      error: 'Steps still open: remove-system-users, document-decision, recheck-in-a-week.',
    });
    // Lists read again a full week after the removal was verified.
    await store.recordSnapshot(list('partners', []), new Date('2026-12-05T12:00:00Z'));
    await store.recordSnapshot(list('people', []), new Date('2026-12-05T12:00:00Z'));
    await updateRunsFromEvidence(B, { ...view, principals: [] }, new Date('2026-12-05T12:00:00Z'));
    for (const stepId of ['remove-system-users', 'document-decision'])
      await runChecklistCommand({ type: 'tick', runId, stepId, done: true }, context('2026-12-05T12:01:00Z'));
    const finished = await runChecklistCommand(
      { type: 'finish', runId, rationale: 'Agency contract ended' },
      context('2026-12-05T12:02:00Z'),
    );
    expect(finished).toMatchObject({ ok: true, run: { status: 'finished' } });
    const decisions = await store.decisionsAbout(B, 'partner:3228568050780002');
    expect(decisions.map((d) => d.action)).toEqual(['grant', 'revoke', 'note']);
    expect((await store.grants({ businessId: B }))[0]?.endsAt).toBe('2026-12-05');
    // A finished run no longer changes, and cannot be discarded.
    expect(
      await runChecklistCommand(
        { type: 'tick', runId, stepId: 'document-decision', done: false },
        context('2026-12-06T10:00:00Z'),
      ),
    ).toMatchObject({ ok: false });
    expect(await runChecklistCommand({ type: 'discard', runId }, context('2026-12-06T10:00:00Z'))).toEqual({
      ok: false,
      error: 'A finished checklist is part of the record.',
    });
  });

  it('leaves out a stored run that is not valid instead of reading it half', async () => {
    const store = ledgerStore();
    const started = await runChecklistCommand(
      { type: 'start', businessId: B, templateId: 'periodic-review' },
      context('2026-11-28T10:00:00Z'),
    );
    expect(started.ok).toBe(true);
    await store.db.checklistRuns.put({ id: 'broken', businessId: B } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const runs = await store.runs({ businessId: B });
    expect(runs.map((r) => r.templateId)).toEqual(['periodic-review']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('broken'));
    expect(await store.db.checklistRuns.get('broken')).toBeDefined();
  });
});
