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
    ['principals that are not a list', { snapshot: { ...snapshot, principals: 'all' } }],
  ])('rejects %s', (_label, data) => {
    const result = parseSnapshotReport(data, snapshot.url);
    expect(result.ok).toBe(false);
  });

  // What the schema refuses in one principal costs that principal, not the read (lib/domain/snapshot-normalize.ts).
  it.each([
    ['a principal with an unknown kind', { kind: 'robot', name: 'x' }, 'principal-invalid'],
    ['an oversized name', { ...snapshot.principals[0], name: 'x'.repeat(501) }, 'principal-invalid'],
    [
      'a task that does not exist',
      {
        ...snapshot.principals[0],
        assets: [{ type: 'page', name: 'P', access: 'partial', tasks: ['root'] }],
      },
      'principal-invalid',
    ],
  ])('drops %s and says so in a partial read', (_label, principal, code) => {
    const result = parseSnapshotReport({ snapshot: { ...snapshot, principals: [principal] } }, snapshot.url);
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
    expect(result.report.snapshot.principals).toEqual([]);
    expect(result.report.snapshot.readStatus).toBe('partial');
    expect(result.report.snapshot.readProblems.map((p) => p.code)).toEqual([code]);
  });

  it('keeps a person whose e-mail address the schema refuses, without it, and says so', () => {
    const principal = { ...snapshot.principals[0]!, email: 'not-an-address' };
    const result = parseSnapshotReport({ snapshot: { ...snapshot, principals: [principal] } }, snapshot.url);
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
    const { email: _refused, ...rest } = principal;
    expect(result.report.snapshot.principals).toEqual([rest]);
    expect(result.report.snapshot.readProblems.map((p) => p.code)).toEqual(['invalid-email']);
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
