import { describe, expect, it } from 'vitest';
import { observe, type Baseline } from '@/lib/domain/baseline';
import { canonicalJson, sha256Hex } from '@/lib/domain/ledger/canonical';
import {
  decide,
  foldRead,
  reviewCampaignSchema,
  signOff,
  startCampaign,
  type ReviewCampaign,
} from '@/lib/domain/review/campaign';
import { followUpState, summarise } from '@/lib/domain/review/summary';
import { campaignReport, reportHash, rosterCsv } from '@/lib/domain/review/report';
import type { AssetGrant, PageSnapshot, Principal } from '@/lib/domain/snapshot';
import { me, partner, person, snapshot, systemUser } from '../rules/helpers';

const OWN = ['sjobod.se'];
const BID = '1203456789012345';
const T0 = '2026-11-01T10:00:00.000Z';
const START = new Date('2026-11-02T10:00:00.000Z');
const T2 = '2026-11-03T10:00:00.000Z';
const T3 = '2026-11-04T10:00:00.000Z';

const ads = (tasks: AssetGrant['tasks'] = ['ads', 'insights']): AssetGrant => ({
  type: 'ad-account',
  id: '1111',
  name: 'Sjöbod Ads',
  access: 'partial',
  tasks,
});
const lisa = person('Lisa Kant', 'lisa@sjobod.se');
const nils = person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control' });
const agency = (assets: AssetGrant[] = [ads()]) => partner('Byrå AB', '3228568050780001', assets);
const bot = systemUser('Sync bot', '61550000000001');

const list = (kind: PageSnapshot['kind'], principals: Principal[]): PageSnapshot => ({
  ...snapshot(principals, kind),
  url: `https://business.facebook.com/latest/settings/${kind}?business_id=${BID}`,
});

function fold(reads: [PageSnapshot, string][], from?: Baseline): Baseline {
  let baseline = from;
  for (const [read, at] of reads) baseline = observe(baseline, read, at, OWN).baseline;
  return baseline!;
}

const portfolio = fold([
  [list('people', [me, lisa, nils]), T0],
  [list('partners', [agency()]), T0],
  [list('system-users', [bot]), T0],
]);

function start(baseline: Baseline, previous?: ReviewCampaign, now = START): ReviewCampaign {
  return startCampaign({
    id: previous ? 'c2' : 'c1',
    businessId: BID,
    now,
    startedBy: 'Anna Berg',
    baseline,
    source: 'baseline',
    previous,
    facts: (s) =>
      s === 'partner:3228568050780001'
        ? { grant: { id: 'g1', case: 'Ads agency', endsAt: '2027-01-31' }, accepted: ['no-expiry'] }
        : { accepted: [] },
  });
}

const mustDecide = (
  c: ReviewCampaign,
  ...args: Parameters<typeof decide> extends [unknown, ...infer R] ? R : never
) => {
  const done = decide(c, ...args);
  if (!done.ok) throw new Error(done.problem);
  return done.campaign;
};

