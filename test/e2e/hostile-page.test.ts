import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  extensionId,
  launchWithExtension,
  panelFrame,
  probeHost,
  type Session,
} from './harness';
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

  it('ignores every WXT event name it can learn, sent at the window and the document, once or without end', async () => {
    const session = await sessions.open(launchWithExtension(sample));
    const { page } = session;
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    await waitForPanel(page, 'people');
    const id = await extensionId(session.context);
    // WXT 0.21 (node_modules/wxt/dist/utils): names are `${extension id}:${entrypoint}:${event}`, for the
    // script-started event (content-script-context.mjs) and the location change (internal/custom-events.mjs).
    const events = ['wxt:content-script-started', 'wxt:locationchange'];
    const names = events.flatMap((event) => [
      event,
      `${id}:content:${event}`,
      `${id}:content-scripts/content:${event}`,
      `${id}:undefined:${event}`,
      `undefined:content:${event}`,
    ]);
    await page.evaluate(
      ({ names, url }) => {
        const send = () => {
          for (const name of names)
            for (const contentScriptName of ['content', 'content-scripts/content', undefined]) {
              const detail = { contentScriptName, messageId: 'page', newUrl: url, oldUrl: url };
              for (const target of [window, document, document.body]) {
                target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
                target.dispatchEvent(
                  Object.assign(new Event(name, { bubbles: true }), { newUrl: new URL(url) }),
                );
              }
              window.postMessage({ type: name, ...detail }, '*');
            }
        };
        send();
        // And without end, faster than the page settles: each one taken for WXT's would restart the reading.
        setInterval(send, 50);
      },
      { names, url: `${BUSINESS_URL}/latest/settings/partners${q}` },
    );
    await page.waitForTimeout(500);
    expect(await probeHost(page, 'overlay')).toMatchObject({ count: 1, visible: true, hit: true });

    // Still reading: an SPA navigation is followed and read while the events keep coming.
    await page.getByRole('navigation').getByRole('link', { name: 'Partners' }).click();
    const frame = await waitForPanel(page, 'partners');
    await frame.waitForSelector('[data-principal="partner:3228568050780002"]');
    expect(await probeHost(page, 'overlay')).toMatchObject({ count: 1, visible: true, hit: true });
  });
});
