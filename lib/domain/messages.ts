import { z } from 'zod';
import { snapshotLocaleSchema } from './locales';
import { invalidRequest, problem, type Outcome, type Problem } from './problems';
import { readProblemSchema } from './read-problems';
import { assetTypeSchema, pageKindSchema, pageSnapshotSchema, readStatusSchema } from './snapshot';

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

/** content script → background: what the page shows now. */
export const snapshotReportSchema = z.object({
  snapshot: pageSnapshotSchema,
  diagnostics: diagnosticsSchema.optional(),
});
export type SnapshotReport = z.infer<typeof snapshotReportSchema>;

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
