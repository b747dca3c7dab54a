import { z } from 'zod';

/** How many rows of each change list a preview shows at first, and how many more each "Show more" adds. */
export const PREVIEW_FIRST_ROWS = 100;
export const PREVIEW_MORE_ROWS = 1000;

/** The options page's ledger tasks: export, verify, import (plan, then apply), delete. */
export const adminRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export') }),
  /** The export's file was written (the page saw its write close): its time is the last export's. */
  z.object({ type: z.literal('export-saved') }),
  z.object({ type: z.literal('export-csv') }),
  z.object({ type: z.literal('verify') }),
  // The text's own size is checked by planImport (100 MB); this only bounds the request.
  z.object({ type: z.literal('plan-import'), text: z.string().max(110 * 1024 * 1024) }),
  z.object({
    type: z.literal('apply-import'),
    text: z.string().max(110 * 1024 * 1024),
    /** Colleagues' ledgers the admin trusts in this preview: their acceptances and revocations count. */
    trust: z.array(z.string().uuid()).max(1000).default([]),
    /** Ledgers whose changed key the admin accepts (any other with a changed key is held back). */
    acceptKeys: z.array(z.string().uuid()).max(1000).default([]),
  }),
  /**
   * The preview of a file the options page stored for the background (lib/ledger/uploads.ts), by its id:
   * as `plan-import`, without the file travelling in messages (issue 12, item 5).
   */
  z.object({ type: z.literal('plan-upload'), upload: z.string().uuid() }),
  /**
   * The import of a file previewed by `plan-import` (its answer's `preview`), without sending the file
   * again (issue 12, item 5): the background kept it. Once only; unknown or expired: `import-preview-gone`.
   */
  z.object({
    type: z.literal('apply-previewed'),
    preview: z.string().uuid(),
    trust: z.array(z.string().uuid()).max(1000).default([]),
    acceptKeys: z.array(z.string().uuid()).max(1000).default([]),
  }),
  /** The admin cancelled a preview (or chose another file): the background forgets its file. */
  z.object({ type: z.literal('drop-preview'), preview: z.string().uuid() }),
  /** The preview is still on screen: keeps the worker (and so the previewed file) awake. */
  z.object({ type: z.literal('keep-preview'), preview: z.string().uuid() }),
  /**
   * More rows of a kept preview's change list (`changeListOf`), from row `from` on: a preview answers with
   * each list's first rows and counts (issue 12, item 5), the rest stay with the preview in the background.
   */
  z.object({
    type: z.literal('preview-changes'),
    preview: z.string().uuid(),
    list: z.string().max(200),
    from: z.number().int().min(0),
    count: z.number().int().min(1).max(PREVIEW_MORE_ROWS),
  }),
  z.object({ type: z.literal('delete-all') }),
  z.object({ type: z.literal('colleagues') }),
  z.object({ type: z.literal('untrust'), ledgerId: z.string().uuid() }),
  z.object({ type: z.literal('trust'), ledgerId: z.string().uuid() }),
]);
export type AdminRequest = z.infer<typeof adminRequestSchema>;
/** The requests about a kept preview, which the background's handler answers itself (the store is not asked). */
export type PreviewRequest = Extract<
  AdminRequest,
  { type: 'plan-upload' | 'apply-previewed' | 'drop-preview' | 'keep-preview' | 'preview-changes' }
>;
/** The requests the ledger's own `ledgerAdmin` carries out. */
export type StoreAdminRequest = Exclude<AdminRequest, PreviewRequest>;

