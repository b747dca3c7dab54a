import { describe, expect, it } from 'vitest';
import { mergeSnapshot } from '@/lib/domain/business-view';
import { getSubjectKey } from '@/lib/domain/snapshot';
import { me, page, partner, person, snapshot } from './rules/helpers';

const byraListed = partner('Byrå AB', '3228568050780001');
const byraWithAssets = partner('Byrå AB', '3228568050780001', [
  page('Sjöbod Café', 'full'),
  page('Other', 'partial', ['ads']),
]);

describe('mergeSnapshot (what is known about a business across pages)', () => {
  it('keeps a partner’s assets read on its pane after the admin moves on to People', () => {
    let view = mergeSnapshot(undefined, snapshot([byraWithAssets], 'partners'));
    view = mergeSnapshot(view, snapshot([me, person('Nils', 'nils@byraab.se', { pending: true })], 'people'));
    expect(view!.principals.map(getSubjectKey)).toEqual([
      'partner:3228568050780001',
      'person:anna@sjobod.se',
      'person:nils@byraab.se',
    ]);
    expect(view!.principals[0]!.assets).toHaveLength(2);
    expect(view!.currentUser).toBeUndefined();
    expect(view!.peopleListComplete).toBe(true);
  });

  it('keeps assets when the list is read again without a pane, and drops who left a fully read list', () => {
    let view = mergeSnapshot(
      undefined,
      snapshot([byraWithAssets, partner('Gone', '3228568050780009')], 'partners'),
    );
    view = mergeSnapshot(view, snapshot([byraListed], 'partners'));
    expect(view!.principals.map(getSubjectKey)).toEqual(['partner:3228568050780001']);
    expect(view!.principals[0]!.assets).toHaveLength(2);
  });

  it('keeps unlisted principals when the list was read only in part', () => {
    let view = mergeSnapshot(undefined, snapshot([me, person('Nils', 'nils@byraab.se')], 'people'));
    view = mergeSnapshot(view, {
      ...snapshot([me], 'people'),
      readStatus: 'partial',
      readProblems: [{ code: 'list-partly-loaded', facts: { count: 1, total: 2 } }],
    });
    expect(view!.principals).toHaveLength(2);
  });

  it('takes an asset page as the truth about that asset’s holders', () => {
    let view = mergeSnapshot(undefined, snapshot([byraWithAssets], 'partners'));
    view = mergeSnapshot(
      view,
      snapshot(
        [
          person('Maja', 'maja@sjobod.se', {
            portfolioAccess: undefined,
            assets: [page('Sjöbod Café', 'partial', ['content'])],
          }),
        ],
        'asset',
      ),
    );
    const byra = view!.principals.find((p) => p.kind === 'partner')!;
    expect(byra.assets.map((a) => a.name)).toEqual(['Other']);
    expect(view!.principals.find((p) => p.kind === 'person')!.assets).toEqual([
      page('Sjöbod Café', 'partial', ['content']),
    ]);
  });

  it('ignores dialogs, unreadable pages, other businesses’ pages start a new view', () => {
    const view = mergeSnapshot(undefined, snapshot([me], 'people'));
    expect(mergeSnapshot(view, snapshot([person('d', 'd@x.example')], 'invite-dialog'))).toBe(view);
    expect(mergeSnapshot(view, { ...snapshot([], 'people'), readStatus: 'unreadable' })).toBe(view);
    const other = mergeSnapshot(view, { ...snapshot([byraListed], 'partners'), businessId: '999' });
    expect(other!.businessId).toBe('999');
    expect(other!.principals.map(getSubjectKey)).toEqual(['partner:3228568050780001']);
  });
});
