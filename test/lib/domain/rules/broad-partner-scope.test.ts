import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/broad-partner-scope';
import { context, page, partner, run, snapshot } from './helpers';

const assets = (n: number) => Array.from({ length: n }, (_, i) => page(`Page ${i}`, 'partial', ['ads']));

describe('broad-partner-scope', () => {
  it('raises for a partner with more assets than the limit', () => {
    expect(run(rule, snapshot([partner('Byrå AB', '3228568050780001', assets(6))]))).toEqual([
      ['partner:3228568050780001', undefined],
    ]);
  });

  it('does not raise at the limit, and follows the setting', () => {
    expect(run(rule, snapshot([partner('Byrå AB', '3228568050780001', assets(5))]))).toEqual([]);
    expect(
      run(
        rule,
        snapshot([partner('Byrå AB', '3228568050780001', assets(3))]),
        context({ settings: { maxPartnerAssets: 2 } }),
      ),
    ).toHaveLength(1);
  });
});
