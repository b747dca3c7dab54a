import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyTabState, tabStateDelta } from '@/lib/domain/panel-delta';
import type { TabState } from '@/lib/domain/ui-state';
import { asTabState, connectPanel } from '@/lib/platform/panel-connection';
import { panelState } from '../../components/panel-state';

/** The ports the panel opened, each with what the background may do to it. */
function fakePorts() {
  const ports: { send: (message: unknown) => void; drop: () => void; closed: () => boolean }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((() => {
    let onMessage: (message: unknown) => void = () => undefined;
    let onDisconnect: () => void = () => undefined;
    let closed = false;
    ports.push({ send: (message) => onMessage(message), drop: () => onDisconnect(), closed: () => closed });
    return {
      onMessage: { addListener: (listener: typeof onMessage) => (onMessage = listener) },
      onDisconnect: { addListener: (listener: typeof onDisconnect) => (onDisconnect = listener) },
      disconnect: () => (closed = true),
    } as unknown as Browser.runtime.Port;
  }) as never);
  return ports;
}

const refuse = (port: { send: (message: unknown) => void; drop: () => void }) => {
  port.send({ refused: { code: 'panel-not-ours' } });
  port.drop();
};

describe('the panel’s connection (issue 11)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('asks once more after a refusal (a page back from the cache, before its token is), and gives up on a second', () => {
    const ports = fakePorts();
    const refusals: unknown[] = [];
    const states: unknown[] = [];
    const callbacks = {
      onState: (state: unknown) => states.push(state),
      onConnected: () => undefined,
      onRefused: (problem: unknown) => refusals.push(problem),
    };
    connectPanel('a'.repeat(32), callbacks);
    refuse(ports[0]!);
    expect(refusals).toEqual([]);
    vi.advanceTimersByTime(5000);
    expect(ports).toHaveLength(2);
    // Accepted: a state arrives.
    ports[1]!.send({ seq: 1, base: 0, delta: { set: {}, unset: [] } });
    expect(states).toHaveLength(1);

    // Refused later again: asked once more, and a second refusal ends it.
    refuse(ports[1]!);
    vi.advanceTimersByTime(5000);
    expect(ports).toHaveLength(3);
    refuse(ports[2]!);
    vi.advanceTimersByTime(5000);
    expect(ports).toHaveLength(3);
    expect(refusals).toEqual([{ code: 'panel-not-ours' }]);
  });
});

describe('the panel’s port, whole states and deltas (issue 12)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('makes each delta whole on the state before it, and reconnects for a whole state after a gap', () => {
    const ports = fakePorts();
    const states: TabState[] = [];
    connectPanel('a'.repeat(32), {
      onState: (state) => states.push(state),
      onConnected: () => undefined,
      onRefused: () => undefined,
    });
    const first = panelState(20);
    const second: TabState = { ...first, locale: 'sv' };
    ports[0]!.send({ seq: 1, base: 0, delta: tabStateDelta(emptyTabState, first) });
    ports[0]!.send({ seq: 2, base: 1, delta: tabStateDelta(first, second) });
    expect(states.map((s) => s.locale)).toEqual(['en', 'sv']);
    // Unchanged principals and findings are the panel's own objects of before.
    expect(states[1]!.snapshot!.principals[3]).toBe(states[0]!.snapshot!.principals[3]);
    expect(states[1]!.findings[0]).toBe(states[0]!.findings[0]);

    // A delta on a state this panel does not have: nothing shown, a new port, which starts whole.
    ports[0]!.send({ seq: 4, base: 3, delta: tabStateDelta(second, first) });
    expect(states).toHaveLength(2);
    expect(ports[0]!.closed()).toBe(true);
    expect(ports).toHaveLength(2);
    ports[1]!.send({ seq: 1, base: 0, delta: tabStateDelta(emptyTabState, first) });
    expect(states.map((s) => s.locale)).toEqual(['en', 'sv', 'en']);
  });
});

describe('a state the background pushes to the panel (issue 12)', () => {
  it('is taken as it came when it has the shape the panel relies on', () => {
    const state = JSON.parse(JSON.stringify(panelState(20))) as unknown;
    expect(asTabState(state)).toBe(state);
    expect(asTabState({ findings: [], failedRules: [], runs: [], due: [], locale: 'sv' })).toBeDefined();
  });

  it('is dropped when it does not', () => {
    const good = { findings: [], failedRules: [], runs: [], due: [], locale: 'en' };
    for (const bad of [
      null,
      'state',
      [],
      { ...good, findings: undefined },
      { ...good, runs: {} },
      { ...good, locale: 'de' },
      { ...good, snapshot: null },
      { ...good, snapshot: { kind: 'people' } },
      { ...good, snapshot: { kind: 3, principals: [] } },
    ])
      expect(asTabState(bad)).toBeUndefined();
  });
});