describe('a review campaign (issue 14)', () => {
  it('freezes its scope from the baseline: one item per membership and per asset access, with when each was read', () => {
    const c = start(portfolio);
    expect(reviewCampaignSchema.parse(c)).toEqual(c);
    expect(c.items.map((i) => i.id).sort()).toEqual(
      [
        'partner:3228568050780001|asset:ad-account:1111',
        'partner:3228568050780001|portfolio',
        'person:anna@sjobod.se|portfolio',
        'person:lisa@sjobod.se|portfolio',
        'person:nils@byraab.se|portfolio',
        'system-user:61550000000001|portfolio',
      ].sort(),
    );
    const asset = c.items.find((i) => i.access.kind === 'asset')!;
    expect(asset).toMatchObject({
      name: 'Byrå AB',
      email: '3228568050780001',
      readAt: T0,
      access: { kind: 'asset', access: 'partial', tasks: ['ads', 'insights'] },
      facts: { grant: { id: 'g1', endsAt: '2027-01-31' }, accepted: ['no-expiry'] },
    });
    // The first campaign: everything is new.
    expect(c.items.every((i) => i.delta === 'new')).toBe(true);
  });

  it('lists what must be read for completeness and ticks only reads at or after the start', () => {
    const c = start(portfolio);
    const lists = c.requirements.filter((r) => r.kind === 'list');
    expect(lists.map((r) => [r.list, r.before, r.readAt])).toEqual([
      ['people', T0, undefined],
      ['partners', T0, undefined],
      ['system-users', T0, undefined],
    ]);
    // People without a detail pane read: their assets are not known. The partner's pane was read.
    const details = c.requirements.flatMap((r) => (r.kind === 'detail' ? [r.subject] : []));
    expect(details).toContain('person:nils@byraab.se');
    expect(details).not.toContain('partner:3228568050780001');
    expect(summarise(c, START).complete).toBe(false);

    const after = fold([[list('people', [me, lisa, nils]), T2]], portfolio);
    const folded = foldRead(c, after, { at: T2, page: 'people', url: 'u' });
    const people = folded.requirements.find((r) => r.kind === 'list' && r.list === 'people');
    expect(people?.readAt).toBe(T2);
    expect(folded.revision).toBe(c.revision + 1);
    // A read from before the start ticks nothing.
    expect(foldRead(c, portfolio, { at: T0, page: 'people', url: 'u' })).toBe(c);
  });

  it('ticks a detail requirement from a pane that shows no assets (the reader’s `detail`), never from a row', () => {
    const c = start(portfolio);
    const readAt = (campaign: ReviewCampaign, subject: string) =>
      campaign.requirements.find((r) => r.kind === 'detail' && r.subject === subject)?.readAt;
    expect(readAt(c, 'person:lisa@sjobod.se')).toBeUndefined();
    // The list alone says nothing of Lisa's assets.
    const rows = fold([[list('people', [me, lisa, nils]), T2]], portfolio);
    expect(readAt(foldRead(c, rows, { at: T2, page: 'people', url: 'u' }), 'person:lisa@sjobod.se')).toBe(
      undefined,
    );
    // Her pane open, holding nothing: her assets are known (none), and only hers.
    const pane = fold([[list('people', [me, { ...lisa, detail: true }, nils]), T2]], portfolio);
    expect(pane.principals['person:lisa@sjobod.se']).toMatchObject({ assetsReadAt: T2, assets: {} });
    const folded = foldRead(c, pane, { at: T2, page: 'people', url: 'u' });
    expect(readAt(folded, 'person:lisa@sjobod.se')).toBe(T2);
    expect(readAt(folded, 'person:nils@byraab.se')).toBeUndefined();
    // A pane read only in part proves nothing.
    const partial = fold(
      [[{ ...list('people', [me, { ...lisa, detail: true }, nils]), readStatus: 'partial' }, T2]],
      portfolio,
    );
    expect(readAt(foldRead(c, partial, { at: T2, page: 'people', url: 'u' }), 'person:lisa@sjobod.se')).toBe(
      undefined,
    );
  });

  it('meets the detail requirement of someone gone from their list, read in full since the start', () => {
    const c = start(portfolio);
    const readAt = (campaign: ReviewCampaign) =>
      campaign.requirements.find((r) => r.kind === 'detail' && r.subject === 'person:lisa@sjobod.se')?.readAt;
    expect(readAt(c)).toBeUndefined();
    const gone = fold([[list('people', [me, nils]), T2]], portfolio);
    expect(readAt(foldRead(c, gone, { at: T2, page: 'people', url: 'u' }))).toBe(T2);
    // Read only in part: she may still be there.
    const partial = fold([[{ ...list('people', [me, nils]), readStatus: 'partial' }, T2]], portfolio);
    expect(readAt(foldRead(c, partial, { at: T2, page: 'people', url: 'u' }))).toBeUndefined();
  });

  it('verifies the revoke of a principal’s last asset by its pane showing none', () => {
    let c = start(portfolio);
    const itemId = 'partner:3228568050780001|asset:ad-account:1111';
    c = mustDecide(c, [{ itemId, kind: 'revoke', rationale: 'Campaign ended' }], 'Anna Berg', START);
    const item = (campaign: ReviewCampaign) => campaign.items.find((i) => i.id === itemId)!;
    // The partner's row without its pane: the asset may still be held.
    const row = fold([[list('partners', [agency([])]), T2]], portfolio);
    expect(item(foldRead(c, row, { at: T2, page: 'partners', url: 'u' })).verified).toBeUndefined();
    // Its pane, showing no assets: gone.
    const pane = fold([[list('partners', [{ ...agency([]), detail: true }]), T3]], portfolio);
    expect(item(foldRead(c, pane, { at: T3, page: 'partners', url: 'p' })).verified).toEqual({
      at: T3,
      page: 'partners',
      url: 'p',
    });
  });

  it('does not add an asset twice when a read during the campaign learns its ID', () => {
    const cafe = (id?: string): AssetGrant => ({
      type: 'page',
      ...(id ? { id } : {}),
      name: 'Sjöbod Café',
      access: 'full',
      tasks: [],
    });
    // The agency's pane named the café without its ID before the start.
    const byName = fold([[{ ...list('partners', [{ ...agency([cafe()]), detail: true }]) }, T0]], portfolio);
    const c = start(byName);
    const cafeItems = (campaign: ReviewCampaign) =>
      campaign.items.filter((i) => i.subject === 'partner:3228568050780001' && i.id.includes('|asset:page:'));
    expect(cafeItems(c).map((i) => i.id)).toEqual(['partner:3228568050780001|asset:page:Sjöbod Café']);
    // The café's own page, read during the campaign, shows it with its ID: still one access.
    const assetPage: PageSnapshot = {
      ...snapshot([agency([cafe('2222')])], 'asset'),
      url: `https://business.facebook.com/latest/settings/pages?business_id=${BID}&selected_asset_id=2222`,
    };
    const after = fold([[assetPage, T2]], byName);
    expect(Object.keys(after.principals['partner:3228568050780001']!.assets!)).toContain('page:2222');
    expect(cafeItems(foldRead(c, after, { at: T2, page: 'asset', url: 'u' }))).toHaveLength(1);
  });

  it('adds accesses a read during the campaign shows first', () => {
    const c = start(portfolio);
    const mallory = person('Mallory Vance', 'mallory@gmail.com');
    const after = fold([[list('people', [me, lisa, nils, mallory]), T2]], portfolio);
    const folded = foldRead(c, after, { at: T2, page: 'people', url: 'u' });
    const added = folded.items.find((i) => i.subject === 'person:mallory@gmail.com');
    expect(added).toMatchObject({ delta: 'new', addedAt: T2 });
    // New comes first.
    expect(folded.items[0]!.delta).toBe('new');
  });

  it('records keep, reduce and revoke, refuses a removal without a rationale, and bulk-keeps a selection', () => {
    const c = start(portfolio);
    expect(
      decide(c, [{ itemId: 'person:nils@byraab.se|portfolio', kind: 'revoke', rationale: ' ' }], 'A', START),
    ).toEqual({
      ok: false,
      problem: 'rationale-required',
    });
    expect(
      decide(c, [{ itemId: 'nobody|portfolio', kind: 'keep', rationale: '' }], 'A', START),
    ).toMatchObject({
      ok: false,
      problem: 'unknown-item',
    });
    expect(
      decide(
        c,
        [{ itemId: 'person:nils@byraab.se|portfolio', kind: 'reduce', rationale: 'x', reduce: {} }],
        'A',
        START,
      ),
    ).toMatchObject({ ok: false, problem: 'reduce-empty' });
    const bulk = mustDecide(
      c,
      ['person:anna@sjobod.se|portfolio', 'person:lisa@sjobod.se|portfolio'].map((itemId) => ({
        itemId,
        kind: 'keep' as const,
        rationale: '',
      })),
      'Anna Berg',
      START,
    );
    expect(bulk.items.filter((i) => i.decision?.kind === 'keep')).toHaveLength(2);
    expect(summarise(bulk, START)).toMatchObject({ decided: 2, keep: 2 });
  });

  it('verifies a revoke when a later read shows the access gone, and a reduce when the tasks are gone', () => {
    let c = start(portfolio);
    c = mustDecide(
      c,
      [
        { itemId: 'person:nils@byraab.se|portfolio', kind: 'revoke', rationale: 'Left the agency' },
        {
          itemId: 'partner:3228568050780001|asset:ad-account:1111',
          kind: 'reduce',
          rationale: 'Reporting only',
          reduce: { tasks: ['ads'] },
        },
      ],
      'Anna Berg',
      START,
    );
    // Still present: nothing verified; overdue only after 7 days.
    const stillThere = fold([[list('people', [me, lisa, nils]), T2]], portfolio);
    c = foldRead(c, stillThere, { at: T2, page: 'people', url: 'u' });
    const nilsItem = () => c.items.find((i) => i.subject === 'person:nils@byraab.se')!;
    expect(nilsItem().verified).toBeUndefined();
    expect(followUpState(nilsItem(), new Date(T2))).toBe('waiting');
    expect(followUpState(nilsItem(), new Date('2026-11-10T10:00:01.000Z'))).toBe('overdue');

    const gone = fold(
      [
        [list('people', [me, lisa]), T3],
        [list('partners', [agency([ads(['insights'])])]), T3],
      ],
      stillThere,
    );
    c = foldRead(c, gone, { at: T3, page: 'partners', url: 'https://business.facebook.com/x' });
    expect(nilsItem().verified).toEqual({ at: T3, page: 'partners', url: 'https://business.facebook.com/x' });
    const reduced = c.items.find((i) => i.id === 'partner:3228568050780001|asset:ad-account:1111')!;
    expect(reduced.verified?.at).toBe(T3);
    expect(summarise(c, new Date(T3))).toMatchObject({ verified: 2, unverified: 0 });
  });

  it('does not verify a reduce while the removed task is still shown', () => {
    let c = start(portfolio);
    c = mustDecide(
      c,
      [
        {
          itemId: 'partner:3228568050780001|asset:ad-account:1111',
          kind: 'reduce',
          rationale: 'r',
          reduce: { tasks: ['ads'] },
        },
      ],
      'A',
      START,
    );
    const same = fold([[list('partners', [agency()]), T2]], portfolio);
    expect(foldRead(c, same, { at: T2, page: 'partners', url: 'u' }).items.every((i) => !i.verified)).toBe(
      true,
    );
  });

  it('signs off only when every item is decided, and draws the next campaign’s delta against it', () => {
    let c = start(portfolio);
    expect(signOff(c, { reviewer: 'Anna', role: 'Owner' }, START)).toEqual({
      ok: false,
      problem: 'undecided-items',
    });
    c = mustDecide(
      c,
      c.items.map((i) => ({ itemId: i.id, kind: 'keep' as const, rationale: '' })),
      'Anna',
      START,
    );
    const signed = signOff(c, { reviewer: 'Anna Berg', role: 'Owner' }, new Date(T2));
    if (!signed.ok) throw new Error(signed.problem);
    expect(signed.campaign).toMatchObject({
      status: 'finished',
      signOff: { reviewer: 'Anna Berg', role: 'Owner', at: T2 },
    });

    // Next month: Lisa gone, the partner has another task, a new system user.
    const next = fold(
      [
        [list('people', [me, nils]), T3],
        [list('partners', [agency([ads(['insights'])])]), T3],
        [list('system-users', [bot, systemUser('Feed bot', '61550000000002')]), T3],
      ],
      portfolio,
    );
    const c2 = start(next, signed.campaign, new Date(T3));
    expect(c2.previousId).toBe('c1');
    expect(c2.removed.map((r) => r.id)).toEqual(['person:lisa@sjobod.se|portfolio']);
    const order = c2.items.map((i) => [i.delta, i.id]);
    expect(order.slice(0, 2)).toEqual([
      ['new', 'system-user:61550000000002|portfolio'],
      ['changed', 'partner:3228568050780001|asset:ad-account:1111'],
    ]);
    expect(order.slice(2).every(([d]) => d === 'unchanged')).toBe(true);
  });
});

