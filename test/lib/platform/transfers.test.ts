import { describe, expect, it } from 'vitest';
import { PART_CHARS, splitParts } from '@/lib/domain/transfer';
import { Router, type Sender } from '@/lib/platform/router';

const page: Sender = { kind: 'page', url: 'chrome-extension://test/options.html' };

/**
 * Chromium refuses a message over 64 MiB: a request or answer larger than one part travels in parts
 * (lib/domain/transfer.ts), through the router's `receive`, which is what the browser's messages reach.
 */
describe('large messages in parts', () => {
  it('takes a request in parts and offers a large answer in parts, each under one message', async () => {
    const router = new Router();
    let seen = 0;
    router.handle('ledgerAdmin', (request) => {
      seen = request.type === 'plan-import' ? request.text.length : -1;
      return { ok: true, value: { type: 'export', json: 'x'.repeat(PART_CHARS + 10), fileName: 'big.json' } };
    });
    const request = { type: 'plan-import', text: 'y'.repeat(PART_CHARS * 2 + 5) };
    const parts = splitParts(JSON.stringify(request));
    expect(parts).toHaveLength(3);
    const transfer = crypto.randomUUID();
    for (const [index, text] of parts.entries())
      expect(
        await router.receive('uploadPart', { transfer, index, count: parts.length, text }, page),
      ).toEqual({
        ok: true,
        value: {},
      });
    const offer = (await router.receive('ledgerAdmin', { scopekeeperTransfer: transfer }, page)) as {
      scopekeeperTransfer: string;
      parts: number;
    };
    expect(seen).toBe(PART_CHARS * 2 + 5);
    expect(offer.parts).toBe(2);
    let whole = '';
    for (let index = 0; index < offer.parts; index += 1) {
      const part = (await router.receive(
        'downloadPart',
        { transfer: offer.scopekeeperTransfer, index },
        page,
      )) as { ok: true; value: { text: string } };
      expect(part.value.text.length).toBeLessThanOrEqual(PART_CHARS);
      whole += part.value.text;
    }
    expect(JSON.parse(whole)).toMatchObject({ ok: true, value: { type: 'export', fileName: 'big.json' } });
    // Fetched once: the answer is forgotten.
    expect(
      await router.receive('downloadPart', { transfer: offer.scopekeeperTransfer, index: 1 }, page),
    ).toMatchObject({ ok: false });
  });

  it('says an upload is lost when its parts are not all there (a restarted worker), so the page sends it again', async () => {
    const router = new Router();
    router.handle('ledgerAdmin', () => ({ ok: true, value: { type: 'delete-all' } }));
    const transfer = crypto.randomUUID();
    await router.receive('uploadPart', { transfer, index: 0, count: 2, text: '{"type":' }, page);
    expect(await router.receive('ledgerAdmin', { scopekeeperTransfer: transfer }, page)).toEqual({
      scopekeeperTransferLost: true,
    });
    expect(
      await router.receive('uploadPart', { transfer, index: 0, count: 99, text: 'x' }, page),
    ).toMatchObject({ ok: false });
  });

  it('does not let a refused sender take an upload (the gate comes first)', async () => {
    const router = new Router();
    router.handle('ledgerAdmin', () => ({ ok: true, value: { type: 'delete-all' } }));
    const framed: Sender = { kind: 'page', url: 'chrome-extension://test/panel.html', tabId: 4, frameId: 3 };
    router.pageGate = (sender) =>
      Promise.resolve(sender === framed ? { code: 'panel-not-ours' as const } : undefined);
    const transfer = crypto.randomUUID();
    await router.receive('uploadPart', { transfer, index: 0, count: 1, text: '{"type":"delete-all"}' }, page);
    expect(await router.receive('ledgerAdmin', { scopekeeperTransfer: transfer }, framed)).toMatchObject({
      ok: false,
      error: { code: 'panel-not-ours' },
    });
    // The upload is still there for its own sender.
    expect(await router.receive('ledgerAdmin', { scopekeeperTransfer: transfer }, page)).toEqual({
      ok: true,
      value: { type: 'delete-all' },
    });
  });
});
