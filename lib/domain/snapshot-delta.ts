import type { SnapshotDelta } from './messages';
import { getSubjectKey, type PageSnapshot, type Principal } from './snapshot';

/** The report a delta is applied on: the tab's last snapshot and the numbering it came with. */
export interface DeltaBase {
  snapshot: PageSnapshot;
  stream?: string;
  seq?: number;
}

/**
 * Why a delta cannot be applied (the content script is then asked for its whole read, `needFull`):
 * - `no-base`: the background holds no numbered report for the tab (a restarted worker, a full report
 *   sent without numbering);
 * - `other-stream`, `gap`: the delta does not follow the report held (another page load, a lost message);
 * - `other-page`: the header names another page kind or business (those are always sent in full);
 * - `base-not-unique`: the report held has two principals with one subject key (it came as a full report);
 * - `unknown-key`: a removal names a principal the report held does not have;
 * - `duplicate-key`: one subject key is removed or upserted twice, or both removed and upserted;
 * - `bad-position`: two upserts stand at one index, or one beyond `count`;
 * - `count-mismatch`: what is kept plus what is upserted is not `count` principals;
 * - `unfit`: an upsert was refused before the parse (lib/domain/snapshot-normalize.ts `normalizeDelta`).
 */
export type DeltaRefusal =
  | 'no-base'
  | 'other-stream'
  | 'gap'
  | 'other-page'
  | 'base-not-unique'
  | 'unknown-key'
  | 'duplicate-key'
  | 'bad-position'
  | 'count-mismatch'
  | 'unfit';

export type AppliedDelta = { ok: true; snapshot: PageSnapshot } | { ok: false; reason: DeltaRefusal };

/**
 * The page's whole read after a delta (lib/domain/messages.ts `snapshotDeltaSchema`): the header whole,
 * the removed subject keys taken out, each upsert replacing the principal of its subject key (or added)
 * and standing at its index `at`, everyone else in their previous relative order around them. O(n) in
 * the principals of the base and the delta; the base is never changed.
 */
export function applyDelta(base: DeltaBase, delta: SnapshotDelta): AppliedDelta {
  if (delta.unfit) return refuse('unfit');
  if (base.stream === undefined || base.seq === undefined) return refuse('no-base');
  if (delta.stream !== base.stream) return refuse('other-stream');
  if (delta.seq !== base.seq + 1) return refuse('gap');
  const previous = base.snapshot;
  if (delta.header.kind !== previous.kind || delta.header.businessId !== previous.businessId)
    return refuse('other-page');

  const present = new Set<string>();
  const keys: string[] = [];
  for (const principal of previous.principals) {
    const key = getSubjectKey(principal);
    if (present.has(key)) return refuse('base-not-unique');
    present.add(key);
    keys.push(key);
  }
  // Every key a delta names, once: removed (true) or upserted (false).
  const named = new Map<string, boolean>();
  for (const key of delta.remove) {
    if (!present.has(key)) return refuse('unknown-key');
    if (named.has(key)) return refuse('duplicate-key');
    named.set(key, true);
  }
  const slots: (Principal | undefined)[] = new Array<Principal | undefined>(delta.count);
  for (const { at, principal } of delta.upsert) {
    const key = getSubjectKey(principal);
    if (named.has(key)) return refuse('duplicate-key');
    named.set(key, false);
    if (at >= delta.count || slots[at] !== undefined) return refuse('bad-position');
    slots[at] = principal;
  }
  const kept: Principal[] = [];
  previous.principals.forEach((principal, i) => {
    if (!named.has(keys[i]!)) kept.push(principal);
  });
  if (kept.length + delta.upsert.length !== delta.count) return refuse('count-mismatch');

  const principals: Principal[] = new Array<Principal>(delta.count);
  let next = 0;
  for (let i = 0; i < delta.count; i += 1) principals[i] = slots[i] ?? kept[next++]!;
  return { ok: true, snapshot: { ...delta.header, principals } };
}

const refuse = (reason: DeltaRefusal): AppliedDelta => ({ ok: false, reason });