/** How far a running import is (lib/domain/ledger/import.ts ImportProgress), for the options page's bar. */
export const importProgressSchema = z.object({
  stage: z.enum(['reading', 'checking', 'writing']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});

export const chainBreakSchema = z.enum(['other-ledger', 'prev-hash', 'hash']);
export type ChainBreak = z.infer<typeof chainBreakSchema>;

const id = z.string().max(200);
const subject = z.string().max(600);

const date = z.string().max(40);
const text = z.string().max(600);
const count = z.number().int();

/** One record of an import that changes what the admin sees (lib/domain/ledger/import.ts ImportChange). */
export const importChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('accept'),
    ledgerId: id,
    businessId: id,
    subject,
    ruleId: id,
    assetName: text.optional(),
    until: date,
    by: text,
  }),
  z.object({
    kind: z.literal('revoke'),
    ledgerId: id,
    businessId: id,
    subject,
    on: date,
    by: text,
    grants: count,
  }),
  z.object({ kind: z.literal('extend'), ledgerId: id, businessId: id, subject, endsAt: date, by: text }),
  z.object({
    kind: z.literal('add-grant'),
    businessId: id,
    subject,
    assets: z.array(text).max(20),
    endsAt: date.optional(),
    cappedFrom: date.optional(),
    silences: z.array(z.string().max(60)).max(10),
  }),
  z.object({
    kind: z.literal('baseline'),
    ledgerId: id,
    businessId: id,
    replaces: z.boolean(),
    taken: count,
    added: count,
  }),
]);
export type ImportChangeView = z.infer<typeof importChangeSchema>;

export const keyStatusSchema = z.enum(['ours', 'new', 'known', 'changed', 'none']);

/** The most changes a preview lists one by one (the rest are counted); silencing ones are all listed. */
export const MAX_LISTED_CHANGES = 1000;

/**
 * Changes that mute a finding or stop reminders: a preview lists every one of them. A baseline does too
 * (issue 13): whoever it holds is known at the next read, so no alert says they are new.
 */
export function silencesSomething(change: { kind: string }): boolean {
  return (
    change.kind === 'accept' ||
    change.kind === 'revoke' ||
    change.kind === 'add-grant' ||
    change.kind === 'baseline'
  );
}

/** Whose word a file's baselines and changes are (lib/domain/ledger/watch-transfer.ts WatchStatus). */
export const watchStatusSchema = z.enum(['ours', 'trusted', 'untrusted', 'unverified']);

/**
 * The changes a preview lists: every silencing one (a padded file cannot push a mute out of sight), then
 * the others up to MAX_LISTED_CHANGES in all. The plan lists silencing changes first (lib/domain/ledger/import.ts).
 */
export function listedChanges<T extends { kind: string }>(changes: readonly T[]): T[] {
  const silencing = changes.filter(silencesSomething);
  const rest = changes.filter((c) => !silencesSomething(c));
  return [...silencing, ...rest.slice(0, Math.max(0, MAX_LISTED_CHANGES - silencing.length))];
}

/** Which of a preview's lists a change is in: its ledger's (mutes, revocations, extensions, baselines), or the grants'. */
export function changeListOf(change: { kind: string; ledgerId?: string }): string {
  return change.ledgerId !== undefined ? change.ledgerId : 'grants';
}

/** A preview's change lists, their first rows (in the order given), and what each holds in all. */
export function pageChanges<T extends { kind: string; ledgerId?: string }>(
  changes: readonly T[],
  first = PREVIEW_FIRST_ROWS,
): {
  shown: T[];
  lists: Map<string, T[]>;
  counts: { list: string; total: number; accept: number; revoke: number; extend: number }[];
} {
  const lists = new Map<string, T[]>();
  for (const change of changes) {
    const key = changeListOf(change);
    const list = lists.get(key);
    if (list) list.push(change);
    else lists.set(key, [change]);
  }
  const shown: T[] = [];
  const counts = [];
  for (const [list, rows] of lists) {
    for (const row of rows.slice(0, first)) shown.push(row);
    const of = (kind: string) => rows.filter((c) => c.kind === kind).length;
    counts.push({
      list,
      total: rows.length,
      accept: of('accept'),
      revoke: of('revoke'),
      extend: of('extend'),
    });
  }
  return { shown, lists, counts };
}

