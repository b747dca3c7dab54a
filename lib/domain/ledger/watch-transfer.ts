import { baselineSchema, changeSchema } from '../baseline-schema';
import type { Baseline, PrincipalFacts } from '../baseline';
import { fail, type Problem } from '../problems';
import { canonicalJson, sha256Hex } from './canonical';
import type { ChangeRow } from './export-file';
import type { PublicKey } from './records';
import { importPublicKey, recordSigningText, sameKey, verifyText } from './signing';

/**
 * The watch's memory in the ledger's export file (issue 13, items 1 and 6): each business's baseline (the
 * last confirmed state of every principal) and the change log. A baseline decides what counts as "new" at
 * the next read, so a file that brings one with an attacker in it would hide the attacker: a file's
 * baselines and changes are applied only when its own key vouches for them (`watchSignature`) and that key
 * is ours (a backup of this installation) or a colleague's the admin trusts.
 */

/** How much watch data a file may carry (checked before parsing: a padded file is refused early). */
export const WATCH_LIMITS = {
  /** Businesses (one baseline each). */
  baselines: 10_000,
  /** Change rows in all. About 300 bytes each: 100,000 is ~30 MB of the 100 MB a file may have. */
  changes: 100_000,
  /** Principals in one business's baseline (a large portfolio has 5,000 people). */
  principals: 50_000,
  /** Assets known for one principal. */
  assets: 5_000,
  /** Asset pages read in full, in one business. */
  assetPages: 50_000,
} as const;

export type WatchSizeKind = 'businesses' | 'rows' | 'principals' | 'assets' | 'asset-pages';
const limitOf: Record<WatchSizeKind, number> = {
  businesses: WATCH_LIMITS.baselines,
  rows: WATCH_LIMITS.changes,
  principals: WATCH_LIMITS.principals,
  assets: WATCH_LIMITS.assets,
  'asset-pages': WATCH_LIMITS.assetPages,
};

/** The text a file's watch signature covers: its ledger, its export time and its watch data's SHA-256. */
export function watchSigningText(ledgerId: string, exportedAt: string, digest: string): string {
  return `scopekeeper-ledger watch\n${ledgerId}\n${exportedAt}\n${digest}`;
}

/**
 * SHA-256 of the canonical JSON of a file's baselines and changes (what its watch signature covers), and of
 * its review campaigns when it has any (issue 14: a file without them hashes as before).
 */
export function watchDigest(
  baselines: readonly Baseline[],
  changes: readonly ChangeRow[],
  reviewCampaigns: readonly unknown[] = [],
): Promise<string> {
  return sha256Hex(
    canonicalJson(
      reviewCampaigns.length > 0 ? { baselines, changes, reviewCampaigns } : { baselines, changes },
    ),
  );
}

const count = (value: unknown): number =>
  typeof value === 'object' && value !== null ? Object.keys(value).length : 0;

/**
 * The file's watch data within WATCH_LIMITS, before any of it is parsed (a million principals would be
 * parsed for nothing): the first thing too large, or undefined.
 */
export function checkWatchSize(raw: object): { ok: false; error: Problem } | undefined {
  const { baselines, changes } = raw as { baselines?: unknown; changes?: unknown };
  const tooLarge = (list: string, number: number, business: unknown, what: WatchSizeKind, n: number) =>
    fail('import-watch-too-large', {
      list,
      number,
      business: typeof business === 'string' ? business.slice(0, 20) : '-',
      what,
      count: n,
      limit: limitOf[what],
    });
  if (Array.isArray(changes) && changes.length > WATCH_LIMITS.changes)
    return tooLarge('changes', 0, undefined, 'rows', changes.length);
  if (!Array.isArray(baselines)) return undefined;
  if (baselines.length > WATCH_LIMITS.baselines)
    return tooLarge('baselines', 0, undefined, 'businesses', baselines.length);
  for (const [i, b] of baselines.entries()) {
    if (typeof b !== 'object' || b === null) continue;
    const { businessId, principals, assetPages } = b as Record<string, unknown>;
    const n = count(principals);
    if (n > WATCH_LIMITS.principals) return tooLarge('baselines', i + 1, businessId, 'principals', n);
    const pages = count(assetPages);
    if (pages > WATCH_LIMITS.assetPages)
      return tooLarge('baselines', i + 1, businessId, 'asset-pages', pages);
    if (n > 0)
      for (const facts of Object.values(principals as object)) {
        const assets = count((facts as { assets?: unknown } | null)?.assets);
        if (assets > WATCH_LIMITS.assets) return tooLarge('baselines', i + 1, businessId, 'assets', assets);
      }
  }
  return undefined;
}

