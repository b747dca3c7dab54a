import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/undocumented-third-party';
import { context, me, page, partner, person, run, snapshot } from './helpers';

describe('undocumented-third-party', () => {
  it('raises for third parties with access and no grant record', () => {
    const found = run(
      rule,
      snapshot([me, person('Nils', 'nils@byraab.se'), partner('Byrå AB', '3228568050780001', [page()])]),
    );
    expect(found).toEqual([
      ['person:nils@byraab.se', undefined],
      ['partner:3228568050780001', undefined],
    ]);
  });

  it('does not raise once a grant record exists, nor for own people', () => {
    const ctx = context({ ledger: { grants: new Map([['person:nils@byraab.se', {}]]) } });
    expect(
      run(rule, snapshot([me, person('Nils', 'nils@byraab.se'), person('Maja', 'maja@sjobod.se')]), ctx),
    ).toEqual([]);
  });
});
