import { describe, expect, it } from 'vitest';
import { observe, type Baseline, type Change } from '@/lib/domain/baseline';
import type { ApprovalFacts } from '@/lib/domain/change-approval';
import type { AssetGrant, PageSnapshot } from '@/lib/domain/snapshot';
import { openChanges } from '@/lib/domain/watch';
import { me, partner, person, snapshot } from './rules/helpers';

const OWN = ['sjobod.se'];
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-20T10:00:00.000Z';
const T3 = '2026-11-25T10:00:00.000Z';
const none: ApprovalFacts = { grants: [], decisions: [], runs: [] };
const cafe = (access: AssetGrant['access']): AssetGrant => ({
  type: 'page',
  id: '2222',
  name: 'Sjöbod Café',
  access,
  tasks: access === 'partial' ? ['content'] : [],
});

/** Folds the reads in order; the baseline after the last and every change they showed. */
function history(reads: [PageSnapshot, string][]): { baseline: Baseline; changes: Change[] } {
  let baseline: Baseline | undefined;
  const changes: Change[] = [];
  for (const [read, at] of reads) {
    const next = observe(baseline, read, at, OWN);
    baseline = next.baseline;
    changes.push(...next.changes);
  }
  return { baseline: baseline!, changes };
}

const mallory = person('Mallory', 'mallory@evil.example', { portfolioAccess: 'full-control' });
const agency = partner('Unknown Ltd', '9999900000', [cafe('full')]);

describe('the open changes of a business (issue 13)', () => {
  it('keeps what no record approves, once, at its first sighting, with whether it gave full control', () => {
    const { baseline, changes } = history([
      [snapshot([me]), T1],
      [snapshot([agency], 'partners'), T1],
      [snapshot([me, mallory]), T2],
      [snapshot([me, mallory]), T3],
      [snapshot([agency, partner('Byrå AB', '3228568050780001', [cafe('partial')])], 'partners'), T3],
    ]);
    const open = openChanges(changes, baseline, none);
    expect([...open.keys()]).toEqual(['person:mallory@evil.example', 'partner:3228568050780001']);
    expect(open.get('person:mallory@evil.example')).toEqual([
      expect.objectContaining({ kind: 'principal-added', firstSeen: T2, fullControl: true, page: 'people' }),
    ]);
    expect(open.get('partner:3228568050780001')).toEqual([
      expect.objectContaining({ kind: 'principal-added', firstSeen: T3, fullControl: false }),
    ]);
  });

  it('closes a change once a record approves it, or once the access is gone or lowered again', () => {
    const raised = { ...person('Nils Holm', 'nils@byraab.se'), portfolioAccess: 'full-control' as const };
    const { baseline, changes } = history([
      [snapshot([me, person('Nils Holm', 'nils@byraab.se'), person('Eve', 'eve@evil.example')]), T1],
      [snapshot([me, raised, person('Eve', 'eve@evil.example', { portfolioAccess: 'full-control' })]), T2],
    ]);
    expect([...openChanges(changes, baseline, none).keys()]).toEqual([
      'person:nils@byraab.se',
      'person:eve@evil.example',
    ]);
    // Nils's raise was approved by a grant written since; Eve's access was lowered again, then she was removed.
    const approved: ApprovalFacts = {
      ...none,
      grants: [
        {
          id: 'g1',
          subject: 'person:nils@byraab.se',
          assets: [],
          startsAt: '2026-11-01',
          updatedAt: '2026-11-21T08:00:00.000Z',
        },
      ],
    };
    const lowered = history([
      [snapshot([me, person('Nils Holm', 'nils@byraab.se'), person('Eve', 'eve@evil.example')]), T1],
      [snapshot([me, raised, person('Eve', 'eve@evil.example', { portfolioAccess: 'full-control' })]), T2],
      [snapshot([me, raised, person('Eve', 'eve@evil.example')]), T3],
    ]);
    expect([...openChanges(lowered.changes, lowered.baseline, approved).keys()]).toEqual([]);
    const removed = history([
      [snapshot([me, person('Eve', 'eve@evil.example')]), T1],
      [snapshot([me, person('Eve', 'eve@evil.example', { portfolioAccess: 'full-control' })]), T2],
      [snapshot([me]), T3],
    ]);
    expect(openChanges(removed.changes, removed.baseline, none).size).toBe(0);
  });
});
