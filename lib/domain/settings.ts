import { z } from 'zod';

/**
 * The admin's settings (options page). Thresholds default to DESIGN.md's values. Stored with a version;
 * see lib/platform/settings-item.ts for the storage item and its migrations.
 */
export const settingsSchema = z.object({
  /** The portfolio's own e-mail domains; empty means "the current user's domain" (unless it is a consumer one). */
  ownDomains: z
    .array(
      z
        .string()
        .toLowerCase()
        .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/),
    )
    .max(100)
    .default([]),
  /** Partner Business IDs the admin has approved; empty means no approved-partner check. */
  approvedPartnerIds: z
    .array(z.string().regex(/^\d{5,20}$/))
    .max(1000)
    .default([]),
  maxFullControl: z.number().int().min(1).max(100).default(5),
  stalePendingDays: z.number().int().min(1).max(365).default(7),
  maxPartnerAssets: z.number().int().min(1).max(1000).default(5),
  /** More assets than this on one system user raises system-user-broad-scope (issue 15). */
  maxSystemUserAssets: z.number().int().min(1).max(1000).default(5),
  expiryLeadDays: z.number().int().min(0).max(365).default(7),
  /** The longest a recorded grant may run before it must be extended with a reason (days). */
  maxGrantDays: z.number().int().min(1).max(3650).default(90),
  /** Remind this many days before a recorded end date (then on the day, then daily while overdue). */
  reminderLeadDays: z.array(z.number().int().min(1).max(365)).max(5).default([7, 1]),
  /** Remind to review each business's access this often (days); 0 switches it off. */
  reviewEveryDays: z.number().int().min(0).max(365).default(30),
  /** The local hour at which reminders fall due. */
  reminderHour: z.number().int().min(0).max(23).default(9),
  /** Suggest exporting the ledger this often (days); 0 switches the reminder off. */
  backupReminderDays: z.number().int().min(0).max(365).default(30),
  /**
   * How long the change baseline keeps a fact, and the change log a change, that no read has shown (days;
   * issue 13).
   */
  changeRetentionDays: z.number().int().min(30).max(3650).default(400),
  /** Rule ids switched off by the admin. */
  disabledRules: z.array(z.string().max(64)).max(100).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

/** Which settings are not valid (their keys), as the options page says it in the admin's words. */
export interface SettingsProblem {
  fields: string[];
}

export function settingsProblem(error: { issues: readonly { path: PropertyKey[] }[] }): SettingsProblem {
  return { fields: [...new Set(error.issues.map((i) => String(i.path[0] ?? '-')))] };
}
