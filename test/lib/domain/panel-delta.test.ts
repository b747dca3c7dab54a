import { describe, expect, it } from 'vitest';
import {
  applyListDelta,
  emptyTabState,
  listDelta,
  receivePanelMessage,
  tabStateDelta,
  type PanelMessage,
} from '@/lib/domain/panel-delta';
import type { TabState } from '@/lib/domain/ui-state';
import { panelState } from '../../components/panel-state';

/** Through JSON, as Chromium carries a port's messages. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A small random generator (the same lists every run). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('a list sent as runs of the list before (issue 12)', () => {
  it('makes the next list again from the one before, over random edits', () => {
    const next = random(7);
    let previous = Array.from({ length: 40 }, (_, i) => ({ id: i }));
    for (let round = 0; round < 200; round++) {
      const list = previous.filter(() => next() > 0.1);
      // Some new items, some changed (a new object for the same id), some moved.
      for (let i = 0; i < 4; i++)
        list.splice(Math.floor(next() * list.length), 0, { id: 1000 + round * 10 + i });
      if (list.length > 2 && next() > 0.5) list[1] = { ...list[1]! };
      if (list.length > 3 && next() > 0.5) list.push(list.shift()!);
      const received = applyListDelta(wire(previous), wire(listDelta(previous, list)));
      expect(received).toEqual(list);
      previous = list;
    }
  });

  it('sends an unchanged item as an index, and only new items whole, their keys once per shape', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const c = { id: 'c' };
    const d = { id: 'd', name: 'D' };
    expect(listDelta([a, b, c], [a, b, c])).toEqual({ shapes: [], parts: [0, 3] });
    expect(listDelta([a, b, c], [a, d, c])).toEqual({
      shapes: [['id', 'name']],
      parts: [0, 1, [0, 'd', 'D'], 2, 1],
    });
    expect(listDelta([a, b, c], [c, a])).toEqual({ shapes: [], parts: [2, 1, 0, 1] });
    expect(listDelta([a, b, c], [a, { id: 'b' }, { id: 'e', name: undefined }])).toEqual({
      shapes: [['id']],
      parts: [0, 1, [0, 'b'], [0, 'e']],
    });
  });

  it('sends the strings of the keys it is told once each, and makes the same items again', () => {
    const why = 'A long reason that every finding of this rule shares.';
    const items = Array.from({ length: 30 }, (_, i) => ({
      ruleId: i % 2 ? 'a' : 'b',
      subject: `person:${i % 5}`,
      why,
      count: i,
      ...(i % 3 ? { note: 'not coded' } : {}),
    }));
    const keys = new Set(['ruleId', 'subject', 'why']);
    const delta = listDelta([], items, keys);
    expect(delta.texts).toEqual(['b', 'person:0', why, 'a', 'person:1', 'person:2', 'person:3', 'person:4']);
    expect(JSON.stringify(delta).split(why)).toHaveLength(2);
    expect(applyListDelta([], wire(delta))).toEqual(items);
    // Runs of the list before stay runs; a coded index outside the strings sent is refused.
    expect(applyListDelta(items, wire(listDelta(items, [...items, { ...items[0]! }], keys)))).toEqual([
      ...items,
      items[0],
    ]);
    expect(applyListDelta([], { ...wire(delta), texts: [] })).toBeUndefined();
    expect(applyListDelta([], { ...wire(delta), coded: [[9]] })).toBeUndefined();
  });

  it('does not apply a run outside the list before, or a row of another shape', () => {
    const one = [{ id: 1 }];
    expect(applyListDelta(one, { shapes: [], parts: [0, 2] })).toBeUndefined();
    expect(applyListDelta(one, { shapes: [], parts: [-1, 1] })).toBeUndefined();
    expect(applyListDelta(one, { shapes: [], parts: [0.5, 1] })).toBeUndefined();
    expect(applyListDelta(one, { shapes: [], parts: [0] })).toBeUndefined();
    expect(applyListDelta(one, { shapes: [['id']], parts: [[0, 1, 2]] })).toBeUndefined();
    expect(applyListDelta(one, { shapes: [['id']], parts: [[1, 1]] })).toBeUndefined();
    expect(applyListDelta(one, { shapes: [['__proto__']], parts: [[0, {}]] })).toBeUndefined();
    expect(applyListDelta(one, { shapes: [['id']], parts: [0, 1, [0, 2]] })).toEqual([{ id: 1 }, { id: 2 }]);
  });
});

describe('what the background sends on a panel’s port', () => {
  it('sends a second state of 5,000 principals, one of them changed, in a small delta', () => {
    const first = panelState(5000);
    // As the background makes it: unchanged principals and findings are the objects it sent before.
    const changed = panelState(5000, 1);
    const before = new Map(first.findings.map((f) => [JSON.stringify(f), f]));
    const second: TabState = {
      ...changed,
      snapshot: {
        ...changed.snapshot!,
        principals: changed.snapshot!.principals.map((p, i) =>
          i === 2 ? p : first.snapshot!.principals[i]!,
        ),
      },
      findings: changed.findings.map((f) => before.get(JSON.stringify(f)) ?? f),
    };
    const delta = tabStateDelta(first, second);
    const size = JSON.stringify({ seq: 2, base: 1, delta }).length;
    expect(size).toBeLessThan(JSON.stringify(second).length / 100);
    // One principal sent whole (a row of values), the rest as runs of the list before.
    expect(delta.principals!.parts.filter((p) => Array.isArray(p))).toHaveLength(1);
    expect(applyListDelta(first.snapshot!.principals, wire(delta.principals!))![2]).toEqual(
      second.snapshot!.principals[2],
    );

    const received = receivePanelMessage({ seq: 1, state: wire(first) }, wire({ seq: 2, base: 1, delta }));
    expect(received).not.toBe('gap');
    expect((received as { state: TabState }).state).toEqual(wire(second));
  });

  it('sends fields that changed and takes away those that are gone', () => {
    const first: TabState = {
      ...panelState(3),
      focus: { subject: 'person:anna@sjobod.se', at: 1 },
      receivedAt: '2026-11-28T12:00:00.000Z',
    };
    const { focus: _focus, snapshot: _snapshot, ...rest } = first;
    const second: TabState = { ...rest, locale: 'sv', receivedAt: '2026-11-28T12:00:01.000Z' };
    const delta = tabStateDelta(first, second);
    expect(delta.set).toEqual({ locale: 'sv', receivedAt: '2026-11-28T12:00:01.000Z' });
    expect(delta.unset.sort()).toEqual(['focus', 'snapshot']);
    expect(delta.findings).toBeUndefined();
    const received = receivePanelMessage({ seq: 4, state: wire(first) }, wire({ seq: 5, base: 4, delta }));
    expect(received).toEqual({ seq: 5, state: wire(second) });
  });

  it('takes a whole state (on the empty state) at any time, and reports a gap for a delta on another state', () => {
    const state = panelState(3);
    const whole: PanelMessage = { seq: 9, base: 0, delta: tabStateDelta(emptyTabState, state) };
    expect(receivePanelMessage(undefined, wire(whole))).toEqual({ seq: 9, state: wire(state) });
    expect(receivePanelMessage({ seq: 4, state }, wire(whole))).toEqual({ seq: 9, state: wire(state) });
    const delta = tabStateDelta(state, { ...state, locale: 'fr' });
    expect(receivePanelMessage(undefined, { seq: 2, base: 1, delta })).toBe('gap');
    expect(receivePanelMessage({ seq: 3, state }, { seq: 2, base: 1, delta })).toBe('gap');
    expect(receivePanelMessage({ seq: 1, state }, { seq: 2, base: 1, delta: { set: {} } })).toBe('gap');
    expect(
      receivePanelMessage(
        { seq: 1, state },
        { seq: 2, base: 1, delta: { ...delta, findings: { shapes: [], parts: [0, 99] } } },
      ),
    ).toBe('gap');
    expect(receivePanelMessage({ seq: 1, state }, null)).toBe('gap');
  });

  it('sends a whole state of 5,000 principals in fewer bytes than the state itself', () => {
    const state = panelState(5000);
    const whole = JSON.stringify({ seq: 1, base: 0, delta: tabStateDelta(emptyTabState, state) });
    expect(whole.length).toBeLessThan(JSON.stringify(state).length * 0.75);
    expect(receivePanelMessage(undefined, JSON.parse(whole))).toEqual({ seq: 1, state: wire(state) });
  });
});
