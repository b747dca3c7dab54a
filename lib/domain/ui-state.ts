import { z } from 'zod';
import { checklistRunSchema } from './checklists/runs';
import { diagnosticsSchema, findingSchema } from './messages';
import { BUSINESS_NAME_MAX } from './snapshot';
import { pageSnapshotSchema } from './snapshot-schema';
import { uiLocales } from './locales';

const uiLocaleSchema = z.enum(uiLocales);

/**
 * What the background sends to the extension's own pages (panel, popup). Kept apart from messages.ts,
 * which the content script bundles: the checklist templates and their words stay out of every page.
 */
/** An item due or overdue (lib/domain/reminders.ts DueItem), as the panel and the popup receive it. */
export const dueItemSchema = z.object({
  group: z.string().max(300),
  /**
   * `backup`: the ledger's monthly export (no business; its businessId is empty). `alert`: a change that gave
   * full control and no record approves (issue 13); `dueAt` is when it was first seen.
   */
  kind: z.enum(['expiry', 'overdue', 'review', 'recheck', 'backup', 'alert', 'removal']),
  businessId: z.string().max(20),
  grantId: z.string().max(100).optional(),
  subject: z.string().max(600).optional(),
  endsAt: z.string().max(10).optional(),
  runId: z.string().max(100).optional(),
  /** An access review's removals still present after 7 days (`removal`, issue 14). */
  campaignId: z.string().max(100).optional(),
  dueAt: z.string(),
  /** Who or what it is about, in words (name and e-mail, partner and Business ID). */
  label: z.string().max(1000).optional(),
});
export type DueItemView = z.infer<typeof dueItemSchema>;

export const focusActionSchema = z.enum(['extend', 'offboard', 'review', 'approve', 'incident']);
/**
 * What the admin came to do: a notification's "Extend…" or "Start offboarding", a due review, or an alert's
 * "This was approved" or "Start incident response" (issue 13).
 */
export type FocusAction = z.infer<typeof focusActionSchema>;

/**
 * A finding as the panel receives it: without its "why" (the same sentence for every finding of a rule, which
 * the panel takes from the rule itself) and its "how to fix" (asked for when the admin opens it:
 * `findingFix`). At 5,000 people the two were 1.9 MB of a 4.2 MB state, sent on every publish (issue 12).
 */
export const panelFindingSchema = findingSchema.omit({ why: true, fix: true });
export type PanelFinding = z.infer<typeof panelFindingSchema>;

/** background → panel: the state of the panel's tab. */
export const tabStateSchema = z.object({
  snapshot: pageSnapshotSchema.optional(),
  diagnostics: diagnosticsSchema.optional(),
  receivedAt: z.string().optional(),
  findings: z.array(panelFindingSchema).max(50_000).default([]),
  failedRules: z.array(z.object({ ruleId: z.string(), error: z.string() })).default([]),
  /** The UI language the findings are written in. */
  locale: uiLocaleSchema.default('en'),
  /** A subject the panel should open on (a badge or a notification asked for it). */
  focus: z
    .object({
      subject: z.string(),
      at: z.number(),
      action: focusActionSchema.optional(),
    })
    .optional(),
  /** The checklist runs of this business, open ones first. */
  runs: z.array(checklistRunSchema).max(1000).default([]),
  /** What is due or overdue in this business (reminder groups the panel can snooze). */
  due: z.array(dueItemSchema).max(10_000).default([]),
  /** The business's name as a page last showed it (issue 15); absent when unknown (the ID is shown). */
  businessName: z.string().min(1).max(BUSINESS_NAME_MAX).optional(),
  /** Changes when the business's change timeline may read differently (the panel asks for it again). */
  watchMark: z.string().max(100).optional(),
});
export type TabState = z.infer<typeof tabStateSchema>;

/** background → popup: the runs and due items it shows, for the current tab's business if there is one. */
export const popupStateSchema = z.object({
  /** The business of the active tab, when it is a Business Settings page. */
  businessId: z.string().max(20).optional(),
  /** Businesses Scopekeeper has seen (to start a checklist away from Business Settings). */
  businesses: z.array(z.string().max(20)).max(1000).default([]),
  /** The names pages showed for those businesses (issue 15), by ID; a business never named is absent. */
  names: z.record(z.string().max(20), z.string().min(1).max(BUSINESS_NAME_MAX)).default({}),
  runs: z.array(checklistRunSchema).max(1000).default([]),
  due: z.array(dueItemSchema).max(10_000).default([]),
  locale: uiLocaleSchema.default('en'),
});
export type PopupState = z.infer<typeof popupStateSchema>;
