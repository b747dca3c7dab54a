import type { PageSnapshot } from './snapshot';
import type { TabState } from './ui-state';

/**
 * What the background sends on a panel's port (issue 12): what changed since the state it sent before on that
 * port (`base`), or, first on a port, a whole state as what changed since the empty state (`base` 0). A port
 * delivers in order, so `base` is always the panel's last one; a panel that finds otherwise reconnects and
 * gets a whole state again.
 *
 * A list (the principals read, the findings) is sent as runs of the list sent before and new items: an item
 * the background made once and sends again is the same object (an unchanged principal, an unchanged
 * finding), so it goes as a run of indexes, and arrives as the panel's own object of before, which its rows
 * see as unchanged without comparing it. New items go as rows of values with their keys named once per shape:
 * at 5,000 people the keys were a third of the state (JSON through the port costs the worker and the panel
 * by the byte). Everything else in a state is small: a field is sent again when it is not the same object as
 * before.
 */
export interface PanelMessage {
  seq: number;
  base: number;
  delta: TabStateDelta;
}

/** The state before a port's first message (`base` 0). */
export const emptyTabState: TabState = { findings: [], failedRules: [], locale: 'en', runs: [], due: [] };

/**
 * A list as runs of the list before and new items. `parts`, in order: a run is two numbers (its start in the
 * list before, and its length); a new item is an array: the index of its keys in `shapes`, then their values.
 */
export interface ListDelta {
  shapes: string[][];
  parts: (number | unknown[])[];
  /**
   * Strings of the new items sent once each (a finding's rule and severity, the same for thousands of
   * findings): a value at a position `coded` names for its shape is an index here. Only for the keys the
   * sender names.
   */
  texts?: string[];
  /** Per shape, the positions in its keys whose values are indexes into `texts`. */
  coded?: number[][];
}

export interface TabStateDelta {
  /** Fields other than the snapshot and the findings that are new or changed. */
  set: Partial<Omit<TabState, 'snapshot' | 'findings'>>;
  /** Fields that are gone (`snapshot` too: no page read any more). */
  unset: (keyof TabState)[];
  /** The snapshot's fields other than its principals, when the snapshot changed. */
  snapshot?: Omit<PageSnapshot, 'principals'>;
  principals?: ListDelta;
  findings?: ListDelta;
}

/** `next` as runs of `previous` (items found there by identity) and new items. */
export function listDelta<T extends object>(
  previous: readonly T[],
  next: readonly T[],
  textKeys?: ReadonlySet<string>,
): ListDelta {
  const at = new Map<T, number>();
  previous.forEach((item, i) => at.set(item, i));
  const shapes: string[][] = [];
  const shapeOf = new Map<string, number>();
  const parts: ListDelta['parts'] = [];
  const texts: string[] = [];
  const textAt = new Map<string, number>();
  const coded: number[][] = [];
  const textIndex = (text: string) => {
    let i = textAt.get(text);
    if (i === undefined) {
      i = texts.length;
      texts.push(text);
      textAt.set(text, i);
    }
    return i;
  };
  let runStart = -1;
  let runEnd = -1;
  for (const item of next) {
    const i = at.get(item);
    if (i !== undefined) {
      if (runStart >= 0 && i === runEnd) parts[parts.length - 1] = i + 1 - runStart;
      else {
        parts.push(i, 1);
        runStart = i;
      }
      runEnd = i + 1;
      continue;
    }
    runStart = -1;
    const values = item as Record<string, unknown>;
    // A key whose value is undefined is left out, as JSON leaves it out.
    const row: unknown[] = [0];
    let id = '';
    const positions: number[] = [];
    for (const key in values) {
      const value = values[key];
      if (value === undefined) continue;
      const code = typeof value === 'string' && textKeys?.has(key) === true;
      if (code) positions.push(row.length - 1);
      id += `${key}${code ? '\u0002' : '\u0001'}`;
      row.push(code ? textIndex(value) : value);
    }
    let shape = shapeOf.get(id);
    if (shape === undefined) {
      shape = shapes.length;
      shapes.push(Object.keys(values).filter((key) => values[key] !== undefined));
      coded.push(positions);
      shapeOf.set(id, shape);
    }
    row[0] = shape;
    parts.push(row);
  }
  // No table when no string was coded (a delta of runs alone stays as small as before).
  return texts.length > 0 ? { shapes, parts, texts, coded } : { shapes, parts };
}

