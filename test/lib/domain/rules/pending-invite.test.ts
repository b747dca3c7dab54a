import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/pending-invite';
import { me, person, run, snapshot } from './helpers';

describe('pending-invite', () => {
  it('raises for a pending invitation', () => {
    expect(run(rule, snapshot([me, person('Lisa', 'lisa@gmail.com', { pending: true })]))).toEqual([
      ['person:lisa@gmail.com', undefined],
    ]);
  });

  it('does not raise for accepted people', () => {
    expect(run(rule, snapshot([me, person('Lisa', 'lisa@gmail.com')]))).toEqual([]);
  });
});
