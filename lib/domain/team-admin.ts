import { z } from 'zod';
import { checklistRunSchema } from './checklists/runs';
import { templateIds } from './checklists/templates';
import { grantRecordSchema } from './ledger/records';
import { reviewCampaignSchema } from './review/campaign';
import { problemSchema } from './problems';
import type { QuarantineReason } from './team-docs';

/**
 * What the team ledger leaves for an admin (issue 16, items 2 and 4): grants edited in two places (CouchDB
 * keeps every version; the admin chooses one, and the choice is a decision), and documents from the server
 * that were refused (quarantined, never applied). Shapes of the messages that carry them, and the pure
 * comparison of a conflict's versions.
 */

/** Why a document from the server was refused (lib/domain/team-docs.ts); a new reason needs words too. */
export const quarantineReasons = [
  'malformed',
  'wrong-id',
  'unsigned',
  'bad-signature',
  'changed-decision',
  'refused-by-import',
  'incomplete-chain',
  'too-many-versions',
] as const satisfies readonly QuarantineReason[];
type Unlisted = Exclude<QuarantineReason, (typeof quarantineReasons)[number]>;
/** Every reason the engine can give is listed above: a compile error here otherwise. */
export const everyReasonListed: [Unlisted] extends [never] ? true : false = true;

const grantId = z.string().min(1).max(100);
const rev = z.string().min(1).max(200);
const ledgerId = z.string().min(1).max(200);

/** Who wrote a version: this installation, or a colleague as the trust list knows them. */
export const teamAuthorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('you'), ledgerId }),
  z.object({
    kind: z.literal('colleague'),
    ledgerId,
    /** Their key's fingerprint, when it was pinned (lib/domain/ledger/signing.ts `keyFingerprint`). */
    fingerprint: z.string().max(100).optional(),
    trusted: z.boolean(),
  }),
]);
export type TeamAuthor = z.infer<typeof teamAuthorSchema>;

/** A grant with more than one version kept, for the options page's list. */
export const teamConflictSchema = z.object({
  grantId,
  businessId: z.string().regex(/^\d{1,20}$/),
  subject: z.string().min(1).max(600),
  versions: z.number().int().min(2),
});
export type TeamConflict = z.infer<typeof teamConflictSchema>;

/** One version of a grant in conflict: CouchDB's revision, who wrote it, the grant as they wrote it. */
export const teamConflictVersionSchema = z.object({
  rev,
  author: teamAuthorSchema,
  grant: grantRecordSchema,
});
export type TeamConflictVersion = z.infer<typeof teamConflictVersionSchema>;

/** The records besides grants whose conflicts are shown and resolved (issue 16): runs and campaigns. */
export const teamRecordKindSchema = z.enum(['checklist', 'review']);
export type TeamRecordKind = z.infer<typeof teamRecordKindSchema>;
const recordId = z.string().min(1).max(100);
const businessId = z.string().regex(/^\d{1,20}$/);

/** A checklist run or review campaign with more than one version kept, as listed. */
export const teamRecordConflictSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('checklist'),
    id: recordId,
    businessId,
    subject: z.string().min(1).max(600),
    subjectName: z.string().max(500).optional(),
    templateId: z.enum(templateIds),
    versions: z.number().int().min(2),
  }),
  z.object({
    kind: z.literal('review'),
    id: recordId,
    businessId,
    startedAt: z.string().datetime(),
    versions: z.number().int().min(2),
  }),
]);
export type TeamRecordConflict = z.infer<typeof teamRecordConflictSchema>;

/** One version of a run or campaign in conflict: CouchDB's revision, who wrote it, the record as written. */
export const teamRecordVersionSchema = z.object({
  rev,
  author: teamAuthorSchema,
  record: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('checklist'), run: checklistRunSchema }),
    z.object({ kind: z.literal('review'), campaign: reviewCampaignSchema }),
  ]),
});
export type TeamRecordVersion = z.infer<typeof teamRecordVersionSchema>;

/** A document refused from the server: its id, when, why; the import's problem when the import refused it. */
export const quarantinedItemSchema = z.object({
  id: z.string().min(1).max(1000),
  rev: z.string().max(200).optional(),
  at: z.string().datetime().optional(),
  reason: z.enum(quarantineReasons),
  problem: problemSchema.optional(),
});
export type QuarantinedItem = z.infer<typeof quarantinedItemSchema>;

/** How an admin's choice ended: resolved; no such conflict (any more); the team ledger is off. */
export const resolveOutcomeSchema = z.enum(['resolved', 'gone', 'off']);
export type ResolveOutcome = z.infer<typeof resolveOutcomeSchema>;

export {
  comparedFields,
  getCampaignComparison,
  getGrantDifferences,
  getRunComparison,
  type ComparedField,
} from './team-compare';
