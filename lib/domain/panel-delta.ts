import type { PageSnapshot } from './snapshot';
import type { TabState } from './ui-state';

/**
 * What the background sends on a panel's port (issue 12): a whole state, or what changed since the state it
 * sent before on that port. A port delivers in order and a new port starts with a whole state, so `base` is
 * always the panel's last one; a panel that finds otherwise reconnects and gets a whole state again.
 *
 * A list (the principals read, the findings) is sent as runs of the list sent before and new items: an item
 * the background made once and sends again is the same object (an unchanged principal, an unchanged
 * finding), so it goes as a run of indexes, and arrives as the panel's own object of before, which its rows
 * see as unchanged without comparing it. Everything else in a state is small: a field is sent again when it
 * is not the same object as before.
 */
export type PanelMessage =
  { seq: number; state: TabState } | { seq: number; base: number; delta: TabStateDelta };

/** A list as runs of the list before (`[from, count]`) and new items (objects, never arrays). */
export type ListDelta<T extends object> = (T | [number, number])[];

export interface TabStateDelta {
  /** Fields other than the snapshot and the findings that are new or changed. */
  set: Partial<Omit<TabState, 'snapshot' | 'findings'>>;
  /** Fields that are gone (`snapshot` too: no page read any more). */
  unset: (keyof TabState)[];
  /** The snapshot's fields other than its principals, when the snapshot changed. */
  snapshot?: Omit<PageSnapshot, 'principals'>;
  principals?: ListDelta<PageSnapshot['principals'][number]>;
  findings?: ListDelta<TabState['findings'][number]>;
}

/** `next` as runs of `previous` (items found there by identity) and new items. */
export function listDelta<T extends object>(previous: readonly T[], next: readonly T[]): ListDelta<T> {
  const at = new Map<T, number>();
  previous.forEach((item, i) => at.set(item, i));
  const out: ListDelta<T> = [];
  let run: [number, number] | undefined;
  for (const item of next) {
    const i = at.get(item);
    if (i === undefined) {
      run = undefined;
      out.push(item);
    } else if (run && run[0] + run[1] === i) run[1] += 1;
    else {
      run = [i, 1];
      out.push(run);
    }
  }
  return out;
}

/** The list a `ListDelta` describes, from the list before it; undefined when a run is not in that list. */
export function applyListDelta<T extends object>(
  previous: readonly T[],
  delta: ListDelta<T>,
): T[] | undefined {
  const out: T[] = [];
  for (const part of delta) {
    if (!Array.isArray(part)) {
      out.push(part);
      continue;
    }
    const [from, count] = part;
    if (!Number.isInteger(from) || !Number.isInteger(count) || from < 0 || from + count > previous.length)
      return undefined;
    for (let i = from; i < from + count; i += 1) out.push(previous[i]!);
  }
  return out;
}

const listFields = new Set<keyof TabState>(['snapshot', 'findings']);

/** What changed from `previous` to `next` (both as the background made them: unchanged parts are the same). */
export function tabStateDelta(previous: TabState, next: TabState): TabStateDelta {
  const delta: TabStateDelta = { set: {}, unset: [] };
  const set = delta.set as Record<string, unknown>;
  for (const key of Object.keys(next) as (keyof TabState)[])
    if (!listFields.has(key) && next[key] !== previous[key]) set[key] = next[key];
  for (const key of Object.keys(previous) as (keyof TabState)[])
    if (!(key in next) || next[key] === undefined) delta.unset.push(key);
  if (next.snapshot && next.snapshot !== previous.snapshot) {
    const { principals, ...rest } = next.snapshot;
    delta.snapshot = rest;
    delta.principals = listDelta(previous.snapshot?.principals ?? [], principals);
  }
  if (next.findings !== previous.findings) delta.findings = listDelta(previous.findings, next.findings);
  return delta;
}

/** The state a delta describes, from the state before it; undefined when it does not apply to that state. */
export function applyTabStateDelta(previous: TabState, delta: TabStateDelta): TabState | undefined {
  const next = { ...previous, ...delta.set } as Record<string, unknown>;
  for (const key of delta.unset) delete next[key];
  if (delta.snapshot) {
    const principals = applyListDelta(previous.snapshot?.principals ?? [], delta.principals ?? []);
    if (!principals) return undefined;
    next.snapshot = { ...delta.snapshot, principals };
  }
  if (delta.findings) {
    const findings = applyListDelta(previous.findings, delta.findings);
    if (!findings) return undefined;
    next.findings = findings;
  }
  return next as unknown as TabState;
}

/** The panel's last state from its port, with its number. */
export interface Received {
  seq: number;
  state: TabState;
}

/**
 * A message from the panel's port taken in after `last` (undefined: none yet on this port): the state it
 * makes, or `gap` when it is a delta on another state than `last` (or does not apply to it). What a state
 * holds is checked by the caller.
 */
export function receivePanelMessage(last: Received | undefined, message: unknown): Received | 'gap' {
  const m = message as Partial<{ seq: unknown; base: unknown; state: unknown; delta: unknown }> | null;
  if (typeof m !== 'object' || m === null || typeof m.seq !== 'number') return 'gap';
  if ('state' in m) return { seq: m.seq, state: m.state as TabState };
  if (!last || m.base !== last.seq || typeof m.delta !== 'object' || m.delta === null) return 'gap';
  const delta = m.delta as TabStateDelta;
  if (typeof delta.set !== 'object' || delta.set === null || !Array.isArray(delta.unset)) return 'gap';
  if (delta.principals !== undefined && !Array.isArray(delta.principals)) return 'gap';
  if (delta.findings !== undefined && !Array.isArray(delta.findings)) return 'gap';
  const state = applyTabStateDelta(last.state, delta);
  return state ? { seq: m.seq, state } : 'gap';
}
