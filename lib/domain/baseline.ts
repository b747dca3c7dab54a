import { assetKey, isThirdParty } from './principals';
import {
  getSubjectKey,
  type AssetAccess,
  type AssetGrant,
  type AssetType,
  type PageKind,
  type PageSnapshot,
  type PortfolioAccess,
  type Principal,
  type TaskKey,
} from './snapshot';

/**
 * The baseline of a business (issue 13, item 1): the last confirmed state of every principal, built from
 * every page kind read (lists, detail panes, asset pages), each fact with when it was last seen. Facts and
 * their changes, never copies of pages. `observe` folds one read into it and says what changed since.
 *
 * What a read proves depends on what it shows, and a change is only reported against what was known:
 * - a list read in full (People, Partners, System users) proves who is there, and their portfolio access,
 *   pending state and end date as the row shows them; a principal not there any more was removed. A new
 *   principal is a change only when that list was read in full before (else it is the first look);
 * - a detail pane (a principal of a list read that carries assets) proves that principal's assets;
 * - an asset page read in full proves who holds that asset, with which access and tasks;
 * - a partial read adds and updates, and never removes.
 * Dialogs, unreadable pages and pages of another kind prove nothing and change nothing.
 */

export type ListKind = 'people' | 'partners' | 'system-users';

export interface AssetFact {
  type: AssetType;
  id?: string;
  name: string;
  access: AssetAccess;
  tasks: TaskKey[];
  /** When a read last showed this access (ISO date-time). */
  seen: string;
}

export interface PrincipalFacts {
  kind: Principal['kind'];
  name: string;
  /** A person's address, a partner's Business ID, a system user's ID (what the subject key is made of). */
  email?: string;
  portfolioAccess?: PortfolioAccess;
  pending: boolean;
  /** The end date the page showed for the principal's access, and on which page kind. */
  temporaryUntil?: string;
  /** The principal's assets by asset key; absent while no read has shown them (no pane, no asset page). */
  assets?: Record<string, AssetFact>;
  firstSeen: string;
  lastSeen: string;
}

export interface Baseline {
  businessId: string;
  principals: Record<string, PrincipalFacts>;
  /** When each list was last read in full: who is on it is known. */
  lists: Partial<Record<ListKind, string>>;
  /** When each asset's page was last read in full (by asset key): who holds it is known. */
  assetPages: Record<string, string>;
}

export const changeKinds = [
  'principal-added',
  'principal-removed',
  'portfolio-access-raised',
  'asset-added',
  'asset-access-raised',
  'task-added',
  'asset-removed',
  'end-date-removed',
  'end-date-extended',
  'full-control-to-third-party',
] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** One change a read showed against the baseline. */
export interface Change {
  kind: ChangeKind;
  subject: string;
  principalKind: Principal['kind'];
  name: string;
  /** The asset it concerns (asset changes). */
  asset?: { type: AssetType; id?: string; name: string };
  /** Before and after, where the change has them: an access level, a task, an end date. */
  from?: string;
  to?: string;
  /** `full-control-to-third-party`: the own-domain holder who no longer holds full control. */
  replaced?: string;
  /**
   * When the state before the change was last confirmed (the earlier read of the principal, its list or
   * the asset's page): a record made since then may approve the change.
   */
  since?: string;
  /** The read that showed it: when, on which page kind and address. */
  at: string;
  page: PageKind;
  url: string;
}

const listKinds: Record<ListKind, Principal['kind']> = {
  people: 'person',
  partners: 'partner',
  'system-users': 'system-user',
};

/** How much a portfolio access level allows, to tell a raise from a lowering (`unknown`: not compared). */
const portfolioRank: Record<PortfolioAccess, number | undefined> = {
  basic: 0,
  finance: 1,
  'apps-integrations': 1,
  partial: 1,
  'full-control': 2,
  unknown: undefined,
};
const assetRank: Record<AssetAccess, number> = { partial: 0, 'full-except-sensitive': 1, full: 2 };

const idOf = (p: Principal): string | undefined =>
  p.kind === 'person' ? p.email : p.kind === 'partner' ? p.businessId : p.id;

function assetFact(grant: AssetGrant, at: string): AssetFact {
  return {
    type: grant.type,
    ...(grant.id !== undefined ? { id: grant.id } : {}),
    name: grant.name,
    access: grant.access,
    tasks: [...grant.tasks],
    seen: at,
  };
}

const assetRef = (a: { type: AssetType; id?: string | undefined; name: string }) => ({
  type: a.type,
  ...(a.id !== undefined ? { id: a.id } : {}),
  name: a.name,
});

/** An empty baseline for a business (nothing known yet). */
export function emptyBaseline(businessId: string): Baseline {
  return { businessId, principals: {}, lists: {}, assetPages: {} };
}

/**
 * Folds one read into the baseline: the baseline as it is after it, and what changed against what was
 * known before. Never changes the baseline it is given.
 */
