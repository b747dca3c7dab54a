import { afterEach, describe, expect, it, vi } from 'vitest';

const sent: { name: string; data: unknown }[] = [];
let answers: (() => Promise<unknown>)[] = [];
vi.mock('@/lib/platform/messaging', () => ({
  sendMessage: (name: string, data: unknown) => {
    sent.push({ name, data });
    return answers.shift()!();
  },
}));

const { createAsk, trustReply } = await import('@/lib/platform/ask');

afterEach(() => {
  sent.length = 0;
  answers = [];
  vi.useRealTimers();
});

describe('the panel’s light ask (issue 12, item 4)', () => {
  it('takes the background’s answer as it is, and anything but an answer as an internal problem', async () => {
    const ask = createAsk(trustReply);
    const value = { fix: 'Remove the partner.' };
    answers = [async () => ({ ok: true, value }), async () => 'junk', async () => ({ ok: false, error: {} })];
    const reply = await ask('findingFix', { ruleId: 'no-expiry', subject: 'partner:1' });
    expect(reply).toEqual({ ok: true, value });
    expect(sent[0]).toEqual({ name: 'findingFix', data: { ruleId: 'no-expiry', subject: 'partner:1' } });
    for (let i = 0; i < 2; i += 1)
      expect(await ask('findingFix', { ruleId: 'no-expiry', subject: 'partner:1' })).toEqual({
        ok: false,
        error: { code: 'internal', facts: { message: 'unexpected answer to findingFix' } },
      });
  });

  it('keys a command, and sends it again with the same key when its answer is lost', async () => {
    vi.useFakeTimers();
    const ask = createAsk(trustReply);
    answers = [() => Promise.reject(new Error('worker stopped')), async () => ({ ok: true, value: {} })];
    const reply = ask('snooze', { businessId: '1', key: 'k', until: '2026-12-31' } as never);
    await vi.runAllTimersAsync();
    expect(await reply).toEqual({ ok: true, value: {} });
    expect(sent).toHaveLength(2);
    const key = (sent[0]!.data as { commandKey?: string }).commandKey;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect((sent[1]!.data as { commandKey?: string }).commandKey).toBe(key);
  });
});
