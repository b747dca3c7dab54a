import { sameAsset, type Baseline, type Change, type PrincipalFacts } from './baseline';
import { judgeChange, type ApprovalFacts } from './change-approval';
import type { OpenChange } from './open-change';

export type { OpenChange, OpenChanges } from './open-change';

/**
 * The changes that are still open (issue 13, item 3): seen between visits, approved by no record (a grant
 * or decision of the ledger, an onboarding run), and still in effect as the baseline knows it now (access
 * removed since, or lowered again, is no longer an alert). One entry per change, at its first sighting.
 */
export function openChanges(
  changes: readonly Change[],
  baseline: Baseline | undefined,
  facts: ApprovalFacts,
): Map<string, OpenChange[]> {
  const open = new Map<string, OpenChange[]>();
  if (!baseline) return open;
  const seen = new Set<string>();
  for (const change of changes) {
    const now = baseline.principals[change.subject];
    if (!now || !inEffect(change, now)) continue;
    const key = changeKey(change);
    // The same change seen again (a page read after the state was set aside): its first sighting counts.
    if (seen.has(key)) continue;
    if (judgeChange(change, facts).status !== 'unrecorded') continue;
    seen.add(key);
    const entry: OpenChange = {
      kind: change.kind,
      ...(change.asset ? { asset: change.asset } : {}),
      ...(change.from !== undefined ? { from: change.from } : {}),
      ...(change.to !== undefined ? { to: change.to } : {}),
      firstSeen: change.at,
      page: change.page,
      url: change.url,
      fullControl: givesFullControl(change, now),
    };
    open.set(change.subject, [...(open.get(change.subject) ?? []), entry]);
  }
  return open;
}

/** What makes two sightings the same change: who, what kind, which asset, to what. */
export function changeKey(change: Change): string {
  const asset = change.asset ? `${change.asset.type}:${change.asset.id ?? change.asset.name}` : '';
  return `${change.subject}\n${change.kind}\n${asset}\n${change.to ?? ''}`;
}

/** Whether the baseline still shows what the change brought. */
export function inEffect(change: Change, now: PrincipalFacts): boolean {
  const asset = change.asset
    ? Object.values(now.assets ?? {}).find((a) => sameAsset(a, change.asset!))
    : undefined;
  switch (change.kind) {
    case 'principal-added':
      return true;
    case 'portfolio-access-raised':
      return now.portfolioAccess === change.to;
    case 'full-control-to-third-party':
      return now.portfolioAccess === 'full-control';
    case 'asset-added':
    case 'asset-access-raised':
      return asset !== undefined && asset.access === change.to;
    case 'task-added':
      return asset !== undefined && (asset.access !== 'partial' || asset.tasks.some((t) => t === change.to));
    case 'end-date-removed':
      return now.temporaryUntil === undefined;
    case 'end-date-extended':
      return now.temporaryUntil === change.to;
    case 'principal-removed':
    case 'asset-removed':
      return false;
  }
}

export function givesFullControl(change: Change, now: PrincipalFacts): boolean {
  switch (change.kind) {
    case 'principal-added':
      return (
        now.portfolioAccess === 'full-control' ||
        Object.values(now.assets ?? {}).some((a) => a.access === 'full')
      );
    case 'portfolio-access-raised':
    case 'full-control-to-third-party':
      return change.kind === 'full-control-to-third-party' || change.to === 'full-control';
    case 'asset-added':
    case 'asset-access-raised':
      return change.to === 'full';
    default:
      return false;
  }
}
