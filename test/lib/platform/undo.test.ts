import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistRun } from '@/lib/domain/checklists/runs';
import { B, refusal, freshTestHub, type TestHub } from './test-hub';

/** Issue 11, item 2: ticks and snoozes can be undone, and an undo really puts back what was there. */
describe('undo of a tick and of a snooze', () => {
  let t: TestHub;
  beforeEach(() => {
    t = freshTestHub('2026-11-28T10:00:00Z', 'en');
  });
  afterEach(() => t.close());

  const start = async (): Promise<ChecklistRun> => {
    const reply = await t.ask('checklistCommand', {
      type: 'start',
      businessId: B,
      templateId: 'onboard-person',
      who: 'lena@studio.example',
      case: 'Menu photos',
    });
    if (!reply.ok || !reply.value.run) throw new Error('not started');
    return reply.value.run;
  };
  const stepOf = async (runId: string, stepId: string) =>
    (await t.store.run(runId))?.steps.find((s) => s.id === stepId);

  it('puts a hand tick back as it was, including a step that was ticked by evidence and unticked', async () => {
    const run = await start();
    expect(await stepOf(run.id, 'least-role')).toEqual({ id: 'least-role', done: false });
    await t.ask('checklistCommand', { type: 'tick', runId: run.id, stepId: 'least-role', done: true });
    expect(await stepOf(run.id, 'least-role')).toMatchObject({ done: true, how: 'hand' });
    const undo = await t.ask('checklistCommand', { type: 'undo-tick', runId: run.id, stepId: 'least-role' });
    expect(undo).toMatchObject({ ok: true });
    expect(await stepOf(run.id, 'least-role')).toEqual({ id: 'least-role', done: false });
    // Undone once: a second undo has nothing to put back.
    expect(
      refusal(await t.ask('checklistCommand', { type: 'undo-tick', runId: run.id, stepId: 'least-role' })),
    ).toMatch(/can no longer be undone/);

    // The case step ticked itself when the run started (evidence); unticked by hand, undo brings the
    // evidence tick back with its time and what was seen, not a hand tick.
    const evidenceTick = await stepOf(run.id, 'define-case');
    expect(evidenceTick).toMatchObject({ done: true, how: 'evidence' });
    await t.ask('checklistCommand', { type: 'tick', runId: run.id, stepId: 'define-case', done: false });
    expect(await stepOf(run.id, 'define-case')).toEqual({ id: 'define-case', done: false });
    await t.ask('checklistCommand', { type: 'undo-tick', runId: run.id, stepId: 'define-case' });
    expect(await stepOf(run.id, 'define-case')).toEqual(evidenceTick);
  });

  it('does not undo over a later change of the step', async () => {
    const run = await start();
    await t.ask('checklistCommand', { type: 'tick', runId: run.id, stepId: 'least-role', done: true });
    await t.ask('checklistCommand', { type: 'tick', runId: run.id, stepId: 'set-end-date', done: true });
    // Another change of the same step since (a second tick of it from the popup): that one is undone.
    await t.ask('checklistCommand', { type: 'tick', runId: run.id, stepId: 'least-role', done: false });
    await t.ask('checklistCommand', { type: 'undo-tick', runId: run.id, stepId: 'least-role' });
    expect(await stepOf(run.id, 'least-role')).toMatchObject({ done: true, how: 'hand' });
    expect(await stepOf(run.id, 'set-end-date')).toMatchObject({ done: true, how: 'hand' });
  });

  it('takes a snooze back: the earlier snooze returns when it ended sooner, or none', async () => {
    const group = 'review:1203456789012345';
    await t.ask('snooze', { group, days: 1 });
    expect((await t.store.reminderState()).snoozes[group]).toBe('2026-11-29T10:00:00.000Z');
    await t.ask('snooze', { group, days: 7 });
    expect((await t.store.reminderState()).snoozes[group]).toBe('2026-12-05T10:00:00.000Z');
    expect(await t.ask('unsnooze', { group })).toEqual({ ok: true, value: {} });
    expect((await t.store.reminderState()).snoozes[group]).toBe('2026-11-29T10:00:00.000Z');
    // With nothing this worker replaced, an undo removes the snooze: the reminder only comes sooner.
    await t.ask('unsnooze', { group });
    expect((await t.store.reminderState()).snoozes[group]).toBeUndefined();
  });
});
