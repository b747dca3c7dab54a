import { describe, expect, it } from 'vitest';
import { describeTeamStatus } from '@/components/team-status';
import { catalogue } from '@/lib/domain/i18n';

/** The team ledger's status line (issue 16) in the admin's words. */
describe('the team status line', () => {
  it('says nothing while the team ledger is off', () => {
    expect(describeTeamStatus('en', { kind: 'off' })).toEqual([]);
  });

  it('says the last error in the connection check’s words, the pending records and the refused documents', () => {
    const t = catalogue('sv').teamLedger;
    const lines = describeTeamStatus('sv', {
      kind: 'on',
      pending: 3,
      lastError: { kind: 'wrong-credentials' },
      quarantined: 2,
      conflicts: 1,
    });
    expect(lines).toEqual([
      t.sync.never,
      t.sync.pending(3),
      t.sync.failed(t.wrongCredentials),
      t.sync.quarantined(2),
      t.sync.conflicts(1),
    ]);
    expect(lines.join(' ')).toContain('3 poster finns inte på servern ännu.');
  });

  it('says when everything is on the server, in French', () => {
    const lines = describeTeamStatus('fr', {
      kind: 'on',
      lastSyncAt: '2026-11-28T12:00:00.000Z',
      pending: 0,
      quarantined: 0,
      conflicts: 0,
    });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('Tout est sur le serveur.');
  });

  it('says how many records of colleagues not yet trusted wait, and where to trust them', () => {
    const status = {
      kind: 'on' as const,
      pending: 0,
      quarantined: 0,
      conflicts: 0,
      waiting: { colleagues: 1, records: 3 },
    };
    expect(describeTeamStatus('en', status).at(-1)).toBe(
      '3 records (grants, checklists, reviews) from a colleague you have not trusted wait: taken once you trust that colleague under “Trusted colleagues”.',
    );
    expect(describeTeamStatus('sv', status).at(-1)).toContain('”Betrodda kolleger”');
    expect(describeTeamStatus('fr', { ...status, waiting: { colleagues: 2, records: 1 } }).at(-1)).toBe(
      '1 enregistrement (attributions, checklists, revues) de 2 collègues auxquels vous ne faites pas confiance attend : il sera pris dès que vous leur ferez confiance sous « Collègues de confiance ».',
    );
  });
});
