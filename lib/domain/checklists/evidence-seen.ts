import { z } from 'zod';
import { codedFactsSchema } from '../coded-facts';

/** The facts evidence may carry: counts, a date, a Business ID, the names of assets. */
export const evidenceFactNames = ['count', 'date', 'businessId', 'assets'] as const;
type FactName = (typeof evidenceFactNames)[number];

/**
 * What an evidence check saw, as a code with facts (evidence.ts): the check says what it saw, and only
 * the screen turns it into words (describeEvidence in lib/domain/i18n), in the admin's language.
 *
 * Every code, with the facts it carries: one code per kind of evidence (templates.ts `EvidenceKind`), or
 * finer where a kind can be seen in more than one way (`listed-pending` / `listed-accepted-already`).
 */
export const evidenceFacts = {
  'case-recorded': [],
  'business-id-known': ['businessId'],
  'listed-pending': [],
  'listed-accepted-already': [],
  'listed-accepted': [],
  'least-role-assets': ['count'],
  'least-role-business': [],
  'holds-assets': ['assets'],
  'matches-record': ['count'],
  'record-with-end-date': ['date'],
  'partner-absent': [],
  'people-absent': ['count'],
  'system-users-absent': ['count'],
  'asset-roles-absent': [],
  'removal-verified': [],
  'removal-verified-again': [],
  'export-since-start': ['date'],
  'end-dates-set': ['count'],
  'decision-since-start': [],
  'unknown-listed': ['count'],
  'partners-absent': ['count'],
  'unknown-absent': ['count'],
  'incident-documented': ['date'],
  // Issue 14: the periodic review's steps ticked by an access review campaign.
  'review-decided': ['count'],
  'review-removals-verified': ['count'],
  'review-report': ['date'],
} as const satisfies Record<string, readonly FactName[]>;
export type EvidenceCode = keyof typeof evidenceFacts;
export const evidenceCodes = Object.keys(evidenceFacts) as [EvidenceCode, ...EvidenceCode[]];

/** The longest string fact (a list of asset names is cut to it, so a run always validates). */
export const EVIDENCE_FACT_MAX = 400;

export const evidenceSeenSchema = codedFactsSchema(evidenceCodes, evidenceFactNames, EVIDENCE_FACT_MAX);
export type EvidenceSeen = z.infer<typeof evidenceSeenSchema>;
export type EvidenceFacts = NonNullable<EvidenceSeen['facts']>;

/**
 * What a step's evidence tick records. Runs ticked before evidence had codes hold the English sentence
 * that was shown then: a record of what was seen, so it is kept as it is (a plain string is that legacy
 * form) and shown as it was; only new ticks get codes.
 */
export const stepEvidenceSchema = z.union([evidenceSeenSchema, z.string().max(500)]);
export type StepEvidence = z.infer<typeof stepEvidenceSchema>;

export const isLegacyEvidence = (evidence: StepEvidence): evidence is string => typeof evidence === 'string';

/** Evidence seen, its string facts cut to the schema's bound. */
export function evidenceSeen<C extends EvidenceCode>(
  code: C,
  ...facts: (typeof evidenceFacts)[C] extends readonly []
    ? []
    : [Record<(typeof evidenceFacts)[C][number], string | number>]
): EvidenceSeen {
  const given = facts[0] as EvidenceFacts | undefined;
  if (!given) return { code };
  const bounded: EvidenceFacts = {};
  for (const [name, value] of Object.entries(given) as [FactName, string | number][])
    bounded[name] =
      typeof value === 'string' && value.length > EVIDENCE_FACT_MAX
        ? `${value.slice(0, EVIDENCE_FACT_MAX - 1)}…`
        : value;
  return { code, facts: bounded };
}
