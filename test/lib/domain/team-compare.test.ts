import { describe, expect, it } from 'vitest';
import { observe } from '@/lib/domain/baseline';
import { createRun, tickByHand, type ChecklistRun } from '@/lib/domain/checklists/runs';
import { decide, signOff, startCampaign, type ReviewCampaign } from '@/lib/domain/review/campaign';
import { getCampaignAnswers, getCampaignComparison, getRunComparison } from '@/lib/domain/team-compare';
import { teamRecordConflictSchema, teamRecordVersionSchema } from '@/lib/domain/team-admin';
import { me, person, snapshot } from './rules/helpers';

/**
 * Issue 16: what differs between the versions of a checklist run or an access review campaign edited in two
 * places: the rows the admin sees marked.
 */
const B = '1203456789012345';
const NOW = new Date('2026-11-28T12:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const run = (): ChecklistRun =>
  createRun({
    id: 'run-1',
    businessId: B,
    templateId: 'onboard-partner',
    subject: 'partner:3228568050780001',
    case: 'Spring campaign',
    now: NOW,
  });

describe('the differences between versions of a checklist run', () => {
  it('marks the steps ticked in one version only, and nothing else', () => {
    const base = run();
    const open = base.steps.filter((s) => !s.done);
    const a = tickByHand(base, open[0]!.id, true, later(1))!;
    const b = tickByHand(base, open[1]!.id, true, later(2))!;
    const rows = getRunComparison([a, b]);
    expect(rows.slice(0, 2)).toEqual([
      { kind: 'status', differs: false },
      { kind: 'case', differs: false },
    ]);
    // Every step of the template, in its order; only the two ticked on one side differ.
    expect(rows.slice(2).map((r) => (r.kind === 'step' ? r.stepId : r.kind))).toEqual(
      base.steps.map((s) => s.id),
    );
    expect(rows.filter((r) => r.differs).map((r) => (r.kind === 'step' ? r.stepId : r.kind))).toEqual([
      open[0]!.id,
      open[1]!.id,
    ]);
    // The same versions say the same: nothing is marked.
    expect(getRunComparison([a, a]).some((r) => r.differs)).toBe(false);
  });

  it('sees who finished (status and when), the case, and the same step ticked at another time or another way', () => {
    const base = run();
    const stepId = base.steps.find((s) => !s.done)!.id;
    const a = tickByHand(base, stepId, true, later(1))!;
    const b = { ...tickByHand(base, stepId, true, later(5))!, case: 'Summer campaign' };
    const finished: ChecklistRun = { ...a, status: 'finished', finishedAt: later(9).toISOString() };
    const differs = (x: ChecklistRun, y: ChecklistRun) =>
      getRunComparison([x, y])
        .filter((r) => r.differs)
        .map((r) => (r.kind === 'step' ? `step:${r.stepId}` : r.kind));
    expect(differs(a, b)).toEqual(['case', `step:${stepId}`]);
    expect(differs(a, finished)).toEqual(['status']);
    // A step a version lacks (an older template) differs from one that is there, ticked or not.
    const shorter: ChecklistRun = { ...a, steps: a.steps.filter((s) => s.id !== stepId) };
    expect(differs(a, shorter)).toEqual([`step:${stepId}`]);
  });
});

/** A campaign over a read of People: the admin's own membership and Nils's (the only items). */
function campaign(): ReviewCampaign {
  const read = snapshot([me, person('Nils Holm', 'nils@byraab.se')]);
  return startCampaign({
    id: 'c1',
    businessId: B,
    now: NOW,
    startedBy: 'anna@sjobod.se',
    baseline: observe(undefined, read, NOW.toISOString(), ['sjobod.se']).baseline!,
    source: 'baseline',
  });
}
const answer = (
  c: ReviewCampaign,
  itemId: string,
  kind: 'keep' | 'revoke',
  rationale: string,
  by: string,
) => {
  const done = decide(c, [{ itemId, kind, rationale }], by, later(1));
  if (!done.ok) throw new Error(done.problem);
  return done.campaign;
};
const NILS = 'person:nils@byraab.se|portfolio';
const ANNA = 'person:anna@sjobod.se|portfolio';

describe('the differences between versions of an access review campaign', () => {
  it('lists the accesses answered otherwise, counts those answered the same, and compares the answers’ counts', () => {
    const base = answer(campaign(), ANNA, 'keep', 'Owner', 'anna@sjobod.se');
    expect(base.items.map((i) => i.id).sort()).toEqual([ANNA, NILS]);
    const a = answer(base, NILS, 'revoke', 'Left the agency', 'anna@sjobod.se');
    const b = answer(base, NILS, 'keep', 'Still runs the ads', 'bo@sjobod.se');
    expect(getCampaignAnswers(a)).toEqual({ keep: 1, reduce: 0, revoke: 1, undecided: 0 });
    expect(getCampaignAnswers(b)).toEqual({ keep: 2, reduce: 0, revoke: 0, undecided: 0 });
    const compared = getCampaignComparison([a, b]);
    expect(compared).toEqual({
      statusDiffers: false,
      answersDiffer: true,
      items: [{ id: NILS, name: 'Nils Holm', access: expect.objectContaining({ kind: 'portfolio' }) }],
      moreItems: 0,
      sameItems: 1,
    });
    // The same answer by another reviewer, or with another rationale, is another answer.
    const c = answer(base, NILS, 'revoke', 'Left the agency', 'bo@sjobod.se');
    expect(getCampaignComparison([a, c]).items.map((i) => i.id)).toEqual([NILS]);
    expect(getCampaignComparison([a, c]).answersDiffer).toBe(false);
    // The revision alone (a write that changed nothing shown) is no difference.
    expect(getCampaignComparison([a, { ...a, revision: a.revision + 3 }])).toMatchObject({
      statusDiffers: false,
      answersDiffer: false,
      items: [],
      sameItems: 2,
    });
  });

  it('sees a sign-off on one side, an access one version lacks, and lists at most the limit', () => {
    const all = answer(
      answer(campaign(), ANNA, 'keep', 'Owner', 'anna@sjobod.se'),
      NILS,
      'keep',
      '',
      'anna@sjobod.se',
    );
    const signed = signOff(all, { reviewer: 'Anna Berg', role: 'Owner' }, later(2));
    if (!signed.ok) throw new Error(signed.problem);
    expect(getCampaignComparison([all, signed.campaign]).statusDiffers).toBe(true);
    const without = { ...all, items: all.items.filter((i) => i.id !== NILS) };
    const compared = getCampaignComparison([all, without]);
    expect(compared.items.map((i) => i.id)).toEqual([NILS]);
    expect(getCampaignComparison([all, campaign()], 1)).toMatchObject({
      items: [{ id: expect.any(String) }],
      moreItems: 1,
    });
  });
});

describe('the messages’ shapes', () => {
  it('take a run’s and a campaign’s conflict and versions, and refuse another kind', () => {
    expect(
      teamRecordConflictSchema.safeParse({
        kind: 'checklist',
        id: 'run-1',
        businessId: B,
        subject: 'partner:1',
        templateId: 'onboard-partner',
        versions: 2,
      }).success,
    ).toBe(true);
    expect(
      teamRecordConflictSchema.safeParse({ kind: 'grant', id: 'g', businessId: B, versions: 2 }).success,
    ).toBe(false);
    expect(
      teamRecordConflictSchema.safeParse({
        kind: 'review',
        id: 'c1',
        businessId: B,
        startedAt: 'soon',
        versions: 2,
      }).success,
    ).toBe(false);
    const author = { kind: 'you', ledgerId: 'l-1' };
    expect(
      teamRecordVersionSchema.safeParse({ rev: '2-a', author, record: { kind: 'checklist', run: run() } })
        .success,
    ).toBe(true);
    expect(
      teamRecordVersionSchema.safeParse({ rev: '2-a', author, record: { kind: 'review', campaign: run() } })
        .success,
    ).toBe(false);
  });
});