/**
 * Every time in the watch data no later than `latest` (our clock plus a little skew): a fact "last seen"
 * next year would win every merge and outlive the retention.
 */
export function checkWatchTimes(
  baselines: readonly Baseline[],
  changes: readonly ChangeRow[],
  latest: number,
): { list: string; id: string; field: string; value: string } | undefined {
  const late = (value: string | undefined) => value !== undefined && Date.parse(value) > latest;
  for (const b of baselines) {
    const id = b.businessId;
    for (const [subject, p] of Object.entries(b.principals)) {
      for (const field of ['firstSeen', 'lastSeen', 'assetsReadAt'] as const)
        if (late(p[field])) return { list: 'baselines', id, field: `${subject}.${field}`, value: p[field]! };
      for (const [key, a] of Object.entries(p.assets ?? {}))
        if (late(a.seen)) return { list: 'baselines', id, field: `${subject}.${key}.seen`, value: a.seen };
    }
    for (const [kind, at] of Object.entries(b.lists))
      if (late(at)) return { list: 'baselines', id, field: `lists.${kind}`, value: at };
    for (const [key, page] of Object.entries(b.assetPages))
      if (late(page.at)) return { list: 'baselines', id, field: `assetPages.${key}`, value: page.at };
  }
  for (const [i, row] of changes.entries())
    for (const [field, value] of [
      ['at', row.at],
      ['change.at', row.change.at],
      ['change.since', row.change.since],
    ] as const)
      if (late(value)) return { list: 'changes', id: `#${i + 1}`, field, value: value! };
  return undefined;
}

/** What a merge took from the file's baseline of one business. */
export interface BaselineMerge {
  baseline: Baseline;
  /** Principals whose facts come from the file now (new here, or seen later there). */
  taken: number;
  /** Of those, principals not known here before. */
  added: number;
}

const later = (a: string | undefined, b: string | undefined): string | undefined =>
  a === undefined ? b : b === undefined ? a : b > a ? b : a;

/**
 * Merges a file's baseline of a business into ours, losing nothing: a business without one here takes the
 * file's; otherwise, per principal, the facts with the later `lastSeen` are kept (ours on a tie), with the
 * earlier `firstSeen` of the two, and no principal of ours is removed. Each list and asset page keeps its
 * later read.
 */
export function mergeBaseline(ours: Baseline | undefined, theirs: Baseline): BaselineMerge {
  if (!ours) {
    const n = Object.keys(theirs.principals).length;
    return { baseline: theirs, taken: n, added: n };
  }
  // A Map, then Object.fromEntries: a subject written "__proto__" stays a key, never a prototype.
  const principals = new Map<string, PrincipalFacts>(Object.entries(ours.principals));
  let taken = 0;
  let added = 0;
  for (const [subject, facts] of Object.entries(theirs.principals)) {
    const held = principals.get(subject);
    if (!held) {
      principals.set(subject, facts);
      taken++;
      added++;
      continue;
    }
    const firstSeen = facts.firstSeen < held.firstSeen ? facts.firstSeen : held.firstSeen;
    if (facts.lastSeen > held.lastSeen) {
      principals.set(subject, { ...facts, firstSeen });
      taken++;
    } else if (firstSeen !== held.firstSeen) principals.set(subject, { ...held, firstSeen });
  }
  const lists: Baseline['lists'] = { ...ours.lists };
  for (const kind of ['people', 'partners', 'system-users'] as const) {
    const at = later(ours.lists[kind], theirs.lists[kind]);
    if (at !== undefined) lists[kind] = at;
  }
  const assetPages = new Map(Object.entries(ours.assetPages));
  for (const [key, page] of Object.entries(theirs.assetPages)) {
    const held = assetPages.get(key);
    if (!held || page.at > held.at) assetPages.set(key, page);
  }
  return {
    baseline: {
      businessId: ours.businessId,
      principals: Object.fromEntries(principals),
      lists,
      assetPages: Object.fromEntries(assetPages),
    },
    taken,
    added,
  };
}

/** When a read last showed anything of a baseline (its lists, asset pages and principals). */
export function lastRead(baseline: Baseline): string {
  let last = '';
  for (const at of Object.values(baseline.lists)) if (at > last) last = at;
  for (const page of Object.values(baseline.assetPages)) if (page.at > last) last = page.at;
  for (const p of Object.values(baseline.principals)) if (p.lastSeen > last) last = p.lastSeen;
  return last;
}

/** A change row's identity: two identical rows (same business, time and change) are one. */
export const changeRowKey = (row: ChangeRow): string => canonicalJson(row);

