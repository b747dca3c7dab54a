import { z } from 'zod';
import { changeKinds, type Baseline, type Change } from './baseline';
import type { Verdict } from './change-approval';
import type { TimelineEntry } from './timeline';
import {
  ASSET_ID_MAX,
  ASSET_NAME_MAX,
  BUSINESS_ID_PATTERN,
  EMAIL_MAX,
  PRINCIPAL_NAME_MAX,
  URL_MAX,
} from './snapshot';
import {
  assetAccessSchema,
  assetTypeSchema,
  isoDateSchema,
  pageKindSchema,
  portfolioAccessSchema,
  taskKeySchema,
} from './snapshot-schema';

/**
 * The baseline and its changes as stored (issue 13): what the ledger reads back is parsed again, like
 * every stored record (a store written by another version, or damaged, is not taken on trust).
 */
const at = z.string().datetime();
const subject = z.string().min(1).max(600);
const listKindSchema = z.enum(['people', 'partners', 'system-users']);
const assetRefShape = {
  type: assetTypeSchema,
  id: z.string().min(1).max(ASSET_ID_MAX).optional(),
  name: z.string().max(ASSET_NAME_MAX),
};

export const assetFactSchema = z.object({
  ...assetRefShape,
  access: assetAccessSchema,
  tasks: z.array(taskKeySchema).max(20),
  seen: at,
});

export const principalFactsSchema = z.object({
  kind: z.enum(['person', 'partner', 'system-user']),
  name: z.string().max(PRINCIPAL_NAME_MAX),
  email: z.string().min(1).max(EMAIL_MAX).optional(),
  portfolioAccess: portfolioAccessSchema.optional(),
  pending: z.boolean(),
  temporaryUntil: isoDateSchema.optional(),
  untilOn: z.enum(['row', 'pane']).optional(),
  assets: z.record(z.string().max(700), assetFactSchema).optional(),
  assetsReadAt: at.optional(),
  firstSeen: at,
  lastSeen: at,
});

export const baselineSchema = z.object({
  businessId: z.string().regex(BUSINESS_ID_PATTERN),
  principals: z.record(subject, principalFactsSchema),
  lists: z.partialRecord(listKindSchema, at),
  assetPages: z.record(z.string().max(700), z.object({ ...assetRefShape, at })),
});

export const changeSchema = z.object({
  kind: z.enum(changeKinds),
  subject,
  principalKind: z.enum(['person', 'partner', 'system-user']),
  name: z.string().max(PRINCIPAL_NAME_MAX),
  asset: z.object(assetRefShape).optional(),
  from: z.string().max(100).optional(),
  to: z.string().max(100).optional(),
  replaced: subject.optional(),
  since: at.optional(),
  at,
  page: pageKindSchema,
  url: z.string().max(URL_MAX),
});

/** What the ledger says of a change (lib/domain/change-approval.ts `Verdict`). */
export const verdictSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('informational') }),
  z.object({
    status: z.literal('approved'),
    record: z.object({ kind: z.enum(['grant', 'decision']), id: z.string().min(1).max(200) }),
  }),
  z.object({ status: z.literal('onboarding'), runId: z.string().min(1).max(100) }),
  z.object({ status: z.literal('unrecorded') }),
]);

/** One entry of a business's change timeline (lib/domain/timeline.ts). */
export const timelineEntrySchema = z.object({
  change: changeSchema,
  verdict: verdictSchema,
  open: z.boolean(),
  fullControl: z.boolean(),
});

/** The current visit of a business as its baseline row keeps it (lib/ledger/store.ts). */
export const visitSchema = z.object({ start: at, last: at });

// The schemas describe the domain's own types exactly.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameBaseline: Same<z.infer<typeof baselineSchema>, Baseline> = true;
const sameChange: Same<z.infer<typeof changeSchema>, Change> = true;
const sameVerdict: Same<z.infer<typeof verdictSchema>, Verdict> = true;
const sameEntry: Same<z.infer<typeof timelineEntrySchema>, TimelineEntry> = true;
void sameVerdict;
void sameEntry;
void sameBaseline;
void sameChange;
