import { z } from 'zod';
import { assetTypeSchema, isoDateSchema, taskKeySchema } from '../../lib/domain/snapshot-schema';
import { listStructures, paneStructures } from './structures';

/**
 * A portfolio description: the input of the Business Settings sandbox. One JSON document says who is in
 * the portfolio, what they hold, which invitations are pending, and in which language and markup
 * structures the sandbox renders it (structures.ts).
 */
export const sandboxAssignmentSchema = z.object({
  asset: z.string(),
  /** `full` is full control of the asset; `except-sensitive` is "Everything except sensitive actions". */
  full: z.union([z.literal(true), z.literal('except-sensitive')]).optional(),
  tasks: z.array(taskKeySchema).default([]),
});

export const sandboxPortfolioSchema = z.object({
  businessId: z.string().regex(/^\d{15,16}$/),
  businessName: z.string(),
  locale: z.enum(['en', 'sv', 'fr']),
  /** The list structure, by its older name (grid, list, table, labelled-rows, cards): see structures.ts. */
  variant: z.enum(listStructures).optional(),
  /** An explicit list structure; wins over `variant`. */
  listStructure: z.enum(listStructures).optional(),
  /** An explicit detail-pane structure. */
  paneStructure: z.enum(paneStructures).optional(),
  /**
   * When a structure is not chosen explicitly, the seed picks it (the same seed, the same structures);
   * without a seed the defaults are grid and headings.
   */
  structureSeed: z.string().optional(),
  /** Seed of the generated class names ("per build"). */
  buildSeed: z.string().default('build-1'),
  /** How many rows a list renders at first, and per scroll batch. */
  batchSize: z.number().int().positive().default(40),
  /** Show the sandbox's own controls (the takeover scenario, takeover.ts): `npm run demo` asks for them. */
  demoControls: z.boolean().default(false),
  /** Delay before rows appear after a navigation, in ms. */
  rowDelayMs: z.number().int().nonnegative().default(250),
  currentUserId: z.string(),
  assets: z.array(z.object({ id: z.string().regex(/^\d+$/), type: assetTypeSchema, name: z.string() })),
  people: z.array(
    z.object({
      id: z.string().regex(/^\d+$/),
      name: z.string(),
      email: z.string(),
      access: z.enum(['full-control', 'basic', 'apps-integrations', 'finance']),
      pending: z.boolean().default(false),
      temporaryUntil: isoDateSchema.optional(),
      assets: z.array(sandboxAssignmentSchema).default([]),
      /** Security Center lists the person among those without two-factor authentication (security.ts). */
      withoutTwoFactor: z.boolean().optional(),
      /** Security Center lists the person among the inactive users. */
      inactive: z.boolean().optional(),
    }),
  ),
  /**
   * Business info's two-factor requirement and Security Center (security.ts). `wording: 'unknown'` renders
   * both pages in words no reader knows (the unreadable variant); `people: 'plain-cards'` renders Security
   * Center's people as plain cards (divs, no roles, no <li>/<tr>), which no reader can take as rows.
   */
  security: z
    .object({
      twoFactor: z.enum(['no-one', 'admins', 'everyone']).default('admins'),
      wording: z.enum(['meta', 'unknown']).default('meta'),
      people: z.enum(['rows', 'plain-cards']).optional(),
    })
    .prefault({}),
  partners: z.array(
    z.object({
      businessId: z.string().regex(/^\d+$/),
      name: z.string(),
      assets: z.array(sandboxAssignmentSchema).default([]),
    }),
  ),
  systemUsers: z.array(
    z.object({
      id: z.string().regex(/^\d+$/),
      name: z.string(),
      role: z.enum(['admin', 'employee']),
      assets: z.array(sandboxAssignmentSchema).default([]),
    }),
  ),
});
export type SandboxPortfolio = z.infer<typeof sandboxPortfolioSchema>;
export type SandboxPortfolioInput = z.input<typeof sandboxPortfolioSchema>;
export type SandboxAssignment = z.infer<typeof sandboxAssignmentSchema>;
export type SandboxPerson = SandboxPortfolio['people'][number];
export type SandboxPartner = SandboxPortfolio['partners'][number];
export type SandboxSystemUser = SandboxPortfolio['systemUsers'][number];
export type SandboxAsset = SandboxPortfolio['assets'][number];
