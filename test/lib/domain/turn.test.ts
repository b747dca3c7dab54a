import { describe, expect, it, vi } from 'vitest';
import { nextTask } from '@/lib/domain/turn';

describe('a turn for the worker’s messages', () => {
  it('is a task of its own, not a timer (timers set from timers wait at least 4 ms in a browser)', async () => {
    vi.useFakeTimers();
    try {
      let turns = 0;
      // With no timer ever run, a hundred turns in a row still come (a timer would wait for ever here).
      const done = (async () => {
        for (let i = 0; i < 100; i++) {
          await nextTask();
          turns++;
        }
      })();
      await done;
      expect(turns).toBe(100);
      expect(vi.getTimerCount()).toBe(0);
      // A message that was waiting (a progress poll) is handled before the turn ends.
      const poll = new MessageChannel();
      let polled = false;
      poll.port1.onmessage = () => {
        polled = true;
        poll.port1.close();
      };
      poll.port2.postMessage('progress?');
      await nextTask();
      expect(polled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  }, 5000);
});
