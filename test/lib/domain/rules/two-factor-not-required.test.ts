import { describe, expect, it } from 'vitest';
import { analyse } from '@/lib/domain/rules';
import rule from '@/lib/domain/rules/two-factor-not-required';
import type { TwoFactorRequirement } from '@/lib/domain/snapshot';
import { context, me, person, run, snapshot } from './helpers';

const withRequirement = (value: TwoFactorRequirement) =>
  context({ security: { twoFactorRequirement: { value, readAt: '2026-11-28T11:00:00.000Z' } } });

describe('two-factor-not-required', () => {
  it('raises about the business itself: high when no one must use two-factor, low when admins only', () => {
    const snap = snapshot([me], 'business-info');
    expect(run(rule, snap, withRequirement('no-one'))).toEqual([['business:1203456789012345', undefined]]);
    const found = (value: TwoFactorRequirement) =>
      analyse(snap, undefined, withRequirement(value), 'en', [rule]).findings;
    expect(found('no-one').map((f) => f.severity)).toEqual(['high']);
    expect(found('admins').map((f) => f.severity)).toEqual(['low']);
    // No principal: the finding is named by the business (its ID while the page showed no name).
    expect(found('no-one')[0]!.subjectName).toBe('Business portfolio 1203456789012345');
    const named = analyse(
      { ...snap, businessName: 'Sjöbod Café AB' },
      undefined,
      withRequirement('admins'),
      'sv',
      [rule],
    ).findings[0]!;
    expect(named.subjectName).toBe('Sjöbod Café AB');
    expect(named.message).toBe(
      'Företagsportföljen kräver tvåfaktorsautentisering bara av administratörer, inte av alla.',
    );
    expect(analyse(snap, undefined, withRequirement('no-one'), 'fr', [rule]).findings[0]!.fix).toContain(
      '«\u00a0Tout le monde\u00a0»',
    );
  });

  it('does not raise when everyone must use it, while the setting was never read, nor for names', () => {
    // People named after the setting's choices change nothing: only the setting's value counts.
    const snap = snapshot(
      [
        me,
        person('No one', 'noone@sjobod.se', { portfolioAccess: 'full-control' }),
        person('Admins only', 'admins@sjobod.se'),
      ],
      'business-info',
    );
    expect(run(rule, snap, withRequirement('everyone'))).toEqual([]);
    expect(run(rule, snap)).toEqual([]);
    expect(run(rule, snap, context({ security: {} }))).toEqual([]);
  });
});