export const importSummarySchema = z.object({
  addGrants: z.number().int(),
  identicalGrants: z.number().int(),
  conflictingGrants: z.array(z.object({ id, subject })),
  addDecisions: z.number().int(),
  knownDecisions: z.number().int(),
  ledgers: z.array(
    z.object({
      ledgerId: id,
      ours: z.boolean(),
      adding: count,
      trusted: z.boolean(),
      trustLapsed: z.literal(true).optional(),
      key: keyStatusSchema,
      fingerprint: id.optional(),
      pinnedFingerprint: id.optional(),
      signed: count,
      unsigned: count,
      silencing: count,
      heldBack: z.boolean().optional(),
    }),
  ),
  // Not bounded by MAX_LISTED_CHANGES: every silencing change is listed (listedChanges); the file's
  // size (MAX_IMPORT_BYTES) bounds them.
  changes: z.array(importChangeSchema),
  /**
   * Set when a list is longer than its first rows: `changes` then holds each list's first
   * PREVIEW_FIRST_ROWS (`changeListOf`), the rest wait with the preview (`preview-changes`), and this says
   * how many each list holds in all, of each kind.
   */
  lists: z
    .array(z.object({ list: id, total: count, accept: count, revoke: count, extend: count }))
    .max(1000)
    .optional(),
  moreChanges: count,
  cappedGrants: count,
  /** The maximum grant duration the import was checked against (days). */
  maxGrantDays: count,
  /** Names read from the page for the subjects in changes, keyed `businessId subject`. */
  names: z.record(z.string().max(700), text),
  addRuns: z.number().int(),
  identicalRuns: z.number().int(),
  conflictingRuns: z.array(z.object({ id, subject, reason: z.enum(['differs', 'open-here']) })),
  /** The file's baselines and change log (issue 13); absent for a file without them. */
  watch: z
    .object({
      ledgerId: id,
      status: watchStatusSchema,
      businesses: count,
      changes: count,
      newChanges: count,
      applied: z.boolean().optional(),
      /** The file's access review campaigns (issue 14), listed in the preview. */
      campaigns: z
        .array(
          z.object({
            id,
            businessId: z.string().max(20),
            status: z.enum(['open', 'finished']),
            startedAt: z.string().datetime(),
            items: count,
            decided: count,
            reviewer: z.string().max(200).optional(),
          }),
        )
        .max(10_000)
        .optional(),
    })
    .optional(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const verifiedLedgerSchema = z.object({
  ledgerId: id,
  ours: z.boolean(),
  ok: z.boolean(),
  length: z.number().int(),
  breakAt: id.optional(),
  reason: chainBreakSchema.optional(),
  /** Authorship, apart from integrity: signatures checked against our key or the colleague's pinned one. */
  authorship: z.object({
    signed: count,
    valid: count,
    unsigned: count,
    badAt: id.optional(),
    fingerprint: id.optional(),
  }),
});

export const colleagueSchema = z.object({
  ledgerId: id,
  trusted: z.boolean(),
  trustedSince: date.optional(),
  fingerprint: id.optional(),
  firstSeenAt: date.optional(),
  /** A decision whose signature the background check after an import found bad (lib/ledger/signature-audit.ts). */
  badSignature: id.optional(),
});

export const adminResultSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export'), json: z.string(), fileName: z.string().max(200) }),
  z.object({ type: z.literal('export-saved'), at: z.string().datetime() }),
  z.object({ type: z.literal('export-csv'), grants: z.string(), decisions: z.string() }),
  z.object({ type: z.literal('verify'), ledgers: z.array(verifiedLedgerSchema) }),
  z.object({
    type: z.literal('import'),
    applied: z.boolean(),
    summary: importSummarySchema,
    /** A preview's file, kept by the background for its import (`apply-previewed`). */
    preview: z.string().uuid().optional(),
  }),
  /** Rows of a kept preview's change list, and the names read for their subjects. */
  z.object({
    type: z.literal('preview-changes'),
    changes: z.array(importChangeSchema).max(PREVIEW_MORE_ROWS),
    names: z.record(z.string().max(700), text),
  }),
  /** Whether the background still keeps a previewed file (after `keep-preview`; false after `drop-preview`). */
  z.object({ type: z.literal('preview'), kept: z.boolean() }),
  z.object({ type: z.literal('delete-all') }),
  z.object({
    type: z.literal('colleagues'),
    /** Our own key's fingerprint, to compare with what a colleague sees. */
    fingerprint: id,
    colleagues: z.array(colleagueSchema),
  }),
]);
export type AdminResult = z.infer<typeof adminResultSchema>;
