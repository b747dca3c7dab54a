import { z } from 'zod';
import { assetKey } from './principals';
import {
  getSubjectKey,
  listedPersonKey,
  PRINCIPALS_MAX,
  twoFactorRequirements,
  type ListedPerson,
  type PageSnapshot,
  type Principal,
} from './snapshot';
import { listedPersonSchema, pageSnapshotSchema, principalsSchema } from './snapshot-schema';

/** When a fact was read (the report's receipt, ISO date-time); absent when the caller did not say. */
const readAtSchema = z.string().max(40).optional();

/**
 * Meta's own security signals as last read (issue 15, item 5): Business info's two-factor requirement and
 * Security Center's two lists, each with when it was read. Each fact is kept on its own, since they come
 * from different pages; a page that did not show a fact (or showed a wording the reader did not know)
 * leaves what was known of it.
 */
export const securityFactsSchema = z.object({
  twoFactorRequirement: z.object({ value: z.enum(twoFactorRequirements), readAt: readAtSchema }).optional(),
  withoutTwoFactor: z
    .object({ people: z.array(listedPersonSchema).max(PRINCIPALS_MAX), readAt: readAtSchema })
    .optional(),
  inactive: z
    .object({ people: z.array(listedPersonSchema).max(PRINCIPALS_MAX), readAt: readAtSchema })
    .optional(),
});
export type SecurityFacts = z.infer<typeof securityFactsSchema>;

/**
 * What is known about one business across the pages the admin has visited in this session: the People
 * list, the partners and their assets read on a detail pane, the holders read on an asset page. Findings
 * are computed on this view, so a partner's assets read on its pane still count on People.
 */
export const businessViewSchema = z.object({
  businessId: z.string().regex(/^\d{1,20}$/),
  principals: principalsSchema,
  currentUser: pageSnapshotSchema.shape.currentUser,
  /** The People list was read in full at least once (rules about counts need the whole list). */
  peopleListComplete: z.boolean(),
  /** Meta's security signals, from Business info and Security Center. */
  security: securityFactsSchema.optional(),
});
export type BusinessView = z.infer<typeof businessViewSchema>;

const listKindOf = { people: 'person', partners: 'partner', 'system-users': 'system-user' } as const;

function mergePrincipal(known: Principal | undefined, seen: Principal, fromItsList: boolean): Principal {
  if (!known) return seen;
  const merged = { ...known, ...seen } as Principal;
  merged.portfolioAccess = seen.portfolioAccess ?? known.portfolioAccess;
  merged.pending = fromItsList ? seen.pending : known.pending;
  merged.temporaryUntil = seen.temporaryUntil ?? known.temporaryUntil;
  // "(you)" is decided by the latest read of the principal's own list, never by adding up reads: a
  // marker seen once does not stay forever, and two reads cannot make two admins (issue 10, item 3).
  merged.isCurrentUser = fromItsList ? seen.isCurrentUser : known.isCurrentUser;
  if (merged.kind === 'person' && known.kind === 'person')
    merged.email = seen.kind === 'person' ? (seen.email ?? known.email) : known.email;
  // A list row shows no assets; only a pane or an asset page does. Keep what was read there (a pane
  // that showed none says so: issue 14).
  merged.assets = seen.assets.length > 0 || seen.detail === true ? seen.assets : known.assets;
  merged.detail = seen.detail;
  for (const key of Object.keys(merged) as (keyof Principal)[])
    if (merged[key] === undefined) delete merged[key];
  return merged;
}

/** What each list row last made of the view's principal (see `mergeSnapshot`). */
const mergedFrom = new WeakMap<Principal, Principal>();

/**
 * A list of Security Center as now known: a full read is the truth; a partial one adds whom it shows to
 * what was known (as a partly read People list removes nobody).
 */
function mergeListed(
  known: { people: ListedPerson[] } | undefined,
  seen: ListedPerson[],
  complete: boolean,
): ListedPerson[] {
  if (complete || !known) return seen;
  const keys = new Set(seen.map(listedPersonKey));
  return [...known.people.filter((p) => !keys.has(listedPersonKey(p))), ...seen];
}

/** The security facts a read of Business info or Security Center adds to what was known. */
function mergeSecurity(
  known: SecurityFacts | undefined,
  snapshot: PageSnapshot,
  readAt: string | undefined,
): SecurityFacts | undefined {
  const seen = snapshot.security;
  if (!seen) return known;
  const at = readAt ? { readAt } : {};
  const complete = snapshot.readStatus === 'ok';
  const next: SecurityFacts = { ...known };
  if (seen.twoFactorRequirement) next.twoFactorRequirement = { value: seen.twoFactorRequirement, ...at };
  if (seen.withoutTwoFactor)
    next.withoutTwoFactor = {
      people: mergeListed(known?.withoutTwoFactor, seen.withoutTwoFactor, complete),
      ...at,
    };
  if (seen.inactive) next.inactive = { people: mergeListed(known?.inactive, seen.inactive, complete), ...at };
  return next;
}

