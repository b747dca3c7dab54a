import type { BadgeFinding } from './badge-findings';
import { z } from 'zod';
import { assetViewSchema } from './asset-paths';
import { timelineEntrySchema } from './baseline-schema';
import { BUSINESS_NAME_MAX } from './snapshot';
import { checklistCommandSchema, checklistRunSchema } from './checklists/runs';
import { adminRequestSchema, adminResultSchema, importProgressSchema } from './ledger/admin';
import { ledgerCommandSchema } from './ledger/commands';
import { decisionSchema, grantRecordSchema } from './ledger/records';
import { snapshotDeltaSchema, snapshotReportSchema } from './messages';
import { problemSchema, type Problem } from './problems';
import { overviewRowSchema } from './overview';
import { decisionInputSchema, reviewCampaignSchema, signOffInputSchema } from './review/campaign';
import { MAX_PARTS, PART_CHARS } from './transfer';
import { teamCheckSchema, teamStatusSchema } from './team-ledger';
import {
  quarantinedItemSchema,
  resolveOutcomeSchema,
  teamConflictSchema,
  teamConflictVersionSchema,
  teamRecordConflictSchema,
  teamRecordKindSchema,
  teamRecordVersionSchema,
} from './team-admin';
import { focusActionSchema, popupStateSchema } from './ui-state';

/**
 * The one protocol between Scopekeeper's parts (DESIGN.md "Messages"). Every message names its request and
 * result schemas and who may send it: `content` (a content script in a Business Settings tab, which reads an
 * untrusted page), `page` (one of Scopekeeper's own extension pages: panel, popup, options) or `both`.
 *
 * A `page` sender is one of ours, but the panel is web-accessible (it must be, to be framed on Business
 * Settings), so a page could frame a copy of it. The rule (lib/platform/hub/panel-gate.ts): a `page` sender
 * that is panel.html, or any extension page inside a frame, is answered only when its frame connected with
 * the current panel token of its tab (`panelToken`); otherwise every message is refused with
 * `panel-not-ours`. Popup and options are not web-accessible and never framed (no tab, or the top frame of
 * their own tab): they are not asked for a token.
 * Sender and handler types and the UIs' API derive from this table (lib/platform/messaging.ts,
 * lib/platform/router.ts, components/api.tsx), so a misspelt field is a compile error, and one router
 * parses every request, checks its sender and turns any refusal into one `Problem`.
 *
 * The content script imports this module for its types only (`import type`): zod stays out of the page.
 */
export type SenderKind = 'content' | 'page' | 'both';

interface Definition {
  from: SenderKind;
  request: z.ZodType;
  result: z.ZodType;
}
function define<const F extends SenderKind, R extends z.ZodType, S extends z.ZodType>(
  from: F,
  request: R,
  result: S,
): { from: F; request: R; result: S } & Definition {
  return { from, request, result };
}

const subjectKey = z.string().min(1).max(600);
const businessId = z.string().regex(/^\d{1,20}$/);
const none = z.object({});

/**
 * A command that writes carries an idempotency key, made by its screen once per user action and sent
 * again with every retry of it (lib/platform/page-api.ts): the background remembers each key with its
 * answer, in the transaction that wrote it, so a retry after a lost answer gets that answer and never
 * writes twice. Optional on the wire (a message without one is carried out each time it comes).
 */
export const commandKeySchema = z.string().uuid();
const withKey = <S extends z.ZodTypeAny>(schema: S) =>
  schema.and(z.object({ commandKey: commandKeySchema.optional() }));

/** The messages that carry an idempotency key (a module without zod: the panel's `ask` needs them). */
export { keyedMessages } from './protocol-keys';

