import { describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import { BUSINESS_URL, extensionId, launchWithExtension, settledPanel, type Session } from './harness';
import { sessionPerTest } from './sessions';

const sample = samplePortfolio('en', 'grid');
const q = `?business_id=${sample.businessId}`;
const peopleUrl = `${BUSINESS_URL}/latest/settings/business_users${q}`;
const sessions = sessionPerTest<Session>();

// An extension page's own API, as the page sees it (not a Node global).
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
  storage: { session: { get(key: null): Promise<Record<string, unknown>> } };
};

/** Every message an extension page may send (lib/domain/protocol.ts), with a request that is valid. */
const PAGE_MESSAGES: [string, unknown][] = [
  ['focusSubject', 'partner:3228568050780002'],
  ['subjectRecord', { businessId: sample.businessId, subject: 'partner:3228568050780002' }],
  [
    'ledgerCommand',
    {
      type: 'revoke',
      businessId: sample.businessId,
      subject: 'partner:3228568050780002',
      rationale: 'framed',
    },
  ],
  ['checklistCommand', { type: 'start', businessId: sample.businessId, templateId: 'periodic-review' }],
  ['openTarget', { businessId: sample.businessId }],
  ['snooze', { group: `review:${sample.businessId}`, days: 7 }],
  ['popupState', {}],
  ['ledgerAdmin', { type: 'export', format: 'json' }],
  ['unsnooze', { group: `review:${sample.businessId}` }],
  ['importProgress', { commandKey: '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f' }],
];

/** Sends a protocol message from inside a frame (in @webext-core/messaging's envelope): the reply. */
const askFrom = async (frame: Frame, type: string, data: unknown): Promise<unknown> =>
  (
    (await frame.evaluate(
      (message) =>
        chrome.runtime.sendMessage({ id: 1, type: message.type, timestamp: Date.now(), data: message.data }),
      { type, data },
    )) as { res?: unknown } | undefined
  )?.res;

/** The frames of panel.html that a page script put in itself (not the overlay's). */
async function framedByPage(page: Page, real: Frame[], count: number): Promise<Frame[]> {
  for (let i = 0; i < 100; i++) {
    const framed = page.frames().filter((f) => f.url().includes('/panel.html') && !real.includes(f));
    if (framed.length >= count) return framed;
    await page.waitForTimeout(100);
  }
  throw new Error('The page’s own frames of panel.html did not load.');
}

/** A page script frames chrome-extension://<id>/panel.html itself, with the given hash. */
const frameIt = (page: Page, url: string) =>
  page.evaluate((src) => {
    const iframe = document.createElement('iframe');
    iframe.src = src;
    iframe.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:400px;opacity:0.01';
    document.body.append(iframe);
  }, url);

const worker = async (context: BrowserContext): Promise<Worker> =>
  context.serviceWorkers().find((w) => w.url().includes('background')) ??
  (await context.waitForEvent('serviceworker'));

/** panel.html's address as runtime.getURL gives it (Chromium: the session's dynamic address). */
const panelAddress = async (context: BrowserContext): Promise<string> =>
  (await worker(context)).evaluate(() => chrome.runtime.getURL('/panel.html'));

/** The panel tokens the background holds (storage.session), by tab. */
async function tokens(context: BrowserContext): Promise<Record<string, string>> {
  const stored = await (await worker(context)).evaluate(() => chrome.storage.session.get(null));
  return Object.fromEntries(
    Object.entries(stored)
      .filter(([key]) => key.startsWith('panel-token:'))
      .map(([key, value]) => [key, (value as { current: string }).current]),
  );
}

async function expectRefused(framed: Frame): Promise<void> {
  await framed.waitForSelector('[data-panel-refused="true"]', { timeout: 15_000 });
  await expect(framed.locator('[role="alert"]').innerText()).resolves.toContain(
    'This panel was not opened by Scopekeeper',
  );
  expect(await framed.locator('[data-page-kind], [data-principal], [data-rule-id]').count()).toBe(0);
  for (const [type, data] of PAGE_MESSAGES)
    expect(await askFrom(framed, type, data), type).toMatchObject({
      ok: false,
      error: { code: 'panel-not-ours' },
    });
}

