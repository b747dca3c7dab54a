import { z } from 'zod';
import type { Baseline } from './baseline';
import type { GrantRecord } from './ledger/records';
import { csvCell } from './ledger/export';
import { assetKey } from './principals';
import {
  ASSET_ID_MAX,
  ASSET_NAME_MAX,
  EMAIL_MAX,
  PRINCIPAL_NAME_MAX,
  taskKeys,
  type AssetAccess,
  type AssetType,
} from './snapshot';
import {
  assetAccessSchema,
  assetTypeSchema,
  isoDateSchema,
  portfolioAccessSchema,
  taskKeySchema,
} from './snapshot-schema';

/**
 * Every path to each asset of a business (issue 15, item 3): who can reach it, by which road (a person
 * directly, a partner business, a system user), with which access and tasks, what the ledger records of
 * it, and when each fact was read. Built from the baseline (lib/domain/baseline.ts), which keeps every
 * principal's asset facts from every page that shows them (detail panes, asset pages, partner details).
 *
 * A partner's own people are not in any read Scopekeeper makes today: a partner's path ends at the partner.
 */

const at = z.string().datetime();

export const assetPathSchema = z.object({
  via: z.enum(['person', 'partner', 'system-user']),
  subject: z.string().min(1).max(600),
  name: z.string().max(PRINCIPAL_NAME_MAX),
  /** The principal's address or ID as read (a partner's Business ID, a system user's ID). */
  email: z.string().max(EMAIL_MAX).optional(),
  access: assetAccessSchema,
  tasks: z.array(taskKeySchema).max(20),
  /** When a read last showed this access. */
  seen: at,
  portfolioAccess: portfolioAccessSchema.optional(),
  pending: z.boolean(),
  /** The end date the page shows for the principal's access. */
  pageEndsAt: isoDateSchema.optional(),
  /** The ledger's grant record of the principal that names this asset (else one for the principal). */
  grant: z
    .object({ id: z.string().min(1).max(200), endsAt: isoDateSchema.optional(), namesAsset: z.boolean() })
    .optional(),
});
export type AssetPath = z.infer<typeof assetPathSchema>;

export const assetViewSchema = z.object({
  key: z.string().min(1).max(700),
  type: assetTypeSchema,
  id: z.string().min(1).max(ASSET_ID_MAX).optional(),
  name: z.string().max(ASSET_NAME_MAX),
  /** When the asset's own page was last read in full (its holders known then). */
  pageReadAt: at.optional(),
  paths: z.array(assetPathSchema).max(100_000),
});
export type AssetView = z.infer<typeof assetViewSchema>;

const viaOrder = { person: 0, partner: 1, 'system-user': 2 } as const;
const accessOrder: Record<AssetAccess, number> = { full: 0, 'full-except-sensitive': 1, partial: 2 };

/** The grant that counts for a principal on an asset: one naming the asset, the latest ending first. */
function grantFor(
  grants: readonly GrantRecord[],
  assetType: AssetType,
  assetId: string | undefined,
  name: string,
) {
  const names = (g: GrantRecord) =>
    g.assets.some((a) => a.type === assetType && (assetId && a.id ? a.id === assetId : a.name === name));
  const later = (a: GrantRecord, b: GrantRecord) =>
    (b.endsAt ?? '9999-12-31').localeCompare(a.endsAt ?? '9999-12-31') ||
    b.updatedAt.localeCompare(a.updatedAt);
  const naming = grants.filter(names).sort(later);
  if (naming[0]) return { grant: naming[0], namesAsset: true };
  const any = [...grants].sort(later)[0];
  return any ? { grant: any, namesAsset: false } : undefined;
}

/**
 * The assets of a business with every path to each: assets ordered by type then name, paths by road
 * (people, partners, system users), then the strongest access first, then name.
 */
