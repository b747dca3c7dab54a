import { describe, expect, it } from 'vitest';
import { parseSnapshotReport } from '@/lib/domain/messages';

const snapshot = {
  kind: 'people',
  businessId: '1203456789012345',
  url: 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345',
  locale: 'en',
  readStatus: 'ok',
  readProblems: [],
  principals: [
    {
      kind: 'person',
      name: 'Anna Berg',
      email: 'anna@sjobod.se',
      pending: false,
      isCurrentUser: true,
      assets: [],
    },
  ],
};

describe('parseSnapshotReport (what the background accepts from a content script)', () => {
  it('accepts a valid snapshot from the page it describes', () => {
    const result = parseSnapshotReport({ snapshot }, snapshot.url);
    expect(result).toEqual({ ok: true, report: { snapshot } });
  });

  it.each([
    ['not an object', 'hello'],
    ['an unknown page kind', { snapshot: { ...snapshot, kind: 'admin' } }],
    [
      'a principal with an unknown kind',
      { snapshot: { ...snapshot, principals: [{ kind: 'robot', name: 'x' }] } },
    ],
    [
      'an invalid e-mail',
      { snapshot: { ...snapshot, principals: [{ ...snapshot.principals[0], email: 'not-an-address' }] } },
    ],
    [
      'an oversized name',
      { snapshot: { ...snapshot, principals: [{ ...snapshot.principals[0], name: 'x'.repeat(501) }] } },
    ],
    [
      'a task that does not exist',
      {
        snapshot: {
          ...snapshot,
          principals: [
            {
              ...snapshot.principals[0],
              assets: [{ type: 'page', name: 'P', access: 'partial', tasks: ['root'] }],
            },
          ],
        },
      },
    ],
  ])('rejects %s', (_label, data) => {
    const result = parseSnapshotReport(data, snapshot.url);
    expect(result.ok).toBe(false);
  });

  it('rejects a snapshot that claims another origin than its tab', () => {
    const result = parseSnapshotReport(
      { snapshot: { ...snapshot, url: 'https://evil.example/latest/settings/business_users' } },
      snapshot.url,
    );
    expect(result).toEqual({ ok: false, error: { code: 'snapshot-other-origin' } });
  });

  it('rejects a snapshot from a tab that is not on business.facebook.com', () => {
    const result = parseSnapshotReport({ snapshot }, 'https://evil.example/');
    expect(result.ok).toBe(false);
  });
});
