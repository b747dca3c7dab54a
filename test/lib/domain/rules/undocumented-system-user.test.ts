import { describe, expect, it } from 'vitest';
import { grantSilences } from '@/lib/domain/ledger/import';
import rule from '@/lib/domain/rules/undocumented-system-user';
import { grant } from '../ledger/fixtures';
import { context, me, page, person, run, snapshot, systemUser } from './helpers';

describe('undocumented-system-user', () => {
  it('raises for a system user with access and no grant record', () => {
    const snap = snapshot(
      [
        me,
        person('Nils', 'nils@byraab.se'),
        systemUser('Feed sync', '61550000000001', { assets: [page()] }),
        systemUser('Reports', '61550000000002', { portfolioAccess: 'basic' }),
      ],
      'system-users',
    );
    expect(run(rule, snap)).toEqual([
      ['system-user:61550000000001', undefined],
      ['system-user:61550000000002', undefined],
    ]);
  });

  it('does not raise once a grant record exists, nor for one that holds nothing', () => {
    const ctx = context({ ledger: { grants: new Map([['system-user:61550000000001', {}]]) } });
    const snap = snapshot([
      systemUser('Feed sync', '61550000000001', { assets: [page()] }),
      systemUser('Idle', '61550000000005'),
    ]);
    expect(run(rule, snap, ctx)).toEqual([]);
  });
});

describe('a grant record for a system user, in an import preview', () => {
  it('is said to silence undocumented-system-user, not the third-party rule', () => {
    expect(grantSilences(grant('g1', { subject: 'system-user:61550000000001' }))).toEqual([
      'undocumented-system-user',
      'no-expiry',
    ]);
    expect(grantSilences(grant('g2', { subject: 'partner:3228568050780001' }))[0]).toBe(
      'undocumented-third-party',
    );
  });
});
