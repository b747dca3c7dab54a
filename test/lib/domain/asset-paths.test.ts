import { describe, expect, it } from 'vitest';
import {
  assetPaths,
  assetPathsCsv,
  assetViewSchema,
  pathCounts,
  searchAssets,
} from '@/lib/domain/asset-paths';
import { observe, type Baseline } from '@/lib/domain/baseline';
import type { GrantRecord } from '@/lib/domain/ledger/records';
import type { AssetGrant, PageSnapshot } from '@/lib/domain/snapshot';
import { me, partner, person, snapshot, systemUser } from './rules/helpers';

const OWN = ['sjobod.se'];
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';
const T3 = '2026-11-03T10:00:00.000Z';
const T4 = '2026-11-04T10:00:00.000Z';
const B = '1203456789012345';
const OTHER = '2203456789012345';

const cafe = (access: AssetGrant['access'], tasks: AssetGrant['tasks'] = []): AssetGrant => ({
  type: 'page',
  id: '111222333',
  name: 'Sjöbod Café',
  access,
  tasks,
});
const ads = (access: AssetGrant['access']): AssetGrant => ({
  type: 'ad-account',
  id: '444555666',
  name: '=cmd|calc',
  access,
  tasks: [],
});

function build(reads: [PageSnapshot, string][]): Baseline {
  let baseline: Baseline | undefined;
  for (const [read, at] of reads) baseline = observe(baseline, read, at, OWN).baseline;
  return baseline!;
}

const in_ = (businessId: string, s: PageSnapshot): PageSnapshot => ({ ...s, businessId });

const lisa = person('Lisa Kant', 'lisa@sjobod.se');
const agency = partner('Byrå AB', '987654321', [cafe('partial', ['content', 'insights'])]);
const bot = systemUser('Feed bot', '55555', { assets: [ads('full')] });

/** One business read on People, Partners (a pane), System users (a pane) and the café's page. */
const baselineA = build([
  [snapshot([me, lisa]), T1],
  [
    snapshot(
      [
        { ...me, assets: [cafe('full')] },
        { ...lisa, assets: [cafe('partial', ['messages', 'content'])] },
      ],
      'asset',
    ),
    T2,
  ],
  // The partner's pane names the café by its name only: the same asset as its page's.
  [
    snapshot(
      [{ ...agency, assets: [{ ...cafe('partial', ['content', 'insights']), id: undefined }] }],
      'partners',
    ),
    T3,
  ],
  [snapshot([bot], 'system-users'), T4],
]);

/** Another business: one partner with the same asset ID (never mixed with the first business). */
const baselineB = build([
  [in_(OTHER, snapshot([partner('Solo', '123123123', [cafe('full')])], 'partners')), T1],
]);

const grant = (over: Partial<GrantRecord>): GrantRecord => ({
  id: 'g-1',
  businessId: B,
  subject: 'person:lisa@sjobod.se',
  assets: [],
  case: 'Community manager',
  startsAt: '2026-11-01',
  createdAt: T1,
  updatedAt: T1,
  ...over,
});

const grants: GrantRecord[] = [
  grant({
    id: 'g-lisa',
    endsAt: '2027-01-31',
    assets: [{ ...cafe('partial', ['content']), name: 'Sjöbod Café' }],
  }),
  grant({ id: 'g-lisa-old', endsAt: '2026-12-01', assets: [cafe('partial')] }),
  grant({ id: 'g-agency', subject: 'partner:987654321', endsAt: '2026-12-31' }),
  // Another business's grant of the same subject does not count here.
  grant({ id: 'g-elsewhere', businessId: OTHER, subject: 'system-user:55555', assets: [ads('full')] }),
];

