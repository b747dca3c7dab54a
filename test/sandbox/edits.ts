import type { TaskKey } from '../../lib/domain/snapshot';
import type { SandboxAssignment, SandboxPortfolio } from './portfolio';
import { tasksByAssetType } from './strings';

/**
 * Access switched off in the sandbox as an admin does it in Business Settings (issue 14: an access
 * review's reduce, carried out and then verified by the next read): one task of one asset taken from a
 * person, partner or system user, or the whole asset. Kept in the page's localStorage, like the takeover
 * scenario (takeover.ts), so it survives reloads as Meta's own data would; "Reset the sandbox" forgets it.
 */
export interface AccessEdit {
  /** The holder: a person's e-mail, a partner's Business ID or a system user's ID. */
  holder: string;
  /** The asset's ID. */
  asset: string;
  /** The task switched off; none: the whole asset removed from the holder. */
  task?: TaskKey;
}

const key = (businessId: string) => `sandbox-edits:${businessId}`;

export function loadEdits(storage: Storage | undefined, businessId: string): AccessEdit[] {
  try {
    const raw = JSON.parse(storage?.getItem(key(businessId)) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (e): e is AccessEdit =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as AccessEdit).holder === 'string' &&
        typeof (e as AccessEdit).asset === 'string' &&
        ((e as AccessEdit).task === undefined || typeof (e as AccessEdit).task === 'string'),
    );
  } catch {
    return [];
  }
}

export function saveEdits(storage: Storage | undefined, businessId: string, edits: AccessEdit[]): void {
  if (edits.length > 0) storage?.setItem(key(businessId), JSON.stringify(edits));
  else storage?.removeItem(key(businessId));
}

/** The holder of that key in the portfolio: its assignments, or none. */
export function holderAssets(portfolio: SandboxPortfolio, holder: string): SandboxAssignment[] | undefined {
  const h =
    portfolio.people.find((p) => p.email.toLowerCase() === holder.toLowerCase()) ??
    portfolio.partners.find((p) => p.businessId === holder) ??
    portfolio.systemUsers.find((u) => u.id === holder);
  return h?.assets;
}

/**
 * Applies one edit to the portfolio, in place, as Business Settings would: a task switched off leaves the
 * others (full control becomes the asset's other tasks), the last task or the whole asset removes the
 * asset from the holder. Whether it changed anything.
 */
export function applyEdit(portfolio: SandboxPortfolio, edit: AccessEdit): boolean {
  const assets = holderAssets(portfolio, edit.holder);
  const at = assets?.findIndex((g) => g.asset === edit.asset) ?? -1;
  if (!assets || at === -1) return false;
  const grant = assets[at]!;
  if (edit.task === undefined) {
    assets.splice(at, 1);
    return true;
  }
  const type = portfolio.assets.find((a) => a.id === edit.asset)?.type;
  const held = grant.full && type ? tasksByAssetType[type] : grant.tasks;
  if (!held.includes(edit.task)) return false;
  const left = held.filter((t) => t !== edit.task);
  if (left.length === 0) assets.splice(at, 1);
  else assets[at] = { asset: grant.asset, tasks: left };
  return true;
}

/** The portfolio with the stored edits made (a copy; the edits that no longer apply change nothing). */
export function applyEdits(portfolio: SandboxPortfolio, edits: readonly AccessEdit[]): SandboxPortfolio {
  if (edits.length === 0) return portfolio;
  const next = structuredClone(portfolio);
  for (const edit of edits) applyEdit(next, edit);
  return next;
}
