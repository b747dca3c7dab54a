import { getDatabaseUrl, type TeamCheck, type TeamSettings } from '../domain/team-ledger';

/** How long one request of the check may take before the server counts as unreachable. */
const REQUEST_TIMEOUT_MS = 10_000;

type Answer = { kind: 'answer'; status: number; body: unknown } | { kind: 'network' | 'timeout' };

/**
 * One request of the check, to the team's own CouchDB only (issue 16: the one network exception, opt-in).
 * `url` is always built from `settings.serverUrl` (the address the admin saved, and the only origin the
 * browser lets us reach beside Business Settings); the credentials go in its Authorization header and
 * nowhere else: no cookies (`credentials: 'omit'`), and a redirect is not followed (it could lead the
 * header to another server), it counts as "not CouchDB".
 */
async function request(settings: TeamSettings, url: string, method: 'GET' | 'PUT'): Promise<Answer> {
  if (new URL(url).origin !== new URL(settings.serverUrl).origin)
    throw new Error('The team ledger sends requests to its configured server only.');
  const authorization = `Basic ${basicCredentials(settings.user, settings.password)}`;
  let response: Response;
  try {
    // The team server's own origin (checked above): see the comment of this function.
    response = await fetch(url, {
      method,
      headers: { accept: 'application/json', authorization },
      credentials: 'omit',
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: error instanceof DOMException && error.name === 'TimeoutError' ? 'timeout' : 'network' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return { kind: 'answer', status: response.status, body };
}

/** `user:password` in Base64 over its UTF-8 bytes (RFC 7617), which `btoa` alone cannot do. */
function basicCredentials(user: string, password: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${user}:${password}`)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An answer is CouchDB's when it is a JSON object (CouchDB answers every request with one). */
const notCouchDb = (answer: { status: number }): TeamCheck => ({
  kind: 'unreachable',
  reason: 'not-couchdb',
  status: answer.status >= 100 && answer.status <= 599 ? answer.status : undefined,
});

/**
 * "Test connection": who the server says we are (`/_session`), then whether the database answers. With
 * `createDatabase`, a missing database is created first when this user is a server admin.
 */
export async function checkTeamConnection(
  settings: TeamSettings,
  options: { createDatabase?: boolean } = {},
): Promise<TeamCheck> {
  const session = await request(settings, `${settings.serverUrl}_session`, 'GET');
  if (session.kind !== 'answer') return { kind: 'unreachable', reason: session.kind };
  if (session.status === 401) return { kind: 'wrong-credentials' };
  const userCtx = isObject(session.body) && isObject(session.body.userCtx) ? session.body.userCtx : undefined;
  if (session.status !== 200 || !userCtx) return notCouchDb(session);
  // CouchDB answers a request without valid credentials as anonymous (name null) where it does not refuse it.
  if (userCtx.name !== settings.user) return { kind: 'wrong-credentials' };
  const isServerAdmin = Array.isArray(userCtx.roles) && userCtx.roles.includes('_admin');

  const databaseUrl = getDatabaseUrl(settings);
  let created = false;
  let database = await request(settings, databaseUrl, 'GET');
  if (database.kind === 'answer' && database.status === 404 && options.createDatabase && isServerAdmin) {
    const made = await request(settings, databaseUrl, 'PUT');
    if (made.kind !== 'answer') return { kind: 'unreachable', reason: made.kind };
    // 412: made meanwhile by someone else; fine, it exists.
    if (made.status !== 201 && made.status !== 202 && made.status !== 412) return notCouchDb(made);
    created = made.status !== 412;
    database = await request(settings, databaseUrl, 'GET');
  }
  if (database.kind !== 'answer') return { kind: 'unreachable', reason: database.kind };
  if (database.status === 404) return { kind: 'missing-database', canCreate: isServerAdmin };
  // Credentials that /_session accepted: a refusal here means this user is not a member of the database.
  if (database.status === 401 || database.status === 403) return { kind: 'no-access' };
  if (database.status === 200 && isObject(database.body) && 'db_name' in database.body)
    return { kind: 'ready', created };
  return notCouchDb(database);
}

/**
 * The `fetch` the replication's remote database is given (issue 16): the same rules as the check's own
 * requests. Only the saved server's origin (anything else throws before a byte is sent), the saved
 * credentials in the Authorization header, no cookies, no redirect followed (a redirect answers as an error
 * status, never as a request to elsewhere).
 */
export function teamFetch(
  settings: TeamSettings,
  timeoutMs = TEAM_REQUEST_TIMEOUT_MS,
  onTimeout?: () => void,
): typeof fetch {
  const origin = new URL(settings.serverUrl).origin;
  const authorization = `Basic ${basicCredentials(settings.user, settings.password)}`;
  return (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== origin)
      return Promise.reject(new Error('The team ledger sends requests to its configured server only.'));
    const headers = new Headers(init.headers);
    headers.set('authorization', authorization);
    // A server that takes the request and never answers (or never ends its answer) does not hold the
    // sync, and what waits behind it, for ever: the request fails as a timeout, and the next sync tries again.
    const timeout = AbortSignal.timeout(timeoutMs);
    if (onTimeout) timeout.addEventListener('abort', onTimeout, { once: true });
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    // The team server's own origin (checked above); see `request` for why these options.
    return fetch(url, {
      ...init,
      headers,
      signal,
      credentials: 'omit',
      redirect: 'manual',
      cache: 'no-store',
    });
  };
}

/**
 * How long one replication request may take, its answer read in full: PouchDB sets no limit of its own. A
 * batch is at most 500 documents (about half a megabyte), so a minute is generous on any working link.
 */
export const TEAM_REQUEST_TIMEOUT_MS = 60_000;
