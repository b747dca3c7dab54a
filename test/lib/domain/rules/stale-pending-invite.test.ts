import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/stale-pending-invite';
import { context, me, person, run, snapshot } from './helpers';

const lisa = person('Lisa', 'lisa@gmail.com', { pending: true });

describe('stale-pending-invite', () => {
  it('raises when first seen pending longer ago than the setting', () => {
    const ctx = context({
      ledger: { firstSeen: new Map([['person:lisa@gmail.com', '2026-11-20T09:00:00Z']]) },
    });
    expect(run(rule, snapshot([me, lisa]), ctx)).toEqual([['person:lisa@gmail.com', undefined]]);
  });

  it('does not raise within the setting, without a first-seen date, or once accepted', () => {
    const recent = context({
      ledger: { firstSeen: new Map([['person:lisa@gmail.com', '2026-11-22T09:00:00Z']]) },
    });
    expect(run(rule, snapshot([me, lisa]), recent)).toEqual([]);
    expect(run(rule, snapshot([me, lisa]))).toEqual([]);
    const old = context({
      ledger: { firstSeen: new Map([['person:lisa@gmail.com', '2026-01-01T00:00:00Z']]) },
    });
    expect(run(rule, snapshot([me, { ...lisa, pending: false }]), old)).toEqual([]);
  });
});
