import { z } from 'zod';

/**
 * The team ledger's settings (issue 16): the team's own CouchDB server, its database and the admin's
 * credentials there. Opt-in: without them nothing leaves the browser. They are kept in extension storage
 * only (lib/platform/team-settings.ts), never in the ledger, so never in an export.
 *
 * The server address is an origin with an optional path (a CouchDB behind a reverse proxy under
 * `/couchdb/`), nothing else: credentials go in their own fields, never in the address, and a password is
 * sent in clear over plain HTTP, so that is allowed only to this computer (a local CouchDB, the tests).
 */

/** CouchDB's own rule for a database name (https://docs.couchdb.org/en/stable/api/database/common.html). */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/**
 * Hosts where plain HTTP stays on this computer: those the manifest lists as optional hosts (`[::1]` is
 * not one, so the browser could never grant it).
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/** The fields of the team settings, as the options page names them. */
export const teamFields = ['serverUrl', 'database', 'user', 'password'] as const;
export type TeamField = (typeof teamFields)[number];

/** Why an address is refused: a code, put into words on screen. */
export type ServerUrlIssue =
  'not-a-url' | 'not-https' | 'has-credentials' | 'has-query' | 'business-settings';

/** The issue with a server address, or undefined when it can be used. */
export function getServerUrlIssue(text: string): ServerUrlIssue | undefined {
  if (!URL.canParse(text)) return 'not-a-url';
  const url = new URL(text);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return url.protocol === 'http:' ? 'not-https' : 'not-a-url';
  if (url.username || url.password) return 'has-credentials';
  if (url.search || url.hash) return 'has-query';
  // The one required host permission: the team server can never be Business Settings itself (turning the
  // team ledger off removes the server's permission).
  if (url.hostname === 'business.facebook.com') return 'business-settings';
  return undefined;
}

const serverUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((text, ctx) => {
    const issue = getServerUrlIssue(text);
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  })
  .transform((text) => {
    const url = new URL(text);
    // One spelling: the path always ends in `/`, so that `<server>/<database>` is a plain join.
    return url.origin + (url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
  });

export const teamSettingsSchema = z.object({
  version: z.literal(1),
  /** `https://couch.example.org/` (origin and path, ending in `/`). */
  serverUrl,
  database: z.string().trim().min(1).max(238).regex(DATABASE_NAME),
  user: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;
/** What the options page hands in: the same fields, not yet checked. */
export type TeamSettingsInput = Omit<z.input<typeof teamSettingsSchema>, 'version'>;

export type TeamSettingsParse =
  { ok: true; settings: TeamSettings } | { ok: false; fields: TeamField[]; serverUrlIssue?: ServerUrlIssue };

/** The team settings from the form, checked whole: the fields that are wrong, by name. */
export function parseTeamSettings(input: unknown): TeamSettingsParse {
  const parsed = teamSettingsSchema.safeParse({ ...(input as object), version: 1 });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const fields = teamFields.filter((field) => parsed.error.issues.some((i) => i.path[0] === field));
  const urlIssue = parsed.error.issues.find((i) => i.path[0] === 'serverUrl' && i.code === 'custom');
  return {
    ok: false,
    fields: fields.length > 0 ? fields : [...teamFields],
    ...(urlIssue ? { serverUrlIssue: urlIssue.message as ServerUrlIssue } : {}),
  };
}

/** The team settings as the options page sees them: never the password itself. */
export type TeamSettingsView =
  | { kind: 'off' }
  | { kind: 'on'; settings: Omit<TeamSettings, 'password'> }
  /** Stored, but not readable: the team ledger is off until the admin saves again (nothing is sent). */
  | { kind: 'invalid' };

/** What the options page hands in; an empty password keeps the saved one. */
export type TeamSettingsForm = Omit<TeamSettingsInput, 'password'> & { password: string };

export type SaveTeamOutcome =
  | { kind: 'saved'; settings: Omit<TeamSettings, 'password'>; origin: string }
  | { kind: 'invalid'; fields: TeamField[]; serverUrlIssue?: ServerUrlIssue }
  /** The admin did not grant access to the server: nothing was saved. */
  | { kind: 'permission-refused'; origin: string };

/**
 * The host permission asked for the server at the moment the admin saves: its scheme and host. Browsers'
 * match patterns name a host, not a port (Firefox's have none), so the pattern covers that host on any
 * port, and nothing else.
 */
export function getOriginPattern(settings: Pick<TeamSettings, 'serverUrl'>): string {
  const url = new URL(settings.serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The database's address: the server's address and the name, escaped (CouchDB allows `/` in names). */
export function getDatabaseUrl(settings: Pick<TeamSettings, 'serverUrl' | 'database'>): string {
  return settings.serverUrl + encodeURIComponent(settings.database);
}

/**
 * What "Test connection" found, as codes with facts (put into words by the options page):
 * - `off`: no team server is set;
 * - `no-permission`: the browser has not granted the host permission for the server (save again);
 * - `unreachable`: no answer (`network`, `timeout`), or an answer that is not CouchDB's (`not-couchdb`, with
 *   the HTTP status where there was one);
 * - `wrong-credentials`: the server refused the user name and password;
 * - `no-access`: they are right, but this user may not open the database (not one of its members);
 * - `missing-database`: the database does not exist; `canCreate` when this user is a server admin (only
 *   they may create databases in CouchDB);
 * - `ready`: the database answers for this user (`created` when this check created it).
 */
export const teamCheckSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off') }),
  z.object({ kind: z.literal('no-permission'), origin: z.string().max(2100) }),
  z.object({
    kind: z.literal('unreachable'),
    reason: z.enum(['network', 'timeout', 'not-couchdb']),
    status: z.number().int().min(100).max(599).optional(),
  }),
  z.object({ kind: z.literal('wrong-credentials') }),
  z.object({ kind: z.literal('no-access') }),
  z.object({ kind: z.literal('missing-database'), canCreate: z.boolean() }),
  z.object({ kind: z.literal('ready'), created: z.boolean() }),
]);
export type TeamCheck = z.infer<typeof teamCheckSchema>;

/**
 * The team ledger's replication as the popup and the options page show it (issue 16): `off` without
 * settings; otherwise when the last sync ended well, how many of our records the server does not have
 * yet, the last sync's error (the connection check's words), documents refused from the server
 * (quarantined, never applied), grants edited in two places, waiting for an admin, and records of
 * colleagues the admin has not trusted, waiting for that trust.
 */
export const teamSyncErrorSchema = z.union([
  teamCheckSchema,
  z.object({ kind: z.literal('failed'), message: z.string().max(500) }),
]);
export const teamStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off') }),
  z.object({
    kind: z.literal('on'),
    lastSyncAt: z.string().datetime().optional(),
    pending: z.number().int().min(0),
    lastError: teamSyncErrorSchema.optional(),
    quarantined: z.number().int().min(0),
    conflicts: z.number().int().min(0),
    waiting: z.object({ colleagues: z.number().int().min(1), records: z.number().int().min(1) }).optional(),
  }),
]);
export type TeamStatusView = z.infer<typeof teamStatusSchema>;
