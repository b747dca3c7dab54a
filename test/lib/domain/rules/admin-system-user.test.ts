import { describe, expect, it } from 'vitest';
import { analyse } from '@/lib/domain/rules';
import rule from '@/lib/domain/rules/admin-system-user';
import { context, me, page, run, snapshot, systemUser } from './helpers';

const sync = systemUser('Feed sync', '61550000000001', { portfolioAccess: 'full-control', assets: [page()] });

describe('admin-system-user', () => {
  it('raises for a system user with full control: high without a grant record, medium with one', () => {
    const snap = snapshot([me, sync], 'system-users');
    expect(run(rule, snap)).toEqual([['system-user:61550000000001', undefined]]);
    const severity = (grants: Map<string, { endsAt?: string }>) =>
      analyse(snap, undefined, context({ ledger: { grants } }), 'en', [rule]).findings.map((f) => f.severity);
    expect(severity(new Map())).toEqual(['high']);
    expect(severity(new Map([['system-user:61550000000001', {}]]))).toEqual(['medium']);
  });

  it('speaks of the missing record only when there is none, in every language', () => {
    const snap = snapshot([sync], 'system-users');
    const message = (locale: 'en' | 'sv' | 'fr', grants = new Map<string, { endsAt?: string }>()) =>
      analyse(snap, undefined, context({ ledger: { grants } }), locale, [rule]).findings[0]!.message;
    expect(message('en')).toBe(
      'System user Feed sync has full control of the business portfolio, and nothing records why.',
    );
    expect(message('sv', new Map([['system-user:61550000000001', {}]]))).toBe(
      'Systemanvändaren Feed sync har full kontroll över företagsportföljen.',
    );
    expect(message('fr')).toContain('L’utilisateur système Feed sync a le contrôle total');
  });

  it('does not raise for system users without full control, nor for a person with it', () => {
    const snap = snapshot(
      [
        me,
        systemUser('Reports', '61550000000002', { portfolioAccess: 'basic', assets: [page()] }),
        systemUser('Unknown role', '61550000000003', { portfolioAccess: 'unknown' }),
        systemUser('No role shown', '61550000000004'),
      ],
      'system-users',
    );
    expect(run(rule, snap)).toEqual([]);
  });
});
