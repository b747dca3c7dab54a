import { describe, expect, it } from 'vitest';
import { observe, pruneBaseline, type Baseline, type Change } from '@/lib/domain/baseline';
import type { AssetGrant, PageSnapshot, Principal } from '@/lib/domain/snapshot';
import { me, partner, person, snapshot, systemUser } from './rules/helpers';

const OWN = ['sjobod.se'];
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-20T10:00:00.000Z';
const T3 = '2026-11-25T10:00:00.000Z';

const ads = (access: AssetGrant['access'] = 'partial', tasks: AssetGrant['tasks'] = ['ads']): AssetGrant => ({
  type: 'ad-account',
  id: '1111',
  name: 'Sjöbod Ads',
  access,
  tasks,
});
const page = (
  access: AssetGrant['access'] = 'partial',
  tasks: AssetGrant['tasks'] = ['content'],
): AssetGrant => ({
  type: 'page',
  id: '2222',
  name: 'Sjöbod Café',
  access,
  tasks,
});
const assetPage = (principals: Principal[], readStatus: PageSnapshot['readStatus'] = 'ok'): PageSnapshot => ({
  ...snapshot(principals, 'asset'),
  readStatus,
});
const partial = (s: PageSnapshot): PageSnapshot => ({ ...s, readStatus: 'partial' });

/** Folds reads in order; the changes of the last one. */
function after(reads: [PageSnapshot, string][]): { baseline: Baseline; changes: Change[] } {
  let baseline: Baseline | undefined;
  let changes: Change[] = [];
  for (const [read, at] of reads) ({ baseline, changes } = observe(baseline, read, at, OWN));
  return { baseline: baseline!, changes };
}
const kinds = (changes: Change[]) =>
  changes.map((c) => `${c.kind} ${c.subject}${c.from ? ` ${c.from}` : ''}${c.to ? `→${c.to}` : ''}`);

const lisa = person('Lisa Kant', 'lisa@sjobod.se');
const nils = person('Nils Holm', 'nils@byraab.se');
const agency = partner('Byrå AB', '3228568050780001');