describe('the campaign report', () => {
  it('hashes the canonical JSON of its data, says when its scope is incomplete, and neutralises formulas in the roster', async () => {
    const evil = person('=HYPERLINK("http://x")', 'evil@sjobod.se');
    let c = start(fold([[list('people', [me, evil]), T0]]));
    c = mustDecide(
      c,
      [{ itemId: 'person:evil@sjobod.se|portfolio', kind: 'revoke', rationale: '+cmd' }],
      'Anna',
      START,
    );
    const report = campaignReport(c, { chainHead: 'a'.repeat(64), keyFingerprint: 'fp' }, START, 'Sjöbod');
    expect(report.summary.complete).toBe(false);
    expect(report.completeness.some((r) => r.readAt === undefined)).toBe(true);
    const hash = await reportHash(report);
    // Recomputed from the JSON as downloaded (key order does not matter).
    const downloaded = JSON.parse(JSON.stringify(report)) as unknown;
    expect(await sha256Hex(canonicalJson(downloaded))).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // Another decision changes the hash.
    const other = campaignReport(
      mustDecide(
        c,
        [{ itemId: 'person:anna@sjobod.se|portfolio', kind: 'keep', rationale: '' }],
        'Anna',
        START,
      ),
      report.integrity,
      START,
      'Sjöbod',
    );
    expect(await reportHash(other)).not.toBe(hash);

    const csv = rosterCsv(c);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'account,emailOrBusinessId,type,access,asset,decision,rationale,reviewer,date,verified',
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`'+cmd`);
    expect(lines).toHaveLength(3);
  });
});
