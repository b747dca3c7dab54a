import { z } from 'zod';
import { checklistRunSchema, type ChecklistRun } from './checklists/runs';
import { canonicalJson } from './ledger/canonical';
import type { InterchangeFile } from './ledger/export-file';
import {
  decisionSchema,
  grantRecordSchema,
  publicKeySchema,
  signatureSchema,
  type Decision,
  type GrantRecord,
  type PublicKey,
} from './ledger/records';
import { recordSigningText } from './ledger/signing';
import { reviewCampaignSchema, type ReviewCampaign } from './review/campaign';

/**
 * The team ledger's documents in CouchDB (issue 16): one document per record, each naming the
 * installation (ledger) that wrote it and carrying that installation's signature.
 *
 * - `ledger:<ledgerId>`: the installation's head: its public key, the hash of its chain's last decision,
 *   how many decisions the chain has, and the chain-head signature an export carries
 *   (signing.ts `chainSigningText`). Only its installation writes it.
 * - `decision:<ledgerId>:<n>`: the chain's n-th decision (from 0, nine digits), with its own signature.
 *   The position in the id (rather than the decision's id alone) lets a reader take a chain in order, a
 *   batch at a time; the decision's own id is inside and is checked by the import like any file's.
 * - `grant:<grantId>`: a grant, its author and the author's signature over `recordSigningText`. One id per
 *   grant whoever edits it, so two admins editing one grant make a CouchDB conflict, kept, never resolved
 *   silently.
 * - `checklist:<runId>` and `review:<campaignId>`: a checklist run and an access review campaign, shaped as
 *   grants are (the record, the author of this version, its signature over `recordSigningText`). The
 *   change baseline's approvals are no record of their own: a change is approved by a grant, a decision or
 *   an onboarding run (lib/domain/change-approval.ts), and those replicate; the baselines and the change
 *   log themselves are what this installation read of the page, and never leave it.
 *
 * Who writes a document: a record's author is the installation that wrote its current version. A
 * colleague's later version (an extension of our grant, a tick in our run) comes back signed by them; the
 * import takes it in place of ours only when the admin trusts them and it is the later one (import.ts
 * `replaceNewer`; for campaigns, the further revision, as with files).
 *
 * What arrives is never applied from here: an author's documents are put back together into the file an
 * export would have made (`authorFile`) and go through the import's checks (lib/domain/ledger/import.ts).
 */

const uuid = z.string().uuid();
const hash = z.string().regex(/^[0-9a-f]{64}$/);
const DECISION_DIGITS = 9;

export const headDocId = (ledgerId: string) => `ledger:${ledgerId}`;
export const decisionDocId = (ledgerId: string, n: number) =>
  `decision:${ledgerId}:${String(n).padStart(DECISION_DIGITS, '0')}`;
export const grantDocId = (grantId: string) => `grant:${grantId}`;
/** The range of one ledger's decision documents, for `allDocs({ startkey, endkey })`. */
export const decisionRange = (ledgerId: string) => ({
  startkey: `decision:${ledgerId}:`,
  endkey: `decision:${ledgerId}:\ufff0`,
});
export const GRANT_RANGE = { startkey: 'grant:', endkey: 'grant:\ufff0' } as const;
export const checklistDocId = (runId: string) => `checklist:${runId}`;
export const reviewDocId = (campaignId: string) => `review:${campaignId}`;
export const CHECKLIST_RANGE = { startkey: 'checklist:', endkey: 'checklist:\ufff0' } as const;
export const REVIEW_RANGE = { startkey: 'review:', endkey: 'review:\ufff0' } as const;

/**
 * The text a grant, checklist or review document's signature covers: a label, the author, and the record's
 * canonical JSON (signing.ts, where a file's `reviewSignatures` are checked too).
 */
export { recordSigningText };

export const headDocSchema = z
  .object({
    type: z.literal('head'),
    ledgerId: uuid,
    publicKey: publicKeySchema,
    chainHead: z.union([hash, z.null()]),
    length: z.number().int().min(0).max(10_000_000),
    chainHeadSignature: signatureSchema,
  })
  .strict();
export type HeadDoc = z.infer<typeof headDocSchema>;

export const decisionDocSchema = z
  .object({
    type: z.literal('decision'),
    n: z.number().int().min(0).max(10_000_000),
    decision: decisionSchema,
  })
  .strict();
export type DecisionDoc = z.infer<typeof decisionDocSchema>;

export const grantDocSchema = z
  .object({ type: z.literal('grant'), author: uuid, grant: grantRecordSchema, sig: signatureSchema })
  .strict();
export type GrantDoc = z.infer<typeof grantDocSchema>;

export const checklistDocSchema = z
  .object({ type: z.literal('checklist'), author: uuid, run: checklistRunSchema, sig: signatureSchema })
  .strict();
export type ChecklistDoc = z.infer<typeof checklistDocSchema>;

export const reviewDocSchema = z
  .object({ type: z.literal('review'), author: uuid, campaign: reviewCampaignSchema, sig: signatureSchema })
  .strict();
export type ReviewDoc = z.infer<typeof reviewDocSchema>;

/** A record document: one record, the author of this version, the author's signature. */
export type RecordDoc = GrantDoc | ChecklistDoc | ReviewDoc;

