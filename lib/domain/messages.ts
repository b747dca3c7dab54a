import { z } from 'zod';
import { pageKindSchema, pageSnapshotSchema, readStatusSchema } from './snapshot';

/** The diagnostics bundle a content script sends with an unreadable page (no page text in it). */
export const diagnosticsSchema = z.object({
  path: z.string().max(2048),
  queryKeys: z.array(z.string().max(100)).max(50),
  kind: pageKindSchema,
  readStatus: readStatusSchema,
  readProblems: z.array(z.string().max(500)).max(100),
  locale: z.enum(['en', 'sv', 'fr', 'unknown']),
  outline: z.array(z.string().max(300)).max(500),
});
export type DiagnosticsBundle = z.infer<typeof diagnosticsSchema>;

/** content script → background: what the page shows now. */
export const snapshotReportSchema = z.object({
  snapshot: pageSnapshotSchema,
  diagnostics: diagnosticsSchema.optional(),
});
export type SnapshotReport = z.infer<typeof snapshotReportSchema>;

/** background → panel: the state of the panel's tab. */
export const tabStateSchema = z.object({
  snapshot: pageSnapshotSchema.optional(),
  diagnostics: diagnosticsSchema.optional(),
  receivedAt: z.string().optional(),
});
export type TabState = z.infer<typeof tabStateSchema>;
