/**
 * Which businesses a committed write touched, from what Dexie says it changed (`storagemutated`'s parts:
 * `idb://<db>/<table>/<index>` → the keys written, as a tree of ranges). Issue 15's overview keeps each
 * business's row until a write touches that business; a write this cannot place names every business.
 *
 * Conservative by construction: only tables whose primary key starts with the Business ID are placed by
 * their keys; `changes` by its `[businessId+at]` index, and only when nothing was deleted from it (a
 * delete names its primary keys alone); a range that spans two businesses, an unknown table and anything
 * of unexpected shape mean "all".
 */

export const ALL = 'all' as const;
export type Written = Set<string> | typeof ALL;

/** Tables keyed `[businessId+…]` or `businessId`: their primary keys name the business. */
const keyedByBusiness = new Set(['snapshots', 'seen', 'baselines']);
/** Tables the overview never reads (issue 11's idempotency keys). */
const unread = new Set(['commands']);
/**
 * Meta keys whose rows every overview reads afresh (names, access reviews): a write of one changes no
 * kept row. Every other meta key (ledger ID, trusted colleagues, set-aside baselines) names all.
 */
const metaReadAfresh = ['business-name:', 'reviewCampaign:'];
/** Meta keys the overview never reads: the reminders' state (it asks the reminders for items due). */
const metaUnread = new Set(['reminders']);

interface RangeNode {
  d?: unknown;
  from?: unknown;
  to?: unknown;
  l?: unknown;
  r?: unknown;
}

/** Each range of a Dexie RangeSet (a tree: left, this node, right); false when its shape is unexpected. */
function eachRange(set: unknown, visit: (from: unknown, to: unknown) => boolean): boolean {
  if (set === null || typeof set !== 'object') return false;
  const node = set as RangeNode;
  if (node.d === 0 || !('from' in node)) return true; // empty
  if (node.l !== undefined && node.l !== null && !eachRange(node.l, visit)) return false;
  if (!visit(node.from, node.to)) return false;
  if (node.r !== undefined && node.r !== null && !eachRange(node.r, visit)) return false;
  return true;
}

/** The business a key names (a string, or the first part of a compound key). */
function businessOf(key: unknown): string | undefined {
  if (typeof key === 'string') return key;
  if (Array.isArray(key) && typeof key[0] === 'string') return key[0];
  return undefined;
}

/** Adds the one business every key in the range names; false when the range spans more than one. */
function addBusinesses(set: unknown, into: Set<string>): boolean {
  return eachRange(set, (from, to) => {
    const a = businessOf(from);
    if (a === undefined || a !== businessOf(to)) return false;
    into.add(a);
    return true;
  });
}

function isEmpty(set: unknown): boolean {
  return eachRange(set, () => false);
}

/** The businesses a write touched, by its mutated parts; `prefix` is `idb://<db name>/`. */
export function writtenBusinesses(parts: Record<string, unknown>, prefix: string): Written {
  const out = new Set<string>();
  for (const part in parts) {
    if (!part.startsWith(prefix)) continue;
    const rest = part.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) return ALL;
    const table = rest.slice(0, slash);
    const index = rest.slice(slash + 1);
    const set = parts[part];
    if (unread.has(table)) continue;
    if (keyedByBusiness.has(table)) {
      // Every write names its primary keys (or the full range); the other indexes add nothing.
      if ((index === '' || index === ':dels') && !addBusinesses(set, out)) return ALL;
      continue;
    }
    if (table === 'changes') {
      // Rows added name their business in this index; a delete (`:dels`) names only row numbers.
      if (index === ':dels' && !isEmpty(set)) return ALL;
      if (index === '[businessId+at]' && !addBusinesses(set, out)) return ALL;
      continue;
    }
    if (table === 'meta') {
      if (index !== '' && index !== ':dels') continue;
      const afresh = eachRange(
        set,
        (from, to) =>
          typeof from === 'string' &&
          typeof to === 'string' &&
          ((from === to && metaUnread.has(from)) ||
            metaReadAfresh.some((p) => from.startsWith(p) && to.startsWith(p))),
      );
      if (!afresh) return ALL;
      continue;
    }
    return ALL;
  }
  return out;
}
