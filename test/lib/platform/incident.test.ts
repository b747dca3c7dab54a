import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ChecklistRun } from '@/lib/domain/checklists/runs';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { me, partner, person } from '../domain/rules/helpers';
import { B, listSnapshot, panelOn, refusal, testHub, type TestHub } from './test-hub';

/**
 * Incident response (issue 13, item 4) in the background: started from an alert with nothing but the
 * business, it names the principals of the open changes, frozen; the page ticks it; a note documents it.
 */
describe('the incident response checklist in the background', () => {
  let t: TestHub;
  let now = new Date('2026-11-01T10:00:00Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };
  /** The tab shows this page and the background records it (baseline, changes, checklist evidence). */
  const visit = async (snapshot: PageSnapshot) => {
    await t.ask('reportSnapshot', { snapshot });
    await t.hub.recording.flush();
  };
  const mallory = person('Mallory', 'mallory@evil.example', { portfolioAccess: 'full-control' });
  const shady = partner('Shady Ads Ltd', '3228568050780099');
  const lisa = person('Lisa Kant', 'lisa@sjobod.se', { portfolioAccess: 'basic' });
  const start = { type: 'start', businessId: B, templateId: 'incident-response' } as const;
  const started = async (): Promise<ChecklistRun> => {
    const reply = await t.ask('checklistCommand', start);
    if (!reply.ok || !reply.value.run) throw new Error(`not started: ${refusal(reply)}`);
    return reply.value.run;
  };
  const ticks = async (id: string) =>
    Object.fromEntries(
      ((await t.store.run(id))?.steps ?? []).filter((s) => s.done).map((s) => [s.id, s.how]),
    );

  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    at('2026-11-01T10:00:00Z');
    t = testHub({ now: () => now });
  });
  afterEach(() => t.close());

  /** First visit: Anna and Lisa, no partner. Between visits, Mallory (full control) and a partner got in. */
  const hijacked = async () => {
    await visit(listSnapshot('people', [me, lisa]));
    await visit(listSnapshot('partners', []));
    at('2026-11-20T10:00:00Z');
    await visit(listSnapshot('people', [me, lisa, mallory]));
    await visit(listSnapshot('partners', [shady]));
    expect([...(await t.store.openChanges(B)).keys()]).toEqual([
      'person:mallory@evil.example',
      'partner:3228568050780099',
    ]);
  };

  it('freezes the principals of the open changes as the run’s related subjects, with their names', async () => {
    await hijacked();
    at('2026-11-20T10:05:00Z');
    const run = await started();
    expect(run).toMatchObject({
      templateId: 'incident-response',
      subject: `business:${B}`,
      related: ['person:mallory@evil.example', 'partner:3228568050780099'],
      names: {
        'person:mallory@evil.example': 'Mallory',
        'partner:3228568050780099': 'Shady Ads Ltd',
        'person:anna@sjobod.se': 'Anna Berg',
      },
      // Who holds full control besides the unknown ones: to secure by hand.
      holders: ['person:anna@sjobod.se'],
      status: 'open',
    });
    // What Scopekeeper already knows ticks at once: who the unknown ones are.
    expect(await ticks(run.id)).toEqual({ 'identify-unknown-access': 'evidence' });
  });

  it('takes in what a later read finds unrecorded while the run is open, until the business is verified clean', async () => {
    await visit(listSnapshot('people', [me, lisa]));
    await visit(listSnapshot('partners', []));
    at('2026-11-20T10:00:00Z');
    await visit(listSnapshot('people', [me, lisa, mallory]));
    // Started from the People alert: Partners, where the intruder's partner is, not read yet.
    const run = await started();
    expect(run.related).toEqual(['person:mallory@evil.example']);
    at('2026-11-20T10:10:00Z');
    await visit(listSnapshot('partners', [shady]));
    expect(await t.store.run(run.id)).toMatchObject({
      related: ['person:mallory@evil.example', 'partner:3228568050780099'],
      names: { 'partner:3228568050780099': 'Shady Ads Ltd' },
    });
    // Both removed: verified clean; someone new after that is a new incident, not this one's.
    at('2026-11-20T10:20:00Z');
    await visit(listSnapshot('partners', []));
    await visit(listSnapshot('system-users', []));
    await visit(listSnapshot('people', [me, lisa]));
    expect(await ticks(run.id)).toMatchObject({ 'verify-clean': 'evidence' });
    await visit(listSnapshot('people', [me, lisa, person('Eve', 'eve@evil.example')]));
    expect((await t.store.run(run.id))!.related).toEqual([
      'person:mallory@evil.example',
      'partner:3228568050780099',
    ]);
  });

  it('keeps one open incident response per business: a second start gives the open one back', async () => {
    await hijacked();
    const first = await started();
    at('2026-11-20T11:00:00Z');
    const second = await started();
    expect(second.id).toBe(first.id);
    const open = (await t.store.runs({ businessId: B })).filter(
      (r) => r.templateId === 'incident-response' && r.status === 'open',
    );
    expect(open).toHaveLength(1);
  });

  it('starts with nothing unrecorded (an incident the admin suspects), naming no one', async () => {
    await visit(listSnapshot('people', [me, lisa]));
    const run = await started();
    expect(run.related).toEqual([]);
    expect(run.holders).toEqual(['person:anna@sjobod.se']);
    expect(await ticks(run.id)).toEqual({});
  });

  it('ticks as the unknown ones are removed, documents by a note, finishes, and shows on the panel', async () => {
    await hijacked();
    at('2026-11-20T10:05:00Z');
    const run = await started();
    const panel = panelOn(t, 1);

    // A People list narrowed to some rows proves nothing.
    at('2026-11-20T10:10:00Z');
    await visit({ ...listSnapshot('people', [me]), readStatus: 'partial' });
    expect(await ticks(run.id)).toEqual({ 'identify-unknown-access': 'evidence' });

    // Mallory removed: People read in full shows her no more; the partner is still there.
    at('2026-11-20T10:20:00Z');
    await visit(listSnapshot('people', [me, lisa]));
    expect(await ticks(run.id)).toEqual({
      'identify-unknown-access': 'evidence',
      'remove-unknown-people': 'evidence',
    });
    // The alert is gone (the change is no longer in effect), the run still knows whom it is about.
    expect([...(await t.store.openChanges(B)).keys()]).toEqual(['partner:3228568050780099']);

    at('2026-11-20T10:30:00Z');
    await visit(listSnapshot('partners', []));
    expect(await ticks(run.id)).toEqual({
      'identify-unknown-access': 'evidence',
      'remove-unknown-people': 'evidence',
      'remove-unknown-partners': 'evidence',
    });
    // Clean only once System users was read again too: an intruder's token could be there.
    await visit(listSnapshot('system-users', []));
    expect(await ticks(run.id)).toMatchObject({
      'remove-unknown-partners': 'evidence',
      'verify-clean': 'evidence',
    });
    expect((await t.store.run(run.id))?.related).toEqual([
      'person:mallory@evil.example',
      'partner:3228568050780099',
    ]);

    // What happened, recorded as a note about the business: a decision in the ledger, and the step ticks.
    const text = 'Mallory and Shady Ads got in on 19 Nov; removed, passwords changed.';
    expect(refusal(await t.ask('checklistCommand', { type: 'note', runId: run.id, rationale: '  ' }))).toBe(
      'The request was refused: the field “Rationale” is missing or not valid.',
    );
    at('2026-11-20T10:40:00Z');
    expect((await t.ask('checklistCommand', { type: 'note', runId: run.id, rationale: text })).ok).toBe(true);
    const notes = (await t.store.decisionsAbout(B, `business:${B}`)).filter((d) => d.action === 'note');
    expect(notes).toEqual([
      expect.objectContaining({
        rationale: text,
        at: '2026-11-20T10:40:00.000Z',
        after: expect.objectContaining({ checklist: 'incident-response', runId: run.id }),
      }),
    ]);
    expect((await ticks(run.id))['document-incident']).toBe('evidence');

    // Finishing needs every step: the system users (no unknown one to prove gone) and the two by hand.
    expect(refusal(await t.ask('checklistCommand', { type: 'finish', runId: run.id }))).toBe(
      'Steps still open: review-system-users, secure-admin-accounts, check-payment-and-ads.',
    );
    for (const stepId of ['review-system-users', 'secure-admin-accounts', 'check-payment-and-ads'])
      expect((await t.ask('checklistCommand', { type: 'tick', runId: run.id, stepId, done: true })).ok).toBe(
        true,
      );
    expect((await t.ask('checklistCommand', { type: 'finish', runId: run.id })).ok).toBe(true);
    expect((await t.store.run(run.id))?.status).toBe('finished');

    // The panel of the business's tab lists the run, as it lists every checklist.
    await t.hub.publisher.settled();
    expect(panel.at(-1)?.runs.find((r) => r.id === run.id)).toMatchObject({ status: 'finished' });
    // A note on a finished run is refused.
    expect(
      refusal(await t.ask('checklistCommand', { type: 'note', runId: run.id, rationale: 'later' })),
    ).toBeTruthy();
  });

  it('does not tick from lists read before the start', async () => {
    await hijacked();
    // Both removed and read; then an incident is started that names them (the admin's own suspects).
    at('2026-11-20T10:10:00Z');
    await visit(listSnapshot('people', [me, lisa]));
    await visit(listSnapshot('partners', []));
    at('2026-11-20T10:20:00Z');
    const reply = await t.ask('checklistCommand', {
      ...start,
      related: ['person:mallory@evil.example', 'partner:3228568050780099'],
    });
    if (!reply.ok || !reply.value.run) throw new Error('not started');
    const run = reply.value.run;
    // Nothing is open any more: only the named ones, and the lists read before the start prove nothing.
    expect(run.related).toEqual(['person:mallory@evil.example', 'partner:3228568050780099']);
    expect(await ticks(run.id)).toEqual({ 'identify-unknown-access': 'evidence' });
    // People read again: its step ticks; the whole is verified once Partners is read again too.
    at('2026-11-20T10:30:00Z');
    await visit(listSnapshot('people', [me, lisa]));
    expect(await ticks(run.id)).toEqual({
      'identify-unknown-access': 'evidence',
      'remove-unknown-people': 'evidence',
    });
    await visit(listSnapshot('partners', []));
    await visit(listSnapshot('system-users', []));
    expect(await ticks(run.id)).toMatchObject({ 'verify-clean': 'evidence' });
  });
});
