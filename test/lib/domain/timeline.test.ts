import { describe, expect, it } from 'vitest';
import { observe, type Baseline, type Change } from '@/lib/domain/baseline';
import { timelineEntrySchema } from '@/lib/domain/baseline-schema';
import type { ApprovalFacts } from '@/lib/domain/change-approval';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { csvCell } from '@/lib/domain/ledger/export';
import { changeTimeline, sinceVisit, timelineCsv, timelineJson } from '@/lib/domain/timeline';
import { me, person, snapshot } from './rules/helpers';

const OWN = ['sjobod.se'];
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-20T10:00:00.000Z';
const T3 = '2026-11-25T10:00:00.000Z';
const B = '1203456789012345';
const none: ApprovalFacts = { grants: [], decisions: [], runs: [] };

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
const nils = person('=HYPERLINK("x")', 'nils@byraab.se');
const lisa = person('Lisa Kant', 'lisa@sjobod.se');

describe('the change timeline of a business (issue 13, item 5)', () => {
  const { baseline, changes } = history([
    [snapshot([me, lisa]), T1],
    [snapshot([me, lisa, mallory]), T2],
    [snapshot([me, mallory, nils]), T3],
  ]);
  const approved: ApprovalFacts = {
    ...none,
    grants: [
      {
        id: 'g-nils',
        subject: 'person:nils@byraab.se',
        assets: [],
        startsAt: '2026-11-01',
        updatedAt: T1,
      },
    ],
  };

  it('lists every change newest first, judged by the ledger, with the alerts marked open', () => {
    const entries = changeTimeline(changes, baseline, approved);
    expect(entries.map((e) => [e.change.kind, e.change.subject, e.verdict.status, e.open])).toEqual([
      ['principal-added', 'person:nils@byraab.se', 'approved', false],
      ['principal-removed', 'person:lisa@sjobod.se', 'informational', false],
      ['principal-added', 'person:mallory@evil.example', 'unrecorded', true],
    ]);
    expect(entries[0]!.verdict).toEqual({ status: 'approved', record: { kind: 'grant', id: 'g-nils' } });
    expect(entries[2]!.fullControl).toBe(true);
    for (const entry of entries) expect(timelineEntrySchema.parse(entry)).toEqual(entry);
  });

  it('shows a change seen twice once, at its first sighting', () => {
    const twice = [...changes, { ...changes[0]!, at: T3 }];
    const entries = changeTimeline(twice, baseline, none);
    expect(entries.filter((e) => e.change.subject === 'person:mallory@evil.example')).toHaveLength(1);
    expect(entries.find((e) => e.change.subject === 'person:mallory@evil.example')!.change.at).toBe(T2);
  });

  it('since a visit: the changes its reads showed, and every alert still open from before', () => {
    const entries = changeTimeline(changes, baseline, approved);
    expect(sinceVisit(entries, T3).map((e) => e.change.subject)).toEqual([
      'person:nils@byraab.se',
      'person:lisa@sjobod.se',
      'person:mallory@evil.example',
    ]);
    const allApproved = changeTimeline(changes, baseline, {
      ...approved,
      decisions: [{ id: 'd1', subject: 'person:mallory@evil.example', action: 'grant', at: T3 }],
    });
    expect(sinceVisit(allApproved, '2026-11-26T00:00:00.000Z')).toEqual([]);
  });

  it('exports as CSV with formulas neutralised, and as JSON with the record that approved each', () => {
    const entries = changeTimeline(changes, baseline, approved);
    const csv = timelineCsv(B, entries);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'firstSeen,businessId,subject,name,principalKind,change,assetType,assetId,assetName,from,to,status,record,open,fullControl,page,url',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('approved,grant:g-nils,no');
    // A formula behind spaces or a line break is neutralised too.
    expect(csvCell('  =1+1')).toBe("'  =1+1");
    expect(csvCell('\n=1+1')).toBe(`"'\n=1+1"`);
    const json = timelineJson(B, entries, new Date(T3));
    expect(json).toMatchObject({ format: 'scopekeeper-changes', version: 1, businessId: B });
    expect(json.changes[0]).toMatchObject({ subject: 'person:nils@byraab.se', record: 'grant:g-nils' });
    expect(json.changes[2]).toMatchObject({ status: 'unrecorded', open: true, fullControl: true });
  });
});