export const protocol = {
  /** content → background: what the page of the sender's tab shows now. */
  reportSnapshot: define('content', snapshotReportSchema, none),
  /**
   * content → background: what changed since the stream's previous report (messages.ts
   * `snapshotDeltaSchema`); `needFull`: the delta could not be applied, send the whole read again.
   */
  reportDelta: define('content', snapshotDeltaSchema, z.object({ needFull: z.boolean().optional() })),
  /**
   * content → background: the token its panel iframe carries, chosen by the content script for each page
   * load (issue 11, item 2; issue 12: the frame loads without waiting for the worker); sent again for a
   * page shown again from the back/forward cache. `taken`: whether it is now the tab's current token.
   * `farewell`: what the page says once the extension has gone (it can no longer ask the browser for its
   * words then), in the admin's language: given here so that the script asks the browser for nothing
   * (a tab's first `getMessage` is a synchronous trip to the browser's process, issue 12).
   */
  panelToken: define(
    'content',
    z.object({ token: z.string().regex(/^[0-9a-f]{32}$/) }),
    z.object({ taken: z.boolean(), farewell: z.object({ unreachable: z.string(), dismiss: z.string() }) }),
  ),
  /** content → background → panel: a badge was clicked; open the panel on that subject. */
  openPanelOn: define('content', subjectKey, none),
  /** panel → background → content: scroll the page to a subject's row and highlight it. */
  focusSubject: define('page', subjectKey, z.object({ shown: z.boolean() })),
  /**
   * panel → background: how to fix one finding the panel was sent (it gets findings without it, and asks when
   * the admin opens one: issue 12); none when the panel's tab has no such finding now.
   */
  findingFix: define(
    'page',
    z.object({
      ruleId: z.string().min(1).max(64),
      subject: subjectKey,
      asset: z.object({ type: z.string().max(32), name: z.string().max(500) }).optional(),
    }),
    z.object({ fix: z.string().max(2000).optional() }),
  ),
  /**
   * panel, changes page → background: a business's change timeline, newest first (issue 13, item 5), and
   * when the current visit began (the panel's "Changes since your last visit").
   */
  changeTimeline: define(
    'page',
    z.object({ businessId }),
    z.object({
      entries: z.array(timelineEntrySchema).max(200_000),
      visitStart: z.string().datetime().optional(),
    }),
  ),
  /** changes page → background: the businesses Scopekeeper keeps a baseline of. */
  watchedBusinesses: define(
    'page',
    none,
    z.object({
      businesses: z
        .array(
          z.object({
            businessId,
            updatedAt: z.string().datetime(),
            // The name a page showed (issue 15); absent when unknown.
            name: z.string().min(1).max(BUSINESS_NAME_MAX).optional(),
          }),
        )
        .max(10_000),
    }),
  ),
  /**
   * overview page → background: every business Scopekeeper has seen, one row each (issue 15, item 2).
   * Only for the extension's own unframed pages (`unframedOnly`): never for a panel.
   */
  overview: define(
    'page',
    none,
    z.object({ businesses: z.array(overviewRowSchema).max(10_000), at: z.string().datetime() }),
  ),
  /** overview page → background: every path to each asset of a business (issue 15, item 3); unframed only. */
  assetPaths: define(
    'page',
    z.object({ businessId }),
    z.object({
      assets: z.array(assetViewSchema).max(100_000),
      /** The business's name as a page last showed it (issue 15, item 1); none until one has. */
      name: z.string().min(1).max(BUSINESS_NAME_MAX).optional(),
    }),
  ),
  /** panel → background: what the ledger knows about a subject. */
  subjectRecord: define(
    'page',
    z.object({ businessId, subject: subjectKey }),
    z.object({ grants: z.array(grantRecordSchema), decisions: z.array(decisionSchema) }),
  ),
  /** panel → background: document, extend, revoke, accept a finding. */
  ledgerCommand: define('page', withKey(ledgerCommandSchema), z.object({ decision: decisionSchema })),
  /** options → background: export, verify, import, delete. */
  ledgerAdmin: define('page', withKey(adminRequestSchema), adminResultSchema),
  /**
   * options → background: how far the import sent with this command key is (checking, writing), polled by
   * the options page while it waits for the answer; none once it is done or when unknown (issue 12). The
   * page names the stage it shows (`seen`): the answer comes when the import is in another stage, or after
   * a quarter of a second with the counts so far.
   */
  importProgress: define(
    'page',
    z.object({ commandKey: commandKeySchema, seen: importProgressSchema.shape.stage.optional() }),
    z.object({ progress: importProgressSchema.optional() }),
  ),
  /** panel / popup → background: start, tick, finish or discard a checklist run. */
  checklistCommand: define(
    'page',
    withKey(checklistCommandSchema),
    z.object({ run: checklistRunSchema.optional() }),
  ),
  /** popup → background: runs and due items, for the business of a tab (its id) if given. */
  popupState: define(
    'page',
    z.object({ tabId: z.number().int().nonnegative().optional() }),
    popupStateSchema,
  ),
  /** popup / panel → background: open the page of a due item (`group`) or of a business. */
  openTarget: define(
    'page',
    z.union([
      z.object({ group: z.string().min(1).max(300), action: focusActionSchema.optional() }),
      z.object({ businessId, subject: subjectKey.optional(), action: focusActionSchema.optional() }),
    ]),
    z.object({ opened: z.boolean() }),
  ),
  /** panel → background: quiet a reminder group for 1 or 7 days. */
  snooze: define(
    'page',
    withKey(z.object({ group: z.string().min(1).max(300), days: z.union([z.literal(1), z.literal(7)]) })),
    none,
  ),
  /**
   * panel → background: takes back the snooze just made (the panel's "Undo"): the group's earlier snooze
   * comes back, or none. Only ever makes a reminder sooner.
   */
  unsnooze: define('page', z.object({ group: z.string().min(1).max(300) }), none),
  /**
   * panel, options → background: access reviews (issue 14). Start a campaign of a business (its scope
   * frozen from the baseline), get one with its report data and hash, decide items (one, or a bulk keep),
   * sign off, list a business's campaigns. Extension pages only: a content script decides nothing.
   */
  reviewStart: define(
    'page',
    withKey(z.object({ businessId })),
    z.object({ campaign: reviewCampaignSchema }),
  ),
  reviewGet: define(
    'page',
    /** `report`: produce the report too (recorded on the campaign: it ticks "export the report"). */
    z.object({ campaignId: z.string().min(1).max(100), report: z.boolean().default(false) }),
    z.object({
      campaign: reviewCampaignSchema,
      /** The report's data (lib/domain/review/report.ts), its SHA-256 and the CSV roster. */
      report: z.record(z.string(), z.unknown()).optional(),
      hash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
      csv: z.string().optional(),
    }),
  ),
  reviewDecide: define(
    'page',
    withKey(
      z.object({
        campaignId: z.string().min(1).max(100),
        decisions: z.array(decisionInputSchema).min(1).max(20_000),
      }),
    ),
    z.object({ campaign: reviewCampaignSchema }),
  ),
  reviewSignOff: define(
    'page',
    withKey(signOffInputSchema.extend({ campaignId: z.string().min(1).max(100) })),
    z.object({ campaign: reviewCampaignSchema }),
  ),
  reviewList: define(
    'page',
    z.object({ businessId: businessId.optional() }),
    z.object({
      campaigns: z
        .array(
          z.object({
            id: z.string(),
            businessId,
            status: z.enum(['open', 'finished']),
            startedAt: z.string().datetime(),
            finishedAt: z.string().datetime().optional(),
            items: z.number().int(),
            decided: z.number().int(),
            unverified: z.number().int(),
            complete: z.boolean(),
          }),
        )
        .max(10_000),
    }),
  ),
  /**
   * options → background: "Test connection" of the team ledger (issue 16) with the saved settings (the
   * credentials are read from storage by the background, never carried in a message); `createDatabase`:
   * create a missing database first, when the user may.
   */
  teamConnection: define('page', z.object({ createDatabase: z.boolean().optional() }), teamCheckSchema),
  /**
   * popup / options → background: the team ledger's replication status (issue 16): last sync, records not
   * yet on the server, the last error, quarantined documents, grants in conflict.
   */
  teamStatus: define('page', none, teamStatusSchema),
  /**
   * options → background: the grants edited in two places, kept for an admin to choose between (issue 16,
   * item 2), every business at once (unframed only). Empty while the team ledger is off.
   */
  teamConflicts: define('page', none, z.object({ conflicts: z.array(teamConflictSchema).max(10_000) })),
  /** panel → background: which of one subject's grants are in conflict (its marker in the panel). */
  teamConflictsOf: define(
    'page',
    z.object({ businessId, subject: subjectKey }),
    z.object({ grantIds: z.array(z.string().min(1).max(100)).max(1000) }),
  ),
  /** panel / options → background: every version of a grant in conflict, with who wrote each. */
  teamConflictVersions: define(
    'page',
    z.object({ grantId: z.string().min(1).max(100) }),
    z.object({ versions: z.array(teamConflictVersionSchema).max(100) }),
  ),
  /**
   * panel / options → background: the admin keeps one version (`keepRev`); the choice is recorded as a
   * decision and the others are removed. `gone` when the grant is in conflict no more (resolved meanwhile,
   * here or by a colleague): a retry changes nothing.
   */
  resolveTeamConflict: define(
    'page',
    z.object({ grantId: z.string().min(1).max(100), keepRev: z.string().min(1).max(200) }),
    z.object({ outcome: resolveOutcomeSchema }),
  ),
  /**
   * options → background: the checklist runs and review campaigns edited in two places (issue 16), every
   * business at once (unframed only). Empty while the team ledger is off.
   */
  teamRecordConflicts: define(
    'page',
    none,
    z.object({ conflicts: z.array(teamRecordConflictSchema).max(10_000) }),
  ),
  /** panel → background: one business's runs and campaigns in conflict (their markers in the panel). */
  teamRecordConflictsOf: define(
    'page',
    z.object({ businessId }),
    z.object({ conflicts: z.array(teamRecordConflictSchema).max(1000) }),
  ),
  /** panel / options → background: every version of a run or campaign in conflict, with who wrote each. */
  teamRecordConflictVersions: define(
    'page',
    z.object({ kind: teamRecordKindSchema, id: z.string().min(1).max(100) }),
    z.object({ versions: z.array(teamRecordVersionSchema).max(100) }),
  ),
  /**
   * panel / options → background: the admin keeps one version of a run or campaign (`keepRev`); the choice
   * is recorded as a decision, the kept version saved here, the others removed. `gone` as for a grant.
   */
  resolveTeamRecordConflict: define(
    'page',
    z.object({
      kind: teamRecordKindSchema,
      id: z.string().min(1).max(100),
      keepRev: z.string().min(1).max(200),
    }),
    z.object({ outcome: resolveOutcomeSchema }),
  ),
  /**
   * options → background: the documents refused from the server (quarantined, never applied), latest
   * first, and how many in all (issue 16, item 3); unframed only.
   */
  teamQuarantine: define(
    'page',
    none,
    z.object({ items: z.array(quarantinedItemSchema).max(1000), total: z.number().int().min(0) }),
  ),
  /** page → background: one part of a request too large for one message (lib/domain/transfer.ts). */
  uploadPart: define(
    'page',
    z.object({
      transfer: z.string().uuid(),
      index: z
        .number()
        .int()
        .min(0)
        .max(MAX_PARTS - 1),
      count: z.number().int().min(1).max(MAX_PARTS),
      text: z.string().max(PART_CHARS),
    }),
    none,
  ),
  /** page → background: one part of an answer too large for one message. */
  downloadPart: define(
    'page',
    z.object({
      transfer: z.string().uuid(),
      index: z
        .number()
        .int()
        .min(0)
        .max(MAX_PARTS - 1),
    }),
    z.object({ text: z.string().max(PART_CHARS) }),
  ),
} as const;

