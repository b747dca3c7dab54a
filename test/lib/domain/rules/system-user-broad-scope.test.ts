import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/system-user-broad-scope';
import { context, page, partner, run, snapshot, systemUser } from './helpers';

const assets = (n: number) => Array.from({ length: n }, (_, i) => page(`Page ${i}`, 'partial', ['ads']));

describe('system-user-broad-scope', () => {
  it('raises for a system user assigned more assets than the limit', () => {
    const snap = snapshot([systemUser('Feed sync', '61550000000001', { assets: assets(6) })], 'system-users');
    expect(run(rule, snap)).toEqual([['system-user:61550000000001', undefined]]);
  });

  it('does not raise at the limit, nor for a partner, and follows its own setting', () => {
    const atLimit = snapshot([
      systemUser('Feed sync', '61550000000001', { assets: assets(5) }),
      partner('Byrå AB', '3228568050780001', assets(9)),
    ]);
    expect(run(rule, atLimit)).toEqual([]);
    const three = snapshot([systemUser('Feed sync', '61550000000001', { assets: assets(3) })]);
    expect(run(rule, three, context({ settings: { maxSystemUserAssets: 2 } }))).toHaveLength(1);
    // The partners' limit is a different setting.
    expect(run(rule, three, context({ settings: { maxPartnerAssets: 1 } }))).toEqual([]);
  });
});