describe('the baseline of a business (issue 13)', () => {
  it('reports nothing on the first look at a list, and keeps every principal with when it was seen', () => {
    const { baseline, changes } = after([[snapshot([me, lisa]), T1]]);
    expect(changes).toEqual([]);
    expect(Object.keys(baseline.principals)).toEqual(['person:anna@sjobod.se', 'person:lisa@sjobod.se']);
    expect(baseline.principals['person:lisa@sjobod.se']).toMatchObject({
      kind: 'person',
      name: 'Lisa Kant',
      portfolioAccess: 'basic',
      pending: false,
      firstSeen: T1,
      lastSeen: T1,
    });
    expect(baseline.lists).toEqual({ people: T1 });
  });

  it('reports a new person, raised portfolio access and removed people on the next full read', () => {
    const { changes } = after([
      [snapshot([me, lisa, person('Old Contractor', 'old@gmail.com')]), T1],
      [snapshot([me, { ...lisa, portfolioAccess: 'full-control' }, nils]), T2],
    ]);
    expect(kinds(changes)).toEqual([
      'portfolio-access-raised person:lisa@sjobod.se basic→full-control',
      'principal-added person:nils@byraab.se',
      'principal-removed person:old@gmail.com',
    ]);
    expect(changes[1]).toMatchObject({ name: 'Nils Holm', principalKind: 'person', at: T2, page: 'people' });
    // What a record must postdate to approve it: the last read that showed the state before.
    expect(changes.map((c) => c.since)).toEqual([T1, T1, T1]);
  });

  it('reads nothing as removed from a partial read, and reports no lowering of access', () => {
    const { changes } = after([
      [snapshot([me, lisa, { ...nils, portfolioAccess: 'full-control' }]), T1],
      [partial(snapshot([me, nils])), T2],
    ]);
    expect(changes).toEqual([]);
  });

  it('takes the first look at another list as a first look (nothing new), and reports what is new after', () => {
    const first = after([
      [snapshot([me]), T1],
      [snapshot([agency], 'partners'), T2],
    ]);
    expect(first.changes).toEqual([]);
    const next = observe(
      first.baseline,
      snapshot([agency, partner('Unknown Ltd', '9999900000')], 'partners'),
      T3,
      OWN,
    );
    expect(kinds(next.changes)).toEqual(['principal-added partner:9999900000']);
    const users = observe(
      next.baseline,
      snapshot([systemUser('Conversions API', '61550000')], 'system-users'),
      T3,
      OWN,
    );
    expect(users.changes).toEqual([]);
  });

  it('reports an end date removed or moved later', () => {
    const temp = (until: string | undefined) => ({ ...nils, temporaryUntil: until });
    expect(
      kinds(
        after([
          [snapshot([me, temp('2026-12-01')]), T1],
          [snapshot([me, temp(undefined)]), T2],
        ]).changes,
      ),
    ).toEqual(['end-date-removed person:nils@byraab.se 2026-12-01']);
    expect(
      kinds(
        after([
          [snapshot([me, temp('2026-12-01')]), T1],
          [snapshot([me, temp('2027-06-01')]), T2],
        ]).changes,
      ),
    ).toEqual(['end-date-extended person:nils@byraab.se 2026-12-01→2027-06-01']);
    expect(
      after([
        [snapshot([me, temp('2026-12-01')]), T1],
        [snapshot([me, temp('2026-11-30')]), T2],
      ]).changes,
    ).toEqual([]);
  });

  it('reports an own-domain holder of full control replaced by a third party', () => {
    const { changes } = after([
      [snapshot([me, { ...lisa, portfolioAccess: 'full-control' }, nils]), T1],
      [snapshot([me, lisa, { ...nils, portfolioAccess: 'full-control' }]), T2],
    ]);
    expect(changes.find((c) => c.kind === 'full-control-to-third-party')).toMatchObject({
      subject: 'person:nils@byraab.se',
      replaced: 'person:lisa@sjobod.se',
    });
  });

  it('keeps an asset’s ID from its asset page when a pane names it without one: one asset, not two', () => {
    const byName: AssetGrant = { type: 'page', name: 'Sjöbod Café', access: 'full', tasks: [] };
    const pane = () => snapshot([{ ...nils, detail: true, assets: [byName] }], 'people');
    const { baseline, changes } = after([
      [pane(), T1],
      [assetPage([{ ...nils, assets: [page('full', [])] }]), T2],
      [pane(), T3],
    ]);
    expect(baseline.principals['person:nils@byraab.se']!.assets).toEqual({
      'page:2222': { type: 'page', id: '2222', name: 'Sjöbod Café', access: 'full', tasks: [], seen: T3 },
    });
    expect(kinds(changes)).toEqual([]);
  });

  it('learns a partner’s assets from its pane, then reports a new asset, raised access, a new task and a removal', () => {
    const pane = (assets: AssetGrant[]) => snapshot([{ ...agency, assets }], 'partners');
    const seen = after([[pane([ads()]), T1]]);
    expect(seen.changes).toEqual([]);
    expect(Object.keys(seen.baseline.principals['partner:3228568050780001']!.assets!)).toEqual([
      'ad-account:1111',
    ]);
    const { changes } = after([
      [pane([ads()]), T1],
      [pane([ads('partial', ['ads', 'insights']), page('full', [])]), T2],
    ]);
    expect(kinds(changes)).toEqual([
      'task-added partner:3228568050780001→insights',
      'asset-added partner:3228568050780001→full',
    ]);
    expect(changes[1]!.asset).toEqual({ type: 'page', id: '2222', name: 'Sjöbod Café' });
    expect(
      kinds(
        after([
          [pane([ads()]), T1],
          [pane([ads('full', [])]), T2],
        ]).changes,
      ),
    ).toEqual(['asset-access-raised partner:3228568050780001 partial→full']);
    expect(
      kinds(
        after([
          [pane([ads(), page()]), T1],
          [pane([page()]), T2],
        ]).changes,
      ),
    ).toEqual(['asset-removed partner:3228568050780001 partial']);
    // A pane that shows no assets says so (the reader's `detail`): the last one is gone too. A row, which
    // shows none either, says nothing.
    const emptyPane = { ...pane([]), principals: [{ ...agency, assets: [], detail: true }] };
    const last = after([
      [pane([ads()]), T1],
      [emptyPane, T2],
    ]);
    expect(kinds(last.changes)).toEqual(['asset-removed partner:3228568050780001 partial']);
    expect(last.baseline.principals['partner:3228568050780001']).toMatchObject({
      assets: {},
      assetsReadAt: T2,
    });
    const row = { ...pane([]), principals: [{ ...agency, assets: [] }] };
    expect(
      kinds(
        after([
          [pane([ads()]), T1],
          [row, T2],
        ]).changes,
      ),
    ).toEqual([]);
  });

  it('learns an asset’s holders from its page, then reports who gained or lost it', () => {
    const holders = (...ps: Principal[]) => assetPage(ps.map((p) => ({ ...p, assets: [page()] })));
    const first = after([
      [snapshot([me, lisa, nils]), T1],
      [holders(me, lisa), T1],
    ]);
    expect(first.changes).toEqual([]);
    const { changes } = after([
      [snapshot([me, lisa, nils]), T1],
      [holders(me, lisa), T1],
      [holders(me, nils, person('Stranger', 'x@evil.example')), T2],
    ]);
    expect(kinds(changes)).toEqual([
      'asset-added person:nils@byraab.se→partial',
      'principal-added person:x@evil.example',
      'asset-added person:x@evil.example→partial',
      'asset-removed person:lisa@sjobod.se partial',
    ]);
  });

  it('reports no sideways move of portfolio access, and compares two rows of one key once', () => {
    const finance = { ...lisa, portfolioAccess: 'finance' as const };
    expect(
      after([
        [snapshot([me, finance]), T1],
        [snapshot([me, { ...lisa, portfolioAccess: 'partial' }]), T2],
      ]).changes,
    ).toEqual([]);
    const bot = (access: 'basic' | 'full-control') =>
      systemUser('Conversions API System User', undefined as never, { portfolioAccess: access });
    const users = (list: Principal[]) => snapshot(list, 'system-users');
    const twice = users([
      { ...bot('basic'), id: undefined },
      { ...bot('full-control'), id: undefined },
    ]);
    expect(
      after([
        [twice, T1],
        [twice, T2],
        [twice, T3],
      ]).changes,
    ).toEqual([]);
  });

  it('does not report what it knew already, read again', () => {
    const read = snapshot([me, lisa, { ...agency, assets: [ads()] }]);
    expect(
      after([
        [read, T1],
        [read, T2],
        [read, T3],
      ]).changes,
    ).toEqual([]);
  });

  it('changes nothing for a dialog, an unreadable page or a page of nothing', () => {
    const { baseline } = after([[snapshot([me, lisa]), T1]]);
    for (const read of [
      { ...snapshot([me, lisa, nils]), kind: 'invite-dialog' as const },
      { ...snapshot([me]), readStatus: 'unreadable' as const },
      { ...snapshot([]), kind: 'other' as const },
    ]) {
      const next = observe(baseline, read, T2, OWN);
      expect(next.changes).toEqual([]);
      expect(next.baseline).toEqual(baseline);
    }
  });

  it('forgets facts no read has shown for the retention period', () => {
    const { baseline } = after([
      [snapshot([me, lisa]), T1],
      [snapshot([{ ...agency, assets: [ads()] }], 'partners'), T1],
      [snapshot([me]), T3],
    ]);
    const pruned = pruneBaseline(baseline, new Date('2027-12-10T00:00:00Z'), 400);
    expect(Object.keys(pruned.principals)).toEqual(['person:anna@sjobod.se']);
    const kept = pruneBaseline(baseline, new Date(T3), 400);
    expect(Object.keys(kept.principals).sort()).toEqual([
      'partner:3228568050780001',
      'person:anna@sjobod.se',
    ]);
  });
  it('takes an asset page as knowing that asset only, and one asset named by ID or by name as one', () => {
    const cafeByName = { ...page(), id: undefined };
    const { changes, baseline } = after([
      [snapshot([me, nils]), T1],
      // The first look at the café's page shows Nils holding it: his other assets are still unknown.
      [assetPage([me, { ...nils, assets: [page()] }]), T1],
      // His pane, read later, shows the café by name only, and an ad account: nothing new is known.
      [snapshot([me, { ...nils, assets: [cafeByName, ads()] }]), T2],
    ]);
    expect(changes).toEqual([]);
    // The café keeps the ID its asset page showed (a pane names assets without one).
    expect(Object.keys(baseline.principals['person:nils@byraab.se']!.assets!).sort()).toEqual([
      'ad-account:1111',
      'page:2222',
    ]);
    // Once his pane was read in full, the café's page with its ID is the same asset, and a raise shows.
    const next = observe(baseline, assetPage([me, { ...nils, assets: [page('full', [])] }]), T3, OWN);
    expect(kinds(next.changes)).toEqual(['asset-access-raised person:nils@byraab.se partial→full']);
  });

  it('keeps one principal when a pane shows the address a row did not', () => {
    const byName = { ...nils, email: undefined };
    const reads: [PageSnapshot, string][] = [
      [snapshot([me, byName]), T1],
      [snapshot([me, { ...nils, assets: [ads()] }]), T2],
      [snapshot([me, byName]), T3],
    ];
    const { baseline, changes } = after(reads);
    expect(changes).toEqual([]);
    expect(Object.keys(baseline.principals).sort()).toEqual([
      'person:anna@sjobod.se',
      'person:nils@byraab.se',
    ]);
    expect(baseline.principals['person:nils@byraab.se']!.firstSeen).toBe(T1);
    // And every one of those reads, one at a time, reports nothing either.
    for (let i = 1; i <= reads.length; i++) expect(after(reads.slice(0, i)).changes).toEqual([]);
  });

  it('reports an end date gone only from a read in full that could show it', () => {
    const paneWithDate = { ...nils, temporaryUntil: '2026-12-01', assets: [ads()] };
    // The date was shown with the pane open: the row alone, without it, proves nothing.
    expect(
      after([
        [snapshot([me, paneWithDate]), T1],
        [snapshot([me, nils]), T2],
      ]).changes,
    ).toEqual([]);
    // The row showed it: a partial read without it proves nothing, a read in full does.
    const rowWithDate = { ...nils, temporaryUntil: '2026-12-01' };
    const kept = after([
      [snapshot([me, rowWithDate]), T1],
      [partial(snapshot([me, nils])), T2],
    ]);
    expect(kept.changes).toEqual([]);
    expect(kept.baseline.principals['person:nils@byraab.se']!.temporaryUntil).toBe('2026-12-01');
    expect(kinds(observe(kept.baseline, snapshot([me, nils]), T3, OWN).changes)).toEqual([
      'end-date-removed person:nils@byraab.se 2026-12-01',
    ]);
  });

  it('takes nothing back from a tab left open or a read recorded after a newer one', () => {
    const old = person('Old Contractor', 'old@gmail.com');
    const tabA = snapshot([me, lisa, old]);
    const { baseline } = after([
      [tabA, T1],
      // Another tab, later: the contractor removed, Nils added.
      [snapshot([me, lisa, nils]), T2],
    ]);
    // Tab A's page changes (Lisa's access) and reads again: it still shows the contractor and not Nils.
    const again = snapshot([me, { ...lisa, portfolioAccess: 'full-control' }, old]);
    const next = observe(baseline, again, T3, OWN, tabA);
    expect(kinds(next.changes)).toEqual(['portfolio-access-raised person:lisa@sjobod.se basic→full-control']);
    expect(Object.keys(next.baseline.principals).sort()).toEqual([
      'person:anna@sjobod.se',
      'person:lisa@sjobod.se',
      'person:nils@byraab.se',
    ]);
    // Without the tab's previous read it is a new page: what it shows is the truth.
    expect(kinds(observe(baseline, again, T3, OWN).changes)).toContain(
      'principal-added person:old@gmail.com',
    );
    // A read taken before the newest one of its list, recorded after it, changes nothing.
    const late = observe(baseline, tabA, T1, OWN);
    expect(late.changes).toEqual([]);
    expect(late.baseline).toEqual(baseline);
  });

  it('knows whom a tab did not show only from its previous read in full (a list still loading shows no one)', () => {
    const old = person('Old Contractor', 'old@gmail.com');
    const { baseline } = after([[snapshot([me, lisa, old]), T1]]);
    // The contractor removed before the page loaded: its list said "Loading…", then showed everyone else.
    const loading: PageSnapshot = {
      ...snapshot([], 'people'),
      readStatus: 'partial',
      readProblems: [{ code: 'list-loading', facts: { section: 'people' } }],
    };
    const loaded = observe(baseline, loading, T2, OWN);
    expect(loaded.changes).toEqual([]);
    const read = observe(loaded.baseline, snapshot([me, lisa]), T3, OWN, loading);
    expect(kinds(read.changes)).toEqual(['principal-removed person:old@gmail.com']);
    expect(Object.keys(read.baseline.principals)).not.toContain('person:old@gmail.com');
    // Partly read, likewise: it had not reached the contractor's row.
    const partly = observe(loaded.baseline, snapshot([me, lisa]), T3, OWN, partial(snapshot([me], 'people')));
    expect(kinds(partly.changes)).toEqual(['principal-removed person:old@gmail.com']);
  });
});
