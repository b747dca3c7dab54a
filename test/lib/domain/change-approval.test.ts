import { describe, expect, it } from 'vitest';
import type { Change } from '@/lib/domain/baseline';
import { judgeChange, type ApprovalFacts } from '@/lib/domain/change-approval';

const SINCE = '2026-11-01T10:00:00.000Z';
const SEEN = '2026-11-20T10:00:00.000Z';
const NILS = 'person:nils@byraab.se';
const page = { type: 'page' as const, id: '2222', name: 'Sjöbod Café' };

const change = (over: Partial<Change>): Change => ({
  kind: 'principal-added',
  subject: NILS,
  principalKind: 'person',
  name: 'Nils Holm',
  at: SEEN,
  page: 'people',
  url: 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345',
  since: SINCE,
  ...over,
});
const none: ApprovalFacts = { grants: [], decisions: [], runs: [] };
const grant = (over: Partial<ApprovalFacts['grants'][number]> = {}): ApprovalFacts['grants'][number] => ({
  id: 'g1',
  subject: NILS,
  assets: [],
  startsAt: '2026-10-01',
  updatedAt: '2026-10-01T10:00:00.000Z',
  ...over,
});

describe('whether the ledger approves a change (issue 13)', () => {
  it('calls a change no record covers unrecorded, and a removal informational', () => {
    expect(judgeChange(change({}), none)).toEqual({ status: 'unrecorded' });
    expect(judgeChange(change({ kind: 'principal-removed' }), none)).toEqual({ status: 'informational' });
    expect(judgeChange(change({ kind: 'asset-removed', asset: page, from: 'full' }), none)).toEqual({
      status: 'informational',
    });
  });

  it('approves a new principal with a grant record, and new access only as far as the record grants it', () => {
    expect(judgeChange(change({}), { ...none, grants: [grant()] })).toEqual({
      status: 'approved',
      record: { kind: 'grant', id: 'g1' },
    });
    // An ended grant, or one not started yet, approves nothing new (a former contractor added back).
    expect(judgeChange(change({}), { ...none, grants: [grant({ endsAt: '2026-11-01' })] }).status).toBe(
      'unrecorded',
    );
    expect(judgeChange(change({}), { ...none, grants: [grant({ startsAt: '2026-12-01' })] }).status).toBe(
      'unrecorded',
    );
    // A grant written since the state before approves only what it grants, not any new asset.
    const writtenSince = { ...none, grants: [grant({ updatedAt: '2026-11-25T09:00:00.000Z' })] };
    expect(judgeChange(change({ kind: 'asset-added', asset: page, to: 'full' }), writtenSince).status).toBe(
      'unrecorded',
    );
    const granted = {
      ...none,
      grants: [grant({ assets: [{ ...page, access: 'partial', tasks: ['content'] }] })],
    };
    expect(judgeChange(change({ kind: 'asset-added', asset: page, to: 'partial' }), granted).status).toBe(
      'approved',
    );
    expect(
      judgeChange(change({ kind: 'asset-access-raised', asset: page, from: 'partial', to: 'full' }), granted)
        .status,
    ).toBe('unrecorded');
    expect(judgeChange(change({ kind: 'task-added', asset: page, to: 'content' }), granted).status).toBe(
      'approved',
    );
    expect(judgeChange(change({ kind: 'task-added', asset: page, to: 'ads' }), granted).status).toBe(
      'unrecorded',
    );
  });

  it('approves raised portfolio access only with a record made since the state before was seen', () => {
    const raised = change({ kind: 'portfolio-access-raised', from: 'basic', to: 'full-control' });
    expect(judgeChange(raised, { ...none, grants: [grant()] })).toEqual({ status: 'unrecorded' });
    expect(
      judgeChange(raised, { ...none, grants: [grant({ updatedAt: '2026-11-25T09:00:00.000Z' })] }),
    ).toEqual({
      status: 'approved',
      record: { kind: 'grant', id: 'g1' },
    });
    const decided = (action: 'grant' | 'note', at: string) => ({
      ...none,
      decisions: [{ id: 'd1', subject: NILS, action, at }],
    });
    expect(judgeChange(raised, decided('grant', '2026-11-10T10:00:00.000Z'))).toEqual({
      status: 'approved',
      record: { kind: 'decision', id: 'd1' },
    });
    expect(judgeChange(raised, decided('grant', '2026-10-10T10:00:00.000Z')).status).toBe('unrecorded');
    expect(judgeChange(raised, decided('note', '2026-11-10T10:00:00.000Z')).status).toBe('unrecorded');
  });

  it('approves an end date removed or extended when the record says so', () => {
    const removed = change({ kind: 'end-date-removed', from: '2026-12-01' });
    const extended = change({ kind: 'end-date-extended', from: '2026-12-01', to: '2027-03-01' });
    expect(judgeChange(removed, { ...none, grants: [grant({ endsAt: '2026-12-01' })] }).status).toBe(
      'unrecorded',
    );
    expect(judgeChange(removed, { ...none, grants: [grant()] }).status).toBe('approved');
    expect(judgeChange(extended, { ...none, grants: [grant({ endsAt: '2027-03-01' })] }).status).toBe(
      'approved',
    );
    expect(judgeChange(extended, { ...none, grants: [grant({ endsAt: '2027-01-01' })] }).status).toBe(
      'unrecorded',
    );
  });

  it('knows a change made through the onboarding checklist', () => {
    const runs = [
      {
        id: 'r1',
        templateId: 'onboard-person' as const,
        subject: NILS,
        createdAt: '2026-11-19T10:00:00.000Z',
        status: 'open' as const,
      },
    ];
    expect(judgeChange(change({}), { ...none, runs })).toEqual({ status: 'onboarding', runId: 'r1' });
    // Finished since the state before: still its work. Finished long before: an onboarding of 2023 does
    // not approve full control gained in 2026.
    const finished = (finishedAt: string) => [
      { ...runs[0]!, createdAt: '2023-01-01T10:00:00.000Z', status: 'finished' as const, finishedAt },
    ];
    expect(judgeChange(change({}), { ...none, runs: finished('2026-11-05T10:00:00.000Z') }).status).toBe(
      'onboarding',
    );
    const raised = change({ kind: 'portfolio-access-raised', from: 'basic', to: 'full-control' });
    expect(judgeChange(raised, { ...none, runs: finished('2023-01-05T10:00:00.000Z') }).status).toBe(
      'unrecorded',
    );
    expect(
      judgeChange(change({}), { ...none, runs: [{ ...runs[0]!, templateId: 'periodic-review' }] }).status,
    ).toBe('unrecorded');
    expect(
      judgeChange(change({}), { ...none, runs: [{ ...runs[0]!, subject: 'person:other@byraab.se' }] }).status,
    ).toBe('unrecorded');
  });
});
