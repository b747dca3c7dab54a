import type { BusinessView } from '../domain/business-view';
import {
  applyEvidence,
  suggestRelated,
  type BusinessEvidence,
  type ListRead,
} from '../domain/checklists/evidence';
import {
  checklistCommandSchema,
  createRun,
  openSteps,
  parseWho,
  tickByHand,
  type ChecklistRun,
} from '../domain/checklists/runs';
import { templates } from '../domain/checklists/templates';
import { getSubjectKey } from '../domain/snapshot';
import { ledgerStore, runLedgerCommand, type CommandContext } from './ledger-handlers';
import { noteReviewDone, refreshReminders } from './reminders';

export type ChecklistResult = { ok: true; run?: ChecklistRun } | { ok: false; error: string };

/** What the page reads and the ledger hold about one business, as the evidence checks need them. */
async function evidenceFor(
  businessId: string,
  view: BusinessView | undefined,
  now: Date,
  needsDecisions: boolean,
): Promise<BusinessEvidence> {
  const store = ledgerStore();
  const rows = await store.db.snapshots.where('businessId').equals(businessId).toArray();
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
  const lastExportAt = (await store.db.meta.get('lastExportAt'))?.value;
  let lastDecisionAt: string | undefined;
  if (needsDecisions) {
    // Only a periodic review asks; its business's decisions are read through the business index.
    await store.db.decisions
      .where('businessId')
      .equals(businessId)
      .each((d) => {
        if (!lastDecisionAt || d.at > lastDecisionAt) lastDecisionAt = d.at;
      });
  }
  return {
    now,
    lists,
    ...(assetPage ? { assetPage } : {}),
    known: view?.principals ?? [],
    grants: await store.grants({ businessId }),
    ...(typeof lastExportAt === 'string' ? { lastExportAt } : {}),
    ...(lastDecisionAt ? { lastDecisionAt } : {}),
  };
}

/**
 * Checks the open runs of a business against what is now known (after a snapshot or a ledger change) and
 * stores the steps that ticked themselves. Returns whether anything changed.
 */
export async function updateRunsFromEvidence(
  businessId: string,
  view: BusinessView | undefined,
  now: Date,
): Promise<boolean> {
  const store = ledgerStore();
  const open = (await store.runs({ businessId })).filter((r) => r.status === 'open');
  if (open.length === 0) return false;
  const evidence = await evidenceFor(
    businessId,
    view,
    now,
    open.some((r) => r.templateId === 'periodic-review'),
  );
  const changed = open.map((run) => applyEvidence(run, evidence)).filter((run, i) => run !== open[i]);
  if (changed.length === 0) return false;
  await store.saveRuns(changed);
  // A verified removal schedules its recheck a week later.
  void refreshReminders(now);
  return true;
}

/** Starts, ticks, finishes or discards a run (from the panel or the popup; parsed here all the same). */
export async function runChecklistCommand(
  input: unknown,
  context: CommandContext & { view: (businessId: string) => BusinessView | undefined },
): Promise<ChecklistResult> {
  const parsed = checklistCommandSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: issue ? `${issue.path.join('.') || 'command'}: ${issue.message}` : 'Invalid.',
    };
  }
  const command = parsed.data;
  const store = ledgerStore();
  const now = context.now;
  switch (command.type) {
    case 'start': {
      const who = parseWho(command.templateId, command.businessId, command.who);
      if (!who.ok) return who;
      const existing = (await store.runs({ businessId: command.businessId, subject: who.subject })).find(
        (r) => r.templateId === command.templateId && r.status === 'open',
      );
      if (existing) return { ok: true, run: existing };
      const view = context.view(command.businessId);
      const principal = view?.principals.find((p) => getSubjectKey(p) === who.subject);
      let related = command.related ?? [];
      if (!command.related && command.templateId === 'offboard-partner' && principal) {
        // The partner's people, from this session's view and the last People list read (any session).
        const people = await store.db.snapshots.get([command.businessId, 'people']);
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
        now,
      });
      await store.saveRuns([run]);
      // What the page already shows counts at once (an invitation sent before the checklist started).
      await updateRunsFromEvidence(command.businessId, view, now);
      return { ok: true, run: (await store.run(run.id)) ?? run };
    }
    case 'tick': {
      const run = await store.run(command.runId);
      if (!run) return { ok: false, error: 'That checklist no longer exists.' };
      const next = tickByHand(run, command.stepId, command.done, now);
      if (!next) return { ok: false, error: 'That step cannot change (the checklist is finished).' };
      await store.saveRuns([next]);
      void refreshReminders(now);
      return { ok: true, run: next };
    }
    case 'finish': {
      const run = await store.run(command.runId);
      if (!run) return { ok: false, error: 'That checklist no longer exists.' };
      if (run.status !== 'open') return { ok: false, error: 'That checklist is already finished.' };
      const left = openSteps(run);
      if (left.length > 0) return { ok: false, error: `Steps still open: ${left.join(', ')}.` };
      const template = templates[run.templateId];
      const rationale = command.rationale || `${template.title.en} finished.`;
      if (run.templateId === 'offboard-partner') {
        // Offboarding ends the records of the partner and its people: recorded as revocations.
        for (const subject of [run.subject, ...run.related]) {
          const result = await runLedgerCommand(
            { type: 'revoke', businessId: run.businessId, subject, rationale },
            context,
          );
          if (!result.ok) return result;
        }
      }
      await store.appendDecision({
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
      });
      const finished: ChecklistRun = { ...run, status: 'finished', finishedAt: now.toISOString() };
      await store.saveRuns([finished]);
      if (run.templateId === 'periodic-review') await noteReviewDone(run.businessId, now);
      void refreshReminders(now);
      return { ok: true, run: finished };
    }
    case 'discard': {
      const run = await store.run(command.runId);
      if (!run) return { ok: false, error: 'That checklist no longer exists.' };
      if (run.status !== 'open') return { ok: false, error: 'A finished checklist is part of the record.' };
      await store.deleteRun(run.id);
      void refreshReminders(now);
      return { ok: true };
    }
  }
}