/** Issue 11, item 2: the panel only works where Scopekeeper put it. */
describe('a copy of the panel that the page frames itself', () => {
  it('gets nothing and can do nothing, while the real panel works', async () => {
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/partners${q}`);
    const real = await settledPanel(page, 'partners');
    await real.waitForSelector('[data-principal="partner:3228568050780002"]');
    // The token left the real panel's address as soon as it was read.
    expect(real.url()).not.toContain('#');
    const id = await extensionId(context);

    // The page frames panel.html by its dynamic address (as if it had learnt it) without a token and with a
    // guessed one, and by the extension's id.
    const dynamic = await panelAddress(context);
    await frameIt(page, dynamic);
    await frameIt(page, `${dynamic}#${'0'.repeat(32)}`);
    const framed = await framedByPage(page, [real], 2);
    for (const frame of framed) await expectRefused(frame);
    await frameIt(page, `chrome-extension://${id}/panel.html`);
    await page.waitForTimeout(2000);
    // Chromium does not even load it there (use_dynamic_url); were it loaded, it would be refused too.
    for (const frame of page.frames().filter((f) => f.url().includes('/panel.html') && f !== real))
      await expectRefused(frame);

    // Nothing it asked for happened: no decision about the partner, no review started.
    const record = (await askFrom(real, 'subjectRecord', PAGE_MESSAGES[1]![1])) as {
      ok: boolean;
      value: { decisions: unknown[] };
    };
    expect(record).toMatchObject({ ok: true });
    expect(record.value.decisions).toEqual([]);
    expect(await real.locator('[data-template-id="periodic-review"]').count()).toBe(0);

    // The real panel still shows the page and acts.
    expect(await real.locator('[data-page-kind="partners"]').count()).toBe(1);
    expect(await askFrom(real, 'focusSubject', 'partner:3228568050780002')).toMatchObject({
      ok: true,
      value: { shown: true },
    });
    // The page never sees the token: not in the timing entries of what it loaded.
    const token = Object.values(await tokens(context))[0]!;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const seen = await page.evaluate(() =>
      JSON.stringify([performance.getEntries().map((e) => e.name), location.href, document.body.outerHTML]),
    );
    expect(seen).not.toContain(token);
  });

  it('with the token of an earlier load is refused; after a reload the new panel works, also after the worker stopped, until the tab leaves', async () => {
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(peopleUrl);
    await settledPanel(page, 'people');
    const before = await tokens(context);
    expect(Object.keys(before)).toHaveLength(1);
    const [tabKey, earlier] = Object.entries(before)[0]!;

    await page.reload();
    const real = await settledPanel(page, 'people');
    const now = (await tokens(context))[tabKey];
    expect(now).toMatch(/^[0-9a-f]{32}$/);
    expect(now).not.toBe(earlier);

    await frameIt(page, `${await panelAddress(context)}#${earlier}`);
    const [stale] = await framedByPage(page, [real], 1);
    await expectRefused(stale!);

    await page.evaluate(() => document.querySelectorAll('body > iframe').forEach((f) => f.remove()));
    // The worker is stopped: the new panel connects again with its token (kept in storage.session) and works.
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(async () => ((await askFrom(real, 'popupState', {})) as { ok?: boolean }).ok, { timeout: 15_000 })
      .toBe(true);
    expect(
      await askFrom(real, 'subjectRecord', { businessId: sample.businessId, subject: 'person:x@y.z' }),
    ).toMatchObject({ ok: true });
    await page.getByRole('navigation').getByRole('link', { name: 'Partners' }).click();
    await real.waitForSelector('[data-page-kind="partners"]', { timeout: 15_000 });
    // An SPA navigation keeps the token; leaving Business Settings retires it.
    expect((await tokens(context))[tabKey]).toBe(now);
    await page.goto('about:blank');
    await expect.poll(async () => (await tokens(context))[tabKey]).not.toBe(now);
  });

  it('a page that fakes a `pageshow` from the back/forward cache does not unbind the real panel', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/partners${q}`);
    const real = await settledPanel(page, 'partners');
    await real.waitForSelector('[data-principal="partner:3228568050780002"]');
    // The page's own script dispatches the event the browser sends when it shows a page from the cache.
    await page.evaluate(() => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    await page.waitForTimeout(1000);
    expect(await askFrom(real, 'focusSubject', 'partner:3228568050780002')).toMatchObject({
      ok: true,
      value: { shown: true },
    });
    expect(await real.locator('[data-panel-refused="true"]').count()).toBe(0);
    expect(await real.locator('[data-principal="partner:3228568050780002"]').count()).toBe(1);
  });
});