export function assetPaths(baseline: Baseline, grants: readonly GrantRecord[]): AssetView[] {
  const bySubject = new Map<string, GrantRecord[]>();
  for (const g of grants) {
    if (g.businessId !== baseline.businessId) continue;
    const list = bySubject.get(g.subject);
    if (list) list.push(g);
    else bySubject.set(g.subject, [g]);
  }
  const assets = new Map<string, AssetView>();
  // One asset is named by its ID on its own page and often by its name only on a detail pane: matched as
  // the baseline matches them (`sameAsset`: IDs when both have one, else names).
  const byName = new Map<string, AssetView>();
  const find = (ref: { type: AssetType; id?: string; name: string }): AssetView | undefined => {
    const direct = assets.get(assetKey(ref));
    if (direct) return direct;
    const named = byName.get(`${ref.type}\n${ref.name}`);
    if (!named || (ref.id !== undefined && named.id !== undefined)) return undefined;
    if (ref.id !== undefined) named.id = ref.id;
    return named;
  };
  const add = (asset: AssetView) => {
    assets.set(asset.key, asset);
    if (!byName.has(`${asset.type}\n${asset.name}`)) byName.set(`${asset.type}\n${asset.name}`, asset);
  };
  for (const [key, page] of Object.entries(baseline.assetPages))
    add({
      key,
      type: page.type,
      ...(page.id ? { id: page.id } : {}),
      name: page.name,
      pageReadAt: page.at,
      paths: [],
    });
  for (const [subject, p] of Object.entries(baseline.principals)) {
    for (const fact of Object.values(p.assets ?? {})) {
      let asset = find(fact);
      if (!asset) {
        asset = {
          key: assetKey(fact),
          type: fact.type,
          ...(fact.id ? { id: fact.id } : {}),
          name: fact.name,
          paths: [],
        };
        add(asset);
      }
      const found = grantFor(bySubject.get(subject) ?? [], fact.type, fact.id, fact.name);
      asset.paths.push({
        via: p.kind,
        subject,
        name: p.name,
        ...(p.email ? { email: p.email } : {}),
        access: fact.access,
        // In the lexicon's order, whatever order the page listed them in.
        tasks: [...fact.tasks].sort((a, b) => taskKeys.indexOf(a) - taskKeys.indexOf(b)),
        seen: fact.seen,
        ...(p.portfolioAccess ? { portfolioAccess: p.portfolioAccess } : {}),
        pending: p.pending,
        ...(p.temporaryUntil ? { pageEndsAt: p.temporaryUntil } : {}),
        ...(found
          ? {
              grant: {
                id: found.grant.id,
                ...(found.grant.endsAt ? { endsAt: found.grant.endsAt } : {}),
                namesAsset: found.namesAsset,
              },
            }
          : {}),
      });
    }
  }
  const out = [...assets.values()];
  for (const a of out)
    a.paths.sort(
      (x, y) =>
        viaOrder[x.via] - viaOrder[y.via] ||
        accessOrder[x.access] - accessOrder[y.access] ||
        x.name.localeCompare(y.name) ||
        (x.subject < y.subject ? -1 : x.subject > y.subject ? 1 : 0),
    );
  return out.sort(
    (a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || (a.key < b.key ? -1 : 1),
  );
}

/** How many paths of each road lead to an asset. */
export function pathCounts(asset: AssetView): Record<AssetPath['via'], number> {
  const counts = { person: 0, partner: 0, 'system-user': 0 };
  for (const p of asset.paths) counts[p.via] += 1;
  return counts;
}

/** The assets whose name, ID or type, or a path's name, address or subject, contains the search text. */
export function searchAssets(assets: readonly AssetView[], query: string): AssetView[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...assets];
  return assets.filter(
    (a) =>
      a.name.toLowerCase().includes(q) ||
      (a.id ?? '').includes(q) ||
      a.key.toLowerCase() === q ||
      a.paths.some(
        (p) =>
          p.name.toLowerCase().includes(q) ||
          (p.email ?? '').toLowerCase().includes(q) ||
          p.subject.toLowerCase().includes(q),
      ),
  );
}

const CSV_HEADER = [
  'business_id',
  'asset_type',
  'asset_id',
  'asset_name',
  'asset_page_read_at',
  'via',
  'subject',
  'name',
  'email_or_id',
  'access',
  'tasks',
  'portfolio_access',
  'pending',
  'page_end_date',
  'grant_id',
  'grant_end_date',
  'grant_names_asset',
  'seen_at',
];

/**
 * Every path as CSV (RFC 4180, CRLF): one row per path, an asset without a known path as one row with
 * the path's cells empty; a cell a spreadsheet would run as a formula is neutralised (`csvCell`).
 */
export function assetPathsCsv(businessId: string, assets: readonly AssetView[]): string {
  const rows: unknown[][] = [];
  for (const a of assets) {
    const head = [businessId, a.type, a.id ?? '', a.name, a.pageReadAt ?? ''];
    if (a.paths.length === 0)
      rows.push([...head, ...Array<string>(CSV_HEADER.length - head.length).fill('')]);
    for (const p of a.paths)
      rows.push([
        ...head,
        p.via,
        p.subject,
        p.name,
        p.email ?? '',
        p.access,
        p.tasks.join(' '),
        p.portfolioAccess ?? '',
        p.pending ? 'yes' : 'no',
        p.pageEndsAt ?? '',
        p.grant?.id ?? '',
        p.grant?.endsAt ?? '',
        p.grant ? (p.grant.namesAsset ? 'yes' : 'no') : '',
        p.seen,
      ]);
  }
  return [CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
