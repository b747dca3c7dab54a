import { z } from 'zod';

/**
 * The one kind of error Scopekeeper's parts send each other: a code with the facts its sentence needs.
 * Words are chosen only where the problem is shown, in the admin's language (lib/domain/i18n); no code
 * matches sentences. Every code has a sentence in every UI language (a test holds it).
 */
export const problemCodes = [
  // Any message
  'invalid-request',
  'sender-not-allowed',
  'unknown-message',
  'internal',
  // Snapshots
  'snapshot-no-tab',
  'snapshot-other-origin',
  'snapshot-not-business',
  // Ledger commands
  'grant-missing',
  'end-date-required',
  'end-before-start',
  'end-beyond-max',
  'extend-not-later',
  'extend-beyond-max',
  'review-date-past',
  // Checklists
  'who-email',
  'who-business-id',
  'run-missing',
  'run-closed',
  'run-already-finished',
  'run-is-record',
  'steps-open',
  // Import
  'import-too-large',
  'import-not-json',
  'import-not-export',
  'import-version',
  'import-invalid-record',
  'import-invalid-file',
  'import-repeated-id',
  'import-chains-interleaved',
  'import-chain-broken',
  'import-chain-head-wrong',
  'import-chain-head-missing',
  'import-chain-conflict',
  'import-chain-gap',
  'import-decision-elsewhere',
  // Issue 11: imports change only what the admin saw; authorship
  'review-beyond-max',
  'import-time-future',
  'import-date-far',
  'import-review-beyond-max',
  'import-signature-missing',
  'import-own-chain-forged',
  'import-signature-bad',
  'import-chain-head-signature',
  // The panel (issue 11, item 2)
  'panel-not-ours',
  'undo-unavailable',
  // Issue 13: baselines and the change log in the export file
  'import-invalid-watch',
  'import-watch-too-large',
  'import-watch-signature',
  // Issue 14: access review campaigns
  'review-missing',
  'review-open-exists',
  'review-finished',
  'review-unknown-item',
  'review-rationale-required',
  'review-reduce-empty',
  'review-undecided-items',
  'review-changed',
  // Issue 12, item 5: an import names its preview's file, which the background keeps for a while
  'import-preview-gone',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

/**
 * The codes the background can answer a content script's report of its page with (`reportSnapshot`,
 * `reportDelta`: the router's refusals, the snapshot handler's checks). The content script carries the
 * sentences of these only (lib/domain/i18n/on-page.ts); any other code reads as `internal` on the page.
 */
export type ReportProblemCode = Extract<
  ProblemCode,
  | 'invalid-request'
  | 'sender-not-allowed'
  | 'unknown-message'
  | 'internal'
  | 'snapshot-no-tab'
  | 'snapshot-other-origin'
  | 'snapshot-not-business'
>;

const factValue = z.union([z.string().max(2000), z.number()]);
export const problemSchema = z.object({
  code: z.enum(problemCodes),
  facts: z.record(z.string().max(64), factValue).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
export type ProblemFacts = Record<string, string | number>;

export function problem(code: ProblemCode, facts?: ProblemFacts): Problem {
  return facts ? { code, facts } : { code };
}

/** A result that either carries what was asked for, or one problem. */
export type Outcome<T extends object = object> = ({ ok: true } & T) | { ok: false; error: Problem };

export const fail = (code: ProblemCode, facts?: ProblemFacts): { ok: false; error: Problem } => ({
  ok: false,
  error: problem(code, facts),
});

/** The first zod issue of a refused request, as facts (the field's path and zod's issue code). */
export function invalidRequest(error: { issues: readonly { path: PropertyKey[]; code: string }[] }): Problem {
  const issue = error.issues[0];
  return problem('invalid-request', {
    field: issue?.path.map(String).join('.') || '-',
    issue: issue?.code ?? 'invalid',
  });
}
