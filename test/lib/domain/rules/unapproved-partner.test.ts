import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/unapproved-partner';
import { context, page, partner, run, snapshot } from './helpers';

const byra = partner('Byrå AB', '3228568050780001', [page()]);
const pixel = partner('Pixelverket', '3228568050780002', [page('P', 'partial', ['ads'])]);

describe('unapproved-partner', () => {
  it('raises for partners missing from a non-empty approved list', () => {
    expect(
      run(rule, snapshot([byra, pixel]), context({ settings: { approvedPartnerIds: ['3228568050780001'] } })),
    ).toEqual([['partner:3228568050780002', undefined]]);
  });

  it('does not raise when the approved list is empty or names every partner', () => {
    expect(run(rule, snapshot([byra, pixel]))).toEqual([]);
    expect(
      run(
        rule,
        snapshot([byra, pixel]),
        context({ settings: { approvedPartnerIds: ['3228568050780001', '3228568050780002'] } }),
      ),
    ).toEqual([]);
  });
});
