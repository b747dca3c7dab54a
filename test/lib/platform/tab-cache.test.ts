import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TabCache, type SessionArea } from '@/lib/platform/hub/tab-cache';
import { me, person } from '../domain/rules/helpers';
import { listSnapshot } from './test-hub';

/** A session area that remembers each write. */
function session() {
  const writes: Record<string, unknown>[] = [];
  const area: SessionArea = {
    get: async () => ({}),
    set: async (items) => void writes.push(items),
    remove: async () => undefined,
  };
  return { area, writes };
}

describe('the tab cache’s session mirror (issue 12)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const report = (n: number) => ({
    report: {
      snapshot: listSnapshot('people', [
        me,
        ...Array.from({ length: n }, (_, i) => person(`P ${i}`, `p${i}@x.se`)),
      ]),
    },
    receivedAt: new Date().toISOString(),
  });

  it('writes a burst of changes once, a second after the last', async () => {
    const { area, writes } = session();
    const cache = new TabCache(area);
    for (let i = 0; i < 5; i++) {
      await cache.setTab(1, report(i));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toHaveLength(1);
    expect(writes[0]!['tab:1']).toMatchObject({ report: report(4).report });
  });

  it('writes a page that never stops changing at least every five seconds', async () => {
    const { area, writes } = session();
    const cache = new TabCache(area);
    for (let i = 0; i < 60; i++) {
      await cache.setTab(1, report(i % 7));
      await vi.advanceTimersByTimeAsync(200);
    }
    // Twelve seconds of a change every 200 ms: written at 5 s and at 10 s, never waiting for a quiet second.
    expect(writes.length).toBeGreaterThanOrEqual(2);
  });
});
