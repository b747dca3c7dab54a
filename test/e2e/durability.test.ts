import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePortfolio } from '../sandbox/generate';
import { askBackground, EXTENSION_DIR, extensionId, launchWithExtension, type Session } from './harness';
import { sessionPerTest } from './sessions';

// The options page's own extension API, as the page sees it (not a Node global).
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const sessions = sessionPerTest<Session>();

describe('durability of the ledger', () => {
  it('keeps every acknowledged write when the service worker is stopped during a burst, and across a browser restart', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'scopekeeper-profile-'));
    // A copy of the build at a fixed place, so that a later version of it is the same extension.
    const extensionDir = join(profile, 'extension');
    cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
    const { context } = await sessions.open(
      launchWithExtension(samplePortfolio(), {
        userDataDir: join(profile, 'chromium'),
        extensionDir,
      }),
    );
    const id = await extensionId(context);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);

    // A burst of 60 writes from the options page, 4 at a time; each is acknowledged only once stored.
    await options.evaluate(() => {
      const w = window as unknown as { __acked: number[]; __failed: number; __done: boolean };
      w.__acked = [];
      w.__failed = 0;
      w.__done = false;
      const send = (i: number) =>
        chrome.runtime
          .sendMessage({
            id: 1000 + i,
            type: 'ledgerCommand',
            timestamp: Date.now(),
            data: {
              type: 'accept-finding',
              businessId: '1203456789012345',
              subject: `person:p${i}@x.example`,
              ruleId: 'pending-invite',
              rationale: `burst ${i}`,
              // Within the maximum duration (an acceptance is capped like a grant).
              reviewAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
            },
          })
          .then((r) => ((r as { res?: { ok?: boolean } })?.res?.ok ? w.__acked.push(i) : w.__failed++))
          .catch(() => w.__failed++);
      void (async () => {
        for (let i = 0; i < 60; i += 4) await Promise.all([0, 1, 2, 3].map((k) => send(i + k)));
        w.__done = true;
      })();
    });
    // Stop the worker in the middle of it.
    await options.waitForFunction(() => (window as unknown as { __acked: number[] }).__acked.length >= 12);
    const cdp = await context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await options.waitForFunction(() => (window as unknown as { __done: boolean }).__done, null, {
      timeout: 60_000,
    });
    const acked = await options.evaluate(() => (window as unknown as { __acked: number[] }).__acked);
    expect(acked.length).toBeGreaterThan(12);

    const exported = async () => {
      const r = (await askBackground(options, 1, 'ledgerAdmin', { type: 'export' })) as {
        res: { value: { json: string } };
      };
      return JSON.parse(r.res.value.json) as { decisions: { rationale: string }[] };
    };
    const stored = new Set((await exported()).decisions.map((d) => d.rationale));
    for (const i of acked) expect(stored.has(`burst ${i}`), `acknowledged write ${i}`).toBe(true);

    const verify = (await askBackground(options, 2, 'ledgerAdmin', { type: 'verify' })) as {
      res: { value: { ledgers: { ok: boolean; length: number }[] } };
    };
    expect(verify.res.value.ledgers).toEqual([
      {
        ledgerId: expect.any(String),
        ours: true,
        ok: true,
        length: stored.size,
        authorship: expect.objectContaining({ signed: stored.size, valid: stored.size }),
      },
    ]);

    // The browser closes and starts again on the same profile with the same extension (as after a crash or
    // an update restart): the store is still there.
    await sessions.close();
    const session = await sessions.open(
      launchWithExtension(samplePortfolio(), {
        userDataDir: join(profile, 'chromium'),
        extensionDir,
      }),
    );
    const again = await session.context.newPage();
    await again.goto(`chrome-extension://${await extensionId(session.context)}/options.html`);
    const afterReload = (await askBackground(again, 3, 'ledgerAdmin', { type: 'export' })) as {
      res: { value: { json: string } };
    };
    expect(JSON.parse(afterReload.res.value.json).decisions).toHaveLength(stored.size);
    await sessions.close();
    rmSync(profile, { recursive: true, force: true });
  });
});
