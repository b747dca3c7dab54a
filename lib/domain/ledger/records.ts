import { z } from 'zod';
import { checklistRunSchema } from '../checklists/runs';
import { assetAccessSchema, assetTypeSchema, isoDateSchema, taskKeySchema } from '../snapshot';

/** The ledger's records (DESIGN.md "The ledger"); these shapes are also the interchange format. */

const isoDateTime = z.string().datetime({ offset: true });
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
    startsAt: isoDateSchema,
    endsAt: isoDateSchema.optional(),
    notes: z.string().max(10_000).optional(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .strict();
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
  })
  .strict();
export type Decision = z.infer<typeof decisionSchema>;
export type DecisionBody = Omit<Decision, 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);

export const exportFileSchema = z
  .object({
    format: z.literal('scopekeeper-ledger'),
    version: z.literal(1),
    ledgerId: z.string().uuid(),
    exportedAt: isoDateTime,
    grants: z.array(grantRecordSchema),
    decisions: z.array(decisionSchema),
    chainHead: z.union([hash, z.null()]),
    /** Checklist runs, open and finished (files from before checklists have none). */
    checklistRuns: z.array(checklistRunSchema).max(100_000).default([]),
  })
  .strict();
export type ExportFile = z.infer<typeof exportFileSchema>;
