import { snapshotLocales } from './locales';
import {
  READ_PROBLEM_FACT_MAX,
  readProblem,
  readProblemCodes,
  readProblemFactNames,
  type ReadProblem,
} from './read-problems';
import {
  ASSET_ID_MAX,
  ASSET_NAME_MAX,
  ASSETS_MAX,
  BUSINESS_ID_PATTERN,
  EMAIL_MAX,
  EMAIL_PATTERN,
  ISO_DATE_PATTERN,
  PRINCIPAL_ID_PATTERN,
  PRINCIPAL_NAME_MAX,
  PRINCIPALS_MAX,
  READ_PROBLEMS_MAX,
  SENT_READ_PROBLEMS_MAX,
  URL_MAX,
  assetAccesses,
  assetTypes,
  pageKinds,
  portfolioAccesses,
  readStatuses,
  taskKeys,
  twoFactorRequirements,
  type AssetGrant,
  type ListedPerson,
  type PageSnapshot,
  type Principal,
} from './snapshot';

/**
 * The background's first word on what a content script reports (issue 12, item 2; moved here from the
 * page for issue 15, to keep the content script small): before the zod parse of `reportSnapshot` and
 * `reportDelta` (lib/domain/messages.ts), everything the schema (lib/domain/snapshot-schema.ts
 * `principalSchema`, `pageSnapshotSchema`) would refuse in a read is cut or dropped here, by hand, and said
 * as a read problem, as the page did before: one bad row (a hostile name of 600 characters, an e-mail
 * address zod refuses) costs that row, not the whole read. The input is untrusted and of any type; a test
 * holds these checks to the schema, bound by bound (test/lib/domain/snapshot-normalize.test.ts).
 *
 * Like the schema, the result holds only the fields a snapshot has (anything else a reader put on an
 * object is left behind).
 */

const oneOf = <T extends string>(list: readonly T[]) => {
  const known = new Set<string>(list);
  return (value: unknown): value is T => typeof value === 'string' && known.has(value);
};
const isAssetType = oneOf(assetTypes);
const isAssetAccess = oneOf(assetAccesses);
const isTaskKey = oneOf(taskKeys);
const isPortfolioAccess = oneOf(portfolioAccesses);
const isPageKind = oneOf(pageKinds);
const isReadStatus = oneOf(readStatuses);
const isSnapshotLocale = oneOf(snapshotLocales);
const isReadProblemCode = oneOf(readProblemCodes);
const isFactName = oneOf(readProblemFactNames);
const isTwoFactorRequirement = oneOf(twoFactorRequirements);

