import type { ReadProblemCode } from '../domain/read-problems';
import { getSubjectKey, type PageSnapshot, type Principal } from '../domain/snapshot';
import type { DialogSeen } from './read-outcome';

/**
 * The invite and add-partner dialogs show one step at a time: the e-mail on the first, the access on the
 * next, the assets after that. While a dialog stays open, what a step does not show keeps the value the
 * admin gave on an earlier step, so a warning about full control does not vanish on the assets step.
 */
export interface DialogDraft {
  kind: PageSnapshot['kind'];
  principal: Principal;
}

/** A step that does not show who is invited: the draft remembers who, so it is not a problem then. */
const MISSING_WHO: ReadonlySet<ReadProblemCode> = new Set([
  'dialog-missing-invitee',
  'dialog-missing-business-id',
]);

export function mergeDialogDraft(
  previous: DialogDraft | undefined,
  snapshot: PageSnapshot,
  seen: DialogSeen | undefined,
): { snapshot: PageSnapshot; draft: DialogDraft | undefined; renamed: Map<string, string> } {
  const renamed = new Map<string, string>();
  const isDialog = snapshot.kind === 'invite-dialog' || snapshot.kind === 'add-partner-dialog';
  if (!isDialog || !seen || snapshot.principals.length !== 1) return { snapshot, draft: undefined, renamed };
  const current = snapshot.principals[0]!;
  if (!previous || previous.kind !== snapshot.kind)
    return { snapshot, draft: { kind: snapshot.kind, principal: current }, renamed };

  const before = previous.principal;
  const merged = { ...current } as Principal;
  if (!seen.who) {
    merged.name = before.name;
    if (merged.kind === 'person' && before.kind === 'person' && before.email) merged.email = before.email;
    if (merged.kind === 'partner' && before.kind === 'partner' && before.businessId)
      merged.businessId = before.businessId;
  }
  if (!seen.access && before.portfolioAccess) merged.portfolioAccess = before.portfolioAccess;
  if (!seen.expiry && before.temporaryUntil) merged.temporaryUntil = before.temporaryUntil;
  if (!seen.assets) merged.assets = before.assets;
  renamed.set(getSubjectKey(current), getSubjectKey(merged));

  let { readProblems, readStatus } = snapshot;
  if (!seen.who && getSubjectKey(merged) !== getSubjectKey(current)) {
    readProblems = readProblems.filter((p) => !MISSING_WHO.has(p.code));
    if (readProblems.length === 0 && readStatus === 'partial') readStatus = 'ok';
  }
  return {
    snapshot: { ...snapshot, readProblems, readStatus, principals: [merged] },
    draft: { kind: snapshot.kind, principal: merged },
    renamed,
  };
}
