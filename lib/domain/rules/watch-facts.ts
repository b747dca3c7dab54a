import type { Principal } from '../snapshot';
import { getSubjectKey } from '../snapshot';
import type { OpenChange } from '../open-change';
import type { RawFinding, Rule, RuleContext } from './types';

/**
 * The open changes of a principal on the page that a watch rule (issue 13) speaks of, as one finding: the
 * first of them named (what, on which asset, when it was first seen), the others counted.
 */
export function watchFinding(
  principal: Principal,
  context: RuleContext,
  pick: (change: OpenChange, all: readonly OpenChange[]) => boolean,
): (RawFinding & { changes: OpenChange[] }) | undefined {
  const subject = getSubjectKey(principal);
  const all = context.ledger.open?.get(subject);
  if (!all) return undefined;
  const changes = all.filter((c) => pick(c, all));
  const first = changes[0];
  if (!first) return undefined;
  return {
    subject,
    principal,
    changes,
    facts: {
      change: first.kind,
      seen: first.firstSeen.slice(0, 10),
      more: changes.length - 1,
      ...(first.asset ? { asset: first.asset.name } : {}),
      ...(first.to !== undefined ? { to: first.to } : {}),
    },
  };
}

/** A partner added between visits that no record approves: `new-partner` speaks of it, and of all its changes. */
export const isNewPartner = (principal: Principal, all: readonly OpenChange[]): boolean =>
  principal.kind === 'partner' && all.some((c) => c.kind === 'principal-added');

/** " One more …" / " 3 more …" after a message, when the finding counts further changes. */
export const more = (n: string | number | undefined, one: string, many: (n: number) => string): string =>
  Number(n) > 0 ? ` ${Number(n) === 1 ? one : many(Number(n))}` : '';

/**
 * The check of a watch rule about changes of principals already known (not a new partner's): one finding
 * per principal on the page with an open change it `speaks` of.
 */
export function changesOnPage(speaks: (change: OpenChange) => boolean): Rule<RawFinding>['check'] {
  return (snapshot, context) =>
    snapshot.principals.flatMap((principal) => {
      const found = watchFinding(principal, context, (c, all) => speaks(c) && !isNewPartner(principal, all));
      return found ? [found] : [];
    });
}
