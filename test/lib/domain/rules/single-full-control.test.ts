import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/single-full-control';
import { context, me, person, run, snapshot } from './helpers';

describe('single-full-control', () => {
  it('raises when exactly one person holds full control', () => {
    expect(run(rule, snapshot([me, person('Maja Ek', 'maja@sjobod.se')]))).toEqual([
      ['person:anna@sjobod.se', undefined],
    ]);
  });

  it('does not raise with two holders, or when the People list has not been read in full', () => {
    const maja = person('Maja Ek', 'maja@sjobod.se', { portfolioAccess: 'full-control' });
    expect(run(rule, snapshot([me, maja]))).toEqual([]);
    expect(run(rule, snapshot([me]), context({ peopleListComplete: false }))).toEqual([]);
  });

  it('does not count a pending invitation as a second holder', () => {
    const pending = person('Lisa', 'lisa@sjobod.se', { portfolioAccess: 'full-control', pending: true });
    expect(run(rule, snapshot([me, pending]))).toEqual([['person:anna@sjobod.se', undefined]]);
  });
});
