import { z } from 'zod';
import { fail, type Outcome } from '../problems';
import { stepEvidenceSchema } from './evidence-seen';
import { openSteps } from './open-steps';
import { templates, templateIds, type TemplateId } from './templates';

/**
 * A checklist run: one template followed for one subject of one business, stored in the ledger. Every
 * tick records when and how (evidence read from the page or the ledger, or by hand), so the run itself
 * is a record of how the onboarding or offboarding went.
 */
export const stepStateSchema = z.object({
  id: z.string().min(1).max(64),
  done: z.boolean(),
  at: z.string().datetime().optional(),
  how: z.enum(['evidence', 'hand']).optional(),
  /** What was seen (for evidence ticks): a code with facts, or the English sentence of an older tick. */
  evidence: stepEvidenceSchema.optional(),
});
export type StepState = z.infer<typeof stepStateSchema>;

const subjectKey = z.string().min(1).max(600);

export const checklistRunSchema = z.object({
  id: z.string().min(1).max(100),
  businessId: z.string().regex(/^\d{1,20}$/),
  templateId: z.enum(templateIds),
  /** `person:<email>`, `partner:<Business ID>`, or `business:<id>` for a periodic review. */
  subject: subjectKey,
  subjectName: z.string().max(500).optional(),
  case: z.string().max(2000).optional(),
  /** Offboarding: the partner's people and system users to remove with it (subject keys). */
  related: z.array(subjectKey).max(200).default([]),
  /** Incident response: the names of the related subjects and of the holders, as read at the start. */
  names: z
    .record(subjectKey, z.string().max(500))
    .refine((names) => Object.keys(names).length <= 400, 'at most 400 names')
    .optional(),
  /** Incident response: the people who held full control of the business at the start (subject keys). */
  holders: z.array(subjectKey).max(200).optional(),
  createdAt: z.string().datetime(),
  status: z.enum(['open', 'finished']),
  finishedAt: z.string().datetime().optional(),
  steps: z.array(stepStateSchema).max(50),
});
export type ChecklistRun = z.infer<typeof checklistRunSchema>;

const emailSchema = z.string().trim().toLowerCase().email().max(320);
const partnerIdSchema = z
  .string()
  .trim()
  .regex(/^\d{5,20}$/, 'a partner’s Business ID is 5 to 20 digits');

/** What the panel and the popup may ask for: start, tick, untick, finish, discard (validated on receipt). */
export const checklistCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    businessId: z.string().regex(/^\d{1,20}$/),
    templateId: z.enum(templateIds),
    /** An e-mail address, a partner Business ID, or a subject key read from the page. */
    who: z.string().trim().max(600).optional(),
    subjectName: z.string().max(500).optional(),
    case: z.string().trim().max(2000).optional(),
    related: z.array(subjectKey).max(200).optional(),
  }),
  z.object({
    type: z.literal('tick'),
    runId: z.string().min(1).max(100),
    stepId: z.string().max(64),
    done: z.boolean(),
  }),
  z.object({
    type: z.literal('finish'),
    runId: z.string().min(1).max(100),
    rationale: z.string().trim().max(10_000).optional(),
  }),
  z.object({ type: z.literal('discard'), runId: z.string().min(1).max(100) }),
  /**
   * Records what happened as a ledger decision (a `note` about the run's subject, the text as its
   * rationale), while the run is open: the incident response's `document-incident` step ticks from it.
   */
  z.object({
    type: z.literal('note'),
    runId: z.string().min(1).max(100),
    rationale: z.string().trim().min(1, 'a rationale is required').max(10_000),
  }),
  /** Takes back the latest hand tick or untick of a step (the panel's "Undo"; issue 11, item 2). */
  z.object({ type: z.literal('undo-tick'), runId: z.string().min(1).max(100), stepId: z.string().max(64) }),
]);
export type ChecklistCommand = z.infer<typeof checklistCommandSchema>;

/**
 * The subject of a new run from what the admin typed or clicked: an e-mail makes a person, digits make a
 * partner, a subject key is taken as it is. A periodic review is about the whole business.
 */
export function parseWho(
  templateId: TemplateId,
  businessId: string,
  who: string | undefined,
): Outcome<{ subject: string }> {
  const kind = templates[templateId].subjectKind;
  if (kind === 'business') return { ok: true, subject: `business:${businessId}` };
  const text = (who ?? '').trim();
  if (kind === 'person') {
    const email = emailSchema.safeParse(text.replace(/^person:/, ''));
    return email.success ? { ok: true, subject: `person:${email.data}` } : fail('who-email');
  }
  const id = partnerIdSchema.safeParse(text.replace(/^partner:/, ''));
  return id.success ? { ok: true, subject: `partner:${id.data}` } : fail('who-business-id');
}

/** A new run: every step open, but the case ticks itself when it was given at the start. */
export function createRun(input: {
  id: string;
  businessId: string;
  templateId: TemplateId;
  subject: string;
  subjectName?: string;
  case?: string;
  related?: string[];
  names?: Record<string, string>;
  holders?: string[];
  now: Date;
}): ChecklistRun {
  return checklistRunSchema.parse({
    id: input.id,
    businessId: input.businessId,
    templateId: input.templateId,
    subject: input.subject,
    ...(input.subjectName ? { subjectName: input.subjectName } : {}),
    ...(input.case ? { case: input.case } : {}),
    related: input.related ?? [],
    ...(input.names ? { names: input.names } : {}),
    ...(input.holders ? { holders: input.holders } : {}),
    createdAt: input.now.toISOString(),
    status: 'open',
    steps: templates[input.templateId].steps.map((s) => ({ id: s.id, done: false })),
  });
}

/** Ticks or unticks one step by hand (recording when); a finished run no longer changes. */
export function tickByHand(
  run: ChecklistRun,
  stepId: string,
  done: boolean,
  now: Date,
): ChecklistRun | undefined {
  if (run.status !== 'open' || !run.steps.some((s) => s.id === stepId)) return undefined;
  return {
    ...run,
    steps: run.steps.map((s) =>
      s.id !== stepId
        ? s
        : done
          ? { id: s.id, done: true, at: now.toISOString(), how: 'hand' }
          : { id: s.id, done: false },
    ),
  };
}

/** A step put back as it was before a hand tick or untick; a finished run no longer changes. */
export function restoreStep(run: ChecklistRun, step: StepState): ChecklistRun | undefined {
  if (run.status !== 'open' || !run.steps.some((s) => s.id === step.id)) return undefined;
  return { ...run, steps: run.steps.map((s) => (s.id === step.id ? step : s)) };
}

/** Whether two states of a step are the same (what was ticked is still what the run holds). */
export function sameStep(a: StepState | undefined, b: StepState | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The steps still open (open-steps.ts, a module without zod for the panel). */
export { openSteps };