/**
 * Folds a new snapshot into the business view; `readAt` is when it was read (kept with the security
 * facts). Dialogs and unreadable pages change nothing.
 */
export function mergeSnapshot(
  view: BusinessView | undefined,
  snapshot: PageSnapshot,
  readAt?: string,
): BusinessView | undefined {
  if (!snapshot.businessId || snapshot.readStatus === 'unreadable') return view;
  if (
    snapshot.kind === 'invite-dialog' ||
    snapshot.kind === 'add-partner-dialog' ||
    snapshot.kind === 'other'
  )
    return view;
  const base: BusinessView =
    view && view.businessId === snapshot.businessId
      ? view
      : { businessId: snapshot.businessId, principals: [], peopleListComplete: false };
  if (snapshot.kind === 'business-info' || snapshot.kind === 'security-center') {
    // Meta's security signals: no principal is listed here, only the facts of `security`.
    const security = mergeSecurity(base.security, snapshot, readAt);
    return security ? { ...base, security } : base;
  }
  const byKey = new Map(base.principals.map((p) => [getSubjectKey(p), p]));
  const next: BusinessView = { ...base };

  if (snapshot.kind === 'asset') {
    const assets = new Set(snapshot.principals.flatMap((p) => p.assets.map(assetKey)));
    if (snapshot.readStatus === 'ok') {
      // The page lists every holder of this asset: whoever is not listed no longer holds it.
      for (const [key, p] of byKey) {
        const kept = p.assets.filter((a) => !assets.has(assetKey(a)));
        if (kept.length !== p.assets.length) byKey.set(key, { ...p, assets: kept });
      }
    }
    for (const seen of snapshot.principals) {
      const key = getSubjectKey(seen);
      const known = byKey.get(key);
      const otherAssets = (known?.assets ?? []).filter(
        (a) => !seen.assets.some((s) => assetKey(s) === assetKey(a)),
      );
      byKey.set(key, mergePrincipal(known, { ...seen, assets: [...otherAssets, ...seen.assets] }, false));
    }
  } else {
    const kind = listKindOf[snapshot.kind];
    const listed = new Set(snapshot.principals.map(getSubjectKey));
    if (snapshot.readStatus === 'ok') {
      // A list read in full is the truth for its kind: whoever is gone was removed.
      for (const [key, p] of byKey) if (p.kind === kind && !listed.has(key)) byKey.delete(key);
    }
    for (const seen of snapshot.principals) {
      const key = getSubjectKey(seen);
      const known = byKey.get(key);
      // The same row object merged again on what it made last time (a delta keeps the rows it did not
      // touch): merging is idempotent, so the principal is kept as it is, the same object (issue 12).
      if (known !== undefined && mergedFrom.get(seen) === known) continue;
      const merged = mergePrincipal(known, seen, true);
      mergedFrom.set(seen, merged);
      byKey.set(key, merged);
    }
    if (snapshot.kind === 'people') {
      if (snapshot.currentUser) next.currentUser = snapshot.currentUser;
      else if (snapshot.readProblems.some((p) => p.code === 'several-current-user-markers'))
        delete next.currentUser;
      if (snapshot.readStatus === 'ok') next.peopleListComplete = true;
    }
  }
  next.principals = [...byKey.values()];
  return oneCurrentUser(next);
}

/**
 * At most one principal of a view is "you", and it is the view's current user: when reads disagree
 * (two people marked on different reads), nobody is, and the own domains come from the settings.
 */
function oneCurrentUser(view: BusinessView): BusinessView {
  const marked = view.principals.filter((p) => p.isCurrentUser);
  const you = view.currentUser;
  const one = marked.length === 1 ? marked[0] : undefined;
  const agrees =
    one?.kind === 'person' &&
    you !== undefined &&
    (you.email ? one.email?.toLowerCase() === you.email.toLowerCase() : one.name === you.name);
  // Nobody marked and no one of the view is the remembered current user: that memory still stands.
  const unmarkedYou =
    marked.length === 0 &&
    you !== undefined &&
    view.principals.some(
      (p) =>
        p.kind === 'person' &&
        (you.email ? p.email?.toLowerCase() === you.email.toLowerCase() : p.name === you.name),
    );
  if ((marked.length === 0 && !unmarkedYou) || agrees) return view;
  const { currentUser: _dropped, ...rest } = view;
  return {
    ...rest,
    principals: view.principals.map((p) => (p.isCurrentUser ? { ...p, isCurrentUser: false } : p)),
  };
}