/**
 * Messages about every business at once: answered only to an extension page that is its tab's top frame
 * and not panel.html (the options page, the overview page), never to a panel, not even a bound one (a panel
 * is framed in a page that is not ours; it needs no more than its own business).
 */
export const unframedOnly: ReadonlySet<string> = new Set([
  'overview',
  'assetPaths',
  'teamConnection',
  'teamConflicts',
  'teamRecordConflicts',
  'teamQuarantine',
]);

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
/** What a sender writes (before defaults and trimming). */
export type RequestOf<N extends MessageName> = z.input<Protocol[N]['request']>;
/** What a handler receives, parsed. */
export type ParsedRequestOf<N extends MessageName> = z.output<Protocol[N]['request']>;
export type ResultOf<N extends MessageName> = z.output<Protocol[N]['result']>;
/** Every answer: what was asked for, or one problem. */
export type Reply<N extends MessageName> = { ok: true; value: ResultOf<N> } | { ok: false; error: Problem };
export type MessagesFrom<K extends 'content' | 'page'> = {
  [N in MessageName]: Protocol[N]['from'] extends K | 'both' ? N : never;
}[MessageName];

/** Parses a reply as its message's result schema says (extension pages check what comes back, too). */
export function parseReply<N extends MessageName>(name: N, raw: unknown): Reply<N> {
  const envelope = z
    .union([
      z.object({ ok: z.literal(true), value: protocol[name].result }),
      z.object({ ok: z.literal(false), error: problemSchema }),
    ])
    .safeParse(raw);
  if (envelope.success) return envelope.data as Reply<N>;
  return { ok: false, error: { code: 'internal', facts: { message: `unexpected answer to ${name}` } } };
}

/**
 * background → content: what the background asks of a tab's content script. From our own background only
 * (a page cannot send these), so the content script checks their shape without zod.
 */
export interface ContentProtocol {
  /**
   * The findings to draw as badges and live warnings: the whole list, or its last part after the others
   * came as `moreFindings` (lib/domain/badge-findings.ts `findingParts`).
   */
  showFindings(findings: BadgeFinding[]): void;
  /** A part of the findings to draw, held until the list's last part comes (`showFindings`). */
  moreFindings(findings: BadgeFinding[]): void;
  /** Scroll to a subject's row and highlight it; whether it was found. */
  scrollToSubject(subject: string): boolean;
  /** Open the collapsed panel and highlight a subject (a notification or a due item was clicked). */
  revealPanel(subject: string): boolean;
  /**
   * The background (re)started: send the latest read of the page again, in full, so the tab's panel is
   * filled again without waiting for the page to change. Whether there was a read to send.
   */
  sendSnapshotAgain(): boolean;
}