const isText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const matches = (value: unknown, pattern: RegExp): value is string =>
  typeof value === 'string' && pattern.test(value);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An e-mail address the schema takes (zod's `email()` pattern, at most EMAIL_MAX characters). */
export const isEmail = (value: unknown): value is string =>
  isText(value, 1, EMAIL_MAX) && EMAIL_PATTERN.test(value);

/** A page address the schema takes (zod's `url()`: one the URL parser reads, after trimming). */
export function isUrl(value: unknown): value is string {
  if (!isText(value, 0, URL_MAX)) return false;
  try {
    return URL.canParse(value.trim());
  } catch {
    return false;
  }
}

/** What is wrong with an asset grant (the field and why), or the grant with only its own fields. */
function normalizeAsset(value: unknown): AssetGrant | string {
  if (!isObject(value)) return 'asset: not an object';
  const { type, id, name, access, tasks } = value;
  if (!isAssetType(type)) return 'asset.type: unknown';
  if (id !== undefined && !isText(id, 1, ASSET_ID_MAX))
    return `asset.id: not 1 to ${ASSET_ID_MAX} characters`;
  if (!isText(name, 1, ASSET_NAME_MAX)) return `asset.name: not 1 to ${ASSET_NAME_MAX} characters`;
  if (!isAssetAccess(access)) return 'asset.access: unknown';
  if (!Array.isArray(tasks) || tasks.length > taskKeys.length || !tasks.every(isTaskKey))
    return 'asset.tasks: not a list of task keys';
  return { type, ...(id !== undefined ? { id } : {}), name, access, tasks: [...tasks] };
}

type Checked = { principal: Principal; emailDropped: boolean } | { issue: string };

/** One principal as the schema takes it; an e-mail address it refuses is dropped (the subject falls back to the name). */
function normalizePrincipal(value: unknown): Checked {
  if (!isObject(value)) return { issue: 'not an object' };
  const {
    kind,
    name,
    portfolioAccess,
    pending,
    isCurrentUser,
    temporaryUntil,
    assets,
    hiddenCharacters,
    detail,
  } = value;
  if (kind !== 'person' && kind !== 'partner' && kind !== 'system-user') return { issue: 'kind: unknown' };
  if (!isText(name, 1, PRINCIPAL_NAME_MAX))
    return { issue: `name: not 1 to ${PRINCIPAL_NAME_MAX} characters` };
  if (portfolioAccess !== undefined && !isPortfolioAccess(portfolioAccess))
    return { issue: 'portfolioAccess: unknown' };
  if (typeof pending !== 'boolean') return { issue: 'pending: not true or false' };
  if (typeof isCurrentUser !== 'boolean') return { issue: 'isCurrentUser: not true or false' };
  if (temporaryUntil !== undefined && !matches(temporaryUntil, ISO_DATE_PATTERN))
    return { issue: 'temporaryUntil: not an ISO date' };
  if (hiddenCharacters !== undefined && typeof hiddenCharacters !== 'boolean')
    return { issue: 'hiddenCharacters: not true or false' };
  if (detail !== undefined && typeof detail !== 'boolean') return { issue: 'detail: not true or false' };
  if (!Array.isArray(assets) || assets.length > ASSETS_MAX)
    return { issue: `assets: not a list of at most ${ASSETS_MAX}` };
  const grants: AssetGrant[] = [];
  for (const asset of assets) {
    const grant = normalizeAsset(asset);
    if (typeof grant === 'string') return { issue: grant };
    grants.push(grant);
  }
  const base = {
    name,
    ...(portfolioAccess !== undefined ? { portfolioAccess } : {}),
    pending,
    isCurrentUser,
    ...(temporaryUntil !== undefined ? { temporaryUntil } : {}),
    assets: grants,
    ...(hiddenCharacters !== undefined ? { hiddenCharacters } : {}),
    ...(detail !== undefined ? { detail } : {}),
  };
  switch (kind) {
    case 'person': {
      const { email } = value;
      if (email === undefined) return { principal: { kind, ...base }, emailDropped: false };
      const kept = isEmail(email);
      return { principal: { kind, ...(kept ? { email } : {}), ...base }, emailDropped: !kept };
    }
    case 'partner': {
      const { businessId } = value;
      if (businessId !== undefined && !matches(businessId, PRINCIPAL_ID_PATTERN))
        return { issue: 'businessId: not 5 to 20 digits' };
      return {
        principal: { kind, ...(businessId !== undefined ? { businessId } : {}), ...base },
        emailDropped: false,
      };
    }
    case 'system-user': {
      const { id } = value;
      if (id !== undefined && !matches(id, PRINCIPAL_ID_PATTERN)) return { issue: 'id: not 5 to 20 digits' };
      return { principal: { kind, ...(id !== undefined ? { id } : {}), ...base }, emailDropped: false };
    }
  }
}

/**
 * The principals a snapshot may carry, and the read problems of those it could not: a principal the schema
 * would refuse is left out (`principal-invalid`, with the field and why), a person whose e-mail address it
 * would refuse is kept without it (`invalid-email`), and a list longer than PRINCIPALS_MAX is cut there
 * (`list-over-limit`).
 */
export function normalizePrincipals(candidates: readonly unknown[]): {
  principals: Principal[];
  problems: ReadProblem[];
} {
  const principals: Principal[] = [];
  const problems: ReadProblem[] = [];
  for (const candidate of candidates) {
    const checked = normalizePrincipal(candidate);
    if ('issue' in checked) {
      const kind = isObject(candidate) ? String(candidate.kind) : typeof candidate;
      problems.push(readProblem('principal-invalid', { kind, issue: checked.issue }));
      continue;
    }
    if (checked.emailDropped) problems.push(readProblem('invalid-email'));
    principals.push(checked.principal);
  }
  if (principals.length > PRINCIPALS_MAX) {
    problems.push(readProblem('list-over-limit', { count: PRINCIPALS_MAX, total: principals.length }));
    principals.length = PRINCIPALS_MAX;
  }
  return { principals, problems };
}

function problemIssue(problem: unknown): string | undefined {
  if (!isObject(problem) || !isReadProblemCode(problem.code)) return 'readProblems: unknown code';
  const { facts } = problem;
  if (facts === undefined) return undefined;
  if (!isObject(facts)) return 'readProblems.facts: not an object';
  for (const [name, value] of Object.entries(facts)) {
    if (!isFactName(name)) return 'readProblems.facts: unknown fact';
    if (value === undefined) continue;
    const ok =
      typeof value === 'string'
        ? value.length <= READ_PROBLEM_FACT_MAX
        : typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    if (!ok) return `readProblems.facts.${name}: not a short text or a count`;
  }
  return undefined;
}

/**
 * What the schema would refuse in a snapshot's page-level fields (its principals are checked by
 * normalizePrincipals), as the field and why; nothing when it takes them.
 */
export function snapshotIssue(snapshot: Omit<PageSnapshot, 'principals'>): string | undefined {
  const { kind, businessId, url, locale, readStatus, readProblems, currentUser } = snapshot as Record<
    keyof typeof snapshot,
    unknown
  >;
  if (!isPageKind(kind)) return 'kind: unknown';
  if (businessId !== undefined && !matches(businessId, BUSINESS_ID_PATTERN))
    return 'businessId: not 1 to 20 digits';
  if (!isUrl(url)) return `url: not an address of at most ${URL_MAX} characters`;
  if (!isSnapshotLocale(locale)) return 'locale: unknown';
  if (!isReadStatus(readStatus)) return 'readStatus: unknown';
  if (!Array.isArray(readProblems) || readProblems.length > READ_PROBLEMS_MAX)
    return `readProblems: not a list of at most ${READ_PROBLEMS_MAX}`;
  for (const problem of readProblems) {
    const issue = problemIssue(problem);
    if (issue) return issue;
  }
  if (currentUser !== undefined) {
    if (!isObject(currentUser) || !isText(currentUser.name, 1, PRINCIPAL_NAME_MAX))
      return `currentUser.name: not 1 to ${PRINCIPAL_NAME_MAX} characters`;
    if (currentUser.email !== undefined && !isEmail(currentUser.email)) return 'currentUser.email: not valid';
  }
  return securityIssue((snapshot as { security?: unknown }).security);
}

const isListedPerson = (value: unknown): value is ListedPerson =>
  isObject(value) &&
  isText(value.name, 1, PRINCIPAL_NAME_MAX) &&
  (value.email === undefined || isEmail(value.email));

/** What the schema would refuse in a snapshot's security signals (`securitySignalsSchema`). */
function securityIssue(security: unknown): string | undefined {
  if (security === undefined) return undefined;
  if (!isObject(security)) return 'security: not an object';
  const { twoFactorRequirement, withoutTwoFactor, inactive } = security;
  if (twoFactorRequirement !== undefined && !isTwoFactorRequirement(twoFactorRequirement))
    return 'security.twoFactorRequirement: unknown';
  for (const [name, list] of [
    ['withoutTwoFactor', withoutTwoFactor],
    ['inactive', inactive],
  ] as const) {
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length > PRINCIPALS_MAX || !list.every(isListedPerson))
      return `security.${name}: not a list of at most ${PRINCIPALS_MAX} people`;
  }
  return undefined;
}

