import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLedgerDb } from '@/lib/ledger/db';
import { runChecklistCommand, updateRunsFromEvidence } from '@/lib/platform/checklists';
import { runLedgerCommand } from '@/lib/platform/ledger';
import { partner, person } from '../domain/rules/helpers';
import { B, contextAt, listSnapshot as list, refusal, freshTestHub, type TestHub } from './test-hub';

const pixel = partner('Pixelverket SARL', '3228568050780002', [
  { type: 'instagram', name: '@sjobodcafe', access: 'partial', tasks: ['ads'] },
]);
const omar = person('Omar Haddad', 'omar@pixelverket.fr', { portfolioAccess: 'apps-integrations' });

describe('checklist commands in the background', () => {
  let t: TestHub;
  /** The admin has both lists open in tab 1: the background knows Pixelverket and Omar. */
  const showsPixelAndOmar = async () => {
    await t.showPage(list('partners', [pixel]));
    await t.showPage(list('people', [omar]));
  };
  /** Both lists read again with nobody on them: the background's view of the business follows. */
  const showsNobody = async () => {
    await t.showPage(list('partners', []));
    await t.showPage(list('people', []));
  };

  beforeEach(() => {
    t = freshTestHub('2026-11-28T10:00:00Z', 'en');
  });
  afterEach(() => t.close());

  it('refuses malformed commands and unknown subjects with a reason', async () => {
    expect(await t.ask('checklistCommand', { type: 'start' })).toMatchObject({ ok: false });
    expect(
      refusal(
        await t.ask('checklistCommand', {
          type: 'start',
          businessId: B,
          templateId: 'onboard-person',
          who: 'not an e-mail',
        }),
      ),
    ).toBe('Enter the e-mail address the invitation goes to.');
    expect(
      refusal(await t.ask('checklistCommand', { type: 'tick', runId: 'nope', stepId: 'x', done: true })),
    ).toBe('That checklist no longer exists.');
  });

  it('starts one run per subject and template, names the partner’s people, and survives in the ledger', async () => {
    await showsPixelAndOmar();
    const start = {
      type: 'start',
      businessId: B,
      templateId: 'offboard-partner',
      who: 'partner:3228568050780002',
    } as const;
    const first = await runChecklistCommand(t.hub, start, contextAt('2026-11-28T10:00:00Z'));
    const again = await runChecklistCommand(t.hub, start, contextAt('2026-11-28T10:01:00Z'));
    expect(first).toMatchObject({
      ok: true,
      run: { subjectName: 'Pixelverket SARL', related: ['person:omar@pixelverket.fr'], status: 'open' },
    });
    expect(again.ok && first.ok && again.run?.id).toBe(first.ok && first.run?.id);
    expect(await t.store.runs({ businessId: B })).toHaveLength(1);
  });

  it('ticks an offboarding from the lists, reminds to check again a week later, and finishing records revocations', async () => {
    const { hub, store } = t;
    await runLedgerCommand(
      store,
      {
        type: 'document',
        businessId: B,
        subject: 'partner:3228568050780002',
        assets: [],
        case: 'Instagram ads',
        startsAt: '2026-11-01',
        endsAt: '2026-12-31',
      },
      contextAt('2026-11-01T10:00:00Z'),
    );
    await showsPixelAndOmar();
    const started = await runChecklistCommand(
      hub,
      { type: 'start', businessId: B, templateId: 'offboard-partner', who: '3228568050780002' },
      contextAt('2026-11-28T10:00:00Z'),
    );
    if (!started.ok || !started.run) throw new Error('not started');
    const runId = started.run.id;
    await store.recordSnapshot(list('partners', []), new Date('2026-11-28T11:00:00Z'));
    await store.recordSnapshot(list('people', []), new Date('2026-11-28T11:00:00Z'));
    await showsNobody();
    expect(await updateRunsFromEvidence(hub, B, new Date('2026-11-28T11:00:00Z'))).toBe(true);
    const run = await store.run(runId);
    expect(run?.steps.filter((s) => s.done).map((s) => `${s.id}:${s.how}`)).toEqual([
      'remove-partner-link:evidence',
      'remove-people:evidence',
      'remove-asset-roles:evidence',
      'verify-removal:evidence',
    ]);
    // Nothing new to see: nothing is written.
    expect(await updateRunsFromEvidence(hub, B, new Date('2026-11-28T11:05:00Z'))).toBe(false);

    // A week later the recheck reminds (09:00 in the admin's time zone; UTC here).
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'UTC',
    } as Intl.ResolvedDateTimeFormatOptions);
    expect((await hub.reminders.check(new Date('2026-12-05T08:59:00Z'))).notified).not.toContain(
      `recheck:${runId}`,
    );
    expect((await hub.reminders.check(new Date('2026-12-05T09:00:00Z'))).notified).toContain(
      `recheck:${runId}`,
    );

    // Finishing needs every step.
    expect(
      refusal(await runChecklistCommand(hub, { type: 'finish', runId }, contextAt('2026-12-05T10:00:00Z'))),
    ).toBe('Steps still open: remove-system-users, document-decision, recheck-in-a-week.');
    // Lists read again a full week after the removal was verified.
    await store.recordSnapshot(list('partners', []), new Date('2026-12-05T12:00:00Z'));
    await store.recordSnapshot(list('people', []), new Date('2026-12-05T12:00:00Z'));
    await updateRunsFromEvidence(hub, B, new Date('2026-12-05T12:00:00Z'));
    for (const stepId of ['remove-system-users', 'document-decision'])
      await runChecklistCommand(
        hub,
        { type: 'tick', runId, stepId, done: true },
        contextAt('2026-12-05T12:01:00Z'),
      );
    const finished = await runChecklistCommand(
      hub,
      { type: 'finish', runId, rationale: 'Agency contract ended' },
      contextAt('2026-12-05T12:02:00Z'),
    );
    expect(finished).toMatchObject({ ok: true, run: { status: 'finished' } });
    const decisions = await store.decisionsAbout(B, 'partner:3228568050780002');
    expect(decisions.map((d) => d.action)).toEqual(['grant', 'revoke', 'note']);
    expect((await store.grants({ businessId: B }))[0]?.endsAt).toBe('2026-12-05');
    // A finished run no longer changes, and cannot be discarded.
    expect(
      await runChecklistCommand(
        hub,
        { type: 'tick', runId, stepId: 'document-decision', done: false },
        contextAt('2026-12-06T10:00:00Z'),
      ),
    ).toMatchObject({ ok: false });
    expect(
      refusal(await runChecklistCommand(hub, { type: 'discard', runId }, contextAt('2026-12-06T10:00:00Z'))),
    ).toBe('A finished checklist is part of the record.');
  });

  it('leaves out a stored run that is not valid instead of reading it half', async () => {
    const started = await runChecklistCommand(
      t.hub,
      { type: 'start', businessId: B, templateId: 'periodic-review' },
      contextAt('2026-11-28T10:00:00Z'),
    );
    expect(started.ok).toBe(true);
    const db = openLedgerDb(t.dbName);
    await db.checklistRuns.put({ id: 'broken', businessId: B } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const runs = await t.store.runs({ businessId: B });
    expect(runs.map((r) => r.templateId)).toEqual(['periodic-review']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('broken'));
    expect(await db.checklistRuns.get('broken')).toBeDefined();
    db.close();
  });
});
