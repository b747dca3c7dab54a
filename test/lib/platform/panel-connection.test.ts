import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { asTabState, connectPanel } from '@/lib/platform/panel-connection';
import { panelState } from '../../components/panel-state';

/** The ports the panel opened, each with what the background may do to it. */
function fakePorts() {
  const ports: { send: (message: unknown) => void; drop: () => void }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((() => {
    let onMessage: (message: unknown) => void = () => undefined;
    let onDisconnect: () => void = () => undefined;
    ports.push({ send: (message) => onMessage(message), drop: () => onDisconnect() });
    return {
      onMessage: { addListener: (listener: typeof onMessage) => (onMessage = listener) },
      onDisconnect: { addListener: (listener: typeof onDisconnect) => (onDisconnect = listener) },
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
    ports[1]!.send({ findings: [], failedRules: [], runs: [], due: [], locale: 'en' }); // accepted: a state arrives
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
