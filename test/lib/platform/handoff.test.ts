import { describe, expect, it } from 'vitest';
import { HANDOFF_MESSAGE, HandedFiles } from '@/lib/platform/handoff';

/** Issue 12, item 5: a chosen file reaches the worker by reference, and only from the extension's pages. */
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

/** A service worker's global scope, as far as the listener sees it. */
function fakeWorker() {
  let listener: ((event: MessageEvent) => void) | undefined;
  return {
    registration: {},
    location: { origin: ORIGIN },
    addEventListener: (_type: 'message', l: (event: MessageEvent) => void) => (listener = l),
    /** Posts a message as a page of `origin` would; what the worker answered on the port. */
    post(data: unknown, origin = ORIGIN): unknown[] {
      const answers: unknown[] = [];
      listener!({ data, origin, ports: [{ postMessage: (a: unknown) => answers.push(a) }] } as never);
      return answers;
    },
  };
}

describe('files handed to the worker', () => {
  it('are kept by id, taken once with their text and size, and say so to the page', async () => {
    const handed = new HandedFiles(60_000);
    const worker = fakeWorker();
    handed.listen(worker);
    const id = crypto.randomUUID();
    const file = new Blob(['{"format":"scopekeeper-ledger","é":1}']);
    expect(worker.post({ type: HANDOFF_MESSAGE, id, file })).toEqual([{ held: id }]);
    expect(await handed.take(id)).toEqual({
      text: '{"format":"scopekeeper-ledger","é":1}',
      bytes: file.size,
    });
    expect(await handed.take(id)).toBeUndefined();
  });

  it('ignores another origin, another shape, and keeps none outside a service worker', async () => {
    const handed = new HandedFiles(60_000);
    const worker = fakeWorker();
    handed.listen(worker);
    const id = crypto.randomUUID();
    const file = new Blob(['x']);
    expect(worker.post({ type: HANDOFF_MESSAGE, id, file }, 'https://business.facebook.com')).toEqual([]);
    expect(worker.post({ type: HANDOFF_MESSAGE, id, file: 'x' })).toEqual([]);
    expect(worker.post({ type: HANDOFF_MESSAGE, id: 'not-an-id', file })).toEqual([]);
    expect(await handed.take(id)).toBeUndefined();
    // A page or an event page (Firefox) has no worker registration: nothing listens.
    let added = false;
    handed.listen({ addEventListener: () => (added = true), location: { origin: ORIGIN } });
    expect(added).toBe(false);
  });

  it('forgets a file left too long, and keeps at most two', async () => {
    let now = 0;
    const handed = new HandedFiles(1000, () => now);
    const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    handed.keep(a, new Blob(['a']));
    now = 1001;
    expect(await handed.take(a)).toBeUndefined();
    handed.keep(a, new Blob(['a']));
    handed.keep(b, new Blob(['b']));
    handed.keep(c, new Blob(['c']));
    expect(await handed.take(a)).toBeUndefined();
    expect((await handed.take(b))?.text).toBe('b');
    expect((await handed.take(c))?.text).toBe('c');
  });
});
