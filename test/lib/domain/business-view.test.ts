import { describe, expect, it } from 'vitest';
import { businessViewSchema, mergeSnapshot } from '@/lib/domain/business-view';
import { getSubjectKey, type PageSnapshot } from '@/lib/domain/snapshot';
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

  it('never makes two admins out of two reads: the latest read of People decides who is "you"', () => {
    const anna = { ...me };
    const eve = person('Eve', 'eve@contractor.example', { portfolioAccess: 'full-control' });
    const eveMarked = { ...eve, isCurrentUser: true };
    const annaUnmarked = { ...anna, isCurrentUser: false };
    const people = (principals: Parameters<typeof snapshot>[0], you?: typeof me) => ({
      ...snapshot(principals, 'people'),
      ...(you ? { currentUser: { name: you.name, email: you.email! } } : {}),
    });
    let view = mergeSnapshot(undefined, people([anna, eve], anna));
    expect(view!.currentUser?.email).toBe('anna@sjobod.se');
    // The same list read again keeps her.
    view = mergeSnapshot(view, people([anna, eve], anna));
    expect(view!.principals.filter((p) => p.isCurrentUser).map(getSubjectKey)).toEqual([
      'person:anna@sjobod.se',
    ]);
    // A later read marks Eve instead: that read decides, and Anna is no longer "you" as well.
    const later = mergeSnapshot(view, people([annaUnmarked, eveMarked], eveMarked));
    expect(later!.principals.filter((p) => p.isCurrentUser).map(getSubjectKey)).toEqual([
      'person:eve@contractor.example',
    ]);
    expect(later!.currentUser?.email).toBe('eve@contractor.example');
    // A read that marks nobody (Anna's row without the badge) forgets her too.
    const unmarked = mergeSnapshot(view, people([annaUnmarked, eve]));
    expect(unmarked!.principals.filter((p) => p.isCurrentUser)).toEqual([]);
    expect(unmarked!.currentUser).toBeUndefined();
    // A read that found several markers clears what an earlier read said.
    const several = mergeSnapshot(view, {
      ...people([annaUnmarked, eve]),
      readStatus: 'partial',
      readProblems: [{ code: 'several-current-user-markers', facts: { count: 2 } }],
    });
    expect(several!.currentUser).toBeUndefined();
    expect(several!.principals.filter((p) => p.isCurrentUser)).toEqual([]);
  });

  it('keeps a row read again as the same object as it is, and merges it again once the view changed', () => {
    const nils = person('Nils', 'nils@byraab.se', { pending: true });
    const list = snapshot([me, nils], 'people');
    const first = mergeSnapshot(undefined, list)!;
    // A delta keeps the rows it did not touch: merged again, they are the same principals.
    const again = mergeSnapshot(first, list)!;
    expect(again.principals[1]).toBe(first.principals[1]);
    expect(again).toEqual(mergeSnapshot(first, structuredClone(list)));
    // Another read changed Nils in the view (his invitation was accepted there): the row merges again.
    const accepted = mergeSnapshot(again, snapshot([me, { ...nils, pending: false }], 'people'))!;
    const back = mergeSnapshot(accepted, list)!;
    expect(back.principals[1]!.pending).toBe(true);
    expect(back).toEqual(mergeSnapshot(accepted, structuredClone(list)));
  });
});

describe('mergeSnapshot: Meta’s security signals (issue 15, item 5)', () => {
  const info = (requirement: 'no-one' | 'admins' | 'everyone') => ({
    ...snapshot([], 'business-info'),
    security: { twoFactorRequirement: requirement },
  });
  const center = (security: PageSnapshot['security'], readStatus: PageSnapshot['readStatus'] = 'ok') => ({
    ...snapshot([], 'security-center'),
    readStatus,
    security,
  });

  it('keeps the latest of each fact with when it was read, and keeps the people of People', () => {
    let view = mergeSnapshot(undefined, snapshot([me], 'people'), '2026-11-28T10:00:00.000Z');
    view = mergeSnapshot(view, info('no-one'), '2026-11-28T10:01:00.000Z');
    view = mergeSnapshot(
      view,
      center({ withoutTwoFactor: [{ name: 'Nils', email: 'nils@byraab.se' }], inactive: [{ name: 'Old' }] }),
      '2026-11-28T10:02:00.000Z',
    );
    expect(view!.principals.map(getSubjectKey)).toEqual(['person:anna@sjobod.se']);
    expect(view!.peopleListComplete).toBe(true);
    expect(view!.security).toEqual({
      twoFactorRequirement: { value: 'no-one', readAt: '2026-11-28T10:01:00.000Z' },
      withoutTwoFactor: {
        people: [{ name: 'Nils', email: 'nils@byraab.se' }],
        readAt: '2026-11-28T10:02:00.000Z',
      },
      inactive: { people: [{ name: 'Old' }], readAt: '2026-11-28T10:02:00.000Z' },
    });
    // A later read of Business info replaces the requirement and leaves Security Center's lists.
    view = mergeSnapshot(view, info('everyone'), '2026-11-28T11:00:00.000Z');
    expect(view!.security!.twoFactorRequirement).toEqual({
      value: 'everyone',
      readAt: '2026-11-28T11:00:00.000Z',
    });
    expect(view!.security!.inactive!.people).toEqual([{ name: 'Old' }]);
    // Another read of People keeps the security facts as they are (the same object: nothing to recompute).
    const before = view!.security;
    view = mergeSnapshot(view, snapshot([me], 'people'));
    expect(view!.security).toBe(before);
    expect(businessViewSchema.safeParse(view).success).toBe(true);
  });

  it('takes a full read of a list as the truth, adds a partial one, and ignores an unreadable page', () => {
    let view = mergeSnapshot(undefined, center({ withoutTwoFactor: [{ name: 'A' }, { name: 'B' }] }));
    view = mergeSnapshot(view, center({ withoutTwoFactor: [{ name: 'C' }] }, 'partial'));
    expect(view!.security!.withoutTwoFactor!.people.map((p) => p.name)).toEqual(['A', 'B', 'C']);
    view = mergeSnapshot(view, center({ withoutTwoFactor: [{ name: 'B' }] }));
    expect(view!.security!.withoutTwoFactor!.people.map((p) => p.name)).toEqual(['B']);
    expect(view!.security!.withoutTwoFactor!.readAt).toBeUndefined();
    const unreadable = mergeSnapshot(view, { ...center(undefined), readStatus: 'unreadable' });
    expect(unreadable).toBe(view);
    // A page without the facts (an unknown wording is a read problem, not a value) changes nothing.
    expect(mergeSnapshot(view, center(undefined))!.security).toEqual(view!.security);
  });
});
