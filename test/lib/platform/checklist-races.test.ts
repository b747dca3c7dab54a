import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runChecklistCommand, updateRunsFromEvidence } from '@/lib/platform/checklists';
import { runLedgerCommand } from '@/lib/platform/ledger';
import { templates } from '@/lib/domain/checklists/templates';
import { B, contextAt, refusal, freshTestHub, type TestHub } from './test-hub';

/** Acknowledged means durable, once (issue 11, item 5): a checklist write never undoes another. */
describe('checklist writes that race', () => {
  let t: TestHub;
  beforeEach(() => {
    t = freshTestHub('2026-11-28T10:00:00Z', 'en');
  });
  afterEach(() => t.close());

  const start = async (templateId: 'periodic-review' | 'offboard-partner', who?: string) => {
    const started = await runChecklistCommand(
      t.hub,
      { type: 'start', businessId: B, templateId, ...(who ? { who } : {}) },
      contextAt('2026-11-28T10:00:00Z'),
    );
    if (!started.ok || !started.run) throw new Error('not started');
    return started.run;
  };
  const tick = (runId: string, stepId: string, iso = '2026-11-28T10:05:00Z') =>
    runChecklistCommand(t.hub, { type: 'tick', runId, stepId, done: true }, contextAt(iso));

  it('keeps a finish committed while an evidence update is in flight', async () => {
    const run = await start('periodic-review');
    for (const step of run.steps.filter((s) => s.id !== 'document-decisions')) await tick(run.id, step.id);
    // The evidence update stops while it reads the latest decision (a slow read).
    let release: (at: string) => void = () => undefined;
    let reached: () => void = () => undefined;
    const atRead = new Promise<void>((resolve) => (reached = resolve));
    vi.spyOn(t.store, 'lastDecisionAt').mockImplementation(
      () =>
        new Promise<string>((resolve) => {
          release = resolve;
          reached();
        }),
    );
    const update = updateRunsFromEvidence(t.hub, B, new Date('2026-11-28T10:10:00Z'));
    await atRead;
    // Meanwhile the admin ticks the last step and finishes.
    expect(await tick(run.id, 'document-decisions', '2026-11-28T10:06:00Z')).toMatchObject({ ok: true });
    expect(
      await runChecklistCommand(t.hub, { type: 'finish', runId: run.id }, contextAt('2026-11-28T10:07:00Z')),
    ).toMatchObject({ ok: true, run: { status: 'finished' } });
    release('2026-11-28T10:08:00Z');
    expect(await update).toBe(false);
    const stored = await t.store.run(run.id);
    expect(stored?.status).toBe('finished');
    expect(stored?.steps.find((s) => s.id === 'document-decisions')?.how).toBe('hand');
  });

  it('keeps a hand tick made while an evidence update is in flight, and writes the other runs', async () => {
    const review = await start('periodic-review');
    let release: (at: string) => void = () => undefined;
    let reached: () => void = () => undefined;
    const atRead = new Promise<void>((resolve) => (reached = resolve));
    vi.spyOn(t.store, 'lastDecisionAt').mockImplementation(
      () =>
        new Promise<string>((resolve) => {
          release = resolve;
          reached();
        }),
    );
    const update = updateRunsFromEvidence(t.hub, B, new Date('2026-11-28T10:10:00Z'));
    await atRead;
    expect(await tick(review.id, 'export-report')).toMatchObject({ ok: true });
    release('2026-11-28T10:08:00Z');
    expect(await update).toBe(false);
    const stored = await t.store.run(review.id);
    // The hand tick stays; the evidence tick of the changed run is skipped (the next update makes it).
    expect(stored?.steps.find((s) => s.id === 'export-report')).toMatchObject({ done: true, how: 'hand' });
    expect(stored?.steps.find((s) => s.id === 'document-decisions')?.done).toBe(false);
    vi.mocked(t.store.lastDecisionAt).mockResolvedValue('2026-11-28T10:08:00Z');
    expect(await updateRunsFromEvidence(t.hub, B, new Date('2026-11-28T10:11:00Z'))).toBe(true);
    expect((await t.store.run(review.id))?.steps.find((s) => s.id === 'document-decisions')?.done).toBe(true);
  });

  it('records an offboarding’s revocations once when Finish is asked twice with two keys', async () => {
    await runLedgerCommand(
      t.store,
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
    const run = await start('offboard-partner', '3228568050780002');
    for (const step of templates['offboard-partner'].steps) await tick(run.id, step.id);
    const finish = (key: string) =>
      runChecklistCommand(
        t.hub,
        { type: 'finish', runId: run.id, rationale: 'Contract ended' },
        { ...contextAt('2026-11-28T11:00:00Z'), commandKey: key },
      );
    const [first, second] = await Promise.all([finish('click-1'), finish('click-2')]);
    expect(first).toMatchObject({ ok: true, run: { status: 'finished' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'run-already-finished' } });
    expect(refusal(second)).toBeDefined();
    const decisions = await t.store.decisionsAbout(B, 'partner:3228568050780002');
    expect(decisions.map((d) => d.action)).toEqual(['grant', 'revoke', 'note']);
  });

  it('refuses a discard asked together with a finish that came first', async () => {
    const run = await start('periodic-review');
    for (const step of run.steps) await tick(run.id, step.id);
    const [finished, discarded] = await Promise.all([
      runChecklistCommand(t.hub, { type: 'finish', runId: run.id }, contextAt('2026-11-28T11:00:00Z')),
      runChecklistCommand(t.hub, { type: 'discard', runId: run.id }, contextAt('2026-11-28T11:00:00Z')),
    ]);
    expect(finished).toMatchObject({ ok: true });
    expect(discarded).toMatchObject({ ok: false, error: { code: 'run-is-record' } });
    expect((await t.store.run(run.id))?.status).toBe('finished');
  });
});

/** An idempotency key answers only the request it was carried out for (issue 11, item 5 review). */
describe('idempotency keys tied to their request', () => {
  let t: TestHub;
  beforeEach(() => {
    t = freshTestHub('2026-11-28T10:00:00Z', 'en');
  });
  afterEach(() => t.close());

  it('refuses a key replayed under another message name', async () => {
    const commandKey = crypto.randomUUID();
    expect(await t.ask('snooze', { group: `review:${B}`, days: 1, commandKey })).toEqual({
      ok: true,
      value: {},
    });
    const reused = await t.ask('checklistCommand', {
      type: 'start',
      businessId: B,
      templateId: 'periodic-review',
      commandKey,
    });
    expect(reused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await t.store.runs({ businessId: B })).toEqual([]);
  });

  it('refuses a key replayed with another request, and replays the same request', async () => {
    const commandKey = crypto.randomUUID();
    const start = { type: 'start', businessId: B, templateId: 'periodic-review', commandKey } as const;
    const started = await t.ask('checklistCommand', start);
    if (!started.ok || !started.value.run) throw new Error('not started');
    const runId = started.value.run.id;
    const tick = { type: 'tick', runId, stepId: 'export-report', done: true, commandKey };
    expect(await t.ask('checklistCommand', tick)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect((await t.store.run(runId))?.steps.find((s) => s.id === 'export-report')?.done).toBe(false);
    // The same request again is a retry: the first answer.
    expect(await t.ask('checklistCommand', start)).toEqual(started);
    // A ledger command's key too: another subject under the same key is refused.
    const ledgerKey = crypto.randomUUID();
    const document = (subject: string) => ({
      type: 'document',
      businessId: B,
      subject,
      assets: [],
      case: 'Campaign',
      startsAt: '2026-11-28',
      endsAt: '2026-12-31',
      commandKey: ledgerKey,
    });
    expect(await t.ask('ledgerCommand', document('partner:3228568050780002'))).toMatchObject({ ok: true });
    expect(await t.ask('ledgerCommand', document('partner:3228568050780003'))).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
