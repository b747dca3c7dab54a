import { z } from 'zod';

/** The options page's ledger tasks: export, verify, import (plan, then apply), delete. */
export const adminRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export') }),
  /** The export's file was written (the page saw its write close): its time is the last export's. */
  z.object({ type: z.literal('export-saved') }),
  z.object({ type: z.literal('export-csv') }),
  z.object({ type: z.literal('verify') }),
  // The text's own size is checked by planImport (100 MB); this only bounds the request.
  z.object({ type: z.literal('plan-import'), text: z.string().max(110 * 1024 * 1024) }),
  z.object({ type: z.literal('apply-import'), text: z.string().max(110 * 1024 * 1024) }),
  z.object({ type: z.literal('delete-all') }),
]);
export type AdminRequest = z.infer<typeof adminRequestSchema>;

export const chainBreakSchema = z.enum(['other-ledger', 'prev-hash', 'hash']);
export type ChainBreak = z.infer<typeof chainBreakSchema>;

const id = z.string().max(200);
const subject = z.string().max(600);

export const importSummarySchema = z.object({
  addGrants: z.number().int(),
  identicalGrants: z.number().int(),
  conflictingGrants: z.array(z.object({ id, subject })),
  addDecisions: z.number().int(),
  knownDecisions: z.number().int(),
  ledgers: z.array(z.object({ ledgerId: id, ours: z.boolean(), adding: z.number().int() })),
  addRuns: z.number().int(),
  identicalRuns: z.number().int(),
  conflictingRuns: z.array(z.object({ id, subject, reason: z.enum(['differs', 'open-here']) })),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const verifiedLedgerSchema = z.object({
  ledgerId: id,
  ours: z.boolean(),
  ok: z.boolean(),
  length: z.number().int(),
  breakAt: id.optional(),
  reason: chainBreakSchema.optional(),
});

export const adminResultSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export'), json: z.string(), fileName: z.string().max(200) }),
  z.object({ type: z.literal('export-saved'), at: z.string().datetime() }),
  z.object({ type: z.literal('export-csv'), grants: z.string(), decisions: z.string() }),
  z.object({ type: z.literal('verify'), ledgers: z.array(verifiedLedgerSchema) }),
  z.object({ type: z.literal('import'), applied: z.boolean(), summary: importSummarySchema }),
  z.object({ type: z.literal('delete-all') }),
]);
export type AdminResult = z.infer<typeof adminResultSchema>;
