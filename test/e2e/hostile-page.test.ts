import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import { BUSINESS_URL, extensionId, launchWithExtension, panelFrame, type Session } from './harness';
import { sessionPerTest } from './sessions';

const sample = samplePortfolio('en', 'grid');
const q = `?business_id=${sample.businessId}`;
const sessions = sessionPerTest<Session>();

async function waitForPanel(page: Page, kind: string): Promise<Frame> {
  const frame = await panelFrame(page);
  await frame.waitForSelector(`[data-page-kind="${kind}"][data-read-status="ok"]`, { timeout: 15_000 });
  return frame;
}

/** Issue 11, item 1: a page script cannot switch Scopekeeper off. */
describe('a hostile page against the content script', () => {
  it('cannot end it by posing as a newer copy of it (WXT’s "content-script-started" event)', async () => {
    const session = await sessions.open(launchWithExtension(sample));
    const { page } = session;
    const posted: unknown[] = [];
    await page.exposeFunction('__seen', (data: unknown) => posted.push(data));
    await page.addInitScript(() =>
      window.addEventListener('message', (e) =>
        (window as unknown as { __seen(d: unknown): void }).__seen(e.data),
      ),
    );
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    await waitForPanel(page, 'people');
    // The script no longer tells the page its event's name.
    expect(JSON.stringify(posted)).not.toContain('content-script-started');

    // The page learns the name anyway (the extension's id is in every panel URL) and sends the event.
    const id = await extensionId(session.context);
    await page.evaluate((name) => {
      for (const contentScriptName of ['content', 'content-scripts/content', undefined]) {
        const detail = { contentScriptName, messageId: 'page' };
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*');
      }
    }, `${id}:content:wxt:content-script-started`);
    await page.waitForTimeout(500);

    // Still there and still working: an SPA navigation is followed and read.
    await page.getByRole('navigation').getByRole('link', { name: 'Partners' }).click();
    const frame = await waitForPanel(page, 'partners');
    await frame.waitForSelector('[data-principal="partner:3228568050780002"]');
    expect(await page.locator('body > *').evaluateAll((els) => els.length)).toBeGreaterThan(0);
  });
});