/** The list a `ListDelta` describes, from the list before it; undefined when it does not fit that list. */
export function applyListDelta<T extends object>(previous: readonly T[], delta: ListDelta): T[] | undefined {
  const { shapes, parts, texts = [], coded = [] } = delta;
  if (!Array.isArray(shapes) || !Array.isArray(parts)) return undefined;
  for (const keys of shapes as unknown[])
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string' && key !== '__proto__'))
      return undefined;
  if (!Array.isArray(texts) || !texts.every((text) => typeof text === 'string')) return undefined;
  if (!Array.isArray(coded)) return undefined;
  for (let s = 0; s < coded.length; s += 1) {
    const positions = coded[s] as unknown;
    if (
      !Array.isArray(positions) ||
      !positions.every((k) => Number.isInteger(k) && k >= 0 && k < (shapes[s]?.length ?? 0))
    )
      return undefined;
  }
  const out: T[] = [];
  for (let p = 0; p < parts.length; p += 1) {
    const part = parts[p];
    if (typeof part === 'number') {
      const count = parts[(p += 1)];
      if (typeof count !== 'number' || !Number.isInteger(part) || !Number.isInteger(count)) return undefined;
      if (part < 0 || count < 0 || part + count > previous.length) return undefined;
      for (let i = part; i < part + count; i += 1) out.push(previous[i]!);
      continue;
    }
    if (!Array.isArray(part)) return undefined;
    const keys = shapes[part[0] as number];
    if (!keys || part.length !== keys.length + 1) return undefined;
    const item: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k += 1) item[keys[k]!] = part[k + 1];
    for (const k of coded[part[0] as number] ?? []) {
      const text = texts[part[k + 1] as number];
      if (text === undefined) return undefined;
      item[keys[k]!] = text;
    }
    out.push(item as T);
  }
  return out;
}

const noItems: ListDelta = { shapes: [], parts: [] };

const listFields = new Set<keyof TabState>(['snapshot', 'findings']);

/**
 * A finding's strings that repeat among thousands of findings (its rule and severity; its why and fix when
 * sent). Its message, subject and name are each a subject's own: a table of them costs more than it saves.
 */
const findingTexts: ReadonlySet<string> = new Set(['ruleId', 'severity', 'why', 'fix']);

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
  if (next.findings !== previous.findings)
    delta.findings = listDelta(previous.findings, next.findings, findingTexts);
  return delta;
}

/** The state a delta describes, from the state before it; undefined when it does not apply to that state. */
export function applyTabStateDelta(previous: TabState, delta: TabStateDelta): TabState | undefined {
  const next = { ...previous, ...delta.set } as Record<string, unknown>;
  for (const key of delta.unset) delete next[key];
  if (delta.snapshot) {
    const principals = applyListDelta(previous.snapshot?.principals ?? [], delta.principals ?? noItems);
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
  const m = message as Partial<{ seq: unknown; base: unknown; delta: unknown }> | null;
  if (typeof m !== 'object' || m === null || typeof m.seq !== 'number') return 'gap';
  const before = m.base === 0 ? emptyTabState : last && m.base === last.seq ? last.state : undefined;
  if (!before || typeof m.delta !== 'object' || m.delta === null) return 'gap';
  const delta = m.delta as TabStateDelta;
  if (typeof delta.set !== 'object' || delta.set === null || !Array.isArray(delta.unset)) return 'gap';
  const state = applyTabStateDelta(before, delta);
  return state ? { seq: m.seq, state } : 'gap';
}