/** The change rows of a file not held here (identical rows are one), from `cutoff` on. */
export function newChangeRows(
  rows: readonly ChangeRow[],
  held: ReadonlySet<string>,
  cutoff: string,
): ChangeRow[] {
  const seen = new Set(held);
  const out: ChangeRow[] = [];
  for (const row of rows) {
    const key = changeRowKey(row);
    if (row.at < cutoff || seen.has(key)) continue;
    seen.add(key);
    out.push(row);
  }
  return out;
}

/**
 * The watch data an export carries, from the stored rows: each parsed (a row that does not parse is left
 * out, as the store's own reads do), baselines by business, changes oldest first; within WATCH_LIMITS, the
 * most recent kept (the principals seen last, the latest changes), so the file always imports.
 */
export function watchForExport(
  baselineRows: readonly { baseline: unknown }[],
  changeRows: readonly { businessId: string; at: string; change: unknown }[],
): { baselines: Baseline[]; changes: ChangeRow[] } {
  const baselines: Baseline[] = [];
  for (const row of baselineRows) {
    const parsed = baselineSchema.safeParse(row.baseline);
    if (!parsed.success) continue;
    let b = parsed.data;
    const entries = Object.entries(b.principals);
    if (entries.length > WATCH_LIMITS.principals) {
      entries.sort(([, x], [, y]) => (x.lastSeen < y.lastSeen ? 1 : x.lastSeen > y.lastSeen ? -1 : 0));
      b = { ...b, principals: Object.fromEntries(entries.slice(0, WATCH_LIMITS.principals)) };
    }
    baselines.push(b);
  }
  baselines.sort((a, b) => (a.businessId < b.businessId ? -1 : a.businessId > b.businessId ? 1 : 0));
  const changes: ChangeRow[] = [];
  for (const row of changeRows) {
    const parsed = changeSchema.safeParse(row.change);
    if (parsed.success) changes.push({ businessId: row.businessId, at: row.at, change: parsed.data });
  }
  changes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    baselines: baselines.slice(0, WATCH_LIMITS.baselines),
    changes: changes.slice(-WATCH_LIMITS.changes),
  };
}

/**
 * Whose word a file's watch data is: `ours` (signed by this installation's key, under our ledger id: a
 * backup), `trusted` / `untrusted` (signed by the key of a colleague's ledger, which the admin trusts or
 * not yet), or `unverified` (no key or signature, or our ledger id with another key): never applied.
 */
export type WatchStatus = 'ours' | 'trusted' | 'untrusted' | 'unverified';

/**
 * Checks a file's watch signature. A signature that does not verify is an error (the file was changed
 * after it was signed); a file without one, or without a key, is `unverified`.
 */
export async function watchAuthor(
  file: {
    ledgerId: string;
    exportedAt: string;
    publicKey?: PublicKey | undefined;
    watchSignature?: string | undefined;
    baselines?: Baseline[] | undefined;
    changes?: ChangeRow[] | undefined;
    reviewCampaigns?: readonly unknown[] | undefined;
    reviewSignatures?: readonly string[] | undefined;
  },
  current: { ledgerId: string; own?: { key: PublicKey }; trusted?: ReadonlySet<string> },
): Promise<{ ok: true; status: WatchStatus } | { ok: false; error: Problem }> {
  if (!file.publicKey) return { ok: true, status: 'unverified' };
  if (file.watchSignature) {
    const digest = await watchDigest(file.baselines ?? [], file.changes ?? [], file.reviewCampaigns ?? []);
    const valid = await verifyText(
      await importPublicKey(file.publicKey),
      file.watchSignature,
      watchSigningText(file.ledgerId, file.exportedAt, digest),
    );
    if (!valid) return fail('import-watch-signature');
  } else {
    // Campaigns vouched for one by one (a team ledger's documents, issue 16): only campaigns, each signed.
    const campaigns = file.reviewCampaigns ?? [];
    const signatures = file.reviewSignatures;
    if (!signatures || campaigns.length === 0) return { ok: true, status: 'unverified' };
    if (file.baselines?.length || file.changes?.length || signatures.length !== campaigns.length)
      return fail('import-watch-signature');
    const key = await importPublicKey(file.publicKey);
    for (const [i, campaign] of campaigns.entries())
      if (!(await verifyText(key, signatures[i]!, recordSigningText('review', file.ledgerId, campaign))))
        return fail('import-watch-signature');
  }
  if (file.ledgerId === current.ledgerId)
    return { ok: true, status: sameKey(file.publicKey, current.own?.key) ? 'ours' : 'unverified' };
  return { ok: true, status: current.trusted?.has(file.ledgerId) ? 'trusted' : 'untrusted' };
}
