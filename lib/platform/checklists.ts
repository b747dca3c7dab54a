import {
  applyEvidence,
  suggestRelated,
  type BusinessEvidence,
  type ListRead,
} from '../domain/checklists/evidence';
import { z } from 'zod';
import {
  checklistRunSchema,
  createRun,
  openSteps,
  parseWho,
  restoreStep,
  sameStep,
  tickByHand,
  type StepState,
  type ChecklistCommand,
  type ChecklistRun,
} from '../domain/checklists/runs';
import { templates, type TemplateId } from '../domain/checklists/templates';
import { catalogue } from '../domain/i18n';
import { fail, type Outcome, type ProblemCode } from '../domain/problems';
import { getSubjectKey } from '../domain/snapshot';
import type { Hub } from './hub';
import { CommandKeyReused, RunChanged, type Commit } from '../ledger/store';
import { planRevoke, type CommandContext } from './ledger';
import { restartReview } from './reminders';

export type ChecklistResult = Outcome<{ run?: ChecklistRun }>;

/** The most related subjects a run holds (checklistRunSchema). */
const MAX_RELATED = 200;

/**
 * Who an incident is about: every principal with an open (unrecorded, still in effect) change in the
 * business, oldest change first; the people who hold full control of the business besides them (to
 * secure by hand); and the names of both, from the baseline or this session's view of the business.
 */
export async function unknownAccess(
  hub: Hub,
  businessId: string,
): Promise<{ related: string[]; holders: string[]; names: Record<string, string> }> {
  const [open, baseline] = await Promise.all([
    hub.store.openChanges(businessId),
    hub.store.baseline(businessId),
  ]);
  const view = hub.cache.view(businessId)?.principals ?? [];
  const related = [...open.keys()].slice(0, MAX_RELATED);
  const unknown = new Set(related);
  const holders = [
    ...new Set([
      ...Object.entries(baseline?.principals ?? {})
        .filter(([, p]) => p.kind === 'person' && p.portfolioAccess === 'full-control')
        .map(([key]) => key),
      ...view.filter((p) => p.kind === 'person' && p.portfolioAccess === 'full-control').map(getSubjectKey),
    ]),
  ]
    .filter((key) => !unknown.has(key))
    .slice(0, MAX_RELATED);
  const viewNames = new Map(view.map((p) => [getSubjectKey(p), p.name]));
  const names: Record<string, string> = {};
  for (const key of [...related, ...holders]) {
    const name = baseline?.principals[key]?.name ?? viewNames.get(key);
    if (name) names[key] = name.slice(0, 500);
  }
  return { related, holders, names };
}

/** Whether any of these templates has a step that the business's latest decision proves. */
const needsDecisions = (ids: readonly TemplateId[]) =>
  ids.some((id) => templates[id].steps.some((s) => s.evidence === 'decision-since-start'));

/** Whether any of these templates has a step that a note about the business (a run's record) proves. */
const needsNotes = (ids: readonly TemplateId[]) =>
  ids.some((id) => templates[id].steps.some((s) => s.evidence === 'incident-documented'));

/** The notes recorded about the business itself: when, and the checklist run each names. */
async function notesAbout(hub: Hub, businessId: string): Promise<NonNullable<BusinessEvidence['notes']>> {
  const decisions = await hub.store.decisionsAbout(businessId, `business:${businessId}`);
  return decisions
    .filter((d) => d.action === 'note')
    .map((d) => {
      const runId = (d.after as { runId?: unknown } | undefined)?.runId;
      return { at: d.at, ...(typeof runId === 'string' ? { runId } : {}) };
    });
}

