import { z } from 'zod';
import { snapshotLocaleSchema } from './locales';
import { readProblemSchema } from './read-problems';

// Extension pages and content scripts forbid eval: zod must not even probe for `new Function`
// (strict CSPs report the probe as a violation).
z.config({ jitless: true });

/** Page kinds of DESIGN.md "Page kinds". `other` keeps the extension silent. */
export const pageKinds = [
  'people',
  'partners',
  'system-users',
  'asset',
  'invite-dialog',
  'add-partner-dialog',
  'other',
] as const;
export const pageKindSchema = z.enum(pageKinds);
export type PageKind = z.infer<typeof pageKindSchema>;

export const assetTypes = [
  'page',
  'ad-account',
  'catalog',
  'dataset',
  'instagram',
  'whatsapp',
  'app',
] as const;
export const assetTypeSchema = z.enum(assetTypes);
export type AssetType = z.infer<typeof assetTypeSchema>;

/** Canonical task concepts of LEXICON.md "Asset tasks" (the partial-access ones; full control is an access level). */
export const taskKeys = [
  'content',
  'community',
  'messages',
  'ads',
  'insights',
  'revenue',
  'campaigns',
  'performance',
  'mockups',
  'advertise',
  'use',
  'develop',
] as const;
export const taskKeySchema = z.enum(taskKeys);
export type TaskKey = z.infer<typeof taskKeySchema>;

export const portfolioAccessSchema = z.enum([
  'full-control',
  'partial',
  'basic',
  'apps-integrations',
  'finance',
  'unknown',
]);
export type PortfolioAccess = z.infer<typeof portfolioAccessSchema>;

export const assetAccessSchema = z.enum(['full', 'full-except-sensitive', 'partial']);
export type AssetAccess = z.infer<typeof assetAccessSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)');

export const assetGrantSchema = z.object({
  type: assetTypeSchema,
  id: z.string().min(1).max(64).optional(),
  name: z.string().min(1).max(500),
  access: assetAccessSchema,
  tasks: z.array(taskKeySchema).max(taskKeys.length),
});
export type AssetGrant = z.infer<typeof assetGrantSchema>;

/** The longest name a principal keeps: the reader cuts a longer one (a name is never a fact). */
export const PRINCIPAL_NAME_MAX = 500;

const principalBase = {
  name: z.string().min(1).max(PRINCIPAL_NAME_MAX),
  portfolioAccess: portfolioAccessSchema.optional(),
  pending: z.boolean(),
  isCurrentUser: z.boolean(),
  temporaryUntil: isoDateSchema.optional(),
  assets: z.array(assetGrantSchema).max(10_000),
  /**
   * The name, e-mail address or ID was shown with hidden format characters (zero-width, bidi controls,
   * soft hyphen, …): they are removed from what is read, and the panel says the name contained them.
   */
  hiddenCharacters: z.boolean().optional(),
};

export const personSchema = z.object({
  kind: z.literal('person'),
  email: z.string().email().max(320).optional(),
  ...principalBase,
});
export const partnerSchema = z.object({
  kind: z.literal('partner'),
  businessId: z
    .string()
    .regex(/^\d{5,20}$/)
    .optional(),
  ...principalBase,
});
export const systemUserSchema = z.object({
  kind: z.literal('system-user'),
  id: z
    .string()
    .regex(/^\d{5,20}$/)
    .optional(),
  ...principalBase,
});
export const principalSchema = z.discriminatedUnion('kind', [personSchema, partnerSchema, systemUserSchema]);
export type Principal = z.infer<typeof principalSchema>;
/** The most principals one snapshot holds: a longer list is read up to here and reported partial. */
export const PRINCIPALS_MAX = 20_000;
export const principalsSchema = z.array(principalSchema).max(PRINCIPALS_MAX);
export type Person = z.infer<typeof personSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type SystemUser = z.infer<typeof systemUserSchema>;

export const readStatusSchema = z.enum(['ok', 'partial', 'unreadable']);
export type ReadStatus = z.infer<typeof readStatusSchema>;

export const pageSnapshotSchema = z.object({
  kind: pageKindSchema,
  businessId: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  url: z.string().url().max(4096),
  locale: snapshotLocaleSchema,
  readStatus: readStatusSchema,
  readProblems: z.array(readProblemSchema).max(100),
  currentUser: z
    .object({ name: z.string().min(1).max(500), email: z.string().email().max(320).optional() })
    .optional(),
  principals: principalsSchema,
});
export type PageSnapshot = z.infer<typeof pageSnapshotSchema>;
export type Locale = PageSnapshot['locale'];

/**
 * The name the invite dialog's reader gives an invitee whose e-mail is not typed yet: a stable key
 * (`person-name:New invitation`), shown on screen in the admin's words (`displayName`).
 */
export const DRAFT_INVITEE_NAME = 'New invitation';

/**
 * The stable id of a principal across visits and in every record (DESIGN.md "Subject key").
 */
export function getSubjectKey(principal: Principal): string {
  switch (principal.kind) {
    case 'person':
      return principal.email ? `person:${principal.email.toLowerCase()}` : `person-name:${principal.name}`;
    case 'partner':
      return principal.businessId ? `partner:${principal.businessId}` : `partner-name:${principal.name}`;
    case 'system-user':
      return `system-user:${principal.id ?? principal.name}`;
  }
}