export function observe(
  before: Baseline | undefined,
  snapshot: PageSnapshot,
  at: string,
  ownDomains: readonly string[],
): { baseline: Baseline; changes: Change[] } {
  const businessId = snapshot.businessId;
  const base = before && before.businessId === businessId ? before : undefined;
  if (!businessId || snapshot.readStatus === 'unreadable' || !isRead(snapshot.kind))
    return { baseline: base ?? emptyBaseline(businessId ?? ''), changes: [] };
  const next: Baseline = {
    businessId,
    principals: { ...base?.principals },
    lists: { ...base?.lists },
    assetPages: { ...base?.assetPages },
  };
  const changes: Change[] = [];
  const change = (
    kind: ChangeKind,
    subject: string,
    p: Pick<PrincipalFacts, 'kind' | 'name'>,
    extra: Partial<Change> = {},
  ) =>
    changes.push({
      kind,
      subject,
      principalKind: p.kind,
      name: p.name,
      ...extra,
      at,
      page: snapshot.kind,
      url: snapshot.url,
    });
  const complete = snapshot.readStatus === 'ok';

  if (snapshot.kind === 'asset') {
    const shown = new Map<string, AssetGrant>();
    for (const p of snapshot.principals) for (const a of p.assets) shown.set(assetKey(a), a);
    for (const [key, grant] of shown) {
      const pageKnown = next.assetPages[key] !== undefined;
      const holders = new Set<string>();
      for (const seen of snapshot.principals) {
        const held = seen.assets.find((a) => assetKey(a) === key);
        if (!held) continue;
        const subject = getSubjectKey(seen);
        holders.add(subject);
        const known = next.principals[subject];
        const facts = touch(known, seen, at, false);
        const knewAssets = pageKnown || known?.assets !== undefined;
        const was = known?.assets?.[key];
        if (!known && listKnown(next, seen.kind))
          change('principal-added', subject, facts, { since: listKnown(next, seen.kind)! });
        if (knewAssets)
          compareAsset(
            subject,
            facts,
            was,
            held,
            change,
            was?.seen ?? next.assetPages[key] ?? known?.lastSeen,
          );
        facts.assets = { ...known?.assets, [key]: assetFact(held, at) };
        next.principals[subject] = facts;
      }
      if (complete) {
        // The page lists every holder of this asset: whoever held it and is not listed holds it no more.
        for (const [subject, facts] of Object.entries(next.principals)) {
          const was = facts.assets?.[key];
          if (!was || holders.has(subject)) continue;
          if (pageKnown)
            change('asset-removed', subject, facts, {
              asset: assetRef(grant),
              from: was.access,
              since: was.seen,
            });
          const { [key]: _gone, ...rest } = facts.assets!;
          next.principals[subject] = { ...facts, assets: rest };
        }
        next.assetPages[key] = at;
      }
    }
    return { baseline: next, changes };
  }

  const list = snapshot.kind as ListKind;
  const kind = listKinds[list];
  const listWasKnown = next.lists[list] !== undefined;
  const listed = new Set<string>();
  const fullBefore = new Set(
    Object.entries(next.principals)
      .filter(([, f]) => f.kind === 'person' && !f.pending && f.portfolioAccess === 'full-control')
      .map(([s]) => s),
  );
  for (const seen of snapshot.principals) {
    const subject = getSubjectKey(seen);
    // Two rows with one key (two system users of one default name, no ID): the first one speaks for both.
    if (listed.has(subject)) continue;
    listed.add(subject);
    const known = next.principals[subject];
    const fromItsList = seen.kind === kind;
    const facts = touch(known, seen, at, fromItsList);
    if (!known && fromItsList && listWasKnown)
      change('principal-added', subject, facts, { since: next.lists[list]! });
    if (known && fromItsList) {
      const from = known.portfolioAccess;
      const to = seen.portfolioAccess;
      const rankFrom = from ? portfolioRank[from] : undefined;
      const rankTo = to ? portfolioRank[to] : undefined;
      if (from && to && from !== to && rankFrom !== undefined && rankTo !== undefined && rankTo > rankFrom)
        change('portfolio-access-raised', subject, facts, { from, to, since: known.lastSeen });
      if (known.temporaryUntil && !seen.temporaryUntil)
        change('end-date-removed', subject, facts, { from: known.temporaryUntil, since: known.lastSeen });
      else if (known.temporaryUntil && seen.temporaryUntil && seen.temporaryUntil > known.temporaryUntil)
        change('end-date-extended', subject, facts, {
          from: known.temporaryUntil,
          to: seen.temporaryUntil,
          since: known.lastSeen,
        });
    }
    // A principal that carries assets on a list page was read on its detail pane: its assets are known.
    if (seen.assets.length > 0) {
      const shown: Record<string, AssetFact> = {};
      for (const grant of seen.assets) {
        const key = assetKey(grant);
        if (known?.assets !== undefined || next.assetPages[key] !== undefined)
          compareAsset(
            subject,
            facts,
            known?.assets?.[key],
            grant,
            change,
            known?.lastSeen ?? next.assetPages[key],
          );
        shown[key] = assetFact(grant, at);
      }
      if (complete && known?.assets)
        for (const [key, was] of Object.entries(known.assets))
          if (!shown[key])
            change('asset-removed', subject, facts, {
              asset: assetRef(was),
              from: was.access,
              since: was.seen,
            });
      facts.assets = complete ? shown : { ...known?.assets, ...shown };
    }
    next.principals[subject] = facts;
  }
  if (complete) {
    // The list read in full is the truth for its kind: whoever is not on it was removed.
    for (const [subject, facts] of Object.entries(next.principals)) {
      if (facts.kind !== kind || listed.has(subject)) continue;
      if (listWasKnown) change('principal-removed', subject, facts, { since: facts.lastSeen });
      delete next.principals[subject];
    }
    next.lists[list] = at;
  }
  if (list === 'people' && listWasKnown) {
    // An own-domain holder of full control gone or lowered while a third party gained it, in one read.
    const fullNow = snapshot.principals.filter(
      (p) => p.kind === 'person' && !p.pending && p.portfolioAccess === 'full-control',
    );
    const fullNowKeys = new Set(fullNow.map(getSubjectKey));
    const lost = [...fullBefore].filter(
      (s) => !fullNowKeys.has(s) && (complete || listed.has(s)) && isOwn(base!.principals[s]!, ownDomains),
    );
    for (const gained of fullNow) {
      const subject = getSubjectKey(gained);
      if (fullBefore.has(subject) || isThirdParty(gained, ownDomains) !== 'yes') continue;
      for (const replaced of lost)
        change('full-control-to-third-party', subject, next.principals[subject]!, {
          replaced,
          since: base!.principals[subject]?.lastSeen ?? base!.lists.people!,
        });
    }
  }
  return { baseline: next, changes };
}