/** What the page reads and the ledger hold about one business, as the evidence checks need them. */
async function evidenceFor(
  hub: Hub,
  businessId: string,
  now: Date,
  withDecisions: boolean,
  withNotes = false,
): Promise<BusinessEvidence> {
  const { store } = hub;
  const rows = await store.latestSnapshots(businessId);
  const read = (kind: string): ListRead | undefined => {
    const row = rows.find((r) => r.kind === kind);
    return row
      ? {
          seenAt: row.seenAt,
          complete: row.snapshot.readStatus === 'ok',
          principals: row.snapshot.principals,
        }
      : undefined;
  };
  const lists: BusinessEvidence['lists'] = {};
  for (const kind of ['people', 'partners', 'system-users'] as const) {
    const list = read(kind);
    if (list) lists[kind] = list;
  }
  const assetPage = read('asset');
  const lastExportAt = await store.getTime('lastExportAt');
  const lastDecisionAt = withDecisions ? await store.lastDecisionAt(businessId) : undefined;
  const notes = withNotes ? await notesAbout(hub, businessId) : undefined;
  return {
    now,
    lists,
    ...(assetPage ? { assetPage } : {}),
    known: hub.cache.view(businessId)?.principals ?? [],
    grants: await store.grants({ businessId }),
    ...(lastExportAt ? { lastExportAt } : {}),
    ...(lastDecisionAt ? { lastDecisionAt } : {}),
    ...(notes ? { notes } : {}),
  };
}

/**
 * Checks the open runs of a business against what is now known (after a snapshot or a ledger change) and
 * stores the steps that ticked themselves. Returns whether anything changed.
 */
export async function updateRunsFromEvidence(hub: Hub, businessId: string, now: Date): Promise<boolean> {
  const open = (await hub.store.runs({ businessId })).filter((r) => r.status === 'open');
  if (open.length === 0) return false;
  const ids = open.map((r) => r.templateId);
  const evidence = await evidenceFor(hub, businessId, now, needsDecisions(ids), needsNotes(ids));
  const unknown = open.some(growsWithAlerts) ? await unknownAccess(hub, businessId) : undefined;
  const runUpdates = open
    .map((before) => ({
      before,
      after: applyEvidence(unknown ? withNewUnknown(before, unknown) : before, evidence),
    }))
    .filter((u) => u.after !== u.before);
  if (runUpdates.length === 0) return false;
  // Only runs unchanged since they were read: a finish, discard or tick meanwhile is not undone.
  const done = await hub.store.commit({ runUpdates });
  if (done.replayed || !done.updatedRuns?.length) return false;
  // A verified removal schedules its recheck (the template's follow-up).
  void hub.reminders.check(now);
  hub.publisher.invalidateBusiness(businessId);
  return true;
}

/** An incident run not yet verified clean: what a later read finds unrecorded joins it. */
const growsWithAlerts = (run: ChecklistRun) =>
  run.templateId === 'incident-response' && !run.steps.some((s) => s.id === 'verify-clean' && s.done);

/**
 * An open incident run with the principals a read found unrecorded since it started (an intruder's partner
 * is only seen once Partners is read): they join its unknown ones, named, until the business is verified
 * clean. The same run (the same object) when there is nobody new.
 */
function withNewUnknown(
  run: ChecklistRun,
  unknown: { related: readonly string[]; names: Readonly<Record<string, string>> },
): ChecklistRun {
  if (!growsWithAlerts(run)) return run;
  const added = unknown.related.filter((key) => !run.related.includes(key));
  if (added.length === 0) return run;
  const related = [...run.related, ...added].slice(0, MAX_RELATED);
  const names = { ...run.names };
  for (const key of added) if (unknown.names[key]) names[key] = unknown.names[key];
  return { ...run, related, names };
}

/**
 * The latest hand tick or untick of each step, per background: what "Undo" puts back. In memory only: after
 * a restart nothing is undone that the admin cannot see being undone (`undo-unavailable`).
 */
const handChanges = new WeakMap<Hub, Map<string, { before: StepState; after: StepState }>>();
const changesOf = (hub: Hub) => {
  let changes = handChanges.get(hub);
  if (!changes) handChanges.set(hub, (changes = new Map()));
  return changes;
};

const checklistReplySchema = z.object({ run: checklistRunSchema.optional() });

/**
 * Writes what a checklist command decided in one transaction, with the command's idempotency key and its
 * answer; a key already carried out writes nothing and gives back the first answer.
 */