describe('every path to each asset (issue 15, item 3)', () => {
  const assets = assetPaths(baselineA, grants);

  it('lists each asset once with every road to it, from panes and the asset page, exactly', () => {
    expect(assets.map((a) => [a.type, a.name, a.paths.length])).toEqual([
      ['ad-account', '=cmd|calc', 1],
      ['page', 'Sjöbod Café', 3],
    ]);
    const [adAccount, page] = assets;
    expect(page!.pageReadAt).toBe(T2);
    expect(adAccount!.pageReadAt).toBeUndefined();
    expect(page!.paths.map((p) => [p.via, p.subject, p.access, p.tasks, p.seen])).toEqual([
      ['person', 'person:anna@sjobod.se', 'full', [], T2],
      ['person', 'person:lisa@sjobod.se', 'partial', ['content', 'messages'], T2],
      ['partner', 'partner:987654321', 'partial', ['content', 'insights'], T3],
    ]);
    expect(adAccount!.paths.map((p) => [p.via, p.subject, p.access, p.seen])).toEqual([
      ['system-user', 'system-user:55555', 'full', T4],
    ]);
    expect(pathCounts(page!)).toEqual({ person: 2, partner: 1, 'system-user': 0 });
    for (const a of assets) expect(assetViewSchema.safeParse(a).success).toBe(true);
  });

  it('names the ledger record of each path: the one naming the asset, the latest end first; else any', () => {
    const page = assets[1]!;
    expect(page.paths.map((p) => p.grant)).toEqual([
      undefined,
      { id: 'g-lisa', endsAt: '2027-01-31', namesAsset: true },
      { id: 'g-agency', endsAt: '2026-12-31', namesAsset: false },
    ]);
    // The system user's only grant is in another business.
    expect(assets[0]!.paths[0]!.grant).toBeUndefined();
  });

  it('keeps businesses apart, and an empty baseline has no assets', () => {
    const other = assetPaths(baselineB, grants);
    expect(other.map((a) => [a.name, a.paths.map((p) => [p.via, p.subject, p.access])])).toEqual([
      ['Sjöbod Café', [['partner', 'partner:123123123', 'full']]],
    ]);
    expect(assetPaths({ businessId: B, principals: {}, lists: {}, assetPages: {} }, grants)).toEqual([]);
  });

  it('finds assets by name, ID or a path’s person', () => {
    expect(searchAssets(assets, 'café').map((a) => a.name)).toEqual(['Sjöbod Café']);
    expect(searchAssets(assets, '444555').map((a) => a.name)).toEqual(['=cmd|calc']);
    expect(searchAssets(assets, 'lisa@').map((a) => a.name)).toEqual(['Sjöbod Café']);
    expect(searchAssets(assets, 'feed bot').map((a) => a.name)).toEqual(['=cmd|calc']);
    expect(searchAssets(assets, '  ')).toHaveLength(2);
    expect(searchAssets(assets, 'nobody')).toEqual([]);
  });

  it('exports one CSV row per path, formulas neutralised', () => {
    const csv = assetPathsCsv(B, assets);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(1 + 4 + 1); // header, 4 paths, final CRLF
    expect(lines[0]).toBe(
      'business_id,asset_type,asset_id,asset_name,asset_page_read_at,via,subject,name,email_or_id,access,tasks,portfolio_access,pending,page_end_date,grant_id,grant_end_date,grant_names_asset,seen_at',
    );
    expect(lines[1]).toBe(
      `${B},ad-account,444555666,'=cmd|calc,,system-user,system-user:55555,Feed bot,55555,full,,,no,,,,,${T4}`,
    );
    expect(lines[3]).toBe(
      `${B},page,111222333,Sjöbod Café,${T2},person,person:lisa@sjobod.se,Lisa Kant,lisa@sjobod.se,partial,content messages,basic,no,,g-lisa,2027-01-31,yes,${T2}`,
    );
    // An asset page read with no holder left still gets a row.
    const empty = assetPathsCsv(B, [{ key: 'app:9', type: 'app', id: '9', name: 'App', paths: [] }]);
    expect(empty.split('\r\n')[1]).toBe(`${B},app,9,App,,,,,,,,,,,,,,`);
  });
});
