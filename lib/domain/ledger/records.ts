import { z } from 'zod';
import { checklistRunSchema } from '../checklists/runs';
import { assetAccessSchema, assetTypeSchema, taskKeySchema } from '../snapshot-schema';
import { realDateSchema, realDateTimeSchema } from './dates';

/** The ledger's records (DESIGN.md "The ledger"); these shapes are also the interchange format. */

const isoDateTime = realDateTimeSchema;
const id = z.string().min(1).max(100);
const subject = z.string().min(1).max(600);
const businessId = z.string().regex(/^\d{1,20}$/);
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lower-case hex');

export const grantAssetSchema = z.object({
  type: assetTypeSchema,
  id: z.string().min(1).max(64).optional(),
  name: z.string().min(1).max(500),
  access: assetAccessSchema,
  tasks: z.array(taskKeySchema).max(20),
});

export const grantRecordSchema = z
  .object({
    id,
    businessId,
    subject,
    assets: z.array(grantAssetSchema).max(1000),
    case: z.string().min(1).max(2000),
    ticket: z.string().max(200).optional(),
    approver: z.string().max(200).optional(),
    startsAt: realDateSchema,
    endsAt: realDateSchema.optional(),
    notes: z.string().max(10_000).optional(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .strict()
  .refine((g) => !g.endsAt || g.endsAt >= g.startsAt, {
    message: 'the end date is before the start date',
    path: ['endsAt'],
  });
export type GrantRecord = z.infer<typeof grantRecordSchema>;

export const decisionActions = [
  'grant',
  'extend',
  'reduce',
  'revoke',
  'keep',
  'accept-finding',
  'note',
] as const;

/**
 * How big a free-form `before` / `after` may be (actions Scopekeeper does not give a shape yet): nested at
 * most 8 levels, at most 2,000 values, strings at most 10,000 characters. Walked without recursion, so a
 * 10,000-level file is refused, not a stack overflow.
 */
export const PAYLOAD_LIMITS = { depth: 8, values: 2000, string: 10_000 } as const;

export function withinPayloadLimits(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let values = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (++values > PAYLOAD_LIMITS.values || depth > PAYLOAD_LIMITS.depth) return false;
    if (typeof item === 'string') {
      if (item.length > PAYLOAD_LIMITS.string) return false;
    } else if (typeof item === 'object' && item !== null) {
      const children = Array.isArray(item) ? item : Object.entries(item).flat();
      for (const child of children) stack.push([child, depth + 1]);
    } else if (item !== null && typeof item !== 'number' && typeof item !== 'boolean') return false;
  }
  return true;
}

const boundedJson = z.unknown().refine(withinPayloadLimits, 'nested too deep or too large');
const endsAtValue = z.union([realDateSchema, z.null()]);
const endDate = z.object({ endsAt: endsAtValue }).strict();
/** Nothing to say: absent, or `null` as the README's example of the format once showed. */
const nothing = z.null();

/**
 * What a decision of an access review (issue 14) holds as its `after`: the campaign and the item, the
 * access it is about, and for a reduce what goes. `keep`, `reduce` and `revoke` carry it; a campaign's
 * sign-off is a `note` carrying `review` (its counts).
 */
export const reviewDecisionAfterSchema = z
  .object({
    campaign: id,
    item: z.string().min(1).max(1400),
    /** The asset of an asset item; none for a principal's membership of the business. */
    asset: z
      .object({ type: assetTypeSchema, id: z.string().min(1).max(64).optional(), name: z.string().max(500) })
      .strict()
      .optional(),
    tasks: z.array(taskKeySchema).max(20).optional(),
    assets: z.array(z.string().max(700)).max(1000).optional(),
    lowerTo: z.string().max(32).optional(),
  })
  .strict();
export type ReviewDecisionAfter = z.infer<typeof reviewDecisionAfterSchema>;

const count = z.number().int().min(0).max(10_000_000);
export const reviewSignOffSchema = z
  .object({
    review: z
      .object({
        campaign: id,
        role: z.string().min(1).max(200),
        startedAt: isoDateTime,
        principals: count,
        items: count,
        keep: count,
        reduce: count,
        revoke: count,
        unverified: count,
        requirements: count,
        requirementsMet: count,
      })
      .strict(),
  })
  .strict();

/** Whether a revocation is a review's of one asset only (it ends no grant, so it stops no reminder). */
export const isAssetReviewRevoke = (decision: Pick<Decision, 'action' | 'after'>): boolean =>
  decision.action === 'revoke' &&
  typeof decision.after === 'object' &&
  decision.after !== null &&
  'campaign' in decision.after &&
  'asset' in decision.after;

/**
 * What each action's `before` / `after` holds, exactly as Scopekeeper writes them (lib/platform/ledger.ts,
 * lib/platform/checklists.ts); every shape Scopekeeper has written since the first ledger passes, so old
 * files (whose hashes cover these values) still import. `keep` and `reduce` stay bounded JSON (a review writes `reviewDecisionAfterSchema` in them; files from before reviews may hold others).
 */
export const decisionPayloads = {
  grant: {
    before: nothing,
    after: z
      .object({
        assets: z.array(grantAssetSchema).max(1000).optional(),
        startsAt: realDateSchema.optional(),
        endsAt: endsAtValue,
      })
      .strict(),
  },
  extend: { before: endDate, after: z.object({ endsAt: realDateSchema }).strict() },
  revoke: {
    before: endDate,
    after: z.union([z.object({ endsAt: realDateSchema }).strict(), reviewDecisionAfterSchema]),
  },
  'accept-finding': {
    before: nothing,
    after: z
      .object({
        ruleId: z.string().min(1).max(64),
        reviewAt: realDateSchema,
        assetName: z.string().max(500).optional(),
      })
      .strict(),
  },
  note: {
    before: nothing,
    after: z.union([
      reviewSignOffSchema,
      z
        .object({
          checklist: z.string().min(1).max(64),
          runId: id,
          steps: z
            .array(
              z
                .object({
                  id: z.string().min(1).max(64),
                  how: z.union([z.string().max(32), z.null()]),
                  at: z.union([isoDateTime, z.null()]),
                })
                .strict(),
            )
            .max(100),
        })
        .strict(),
    ]),
  },
  keep: { before: boundedJson, after: boundedJson },
  reduce: { before: boundedJson, after: boundedJson },
} satisfies Record<(typeof decisionActions)[number], { before: z.ZodTypeAny; after: z.ZodTypeAny }>;

/** A signature: ECDSA P-256 over the decision's hash, IEEE P1363 (r ‖ s), lower-case hex. */
export const signatureSchema = z.string().regex(/^[0-9a-f]{128}$/, 'an ECDSA P-256 signature in hex');

export const decisionSchema = z
  .object({
    id,
    ledgerId: z.string().uuid(),
    at: isoDateTime,
    businessId,
    subject,
    action: z.enum(decisionActions),
    rationale: z.string().max(10_000),
    decidedBy: z.string().min(1).max(200),
    grantId: id.optional(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    prevHash: hash,
    hash,
    /** Outside the hashed body (chain.ts): decisions from before signing have none, and keep their hash. */
    sig: signatureSchema.optional(),
  })
  .strict()
  .superRefine((decision, ctx) => {
    const shapes = decisionPayloads[decision.action];
    for (const side of ['before', 'after'] as const) {
      if (decision[side] === undefined) continue;
      const parsed = shapes[side].safeParse(decision[side]);
      if (!parsed.success)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [side, ...(parsed.error.issues[0]?.path ?? [])],
          message: `not the shape of a ${decision.action} decision's ${side}`,
        });
    }
  });
export type Decision = z.infer<typeof decisionSchema>;
export type DecisionBody = Omit<Decision, 'hash' | 'sig'>;

/** A public ECDSA P-256 key as JWK (only the fields that define it). */
export const publicKeySchema = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strip();
export type PublicKey = z.infer<typeof publicKeySchema>;

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The ledger's part of the interchange file. The whole file, with each business's baseline and the change
 * log after it, is `interchangeFileSchema` (export-file.ts: those schemas import these records' types).
 */
export const exportFileSchema = z
  .object({
    format: z.literal('scopekeeper-ledger'),
    version: z.literal(1),
    ledgerId: z.string().uuid(),
    exportedAt: isoDateTime,
    grants: z.array(grantRecordSchema),
    decisions: z.array(decisionSchema),
    chainHead: z.union([hash, z.null()]),
    /** This installation's public signing key (JWK, ECDSA P-256); files from before signing have none. */
    publicKey: publicKeySchema.optional(),
    /** The signature of `chainSigningText(ledgerId, chainHead)` by that key. */
    chainHeadSignature: signatureSchema.optional(),
    /** The keys first seen for the other ledgers in this file (pinned by the exporting installation). */
    ledgerKeys: z.record(z.string().uuid(), publicKeySchema).optional(),
    /** Checklist runs, open and finished (files from before checklists have none). */
    checklistRuns: z.array(checklistRunSchema).max(100_000).default([]),
  })
  .strict();
export type ExportFile = z.infer<typeof exportFileSchema>;