/**
 * Security Center's lists held to the schema like principals: a person it would refuse is left out
 * (`principal-invalid`), an address it refuses dropped (`invalid-email`), a list cut at PRINCIPALS_MAX.
 */
function normalizeSecurity(security: unknown, problems: ReadProblem[]): unknown {
  if (!isObject(security)) return security;
  const out: Record<string, unknown> = { ...security };
  for (const name of ['withoutTwoFactor', 'inactive'] as const) {
    const list = security[name];
    if (!Array.isArray(list)) continue;
    const kept: ListedPerson[] = [];
    for (const entry of list) {
      if (!isObject(entry) || !isText(entry.name, 1, PRINCIPAL_NAME_MAX)) {
        problems.push(
          readProblem('principal-invalid', { kind: 'listed-person', issue: 'name: not 1 to 500 characters' }),
        );
        continue;
      }
      const { name: personName, email } = entry;
      if (email !== undefined && !isEmail(email)) problems.push(readProblem('invalid-email'));
      kept.push({ name: personName, ...(email !== undefined && isEmail(email) ? { email } : {}) });
    }
    if (kept.length > PRINCIPALS_MAX) {
      problems.push(readProblem('list-over-limit', { count: PRINCIPALS_MAX, total: kept.length }));
      kept.length = PRINCIPALS_MAX;
    }
    out[name] = kept;
  }
  return out;
}

