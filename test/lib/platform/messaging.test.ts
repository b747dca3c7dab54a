import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWire, onMessage, sendMessage, type WireApi, type WireSender } from '@/lib/platform/messaging';

type Listener = (message: unknown, sender: WireSender, sendResponse: (answer: unknown) => void) => unknown;

/**
 * Two ends of the browser's runtime messages, as Chromium and Firefox behave: a listener that returns
 * `true` answers later through `sendResponse` (the first answer wins); no listener at all is an error
 * ("Receiving end does not exist"); listeners that keep no channel open answer nothing.
 */
function fakeRuntime(
  sender: WireSender = { id: 'ours', url: 'https://business.facebook.com/', tab: { id: 7 } },
) {
  const listeners: Listener[] = [];
  const sent: { message: unknown; tabId?: number; options?: { frameId?: number } }[] = [];
  const deliver = (message: unknown): Promise<unknown> => {
    if (listeners.length === 0)
      return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    return new Promise((resolve) => {
      let open = false;
      for (const l of [...listeners]) if (l(message, sender, resolve) === true) open = true;
      if (!open) resolve(undefined);
    });
  };
  const api: WireApi = {
    runtime: {
      sendMessage: (message) => {
        sent.push({ message });
        return deliver(message);
      },
      onMessage: {
        addListener: (l) => void listeners.push(l),
        removeListener: (l) => void listeners.splice(listeners.indexOf(l), 1),
      },
    },
    tabs: {
      sendMessage: (tabId, message, options) => {
        sent.push({ message, tabId, ...(options ? { options } : {}) });
        return deliver(message);
      },
    },
  };
  return { api, listeners, sent, deliver };
}

type Test = {
  double: (n: number) => number;
  fail: (why: string) => never;
  echo: (x: unknown) => unknown;
};

describe('the one wire: requests and answers over runtime messages (issue 12, item 2)', () => {
  it('sends a request and gets its handler’s answer, with the sender as the browser gave it', async () => {
    const { api } = fakeRuntime();
    const wire = createWire<Test>(() => api);
    const seen: unknown[] = [];
    wire.onMessage('double', ({ data, sender }) => {
      seen.push(sender);
      return data * 2;
    });
    await expect(wire.sendMessage('double', 21)).resolves.toBe(42);
    expect(seen).toEqual([{ id: 'ours', url: 'https://business.facebook.com/', tab: { id: 7 } }]);
  });

  it('answers a handler that takes its time (a promise)', async () => {
    const { api } = fakeRuntime();
    const wire = createWire<Test>(() => api);
    wire.onMessage('echo', async ({ data }) => {
      await new Promise((r) => setTimeout(r, 5));
      return { got: data };
    });
    await expect(wire.sendMessage('echo', 'x')).resolves.toEqual({ got: 'x' });
  });

  it('turns a handler’s error into the sender’s error (name and message, nothing else)', async () => {
    const { api, deliver } = fakeRuntime();
    const wire = createWire<Test>(() => api);
    wire.onMessage('fail', ({ data }) => {
      throw new RangeError(`no: ${data}`);
    });
    const error = await wire.sendMessage('fail', 'why').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'RangeError', message: 'no: why' });
    // On the wire: only name and message.
    const answer = await deliver({ id: 1, type: 'fail', timestamp: 1, data: 'x' });
    expect(answer).toEqual({ err: { name: 'RangeError', message: 'no: x' } });
  });

  it('fails when nobody receives, and when nobody answers that type', async () => {
    const { api } = fakeRuntime();
    const wire = createWire<Test>(() => api);
    await expect(wire.sendMessage('double', 1)).rejects.toThrow(/Receiving end does not exist/);
    wire.onMessage('echo', ({ data }) => data);
    await expect(wire.sendMessage('double', 1)).rejects.toThrow('No response');
  });

  it('leaves messages that are not its own to other listeners (no answer, channel not kept open)', () => {
    const { api, listeners } = fakeRuntime();
    const wire = createWire<Test>(() => api);
    wire.onMessage('echo', ({ data }) => data);
    const answers: unknown[] = [];
    for (const message of [
      'echo',
      null,
      { type: 'echo', data: 1 },
      { type: 'echo', timestamp: '1' },
      { type: 'double', timestamp: 1 },
    ])
      expect(
        listeners[0]!(message, {}, (a) => answers.push(a)),
        JSON.stringify(message),
      ).toBeUndefined();
    expect(answers).toEqual([]);
  });

  it('speaks the envelope of @webext-core/messaging: { id, type, timestamp, data } in, { res } out', async () => {
    const { api, sent, deliver } = fakeRuntime();
    const wire = createWire<Test>(() => api);
    wire.onMessage('echo', ({ data }) => data);
    await wire.sendMessage('echo', 'hi');
    expect(sent[0]!.message).toEqual({
      id: expect.any(Number) as number,
      type: 'echo',
      data: 'hi',
      timestamp: expect.any(Number) as number,
    });
    // What an end-to-end test or an earlier version sends by hand is understood.
    await expect(deliver({ id: 9, type: 'echo', timestamp: Date.now(), data: [1] })).resolves.toEqual({
      res: [1],
    });
  });

  it('sends to a tab, or one frame of it', async () => {
    const { api, sent } = fakeRuntime();
    const wire = createWire<Test>(() => api);
    wire.onMessage('double', ({ data }) => data * 2);
    await expect(wire.sendMessage('double', 2, 7)).resolves.toBe(4);
    await expect(wire.sendMessage('double', 3, { tabId: 8, frameId: 2 })).resolves.toBe(6);
    expect(sent.map(({ tabId, options }) => ({ tabId, options }))).toEqual([
      { tabId: 7, options: undefined },
      { tabId: 8, options: { frameId: 2 } },
    ]);
  });

  it('holds one handler per type; removing the last takes its listener off the browser', async () => {
    const { api, listeners } = fakeRuntime();
    const wire = createWire<Test>(() => api);
    const removeEcho = wire.onMessage('echo', ({ data }) => data);
    const removeDouble = wire.onMessage('double', ({ data }) => data * 2);
    expect(listeners).toHaveLength(1);
    expect(() => wire.onMessage('echo', () => 'again')).toThrow(/one listener/);
    removeEcho();
    await expect(wire.sendMessage('echo', 1)).rejects.toThrow('No response');
    removeDouble();
    expect(listeners).toHaveLength(0);
    await expect(wire.sendMessage('double', 1)).rejects.toThrow(/Receiving end/);
  });
});

describe('the protocol’s wire on the browser WXT gives (fakeBrowser in tests)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('carries a protocol message from a sender to its handler and back', async () => {
    const remove = onMessage('openPanelOn', ({ data }) => ({ ok: true as const, value: { got: data } }));
    try {
      await expect(sendMessage('openPanelOn', 'person:anna@sjobod.se')).resolves.toEqual({
        ok: true,
        value: { got: 'person:anna@sjobod.se' },
      });
    } finally {
      remove();
    }
  });
});
