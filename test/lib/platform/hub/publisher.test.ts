import { describe, expect, it } from 'vitest';
import { Publisher } from '@/lib/platform/hub/publisher';

/** A publisher whose publishes take `ms` and are counted per tab, with how many ran at once. */
function counting(ms = 0) {
  const published: number[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const publisher = new Publisher(
    async (tabId) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      published.push(tabId);
      running -= 1;
    },
    () => [1, 2],
  );
  return { publisher, published, mostAtOnce: () => mostAtOnce };
}

describe('Publisher.soon: one publish per tab per frame', () => {
  it('publishes the first report of a burst at once and the rest together at the end of the frame', async () => {
    const { publisher, published } = counting();
    const first = publisher.soon(1);
    await first;
    expect(published).toEqual([1]);
    const burst = Array.from({ length: 10 }, () => publisher.soon(1));
    // The reports of one frame wait for one publish (two when a slow machine let a frame pass before the
    // first of them: that one went out at once).
    expect(new Set(burst).size).toBeLessThanOrEqual(2);
    expect(new Set(burst.slice(1)).size).toBe(1);
    await Promise.all(burst);
    expect(published.length).toBeGreaterThanOrEqual(2);
    expect(published.length).toBeLessThanOrEqual(3);
    published.length = 0;
    // Another tab is not held back by this one's frame.
    await publisher.soon(2);
    expect(published).toEqual([2]);
  });

  it('never runs two publishes of one tab at once, and settled() waits for the frame', async () => {
    const { publisher, published, mostAtOnce } = counting(30);
    void publisher.soon(1);
    void publisher.soon(1); // while the first publish is under way: after it, not beside it
    publisher.invalidate(1);
    await publisher.settled();
    expect(mostAtOnce()).toBe(1);
    expect(published.length).toBeGreaterThanOrEqual(2);
    expect(published.length).toBeLessThanOrEqual(3);
  });

  it('keeps a command’s publishes held back while frames go out', async () => {
    const { publisher, published } = counting();
    await publisher.during(async () => {
      publisher.invalidate(2);
      await publisher.soon(1);
      expect(published).toEqual([1]);
    });
    await publisher.settled();
    expect(published).toEqual([1, 2]);
  });
});