export type TeamDoc = HeadDoc | DecisionDoc | RecordDoc;

const recordSchemas = { grant: grantDocSchema, checklist: checklistDocSchema, review: reviewDocSchema };
const isRecordType = (type: unknown): type is keyof typeof recordSchemas =>
  type === 'grant' || type === 'checklist' || type === 'review';

/** A record document's record, its kind and its id (`grant:<id>`, `checklist:<id>`, `review:<id>`). */
export function recordOf(doc: RecordDoc): { kind: RecordDoc['type']; id: string; record: unknown } {
  return doc.type === 'grant'
    ? { kind: 'grant', id: grantDocId(doc.grant.id), record: doc.grant }
    : doc.type === 'checklist'
      ? { kind: 'checklist', id: checklistDocId(doc.run.id), record: doc.run }
      : { kind: 'review', id: reviewDocId(doc.campaign.id), record: doc.campaign };
}

/** Why a document is quarantined: put into words on screen. */
export type QuarantineReason =
  | 'malformed'
  | 'wrong-id'
  | 'unsigned'
  | 'bad-signature'
  | 'changed-decision'
  | 'refused-by-import'
  | 'incomplete-chain'
  | 'too-many-versions';

export type ParsedTeamDoc = { ok: true; doc: TeamDoc } | { ok: false; reason: QuarantineReason };

/** The document's own fields, without CouchDB's (`_id`, `_rev`, `_conflicts`, ...). */
function ownFields(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('_')));
}

/** Checks a document from the server: its shape, and that its id is the one its content gives. */
export function parseTeamDoc(raw: unknown): ParsedTeamDoc {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'malformed' };
  const record = raw as Record<string, unknown>;
  const id = record._id;
  const fields = ownFields(record);
  const schema =
    fields.type === 'head'
      ? headDocSchema
      : fields.type === 'decision'
        ? decisionDocSchema
        : isRecordType(fields.type)
          ? recordSchemas[fields.type]
          : undefined;
  // Signatures are checked later, by the import (decisions, heads) or against the head's key (grants);
  // a record without one is named as such rather than as merely malformed.
  if (
    schema &&
    (isRecordType(fields.type) || fields.type === 'head') &&
    fields.sig === undefined &&
    fields.chainHeadSignature === undefined
  )
    return { ok: false, reason: 'unsigned' };
  const parsed = schema?.safeParse(fields);
  if (!parsed?.success) return { ok: false, reason: 'malformed' };
  const doc = parsed.data as TeamDoc;
  const expected =
    doc.type === 'head'
      ? headDocId(doc.ledgerId)
      : doc.type === 'decision'
        ? decisionDocId(doc.decision.ledgerId, doc.n)
        : recordOf(doc).id;
  if (id !== expected) return { ok: false, reason: 'wrong-id' };
  return { ok: true, doc };
}

/** The ledger a document belongs to. */
export function docAuthor(doc: TeamDoc): string {
  return doc.type === 'head' ? doc.ledgerId : doc.type === 'decision' ? doc.decision.ledgerId : doc.author;
}

export function decisionDoc(decision: Decision, n: number): DecisionDoc & { _id: string } {
  return { _id: decisionDocId(decision.ledgerId, n), type: 'decision', n, decision };
}

export function grantDoc(author: string, grant: GrantRecord, sig: string): GrantDoc & { _id: string } {
  return { _id: grantDocId(grant.id), type: 'grant', author, grant, sig };
}

export function checklistDoc(author: string, run: ChecklistRun, sig: string): ChecklistDoc & { _id: string } {
  return { _id: checklistDocId(run.id), type: 'checklist', author, run, sig };
}

export function reviewDoc(
  author: string,
  campaign: ReviewCampaign,
  sig: string,
): ReviewDoc & { _id: string } {
  return { _id: reviewDocId(campaign.id), type: 'review', author, campaign, sig };
}

/** Whether two decision documents say the same (a decision never changes once written). */
export function sameDecision(a: Decision, b: Decision): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * One author's documents put back together as the file its export would be (its own chain, its grants,
 * its head's signature; its runs, and its campaigns with each one's signature): what the import checks,
 * exactly as for a file the admin picked.
 */
export function authorFile(
  head: HeadDoc,
  decisions: readonly Decision[],
  grants: readonly GrantRecord[],
  now: Date,
  records: {
    runs?: readonly ChecklistRun[];
    campaigns?: readonly { campaign: ReviewCampaign; sig: string }[];
  } = {},
): InterchangeFile {
  const campaigns = records.campaigns ?? [];
  return {
    format: 'scopekeeper-ledger',
    version: 1,
    ledgerId: head.ledgerId,
    exportedAt: now.toISOString(),
    grants: [...grants],
    decisions: [...decisions],
    chainHead: head.chainHead,
    publicKey: head.publicKey satisfies PublicKey,
    chainHeadSignature: head.chainHeadSignature,
    checklistRuns: [...(records.runs ?? [])],
    ...(campaigns.length > 0
      ? {
          reviewCampaigns: campaigns.map((c) => c.campaign),
          reviewSignatures: campaigns.map((c) => c.sig),
        }
      : {}),
  };
}
