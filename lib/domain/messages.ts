import { z } from 'zod';
import { invalidRequest, problem, type Outcome, type Problem } from './problems';
import { PRINCIPALS_MAX } from './snapshot';
import { normalizeDelta, normalizeReport } from './snapshot-normalize';
import {
  assetTypeSchema,
  pageKindSchema,
  pageSnapshotSchema,
  principalSchema,
  readProblemSchema,
  readStatusSchema,
  snapshotLocaleSchema,
} from './snapshot-schema';

/** The diagnostics bundle a content script sends with an unreadable page (no page text in it). */
export const diagnosticsSchema = z.object({
  path: z.string().max(2048),
  queryKeys: z.array(z.string().max(100)).max(50),
  kind: pageKindSchema,
  readStatus: readStatusSchema,
  // The same problems as the snapshot's, their string facts bounded by the problem schema.
  readProblems: z.array(readProblemSchema).max(100),
  locale: snapshotLocaleSchema,
  outline: z.array(z.string().max(300)).max(500),
});
export type DiagnosticsBundle = z.infer<typeof diagnosticsSchema>;

/**
 * What a content script sends of the diagnostics: the page's outline alone (lib/page/outline.ts). The
 * background makes the bundle from it and the snapshot (`diagnostics` of the report it keeps), so that code
 * stays out of the page (issue 12, item 2).
 */
export const pageOutlineSchema = diagnosticsSchema.shape.outline;

/**
 * A schema whose input is first normalised (lib/domain/snapshot-normalize.ts), typed by what an honest
 * content script sends, so that its sender stays type-checked.
 */
const normalisedFirst = <S extends z.ZodType>(normalise: (value: unknown) => unknown, schema: S) =>
  z.preprocess(normalise, schema) as unknown as z.ZodType<z.output<S>, z.input<S>>;

/**
 * content script → background: what the page shows now. The page sends its read as it made it; what the
 * schema would refuse in it is dropped or cut and said as read problems first (`normalizeReport`).
 */
const reportSchema = z.object({
  snapshot: pageSnapshotSchema,
  /** Made by the background from `outline` (a content script's own `diagnostics` are not taken). */
  diagnostics: diagnosticsSchema.optional(),
  outline: pageOutlineSchema.optional(),
  /** The content script's numbering of its reports (see `snapshotDeltaSchema`); both or neither. */
  stream: z
    .string()
    .regex(/^[0-9a-f]{16,32}$/)
    .optional(),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
export const snapshotReportSchema = normalisedFirst(normalizeReport, reportSchema);
export type SnapshotReport = z.infer<typeof reportSchema>;

/**
 * content script → background: what changed on the page since this stream's previous report (issue 12,
 * item 1). A content script numbers every report it sends on one page load (`stream`, random per load):
 * a full report (`reportSnapshot` with `stream` and `seq`) starts or restarts the numbering; each delta
 * carries the next number. The background applies a delta only on top of the report numbered `seq - 1`
 * of the same stream; anything else (a gap, another stream, a restarted worker that lost it, a count
 * that does not add up) is answered `{ needFull: true }`, and the content script sends its whole read
 * again as a full report with the next number.
 *
 * Applying (lib/domain/snapshot-delta.ts `applyDelta`): the page-level fields come whole in `header`
 * (they are small); the principals identified by subject key (`getSubjectKey`) in `remove` are taken out;
 * each `upsert` replaces the principal of the same subject key, or adds it; the result is in page order:
 * every upserted principal stands at index `at` of the new list, the others keep their relative order
 * around them. The new list has exactly `count` principals (else `needFull`). A read whose subject keys
 * are not unique is sent as a full report, never as a delta. A delta that upserts a principal the schema
 * refuses is marked `unfit` before the parse (`normalizeDelta`) and answered `needFull`.
 */
const deltaSchema = z.object({
  stream: z.string().regex(/^[0-9a-f]{16,32}$/),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  header: pageSnapshotSchema.omit({ principals: true }),
  count: z.number().int().min(0).max(PRINCIPALS_MAX),
  upsert: z
    .array(z.object({ at: z.number().int().min(0).max(PRINCIPALS_MAX), principal: principalSchema }))
    .max(PRINCIPALS_MAX),
  remove: z.array(z.string().min(1).max(600)).max(PRINCIPALS_MAX),
  outline: pageOutlineSchema.optional(),
  /** Set by `normalizeDelta` only (a page that sets it asks for its own `needFull`). */
  unfit: z.literal(true).optional(),
});
export const snapshotDeltaSchema = normalisedFirst(normalizeDelta, deltaSchema);
export type SnapshotDelta = z.infer<typeof deltaSchema>;

export const findingSchema = z.object({
  ruleId: z.string().max(64),
  severity: z.enum(['high', 'medium', 'low']),
  subject: z.string().max(600),
  subjectName: z.string().max(500),
  asset: z
    .object({ type: assetTypeSchema, id: z.string().max(64).optional(), name: z.string().max(500) })
    .optional(),
  message: z.string().max(2000),
  why: z.string().max(2000),
  fix: z.string().max(2000),
  accepted: z.object({ until: z.string() }).optional(),
});

export type ParsedReport = Outcome<{ report: SnapshotReport }>;

/**
 * What the background accepts from a content script: a valid report about the page its tab shows, on
 * business.facebook.com. Everything else is refused with a reason.
 */
export function parseSnapshotReport(data: unknown, senderUrl: string | undefined): ParsedReport {
  const parsed = snapshotReportSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: invalidRequest(parsed.error) };
  const refused = checkSnapshotOrigin(parsed.data, senderUrl);
  return refused ? { ok: false, error: refused } : { ok: true, report: parsed.data };
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** A parsed report is about the page of its own tab, on business.facebook.com; else the problem. */
export function checkSnapshotOrigin(
  report: SnapshotReport,
  senderUrl: string | undefined,
): Problem | undefined {
  if (senderUrl !== undefined && originOf(senderUrl) !== originOf(report.snapshot.url))
    return problem('snapshot-other-origin');
  if (originOf(report.snapshot.url) !== 'https://business.facebook.com')
    return problem('snapshot-not-business');
  return undefined;
}
