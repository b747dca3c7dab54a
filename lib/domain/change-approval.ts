import { sameAsset, type Change } from './baseline';
import type { TemplateId } from './checklists/templates';
import type { Decision, GrantRecord } from './ledger/records';
import type { AssetAccess } from './snapshot';

/**
 * Whether the ledger approves a change the baseline saw (issue 13, item 2): approved by a record (a grant
 * record, or a decision made about the subject since the state before the change was last seen), made
 * through Scopekeeper's own onboarding checklist, or unrecorded. A removal needs no approval.
 */
export type Verdict =
  | { status: 'informational' }
  | { status: 'approved'; record: { kind: 'grant' | 'decision'; id: string } }
  | { status: 'onboarding'; runId: string }
  | { status: 'unrecorded' };

/** What of the ledger a verdict is drawn from (the business's grants, decisions and checklist runs). */
export interface ApprovalFacts {
  grants: readonly Pick<GrantRecord, 'id' | 'subject' | 'assets' | 'startsAt' | 'endsAt' | 'updatedAt'>[];
  decisions: readonly Pick<Decision, 'id' | 'subject' | 'action' | 'at'>[];
  runs: readonly {
    id: string;
    templateId: TemplateId;
    subject: string;
    createdAt: string;
    status: 'open' | 'finished';
    finishedAt?: string | undefined;
  }[];
}

const assetRank: Record<AssetAccess, number> = { partial: 0, 'full-except-sensitive': 1, full: 2 };
/** Decisions that approve access to their subject when made since the state before was seen. */
const approving = new Set<Decision['action']>(['grant', 'extend', 'keep', 'accept-finding']);
const onboarding = new Set<TemplateId>(['onboard-person', 'onboard-partner']);

export function judgeChange(change: Change, facts: ApprovalFacts): Verdict {
  if (change.kind === 'principal-removed' || change.kind === 'asset-removed')
    return { status: 'informational' };
  const day = change.at.slice(0, 10);
  // A grant in force on the day the change was seen (an ended one approves nothing new).
  const grants = facts.grants.filter(
    (g) => g.subject === change.subject && g.startsAt <= day && (g.endsAt === undefined || g.endsAt >= day),
  );
  const covering = grants.find((grant) => covers(grant, change));
  if (covering) return { status: 'approved', record: { kind: 'grant', id: covering.id } };
  // A record made about the subject since the state before the change was last confirmed (before it or
  // after it was seen: "This was approved" records one). A grant's assets and end date say what it grants
  // (above); portfolio access is in no grant's fields, so for it a grant written since is the approval.
  const since = change.since;
  if (since !== undefined) {
    const portfolio =
      change.kind === 'portfolio-access-raised' || change.kind === 'full-control-to-third-party';
    const updated = portfolio ? grants.find((g) => g.updatedAt >= since) : undefined;
    if (updated) return { status: 'approved', record: { kind: 'grant', id: updated.id } };
    const decision = facts.decisions.find(
      (d) => d.subject === change.subject && approving.has(d.action) && d.at >= since,
    );
    if (decision) return { status: 'approved', record: { kind: 'decision', id: decision.id } };
  }
  // An onboarding of this subject under way when the change was seen, or finished since the state before.
  const run = facts.runs.find(
    (r) =>
      onboarding.has(r.templateId) &&
      r.subject === change.subject &&
      r.createdAt <= change.at &&
      (r.status === 'open' || (since !== undefined && (r.finishedAt ?? '') >= since)),
  );
  if (run && change.kind !== 'end-date-removed' && change.kind !== 'end-date-extended')
    return { status: 'onboarding', runId: run.id };
  return { status: 'unrecorded' };
}

/** Whether a grant record says, by itself, that the access the change shows was granted. */
function covers(grant: ApprovalFacts['grants'][number], change: Change): boolean {
  switch (change.kind) {
    case 'principal-added':
      return true;
    case 'asset-added':
    case 'asset-access-raised':
    case 'task-added': {
      if (!change.asset) return false;
      const asset = change.asset;
      // The same asset by ID, or by name where the grant or the page has no ID.
      const granted = grant.assets.find((a) => sameAsset(a, asset));
      if (!granted) return false;
      if (change.kind === 'task-added')
        return granted.access !== 'partial' || granted.tasks.some((task) => task === change.to);
      const shown = change.to as AssetAccess | undefined;
      return shown !== undefined && assetRank[granted.access] >= assetRank[shown];
    }
    case 'end-date-removed':
      return grant.endsAt === undefined;
    case 'end-date-extended':
      return grant.endsAt === undefined || (change.to !== undefined && grant.endsAt >= change.to);
    default:
      // Portfolio access is not in a grant's assets: only a record made since approves it (judgeChange).
      return false;
  }
}