async function commitRun(
  hub: Hub,
  context: CommandContext,
  change: Omit<Commit, 'command'>,
  reply: { run?: ChecklistRun },
): Promise<{ replayed: false } | { replayed: true; reply: ChecklistResult }> {
  const done = await hub.store
    .commit({
      ...change,
      ...(context.commandKey
        ? {
            command: {
              key: context.commandKey,
              name: 'checklistCommand',
              at: context.now.toISOString(),
              ...(context.requestHash ? { requestHash: context.requestHash } : {}),
              result: () => reply,
            },
          }
        : {}),
    })
    .catch((error: unknown) => {
      if (error instanceof CommandKeyReused) return undefined;
      throw error;
    });
  // The key was carried out for another request meanwhile: refused, not answered with its answer.
  if (!done)
    return { replayed: true, reply: fail('invalid-request', { field: 'commandKey', issue: 'reused' }) };
  if (!done.replayed) return { replayed: false };
  const stored = checklistReplySchema.safeParse(done.result);
  return {
    replayed: true,
    reply: stored.success
      ? { ok: true, ...stored.data }
      : fail('internal', { message: 'the stored answer of this command cannot be read' }),
  };
}

/**
 * Starts, ticks, finishes or discards a run (from the panel or the popup; parsed by the router). A command
 * whose run changed between its read and its write (Commit.expect) is decided again on the stored run: a
 * finish or discard that came first then refuses it (`run-already-finished`, `run-closed`, `run-missing`).
 */
export async function runChecklistCommand(
  hub: Hub,
  command: ChecklistCommand,
  context: CommandContext,
): Promise<ChecklistResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptCommand(hub, command, context);
    } catch (error) {
      if (!(error instanceof RunChanged) || attempt >= 3) throw error;
    }
  }
}

