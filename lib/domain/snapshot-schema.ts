import { z } from 'zod';
import { snapshotLocales } from './locales';
import {
  readProblemCodes,
  readProblemFactNames,
  READ_PROBLEM_FACT_MAX,
  type ReadProblem,
} from './read-problems';
import { codedFactsSchema } from './coded-facts';
import {
  ASSET_ID_MAX,
  ASSET_NAME_MAX,
  assetAccesses,
  ASSETS_MAX,
  assetTypes,
  BUSINESS_NAME_MAX,
  BUSINESS_ID_PATTERN,
  EMAIL_MAX,
  EMAIL_PATTERN,
  ISO_DATE_PATTERN,
  pageKinds,
  portfolioAccesses,
  PRINCIPAL_ID_PATTERN,
  PRINCIPAL_NAME_MAX,
  PRINCIPALS_MAX,
  READ_PROBLEMS_MAX,
  readStatuses,
  taskKeys,
  twoFactorRequirements,
  URL_MAX,
  type AssetGrant,
  type PageSnapshot,
  type Partner,
  type Person,
  type Principal,
  type SystemUser,
  type ListedPerson,
  type SecuritySignals,
} from './snapshot';

// Extension pages and content scripts forbid eval: zod must not even probe for `new Function`
// (strict CSPs report the probe as a violation).
z.config({ jitless: true });

/**
 * The zod schemas of a snapshot (DESIGN.md "Snapshot"), built from the lists and limits of snapshot.ts:
 * the background parses every report with them (a content script reads an untrusted page), after holding
 * it to the same bounds by hand (lib/domain/snapshot-normalize.ts: one bad row costs that row, not the
 * read). The content script never bundles this module; the types below are checked to be the hand-written
 * ones.
 */
export const pageKindSchema = z.enum(pageKinds);
export const assetTypeSchema = z.enum(assetTypes);
export const taskKeySchema = z.enum(taskKeys);
export const portfolioAccessSchema = z.enum(portfolioAccesses);
export const assetAccessSchema = z.enum(assetAccesses);
export const readStatusSchema = z.enum(readStatuses);
export const snapshotLocaleSchema = z.enum(snapshotLocales);
export const isoDateSchema = z.string().regex(ISO_DATE_PATTERN, 'an ISO date (YYYY-MM-DD)');
const emailSchema = z.string().email({ pattern: EMAIL_PATTERN }).max(EMAIL_MAX);

/** A read problem (read-problems.ts): one of its codes, with the named facts its sentence needs. */
export const readProblemSchema = codedFactsSchema(
  readProblemCodes,
  readProblemFactNames,
  READ_PROBLEM_FACT_MAX,
);

export const assetGrantSchema = z.object({
  type: assetTypeSchema,
  id: z.string().min(1).max(ASSET_ID_MAX).optional(),
  name: z.string().min(1).max(ASSET_NAME_MAX),
  access: assetAccessSchema,
  tasks: z.array(taskKeySchema).max(taskKeys.length),
});

const principalBase = {
  name: z.string().min(1).max(PRINCIPAL_NAME_MAX),
  portfolioAccess: portfolioAccessSchema.optional(),
  pending: z.boolean(),
  isCurrentUser: z.boolean(),
  temporaryUntil: isoDateSchema.optional(),
  assets: z.array(assetGrantSchema).max(ASSETS_MAX),
  hiddenCharacters: z.boolean().optional(),
  detail: z.boolean().optional(),
};

export const personSchema = z.object({
  kind: z.literal('person'),
  email: emailSchema.optional(),
  ...principalBase,
});
export const partnerSchema = z.object({
  kind: z.literal('partner'),
  businessId: z.string().regex(PRINCIPAL_ID_PATTERN).optional(),
  ...principalBase,
});
export const systemUserSchema = z.object({
  kind: z.literal('system-user'),
  id: z.string().regex(PRINCIPAL_ID_PATTERN).optional(),
  ...principalBase,
});
export const principalSchema = z.discriminatedUnion('kind', [personSchema, partnerSchema, systemUserSchema]);
export const principalsSchema = z.array(principalSchema).max(PRINCIPALS_MAX);

export const listedPersonSchema = z.object({
  name: z.string().min(1).max(PRINCIPAL_NAME_MAX),
  email: emailSchema.optional(),
});
export const securitySignalsSchema = z.object({
  twoFactorRequirement: z.enum(twoFactorRequirements).optional(),
  withoutTwoFactor: z.array(listedPersonSchema).max(PRINCIPALS_MAX).optional(),
  inactive: z.array(listedPersonSchema).max(PRINCIPALS_MAX).optional(),
});

export const pageSnapshotSchema = z.object({
  kind: pageKindSchema,
  businessId: z.string().regex(BUSINESS_ID_PATTERN).optional(),
  url: z.string().url().max(URL_MAX),
  locale: snapshotLocaleSchema,
  readStatus: readStatusSchema,
  readProblems: z.array(readProblemSchema).max(READ_PROBLEMS_MAX),
  currentUser: z
    .object({ name: z.string().min(1).max(PRINCIPAL_NAME_MAX), email: emailSchema.optional() })
    .optional(),
  businessName: z.string().min(1).max(BUSINESS_NAME_MAX).optional(),
  principals: principalsSchema,
  security: securitySignalsSchema.optional(),
});

// The hand-written types of snapshot.ts are exactly what the schemas infer: a field added to one and not
// the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SnapshotTypesMatchSchemas = [
  Assert<Same<AssetGrant, z.infer<typeof assetGrantSchema>>>,
  Assert<Same<Person, z.infer<typeof personSchema>>>,
  Assert<Same<Partner, z.infer<typeof partnerSchema>>>,
  Assert<Same<SystemUser, z.infer<typeof systemUserSchema>>>,
  Assert<Same<Principal, z.infer<typeof principalSchema>>>,
  Assert<Same<ReadProblem, z.infer<typeof readProblemSchema>>>,
  Assert<Same<ListedPerson, z.infer<typeof listedPersonSchema>>>,
  Assert<Same<SecuritySignals, z.infer<typeof securitySignalsSchema>>>,
  Assert<Same<PageSnapshot, z.infer<typeof pageSnapshotSchema>>>,
];
