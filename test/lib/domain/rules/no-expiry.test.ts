import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/no-expiry';
import { context, me, page, partner, person, run, snapshot } from './helpers';

describe('no-expiry', () => {
  it('raises for a third party with access and no end date anywhere', () => {
    expect(run(rule, snapshot([me, partner('Byrå AB', '3228568050780001', [page()])]))).toEqual([
      ['partner:3228568050780001', undefined],
    ]);
  });

  it('does not raise when the page shows temporary access or the ledger records an end date', () => {
    const omar = person('Omar', 'omar@pixelverket.fr', { temporaryUntil: '2027-02-15' });
    const byra = partner('Byrå AB', '3228568050780001', [page()]);
    const ctx = context({
      ledger: { grants: new Map([['partner:3228568050780001', { endsAt: '2027-01-31' }]]) },
    });
    expect(run(rule, snapshot([me, omar, byra]), ctx)).toEqual([]);
  });
});
