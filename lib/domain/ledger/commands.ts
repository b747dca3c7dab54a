import { z } from 'zod';
import { addDays } from './days';
import { realDateSchema as isoDateSchema } from './dates';
import { grantAssetSchema, type GrantRecord } from './records';
import { problem, type Problem } from '../problems';

/** What the panel and options page may ask the background to do with the ledger (validated on receipt). */
const businessId = z.string().regex(/^\d{1,20}$/);
const subject = z.string().min(1).max(600);
const rationale = z.string().trim().min(1, 'a rationale is required').max(10_000);

export const documentAccessSchema = z.object({
  type: z.literal('document'),
  businessId,
  subject,
  assets: z.array(grantAssetSchema).max(1000),
  case: z.string().trim().min(1, 'the case or purpose is required').max(2000),
  ticket: z.string().trim().max(200).optional(),
  approver: z.string().trim().max(200).optional(),
  startsAt: isoDateSchema,
  endsAt: isoDateSchema.optional(),
  notes: z.string().max(10_000).optional(),
});

export const ledgerCommandSchema = z.discriminatedUnion('type', [
  documentAccessSchema,
  z.object({
    type: z.literal('extend'),
    grantId: z.string().min(1).max(100),
    endsAt: isoDateSchema,
    rationale,
  }),
  z.object({ type: z.literal('revoke'), businessId, subject, rationale }),
  z.object({
    type: z.literal('accept-finding'),
    businessId,
    subject,
    ruleId: z.string().min(1).max(64),
    assetName: z.string().max(500).optional(),
    rationale,
    reviewAt: isoDateSchema,
  }),
]);
export type LedgerCommand = z.infer<typeof ledgerCommandSchema>;
export type DocumentAccess = z.infer<typeof documentAccessSchema>;

export { addDays };

/**
 * The end date rules of the ledger: required for a third party; never before the start; at most the
 * maximum duration after the start (default 90 days). Returns the problem, or undefined.
 */
export function checkEndDate(
  startsAt: string,
  endsAt: string | undefined,
  thirdParty: boolean,
  maxDays: number,
): Problem | undefined {
  if (!endsAt) return thirdParty ? problem('end-date-required') : undefined;
  if (endsAt < startsAt) return problem('end-before-start');
  const cap = addDays(startsAt, maxDays);
  if (endsAt > cap) return problem('end-beyond-max', { days: maxDays, date: cap });
  return undefined;
}

/** The grant a "document access" command creates. */
export function grantFromCommand(command: DocumentAccess, id: string, now: Date): GrantRecord {
  const at = now.toISOString();
  return {
    id,
    businessId: command.businessId,
    subject: command.subject,
    assets: command.assets,
    case: command.case,
    ...(command.ticket ? { ticket: command.ticket } : {}),
    ...(command.approver ? { approver: command.approver } : {}),
    startsAt: command.startsAt,
    ...(command.endsAt ? { endsAt: command.endsAt } : {}),
    ...(command.notes ? { notes: command.notes } : {}),
    createdAt: at,
    updatedAt: at,
  };
}