/**
 * A reported snapshot (of any type) held to the schema: its principals normalised (normalizePrincipals), the
 * problems that made appended (cut to SENT_READ_PROBLEMS_MAX), an `ok` read made `partial` by them, the
 * current user taken again from the principals kept; and when a page-level field would still be refused,
 * an unreadable snapshot that says why (`snapshot-invalid`). `mended`: the result is not what the page
 * holds (a principal dropped or changed, or the whole read replaced), so no delta can apply on it.
 * Anything that is not an object with a page kind, a locale and a list of principals is left for the
 * schema to refuse.
 */
export function normalizeSnapshot(value: unknown): { snapshot: unknown; mended: boolean } {
  if (!isObject(value) || !Array.isArray(value.principals)) return { snapshot: value, mended: false };
  const { principals, problems } = normalizePrincipals(value.principals);
  let snapshot: Record<string, unknown> = { ...value, principals };
  if (value.security !== undefined) snapshot.security = normalizeSecurity(value.security, problems);
  if (problems.length > 0) {
    const { readProblems, readStatus } = value;
    const you = principals.find((p) => p.isCurrentUser && p.kind === 'person');
    const { currentUser: _theirs, ...rest } = snapshot;
    snapshot = {
      ...rest,
      readStatus: readStatus === 'ok' ? 'partial' : readStatus,
      readProblems: Array.isArray(readProblems)
        ? [...readProblems, ...problems].slice(0, SENT_READ_PROBLEMS_MAX)
        : readProblems,
      ...(you
        ? {
            currentUser: {
              name: you.name,
              ...(you.kind === 'person' && you.email ? { email: you.email } : {}),
            },
          }
        : {}),
    };
  }
  const issue = snapshotIssue(snapshot as Omit<PageSnapshot, 'principals'>);
  if (issue === undefined) return { snapshot, mended: problems.length > 0 };
  const { kind, url, locale } = value;
  if (!isPageKind(kind) || !isSnapshotLocale(locale)) return { snapshot: value, mended: false };
  const unreadable: PageSnapshot = {
    kind,
    url: isUrl(url) ? url : 'https://business.facebook.com/',
    locale,
    readStatus: 'unreadable',
    readProblems: [readProblem('snapshot-invalid', { issue })],
    principals: [],
  };
  return { snapshot: unreadable, mended: true };
}

/**
 * `reportSnapshot` before its parse: the snapshot normalised. A mended one keeps its stream but loses its
 * number (`seq`): no delta applies on what the page does not hold, so the next delta is answered `needFull`
 * (lib/domain/snapshot-delta.ts `no-base`) and the page's whole read comes again, mended again.
 */
export function normalizeReport(value: unknown): unknown {
  if (!isObject(value)) return value;
  const { snapshot, mended } = normalizeSnapshot(value.snapshot);
  if (!mended) return { ...value, snapshot };
  const { seq: _number, ...rest } = value;
  return { ...rest, snapshot };
}

/**
 * `reportDelta` before its parse: a delta that upserts a principal the schema refuses cannot be applied as
 * the page sent it. Those upserts are left out and the delta is marked `unfit`, which applyDelta refuses
 * (`needFull`): the page's whole read then comes as a report, normalised with its read problems. (Page-level
 * fields the schema refuses make the parse fail, as before; the page then sends its next read whole.)
 */
export function normalizeDelta(value: unknown): unknown {
  if (!isObject(value) || !Array.isArray(value.upsert)) return value;
  let unfit = false;
  const upsert = value.upsert.filter((entry: unknown) => {
    if (!isObject(entry)) return true;
    const { principals, problems } = normalizePrincipals([entry.principal]);
    if (problems.length === 0 && principals.length === 1) return true;
    unfit = true;
    return false;
  });
  // Security signals the schema would refuse (Security Center's people): left out here, said in the whole read.
  let { header } = value;
  if (isObject(header) && securityIssue(header.security) !== undefined) {
    header = { ...header, security: normalizeSecurity(header.security, []) };
    unfit = true;
  }
  return unfit ? { ...value, header, upsert, unfit: true } : value;
}
