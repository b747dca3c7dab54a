import type { ChecklistRun } from './checklists/runs';
import { canonicalJson } from './ledger/canonical';
import type { GrantRecord } from './ledger/records';
import type { ReviewAccess, ReviewCampaign, ReviewItem } from './review/campaign';

/**
 * The versions of a record edited in two places (a grant, a checklist run, a review campaign), compared for
 * the admin (issue 16, item 2). Without zod: the
 * panel shows the comparison, and the panel's code goes without zod (issue 12, item 4).
 */

/** The parts of a grant an admin compares, in the order shown. */
export const comparedFields = [
  'assets',
  'startsAt',
  'endsAt',
  'case',
  'ticket',
  'approver',
  'notes',
] as const;
export type ComparedField = (typeof comparedFields)[number];

/** One field's value as compared: assets by type, name, access and tasks (sorted), not by order. */
function comparable(grant: GrantRecord, field: ComparedField): string {
  if (field === 'assets')
    return JSON.stringify(
      grant.assets
        .map((a) => [a.type, a.id ?? '', a.name, a.access, [...a.tasks].sort()])
        .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)),
    );
  return grant[field] ?? '';
}

/** The fields in which the versions are not all the same (the ones to highlight). */
export function getGrantDifferences(grants: readonly GrantRecord[]): Set<ComparedField> {
  const out = new Set<ComparedField>();
  for (const field of comparedFields) {
    const values = new Set(grants.map((g) => comparable(g, field)));
    if (values.size > 1) out.add(field);
  }
  return out;
}

/** A row of a checklist run's comparison: its status (open, finished when), its case, one step. */
export type RunRow =
  | { kind: 'status'; differs: boolean }
  | { kind: 'case'; differs: boolean }
  | { kind: 'step'; stepId: string; differs: boolean };

/** A step as compared: ticked or not, when and how (a tick at another time is another tick). */
function stepValue(run: ChecklistRun, stepId: string): string {
  const step = run.steps.find((s) => s.id === stepId);
  if (!step) return 'absent';
  return step.done ? `done|${step.at ?? ''}|${step.how ?? ''}` : 'open';
}

/**
 * The versions of a checklist run edited in two places, compared for the admin (issue 16): the status
 * (open, or finished and when), the case, then every step in the template's order (those of any version),
 * each marked when the versions do not all say the same.
 */
export function getRunComparison(runs: readonly ChecklistRun[]): RunRow[] {
  const differs = (value: (run: ChecklistRun) => string) => new Set(runs.map(value)).size > 1;
  const stepIds: string[] = [];
  for (const run of runs) for (const s of run.steps) if (!stepIds.includes(s.id)) stepIds.push(s.id);
  return [
    { kind: 'status', differs: differs((r) => `${r.status}|${r.finishedAt ?? ''}`) },
    { kind: 'case', differs: differs((r) => r.case ?? '') },
    ...stepIds.map((stepId) => ({
      kind: 'step' as const,
      stepId,
      differs: differs((r) => stepValue(r, stepId)),
    })),
  ];
}

/** How a campaign's items were answered: how many kept, reduced, revoked, and not decided yet. */
export function getCampaignAnswers(
  campaign: ReviewCampaign,
): Record<'keep' | 'reduce' | 'revoke' | 'undecided', number> {
  const out = { keep: 0, reduce: 0, revoke: 0, undecided: 0 };
  for (const item of campaign.items) out[item.decision?.kind ?? 'undecided'] += 1;
  return out;
}

/** An item as compared: there or not, its answer (kind, why, by whom, what it reduces) and its verification. */
function itemValue(item: ReviewItem | undefined): string {
  if (!item) return 'absent';
  const d = item.decision;
  return canonicalJson({
    decision: d
      ? { kind: d.kind, rationale: d.rationale, reviewer: d.reviewer, reduce: d.reduce ?? null }
      : null,
    verified: item.verified?.at ?? null,
  });
}

/** What two or more versions of an access review campaign say differently (issue 16). */
export interface CampaignComparison {
  /** Open or signed off, by whom, when. */
  statusDiffers: boolean;
  /** How many items each version answers which way (see `getCampaignAnswers`). */
  answersDiffer: boolean;
  /** The items some version answers otherwise (or lacks), at most `limit`, in the first version's order. */
  items: { id: string; name: string; access: ReviewAccess }[];
  /** Items that differ beyond `limit`. */
  moreItems: number;
  /** Items every version holds and answers the same. */
  sameItems: number;
}

/**
 * The versions of a review campaign edited in two places compared item by item (issue 16): an item
 * differs when a version lacks it, or answers it otherwise (keep / reduce / revoke, the rationale, the
 * reviewer, what is reduced) or verified its removal when another did not. Items are matched by id, not
 * by position.
 */
export function getCampaignComparison(campaigns: readonly ReviewCampaign[], limit = 50): CampaignComparison {
  const byId = campaigns.map((c) => new Map(c.items.map((item) => [item.id, item])));
  const order: ReviewItem[] = [];
  const listed = new Set<string>();
  for (const c of campaigns)
    for (const item of c.items)
      if (!listed.has(item.id)) {
        listed.add(item.id);
        order.push(item);
      }
  const items: CampaignComparison['items'] = [];
  let moreItems = 0;
  let sameItems = 0;
  for (const item of order) {
    const values = new Set(byId.map((m) => itemValue(m.get(item.id))));
    if (values.size === 1) {
      sameItems += 1;
      continue;
    }
    if (items.length < limit) items.push({ id: item.id, name: item.name, access: item.access });
    else moreItems += 1;
  }
  const status = (c: ReviewCampaign) => canonicalJson({ status: c.status, signOff: c.signOff ?? null });
  const answers = (c: ReviewCampaign) => canonicalJson(getCampaignAnswers(c));
  return {
    statusDiffers: new Set(campaigns.map(status)).size > 1,
    answersDiffer: new Set(campaigns.map(answers)).size > 1,
    items,
    moreItems,
    sameItems,
  };
}
