import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '@/lib/platform/hub/throttle';

describe('the recording of a tab’s reports (issue 12)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A throttle and what it ran, in order, with when (fake ms). */
  function recorder() {
    const throttle = new Throttle(250, 1000);
    const ran: string[] = [];
    const record = (tabId: number, key: string, what: string) =>
      throttle.call(tabId, key, async () => void ran.push(`${what}@${Date.now()}`));
    return { throttle, ran, record };
  }

  it('records a burst once, the last read, when the tab is quiet for a moment', async () => {
    vi.setSystemTime(0);
    const { ran, record } = recorder();
    for (let i = 1; i <= 4; i++) {
      record(1, 'people', `read ${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(ran).toEqual(['read 4@550']);
  });

  it('records a page that never stops changing once a second', async () => {
    vi.setSystemTime(0);
    const { ran, record } = recorder();
    for (let i = 1; i <= 25; i++) {
      record(1, 'people', `read ${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(ran).toEqual(['read 10@1000', 'read 20@2000']);
  });

  it('records what waited for one page before the next page of the same tab, and tabs apart', async () => {
    vi.setSystemTime(0);
    const { ran, record } = recorder();
    record(1, 'people', 'people');
    record(2, 'people', 'other tab');
    await vi.advanceTimersByTimeAsync(50);
    record(1, 'partners', 'partners');
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['people@50']);
    await vi.advanceTimersByTimeAsync(300);
    expect(ran).toEqual(['people@50', 'other tab@250', 'partners@300']);
  });

  it('runs one tab’s recordings one after the other, in order', async () => {
    const throttle = new Throttle(0, 0);
    const log: string[] = [];
    let release!: () => void;
    throttle.call(1, 'people', async () => {
      log.push('people starts');
      await new Promise<void>((resolve) => (release = resolve));
      log.push('people ends');
    });
    await vi.advanceTimersByTimeAsync(0);
    throttle.call(1, 'partners', async () => void log.push('partners'));
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual(['people starts']);
    release();
    await throttle.flush();
    expect(log).toEqual(['people starts', 'people ends', 'partners']);
  });

  it('drops what waits when the ledger is erased, and records at once for a tab that closes', async () => {
    const { throttle, ran, record } = recorder();
    record(1, 'people', 'erased');
    throttle.cancelAll();
    await vi.advanceTimersByTimeAsync(2000);
    expect(ran).toEqual([]);
    vi.setSystemTime(5000);
    record(1, 'people', 'closing');
    throttle.forget(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['closing@5000']);
  });
});
