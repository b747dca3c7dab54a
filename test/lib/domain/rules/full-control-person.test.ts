import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/full-control-person';
import { me, person, run, snapshot } from './helpers';

describe('full-control-person', () => {
  it('raises for a person other than the current user with full control', () => {
    expect(
      run(rule, snapshot([me, person('Maja Ek', 'maja@sjobod.se', { portfolioAccess: 'full-control' })])),
    ).toEqual([['person:maja@sjobod.se', undefined]]);
  });

  it('does not raise for the current user, partial access or a pending invitation', () => {
    const pending = person('Lisa', 'lisa@sjobod.se', { portfolioAccess: 'full-control', pending: true });
    expect(run(rule, snapshot([me, person('Maja Ek', 'maja@sjobod.se'), pending]))).toEqual([]);
  });
});