const isRead = (kind: PageKind): kind is ListKind | 'asset' =>
  kind === 'people' || kind === 'partners' || kind === 'system-users' || kind === 'asset';

/** When the list a principal of this kind is on was last read in full; undefined: never. */
function listKnown(baseline: Baseline, kind: Principal['kind']): string | undefined {
  const list = (Object.keys(listKinds) as ListKind[]).find((l) => listKinds[l] === kind)!;
  return baseline.lists[list];
}

function isOwn(facts: PrincipalFacts, ownDomains: readonly string[]): boolean {
  if (facts.kind !== 'person' || !facts.email) return false;
  const domain = facts.email.slice(facts.email.lastIndexOf('@') + 1).toLowerCase();
  return ownDomains.some((own) => domain === own || domain.endsWith(`.${own}`));
}

/** The principal's facts after this read has seen it (assets are set by the caller). */
function touch(
  known: PrincipalFacts | undefined,
  seen: Principal,
  at: string,
  fromItsList: boolean,
): PrincipalFacts {
  const id = idOf(seen);
  const facts: PrincipalFacts = {
    kind: seen.kind,
    name: seen.name,
    pending: fromItsList ? seen.pending : (known?.pending ?? seen.pending),
    firstSeen: known?.firstSeen ?? at,
    lastSeen: at,
  };
  const email = id ?? known?.email;
  if (email !== undefined) facts.email = email;
  const access = seen.portfolioAccess ?? known?.portfolioAccess;
  if (access !== undefined) facts.portfolioAccess = access;
  // The row shows the end date where there is one: read on its own list, a missing one is gone.
  const until = fromItsList ? seen.temporaryUntil : (seen.temporaryUntil ?? known?.temporaryUntil);
  if (until !== undefined) facts.temporaryUntil = until;
  if (known?.assets !== undefined) facts.assets = known.assets;
  return facts;
}

function compareAsset(
  subject: string,
  facts: PrincipalFacts,
  was: AssetFact | undefined,
  now: AssetGrant,
  change: (kind: ChangeKind, subject: string, p: PrincipalFacts, extra?: Partial<Change>) => void,
  /** When the principal's assets or the asset's holders were last confirmed without this one. */
  since?: string,
): void {
  const asset = assetRef(now);
  if (!was) {
    change('asset-added', subject, facts, { asset, to: now.access, ...(since ? { since } : {}) });
    return;
  }
  if (assetRank[now.access] > assetRank[was.access])
    change('asset-access-raised', subject, facts, {
      asset,
      from: was.access,
      to: now.access,
      since: was.seen,
    });
  if (now.access === 'partial')
    for (const task of now.tasks)
      if (!was.tasks.includes(task))
        change('task-added', subject, facts, { asset, to: task, since: was.seen });
}

/**
 * Facts not seen for `retentionDays` are dropped (issue 13, item 1: the baseline is bounded): a principal
 * no read has shown for that long, an asset access no read has shown for that long.
 */
export function pruneBaseline(baseline: Baseline, now: Date, retentionDays: number): Baseline {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const principals: Record<string, PrincipalFacts> = {};
  for (const [subject, facts] of Object.entries(baseline.principals)) {
    if (facts.lastSeen < cutoff) continue;
    if (!facts.assets) {
      principals[subject] = facts;
      continue;
    }
    const assets = Object.fromEntries(Object.entries(facts.assets).filter(([, a]) => a.seen >= cutoff));
    principals[subject] = { ...facts, assets };
  }
  return { ...baseline, principals };
}
