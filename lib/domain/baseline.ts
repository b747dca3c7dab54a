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
  /** The end date the page showed for the principal's access. */
  temporaryUntil?: string;
  /**
   * Where that date was read: on the principal's row, or with its detail pane open (the date may be the
   * pane's only, so a row read without one does not prove it gone).
   */
  untilOn?: 'row' | 'pane';
  /** The principal's assets known so far (from its detail pane and from asset pages), by asset key. */
  assets?: Record<string, AssetFact>;
  /** When a detail pane last showed all of the principal's assets: an asset not among them was not held. */
  assetsReadAt?: string;
  firstSeen: string;
  lastSeen: string;
}

/** An asset whose page was read in full: who holds it is known as of `at`. */
export interface AssetPageFact {
  type: AssetType;
  id?: string;
  name: string;
  at: string;
}

export interface Baseline {
  businessId: string;
  principals: Record<string, PrincipalFacts>;
  /** When each list was last read in full: who is on it is known. */
  lists: Partial<Record<ListKind, string>>;
  /** The assets whose page was read in full, by asset key. */
  assetPages: Record<string, AssetPageFact>;
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

/** The key a principal has while the page shows no e-mail or ID for it. */
const nameKeyOf = (p: Principal): string =>
  p.kind === 'system-user' ? `system-user:${p.name}` : `${p.kind}-name:${p.name}`;

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

type AssetRef = { type: AssetType; id?: string | undefined; name: string };
const assetRef = (a: AssetRef) => ({
  type: a.type,
  ...(a.id !== undefined ? { id: a.id } : {}),
  name: a.name,
});

/**
 * One asset is named by its ID on its own page and often only by its name on a detail pane: two
 * references are the same asset when their IDs match, or, where either has no ID, their names do.
 */
export function sameAsset(a: AssetRef, b: AssetRef): boolean {
  if (a.type !== b.type) return false;
  return a.id !== undefined && b.id !== undefined ? a.id === b.id : a.name === b.name;
}

/** The key under which `known` holds the asset `ref` (matched as `sameAsset` does), if it does. */
function findAsset<T extends AssetRef>(
  known: Record<string, T> | undefined,
  ref: AssetRef,
): string | undefined {
  if (!known) return undefined;
  const key = assetKey(ref);
  if (known[key] !== undefined) return key;
  for (const [other, fact] of Object.entries(known)) if (sameAsset(fact, ref)) return other;
  return undefined;
}

/** An empty baseline for a business (nothing known yet). */
export function emptyBaseline(businessId: string): Baseline {
  return { businessId, principals: {}, lists: {}, assetPages: {} };
}

/** What a principal shows, to tell whether a tab's page changed it between two reads. */
const shownFacts = (p: Principal): string =>
  JSON.stringify([
    p.name,
    p.portfolioAccess,
    p.pending,
    p.temporaryUntil,
    p.detail === true,
    p.assets.map((a) => [a.type, a.id, a.name, a.access, a.tasks]),
  ]);

/**
 * Folds one read into the baseline: the baseline as it is after it, and what changed against what was
 * known before. Never changes the baseline it is given.
 *
 * `previous` is the tab's own previous read of the same page, when there is one. A tab left open shows
 * the page as it was when it loaded: what it still shows unchanged since its previous read is not news,
 * and may be older than what another tab read since (someone removed there is not added back, someone
 * added there is not removed). Only what changed on this tab's page since its previous read is compared.
 * Whom the tab did not show is known from a previous read in full only.
 */
export function observe(
  before: Baseline | undefined,
  snapshot: PageSnapshot,
  at: string,
  ownDomains: readonly string[],
  previous?: PageSnapshot,
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
  const subjectOf = subjectResolver(next.principals);
  const sameTabPage =
    previous &&
    previous.kind === snapshot.kind &&
    previous.url === snapshot.url &&
    previous.businessId === businessId &&
    previous.readStatus !== 'unreadable';
  const shownBefore = sameTabPage
    ? new Map(previous.principals.map((p) => [getSubjectKey(p), shownFacts(p)]))
    : undefined;
  /** This tab showed the principal just so on its previous read of this page. */
  const unchangedInTab = (seen: Principal) => shownBefore?.get(getSubjectKey(seen)) === shownFacts(seen);
  /**
   * This tab's page never showed the subject: only a previous read in full says so. A list that still said
   * "Loading…" or was partly read shows no one it had not reached (a person removed before the page loaded
   * is then never removed: the access review's revoke was not verified, issue 12).
   */
  const neverShown = (subject: string, stale: Map<string, string> | undefined) =>
    stale !== undefined && previous?.readStatus === 'ok' && !stale.has(subject);

  if (snapshot.kind === 'asset') {
    const shown = new Map<string, AssetGrant>();
    for (const p of snapshot.principals) for (const a of p.assets) shown.set(assetKey(a), a);
    for (const [key, grant] of shown) {
      const pageKey = findAsset(next.assetPages, grant);
      const page = pageKey !== undefined ? next.assetPages[pageKey] : undefined;
      // A read recorded after a newer one of the same asset (another tab's) has nothing newer to say.
      if (page && page.at > at) continue;
      const stale = page !== undefined ? shownBefore : undefined;
      const holders = new Set<string>();
      for (const seen of snapshot.principals) {
        const held = seen.assets.find((a) => sameAsset(a, grant));
        if (!held) continue;
        const subject = subjectOf(seen);
        holders.add(subject);
        if (stale && unchangedInTab(seen)) continue;
        const known = next.principals[subject];
        const facts = touch(known, seen, at, false, complete);
        const wasKey = findAsset(known?.assets, held);
        const was = wasKey !== undefined ? known!.assets![wasKey] : undefined;
        const listAt = listKnown(next, seen.kind);
        if (!known && listAt) change('principal-added', subject, facts, { since: listAt });
        if (page || known?.assetsReadAt !== undefined)
          compareAsset(subject, facts, was, held, change, was?.seen ?? page?.at ?? known?.assetsReadAt);
        const assets = { ...known?.assets };
        if (wasKey !== undefined) delete assets[wasKey];
        assets[assetKey(held)] = assetFact(held, at);
        facts.assets = assets;
        next.principals[subject] = facts;
      }
      if (!complete) continue;
      // The page lists every holder of this asset: whoever held it and is not listed holds it no more.
      for (const [subject, facts] of Object.entries(next.principals)) {
        const wasKey = findAsset(facts.assets, grant);
        if (wasKey === undefined || holders.has(subject)) continue;
        // This tab never showed them holding it: another read, newer than this page, learnt it.
        if (neverShown(subject, stale)) continue;
        const was = facts.assets![wasKey]!;
        if (page)
          change('asset-removed', subject, facts, {
            asset: assetRef(was),
            from: was.access,
            since: was.seen,
          });
        const { [wasKey]: _gone, ...rest } = facts.assets!;
        next.principals[subject] = { ...facts, assets: rest };
      }
      if (pageKey !== undefined) delete next.assetPages[pageKey];
      next.assetPages[key] = { ...assetRef(grant), at };
    }
    return { baseline: next, changes };
  }

  const list = snapshot.kind as ListKind;
  const kind = listKinds[list];
  const listAt = next.lists[list];
  // A read recorded after a newer read of the same list (another tab's) has nothing newer to say.
  if (listAt !== undefined && listAt > at) return { baseline: base!, changes: [] };
  const listWasKnown = listAt !== undefined;
  const stale = listWasKnown ? shownBefore : undefined;
  const listed = new Set<string>();
  const fullBefore = new Set(
    Object.entries(next.principals)
      .filter(([, f]) => f.kind === 'person' && !f.pending && f.portfolioAccess === 'full-control')
      .map(([s]) => s),
  );
  for (const seen of snapshot.principals) {
    const subject = subjectOf(seen);
    // Two rows with one key (two system users of one default name, no ID): the first one speaks for both.
    if (listed.has(subject)) continue;
    listed.add(subject);
    if (stale && unchangedInTab(seen)) continue;
    const known = next.principals[subject];
    const fromItsList = seen.kind === kind;
    const facts = touch(known, seen, at, fromItsList, complete);
    if (!known && fromItsList && listWasKnown) change('principal-added', subject, facts, { since: listAt });
    if (known && fromItsList) {
      const from = known.portfolioAccess;
      const to = seen.portfolioAccess;
      const rankFrom = from ? portfolioRank[from] : undefined;
      const rankTo = to ? portfolioRank[to] : undefined;
      if (from && to && from !== to && rankFrom !== undefined && rankTo !== undefined && rankTo > rankFrom)
        change('portfolio-access-raised', subject, facts, { from, to, since: known.lastSeen });
      // Gone only where this read could show it: read in full, on the row, or with the pane that showed it.
      const couldShow = complete && (known.untilOn !== 'pane' || onPane(seen));
      if (known.temporaryUntil && !seen.temporaryUntil && couldShow)
        change('end-date-removed', subject, facts, { from: known.temporaryUntil, since: known.lastSeen });
      else if (known.temporaryUntil && seen.temporaryUntil && seen.temporaryUntil > known.temporaryUntil)
        change('end-date-extended', subject, facts, {
          from: known.temporaryUntil,
          to: seen.temporaryUntil,
          since: known.lastSeen,
        });
    }
    // A principal read on its detail pane (it carries assets, or the reader says the pane showed none):
    // its assets are known.
    if (onPane(seen)) {
      const assets: Record<string, AssetFact> = { ...known?.assets };
      const shown = new Set<string>();
      for (const grant of seen.assets) {
        const wasKey = findAsset(known?.assets, grant);
        const page = findAsset(next.assetPages, grant);
        const pageAt = page !== undefined ? next.assetPages[page]!.at : undefined;
        if (known?.assetsReadAt !== undefined || pageAt !== undefined)
          compareAsset(
            subject,
            facts,
            wasKey !== undefined ? known!.assets![wasKey] : undefined,
            grant,
            change,
            known?.assetsReadAt ?? pageAt,
          );
        if (wasKey !== undefined) delete assets[wasKey];
        // A pane that names an asset without its ID keeps the ID an asset page showed of it.
        const wasId = wasKey !== undefined ? known!.assets![wasKey]!.id : undefined;
        const held = grant.id === undefined && wasId !== undefined ? { ...grant, id: wasId } : grant;
        const key = assetKey(held);
        assets[key] = assetFact(held, at);
        shown.add(key);
      }
      if (complete) {
        for (const [key, was] of Object.entries(assets)) {
          if (shown.has(key)) continue;
          change('asset-removed', subject, facts, {
            asset: assetRef(was),
            from: was.access,
            since: was.seen,
          });
          delete assets[key];
        }
        facts.assetsReadAt = at;
      }
      facts.assets = assets;
    }
    next.principals[subject] = facts;
  }
  if (complete) {
    // The list read in full is the truth for its kind: whoever is not on it was removed.
    for (const [subject, facts] of Object.entries(next.principals)) {
      if (facts.kind !== kind || listed.has(subject)) continue;
      // This tab never showed them: another read, newer than this page, learnt of them.
      if (neverShown(subject, stale)) continue;
      if (listWasKnown) change('principal-removed', subject, facts, { since: facts.lastSeen });
      delete next.principals[subject];
    }
    next.lists[list] = at;
  }
  if (list === 'people' && listWasKnown) {
    // An own-domain holder of full control gone or lowered while a third party gained it, in one read.
    const isFull = (p: Principal) =>
      p.kind === 'person' && !p.pending && p.portfolioAccess === 'full-control';
    const fullNowKeys = new Set(snapshot.principals.filter(isFull).map(subjectOf));
    const lost = [...fullBefore].filter(
      (s) =>
        !fullNowKeys.has(s) &&
        (complete || listed.has(s)) &&
        next.principals[s]?.portfolioAccess !== 'full-control' &&
        isOwn(base!.principals[s]!, ownDomains),
    );
    for (const gained of snapshot.principals.filter(isFull)) {
      const subject = subjectOf(gained);
      if (fullBefore.has(subject) || isThirdParty(gained, ownDomains) !== 'yes' || !next.principals[subject])
        continue;
      for (const replaced of lost)
        change('full-control-to-third-party', subject, next.principals[subject]!, {
          replaced,
          since: base!.principals[subject]?.lastSeen ?? listAt!,
        });
    }
  }
  return { baseline: next, changes };
}

/** Whether a list page's read shows the principal with its detail pane open (its assets read in full). */
const onPane = (seen: Principal): boolean => seen.assets.length > 0 || seen.detail === true;

const isRead = (kind: PageKind): kind is ListKind | 'asset' =>
  kind === 'people' || kind === 'partners' || kind === 'system-users' || kind === 'asset';

/**
 * The baseline's key for a principal a read shows. A page may show a principal by name first and with its
 * e-mail address or ID later (a row, then its detail pane): the facts kept under the name move to the
 * address's key, and a read by name alone finds the one principal of that kind and name known by address.
 * `principals` is the working copy, changed in place when facts move.
 */
function subjectResolver(principals: Record<string, PrincipalFacts>): (seen: Principal) => string {
  let byName: Map<string, string[]> | undefined;
  return (seen) => {
    const key = getSubjectKey(seen);
    if (principals[key] !== undefined) return key;
    const nameKey = nameKeyOf(seen);
    if (idOf(seen) !== undefined) {
      const old = principals[nameKey];
      if (old && old.kind === seen.kind && old.email === undefined) {
        principals[key] = old;
        delete principals[nameKey];
        byName = undefined;
      }
      return key;
    }
    byName ??= indexByName(principals);
    const found = byName.get(`${seen.kind}\n${seen.name}`);
    return found?.length === 1 && principals[found[0]!] !== undefined ? found[0]! : key;
  };
}

function indexByName(principals: Record<string, PrincipalFacts>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [subject, facts] of Object.entries(principals)) {
    if (facts.email === undefined) continue;
    const name = `${facts.kind}\n${facts.name}`;
    index.set(name, [...(index.get(name) ?? []), subject]);
  }
  return index;
}

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
  complete: boolean,
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
  const on = onPane(seen) ? 'pane' : 'row';
  if (seen.temporaryUntil !== undefined) {
    facts.temporaryUntil = seen.temporaryUntil;
    facts.untilOn = on;
  } else if (known?.temporaryUntil !== undefined) {
    // Gone only where this read, on the principal's own list and read in full, could show it.
    const gone = fromItsList && complete && (known.untilOn !== 'pane' || on === 'pane');
    if (!gone) {
      facts.temporaryUntil = known.temporaryUntil;
      if (known.untilOn) facts.untilOn = known.untilOn;
    }
  }
  if (known?.assets !== undefined) facts.assets = known.assets;
  if (known?.assetsReadAt !== undefined) facts.assetsReadAt = known.assetsReadAt;
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
