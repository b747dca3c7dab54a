import { READ_PROBLEM_FACT_MAX, readProblem, type ReadProblem } from '../domain/read-problems';
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
  URL_MAX,
  type AssetGrant,
  type PageSnapshot,
  type Principal,
} from '../domain/snapshot';
import {
  assetAccesses,
  assetTypes,
  pageKinds,
  portfolioAccesses,
  readProblemCodes,
  readProblemFactNames,
  readStatuses,
  snapshotLocales,
  taskKeys,
} from './snapshot-lists';

/**
 * The reader's last word on what it sends (issue 12, item 2): everything the background's zod schema
 * (lib/domain/snapshot-schema.ts `principalSchema`, `pageSnapshotSchema`) would refuse is cut or dropped
 * here, by hand, and said as a read problem, so the page never sends what the background refuses and the
 * content script carries no zod. The background still parses every report; a test holds these checks to
 * that schema, bound by bound (test/lib/page/normalize.test.ts).
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
  return undefined;
}
