import { evidenceSeen } from '../checklists/evidence-seen';
import type { ChecklistRun } from '../checklists/runs';
import type { ReviewCampaign } from './campaign';

/**
 * The periodic review's steps an access review campaign proves (issue 14, item 6): `review-each-grant`
 * once every access in scope has a decision, `revoke-unneeded` once every reduce and revoke was seen
 * carried out on the page (and every access is decided), `export-report` once the campaign's report was
 * produced. Only an open periodic-review run of the campaign's business, begun no later than the
 * campaign, is ticked; ticks are never taken back (as with every evidence tick), so older runs, open or
 * finished, stay as they were. Returns the run unchanged (the same object) when nothing ticked.
 */
export function reviewTicks(run: ChecklistRun, campaign: ReviewCampaign, now: Date): ChecklistRun {
  if (run.status !== 'open' || run.templateId !== 'periodic-review' || run.businessId !== campaign.businessId)
    return run;
  const items = campaign.items;
  const decided = items.length > 0 && items.every((item) => item.decision !== undefined);
  const removals = items.filter((item) => item.decision && item.decision.kind !== 'keep');
  const at = now.toISOString();
  const seen = {
    'review-each-grant': decided ? evidenceSeen('review-decided', { count: items.length }) : undefined,
    'revoke-unneeded':
      decided && removals.every((item) => item.verified !== undefined)
        ? evidenceSeen('review-removals-verified', { count: removals.length })
        : undefined,
    'export-report':
      campaign.reportedAt !== undefined
        ? evidenceSeen('review-report', { date: campaign.reportedAt.slice(0, 10) })
        : undefined,
  };
  let changed = false;
  const steps = run.steps.map((step) => {
    const evidence = seen[step.id as keyof typeof seen];
    if (step.done || !evidence) return step;
    changed = true;
    return { ...step, done: true, at, how: 'evidence' as const, evidence };
  });
  return changed ? { ...run, steps } : run;
}
