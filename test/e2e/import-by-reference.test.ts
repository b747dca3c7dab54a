import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExport } from '@/lib/domain/ledger/export';
import type { Decision } from '@/lib/domain/ledger/records';
import { chainSigningText, decisionSigningText, publicKeyOf, signText } from '@/lib/domain/ledger/signing';
import { LARGE_LEDGER, largeChain } from '../lib/ledger/large-ledger';
import { samplePortfolio } from '../sandbox/generate';
import { askBackground, extensionId, launchWithExtension, type Session } from './harness';
import { sessionPerTest } from './sessions';

const sessions = sessionPerTest<Session>();
const N = 30_000;

/** A colleague's export as their Scopekeeper writes it: every decision and the chain head signed. */
async function colleagueFile(n = N): Promise<string> {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const chain: Decision[] = [];
  for (const d of await largeChain(n))
    chain.push({ ...d, sig: await signText(keys.privateKey, decisionSigningText(d.hash)) });
  const file = buildExport(LARGE_LEDGER, [], new Map([[LARGE_LEDGER, chain]]), new Date());
  const path = join(mkdtempSync(join(tmpdir(), 'scopekeeper-by-ref-')), 'colleague.json');
  writeFileSync(
    path,
    JSON.stringify({
      ...file,
      publicKey: publicKeyOf(await crypto.subtle.exportKey('jwk', keys.publicKey)),
      chainHeadSignature: await signText(keys.privateKey, chainSigningText(LARGE_LEDGER, file.chainHead)),
    }),
  );
  return path;
}

describe('a large import on the options page (issue 12, item 5)', () => {
  it('hands the file over once, shows a progress bar while it is checked and written, and imports the previewed file by reference', async () => {
    const path = await colleagueFile();
    const { context } = await sessions.open(launchWithExtension(samplePortfolio()));
    const options = await context.newPage();
    // Every message the page sends, by type and size: the file must not travel in messages.
    await options.addInitScript(() => {
      const sent: { type: string; size: number }[] = [];
      (window as unknown as { __sent: typeof sent }).__sent = sent;
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: Send } } }).chrome
        .runtime;
      type Send = (...args: unknown[]) => unknown;
      const original = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (...args: unknown[]) => {
        const message = args.find((a) => typeof a === 'object' && a !== null) as { type?: string };
        sent.push({ type: String(message?.type), size: JSON.stringify(message ?? null).length });
        return original(...args);
      };
    });
    // Every stage the progress bar renders, recorded in the page as it renders it (not polled from here,
    // which missed a short stage on a loaded machine): inserted bars and each change of their stage.
    await options.addInitScript(() => {
      const stages: string[] = [];
      (window as unknown as { __stages: string[] }).__stages = stages;
      const note = (stage: string | null) => {
        if (stage && stages[stages.length - 1] !== stage) stages.push(stage);
      };
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes') note(record.oldValue);
          else
            for (const node of record.addedNodes)
              if (node instanceof Element)
                for (const bar of [node, ...node.querySelectorAll('.import-progress')])
                  if (bar.matches('.import-progress')) note(bar.getAttribute('data-stage'));
        }
        for (const bar of document.querySelectorAll('.import-progress')) note(bar.getAttribute('data-stage'));
      }).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-stage'],
        attributeOldValue: true,
      });
    });
    // The page's clock is the test's: the bar, shown after a second, is made to show at once below, so what
    // it says during the checks does not depend on how fast this machine is.
    await options.clock.install();
    await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    const bar = options.getByRole('progressbar', { name: 'Import progress' });
    const stagesShown = () =>
      options.evaluate(() => {
        const shown = [...(window as unknown as { __stages: string[] }).__stages];
        (window as unknown as { __stages: string[] }).__stages.length = 0;
        return shown;
      });
    const waitFor = async (until: () => Promise<boolean>) => {
      const deadline = Date.now() + 240_000;
      while (!(await until())) {
        if (Date.now() > deadline) throw new Error('not done in time');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const previewOrAlert = options.locator('.preview, [role="alert"]');

    // A first preview, cancelled: its file is dropped by the background.
    await options.getByLabel('Import a ledger export').setInputFiles(path);
    await options.clock.fastForward(1000);
    await bar.waitFor({ timeout: 60_000 });
    await waitFor(async () => (await previewOrAlert.count()) > 0);
    expect(await options.locator('[role="alert"]').allTextContents()).toEqual([]);
    // The bar said how far the checks were (the hashes and signatures, polled from the background).
    expect(await stagesShown()).toContain('checking');
    expect(await bar.count()).toBe(0);
    // The change list came with its first rows; the rest, kept with the preview, come when asked.
    const ledgerList = options.locator(`.preview section[data-ledger="${LARGE_LEDGER}"]`);
    expect(await ledgerList.locator('li').count()).toBe(100);
    await ledgerList.locator('[data-change-list-more] button').click();
    await ledgerList.locator('li').nth(1099).waitFor();
    expect(await options.locator('[role="alert"]').allTextContents()).toEqual([]);
    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.locator('.preview').waitFor({ state: 'detached' });

    // Chosen again, previewed, imported: the import names the preview and the file is not sent again.
    await options.getByLabel('Import a ledger export').setInputFiles([]);
    await options.getByLabel('Import a ledger export').setInputFiles(path);
    await waitFor(async () => (await previewOrAlert.count()) > 0);
    expect(await options.locator('[role="alert"]').allTextContents()).toEqual([]);
    // Timed in the page: from the click to "Imported …", and whether the bar showed meanwhile.
    const took = await options.evaluate(
      () =>
        new Promise<{ ms: number; bar: boolean }>((resolve) => {
          let bar = false;
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (document.querySelector('.import-progress')) bar = true;
            const status = [...document.querySelectorAll('[role="status"], [role="alert"]')];
            if (status.some((e) => /^Imported|not imported/.test(e.textContent ?? ''))) {
              observer.disconnect();
              resolve({ ms: performance.now() - started, bar });
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          [...document.querySelectorAll('button')].find((b) => b.textContent === 'Import')!.click();
        }),
    );
    await options.getByText(/^Imported colleague\.json/).waitFor();
    expect(await options.locator('[role="alert"]').allTextContents()).toEqual([]);
    // Anything over a second shows the bar (it shows after one): allow for the time a render takes.
    if (took.ms > 1300) expect(took.bar).toBe(true);

    const sent = await options.evaluate(
      () => (window as unknown as { __sent: { type: string; size: number }[] }).__sent,
    );
    expect(sent.some((m) => m.type === 'ledgerAdmin')).toBe(true);
    // No part of a file, and no message anywhere near one: every message is small.
    expect(sent.filter((m) => m.type === 'uploadPart')).toEqual([]);
    expect(Math.max(...sent.map((m) => m.size))).toBeLessThan(10_000);

    const verify = (await askBackground(options, 900, 'ledgerAdmin', { type: 'verify' })) as {
      res: { value: { ledgers: { ledgerId: string; ok: boolean; length: number }[] } };
    };
    expect(verify.res.value.ledgers).toMatchObject([{ ledgerId: LARGE_LEDGER, ok: true, length: N }]);
  }, 600_000);
});
