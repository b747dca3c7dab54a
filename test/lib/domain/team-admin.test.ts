import { describe, expect, it } from 'vitest';
import type { GrantRecord } from '@/lib/domain/ledger/records';
import { getGrantDifferences, quarantinedItemSchema } from '@/lib/domain/team-admin';

/** Issue 16, item 2: what differs between the versions of a grant edited in two places. */
const grant = (over: Partial<GrantRecord>): GrantRecord => ({
  id: 'g-1',
  businessId: '1203456789012345',
  subject: 'partner:3228568050780001',
  assets: [
    { type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content', 'messages'] },
    { type: 'ad-account', id: '42', name: 'Sjöbod Ads', access: 'full', tasks: [] },
  ],
  case: 'Spring campaign',
  startsAt: '2026-11-20',
  endsAt: '2027-01-20',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
  ...over,
});

describe('the differences between versions of a grant', () => {
  it('names only the fields that differ; the order of assets or tasks and the edit time are no difference', () => {
    const a = grant({});
    const b = grant({
      assets: [
        { type: 'ad-account', id: '42', name: 'Sjöbod Ads', access: 'full', tasks: [] },
        { type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['messages', 'content'] },
      ],
      updatedAt: '2026-11-29T09:00:00.000Z',
    });
    expect([...getGrantDifferences([a, b])]).toEqual([]);
  });

  it('sees a role, a task, an end date, a case, a ticket given on one side only', () => {
    const a = grant({});
    expect([...getGrantDifferences([a, grant({ endsAt: '2027-01-25', ticket: 'T-7' })])]).toEqual([
      'endsAt',
      'ticket',
    ]);
    const fuller = grant({
      assets: [{ type: 'page', name: 'Sjöbod Café', access: 'full', tasks: [] }, a.assets[1]!],
      case: 'Spring campaign, and Easter',
    });
    expect([...getGrantDifferences([a, fuller])]).toEqual(['assets', 'case']);
    const task = grant({ assets: [{ ...a.assets[0]!, tasks: ['content'] }, a.assets[1]!] });
    expect([...getGrantDifferences([a, task, a])]).toEqual(['assets']);
  });

  it('takes a refused document only with a known reason', () => {
    expect(quarantinedItemSchema.safeParse({ id: 'x', reason: 'malformed' }).success).toBe(true);
    expect(quarantinedItemSchema.safeParse({ id: 'x', reason: 'made-up' }).success).toBe(false);
  });
});