async function attemptCommand(
  hub: Hub,
  command: ChecklistCommand,
  context: CommandContext,
): Promise<ChecklistResult> {
  const { store } = hub;
  const now = context.now;
  /** The open run a command names, or why it cannot change: it is gone, or finished (`closed`). */
  const openRun = async (runId: string, closed: ProblemCode): Promise<Outcome<{ run: ChecklistRun }>> => {
    const run = await store.run(runId);
    if (!run) return fail('run-missing');
    if (run.status !== 'open') return fail(closed);
    return { ok: true, run };
  };
  switch (command.type) {
    case 'start': {
      const template = templates[command.templateId];
      const who = parseWho(command.templateId, command.businessId, command.who);
      if (!who.ok) return who;
      const existing = (await store.runs({ businessId: command.businessId, subject: who.subject })).find(
        (r) => r.templateId === command.templateId && r.status === 'open',
      );
      if (existing) return { ok: true, run: existing };
      const view = hub.cache.view(command.businessId);
      const principal = view?.principals.find((p) => getSubjectKey(p) === who.subject);
      let related = command.related ?? [];
      let unknown: Pick<ChecklistRun, 'names' | 'holders'> = {};
      if (template.relatesOpenChanges) {
        // Incident response: whoever has an open change now, frozen, so the run still knows them once removed.
        const found = await unknownAccess(hub, command.businessId);
        related = [...new Set([...found.related, ...related])].slice(0, MAX_RELATED);
        unknown = { names: found.names, holders: found.holders };
      } else if (!command.related && template.suggestsRelated && principal) {
        // The subject's people, from this session's view and the last People list read (any session).
        const people = await store.latestSnapshot(command.businessId, 'people');
        related = [
          ...new Set(
            suggestRelated(principal.name, [
              ...(view?.principals ?? []),
              ...(people?.snapshot.principals ?? []),
            ]),
          ),
        ];
      }
      const name = command.subjectName ?? principal?.name;
      const run = createRun({
        id: crypto.randomUUID(),
        businessId: command.businessId,
        templateId: command.templateId,
        subject: who.subject,
        ...(name ? { subjectName: name } : {}),
        ...(command.case ? { case: command.case } : {}),
        related,
        ...unknown,
        now,
      });
      const saved = await commitRun(hub, context, { runs: [run] }, { run });
      if (saved.replayed) return saved.reply;
      // What the page already shows counts at once (an invitation sent before the checklist started).
      await updateRunsFromEvidence(hub, command.businessId, now);
      return { ok: true, run: (await store.run(run.id)) ?? run };
    }
    case 'tick': {
      const run = await store.run(command.runId);
      if (!run) return fail('run-missing');
      const next = tickByHand(run, command.stepId, command.done, now);
      if (!next) return fail('run-closed');
      const saved = await commitRun(hub, context, { runs: [next], expect: [run] }, { run: next });
      if (!saved.replayed) {
        const before = run.steps.find((x) => x.id === command.stepId);
        const after = next.steps.find((x) => x.id === command.stepId);
        if (before && after) changesOf(hub).set(`${run.id}/${command.stepId}`, { before, after });
      }
      void hub.reminders.check(now);
      return saved.replayed ? saved.reply : { ok: true, run: next };
    }
    case 'undo-tick': {
      const found = await openRun(command.runId, 'run-closed');
      if (!found.ok) return found;
      const key = `${command.runId}/${command.stepId}`;
      const change = changesOf(hub).get(key);
      const current = found.run.steps.find((x) => x.id === command.stepId);
      // Only what the tick made, unchanged since (evidence may have ticked it again meanwhile).
      if (!change || !sameStep(current, change.after)) return fail('undo-unavailable');
      const restored = restoreStep(found.run, change.before);
      if (!restored) return fail('run-closed');
      const saved = await commitRun(
        hub,
        context,
        { runs: [restored], expect: [found.run] },
        { run: restored },
      );
      changesOf(hub).delete(key);
      void hub.reminders.check(now);
      return saved.replayed ? saved.reply : { ok: true, run: restored };
    }
    case 'finish': {
      const found = await openRun(command.runId, 'run-already-finished');
      if (!found.ok) return found;
      const { run } = found;
      const left = openSteps(run);
      if (left.length > 0) return fail('steps-open', { steps: left.join(', ') });
      const template = templates[run.templateId];
      // Written in the admin's language: the decision is part of the record they read.
      const locale = hub.locale();
      const rationale =
        command.rationale || catalogue(locale).checklists.finishedRationale(template.title[locale]);
      // Offboarding ends the records of the subject and its people (recorded as revocations); then the
      // note of the finished checklist, and the run itself: one transaction, all or nothing.
      const revocations =
        template.onFinish === 'revoke-subject-and-related'
          ? await Promise.all(
              [run.subject, ...run.related].map((subject) =>
                planRevoke(store, { businessId: run.businessId, subject, rationale }, context),
              ),
            )
          : [];
      const finished: ChecklistRun = { ...run, status: 'finished', finishedAt: now.toISOString() };
      const saved = await commitRun(
        hub,
        context,
        {
          grants: revocations.flatMap((r) => r.grants),
          decisions: [
            ...revocations.flatMap((r) => r.decisions),
            {
              at: now.toISOString(),
              decidedBy: context.decidedBy,
              businessId: run.businessId,
              subject: run.subject,
              action: 'note',
              rationale,
              after: {
                checklist: run.templateId,
                runId: run.id,
                steps: run.steps.map((s) => ({ id: s.id, how: s.how ?? null, at: s.at ?? null })),
              },
            },
          ],
          runs: [finished],
          expect: [run],
          // A finished review restarts the business's review cadence, in the same transaction.
          ...(template.onFinish === 'restart-review-cadence'
            ? { reminders: (state) => restartReview(state, run.businessId, now) }
            : {}),
        },
        { run: finished },
      );
      void hub.reminders.check(now);
      return saved.replayed ? saved.reply : { ok: true, run: finished };
    }
    case 'note': {
      const found = await openRun(command.runId, 'run-closed');
      if (!found.ok) return found;
      const { run } = found;
      const saved = await commitRun(
        hub,
        context,
        {
          decisions: [
            {
              at: now.toISOString(),
              decidedBy: context.decidedBy,
              businessId: run.businessId,
              subject: run.subject,
              action: 'note',
              rationale: command.rationale,
              after: {
                checklist: run.templateId,
                runId: run.id,
                steps: run.steps.map((s) => ({ id: s.id, how: s.how ?? null, at: s.at ?? null })),
              },
            },
          ],
          expect: [run],
        },
        { run },
      );
      if (saved.replayed) return saved.reply;
      // The step that a recorded note proves ticks at once.
      await updateRunsFromEvidence(hub, run.businessId, now);
      return { ok: true, run: (await store.run(run.id)) ?? run };
    }
    case 'discard': {
      const found = await openRun(command.runId, 'run-is-record');
      if (!found.ok) return found;
      const saved = await commitRun(hub, context, { deleteRuns: [found.run.id], expect: [found.run] }, {});
      void hub.reminders.check(now);
      return saved.replayed ? saved.reply : { ok: true };
    }
  }
}
