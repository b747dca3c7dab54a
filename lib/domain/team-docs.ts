import { z } from 'zod';
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

/** The text a grant document's signature covers: a label, the author, and the grant's canonical JSON. */
export function recordSigningText(kind: 'grant', author: string, record: unknown): string {
  return `scopekeeper-ledger team ${kind}\n${author}\n${canonicalJson(record)}`;
}

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

export type TeamDoc = HeadDoc | DecisionDoc | GrantDoc;

/** Why a document is quarantined: put into words on screen. */
export type QuarantineReason =
  'malformed' | 'wrong-id' | 'unsigned' | 'bad-signature' | 'changed-decision' | 'refused-by-import';

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
        : fields.type === 'grant'
          ? grantDocSchema
          : undefined;
  // Signatures are checked later, by the import (decisions, heads) or against the head's key (grants);
  // a record without one is named as such rather than as merely malformed.
  if (
    schema &&
    (fields.type === 'grant' || fields.type === 'head') &&
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
        : grantDocId(doc.grant.id);
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

/** Whether two decision documents say the same (a decision never changes once written). */
export function sameDecision(a: Decision, b: Decision): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * One author's documents put back together as the file its export would be (its own chain, its grants,
 * its head's signature): what the import checks, exactly as for a file the admin picked.
 */
export function authorFile(
  head: HeadDoc,
  decisions: readonly Decision[],
  grants: readonly GrantRecord[],
  now: Date,
): InterchangeFile {
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
    checklistRuns: [],
  };
}
