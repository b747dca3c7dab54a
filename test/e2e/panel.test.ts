import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { generatePortfolio, samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  drawnMarks,
  launchWithExtension,
  overlayNotice,
  panelFindings,
  panelFrame,
  panelPrincipals,
  probeHost,
  settledPanel,
  type Session,
} from './harness';
import { sessionPerTest } from './sessions';

const sample = samplePortfolio('en', 'grid');
const q = `?business_id=${sample.businessId}`;

const sessions = sessionPerTest<Session>();

// The extension's API inside its service worker, as the worker sees it (not a Node global).
type RefuseListener = (message: { type?: string }, sender: unknown, respond: (r: unknown) => void) => void;
declare const chrome: {
  runtime: {
    onMessage: { addListener(l: RefuseListener): void; removeListener(l: RefuseListener): void };
    reload(): void;
  };
};

async function principals(frame: Frame): Promise<string[]> {
  return frame
    .locator('[data-principal]')
    .evaluateAll((els) =>
      els.map(
        (e) =>
          `${e.getAttribute('data-principal')} ${e.getAttribute('data-portfolio-access')} ${e.getAttribute('data-pending')}`,
      ),
    );
}

async function waitForPanel(page: Page, kind: string, status = 'ok'): Promise<Frame> {
  const frame = await panelFrame(page);
  await frame.waitForSelector(`[data-page-kind="${kind}"][data-read-status="${status}"]`, {
    timeout: 15_000,
  });
  return frame;
}

describe('the built extension in Chromium on the routed sandbox', () => {
  it('shows the People page’s kind and principals in the panel', async () => {
    const session = await sessions.open(launchWithExtension(sample));
    await session.page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    const frame = await waitForPanel(session.page, 'people');
    expect(await principals(frame)).toEqual([
      'person:anna@sjobod.se full-control false',
      'person:nils@byraab.se full-control false',
      'person:maja@sjobod.se basic false',
      'person:lisa.k@gmail.com basic true',
      'person:omar@pixelverket.fr apps-integrations false',
      'person:eve@contractor.example basic false',
    ]);
    // The hostile name is shown as text and never ran, on the page or in the panel.
    expect(
      await frame.locator('[data-principal="person:eve@contractor.example"] .principal-name').textContent(),
    ).toContain('<img src=x');
    // Her name carries a right-to-left override: removed, and said.
    expect(
      await frame
        .locator('[data-principal="person:eve@contractor.example"] [data-hidden-characters]')
        .textContent(),
    ).toBe('contains hidden characters');
    expect(await frame.locator('[data-hidden-characters]').count()).toBe(1);
    expect(
      await session.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('follows an SPA navigation from People to Partners without a reload', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    await waitForPanel(page, 'people');
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    await page.getByRole('navigation').getByRole('link', { name: 'Partners' }).click();
    const frame = await waitForPanel(page, 'partners');
    expect(page.url()).toBe(`${BUSINESS_URL}/latest/settings/partners${q}`);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await frame.waitForSelector('[data-principal="partner:3228568050780002"]');
    expect(await principals(frame)).toEqual([
      'partner:3228568050780001 unknown false',
      'partner:3228568050780002 unknown false',
    ]);

    // Selecting a partner row shows its assets in the pane; the panel counts them.
    await page.getByRole('row', { name: /Byrå AB/ }).click();
    await frame.waitForFunction(() =>
      document
        .querySelector('[data-principal="partner:3228568050780001"]')
        ?.textContent?.includes('3 assets'),
    );
  });

  it('reads Swedish in the classic layout and the French invite dialog', async () => {
    const session = await sessions.open(launchWithExtension(samplePortfolio('sv', 'table')));
    await session.page.goto(`${BUSINESS_URL}/settings/people${q}`);
    let frame = await waitForPanel(session.page, 'people');
    expect(await principals(frame)).toContain('person:lisa.k@gmail.com basic true');
    await sessions.close();

    const { page } = await sessions.open(launchWithExtension(samplePortfolio('fr', 'list')));
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    await waitForPanel(page, 'people');
    await page.getByRole('button', { name: '+ Inviter des personnes' }).click();
    frame = await waitForPanel(page, 'invite-dialog', 'ok');
    expect(await principals(frame)).toEqual(['person-name:New invitation unknown false']);
    await page.getByRole('dialog').getByRole('textbox', { name: 'E-mail' }).fill('nouvelle@agence.example');
    await waitForPanel(page, 'invite-dialog', 'ok');
    await frame.waitForSelector('[data-principal="person:nouvelle@agence.example"]');
  });

  it('reads a long list as it scrolls in, and says how much it has read', async () => {
    const { page } = await sessions.open(
      launchWithExtension(generatePortfolio({ people: 300, batchSize: 40, seed: 3 })),
    );
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=1234567890123456`);
    const frame = await waitForPanel(page, 'people', 'partial');
    // The first batch may still be arriving when the first partial read is shown: wait for all 40 of it.
    await expect.poll(async () => (await panelPrincipals(frame)).length, { timeout: 10_000 }).toBe(40);
    expect(
      await frame.getByRole('region', { name: 'Reading problems' }).getByRole('listitem').allTextContents(),
    ).toEqual(['Read 40 of 300 rows; the rest load as the list scrolls.']);
    for (let i = 0; i < 20; i++) {
      await page.getByRole('grid').evaluate((grid) => {
        const scroller = grid.parentElement!;
        scroller.scrollTop = scroller.scrollHeight;
      });
      await page.waitForTimeout(150);
    }
    await waitForPanel(page, 'people', 'ok');
    expect(await panelPrincipals(frame)).toHaveLength(300);
  });

  it('says plainly when a page is unreadable and offers diagnostics without names', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=999`);
    const frame = await waitForPanel(page, 'people', 'unreadable');
    expect(await frame.getByRole('heading', { name: 'Scopekeeper could not read this page' }).count()).toBe(
      1,
    );
    await frame.getByRole('button', { name: 'Copy diagnostics' }).click();
    await frame.waitForSelector('[role="status"]:has-text("Cop"), [role="status"]:has-text("Select")');
    // What was copied is also shown, so the admin can see it holds nothing personal.
    const bundle = await frame.locator('textarea[aria-label="Diagnostics bundle"]').inputValue();
    const parsed = JSON.parse(bundle) as { path: string; kind: string; outline: string[] };
    expect(parsed).toMatchObject({
      path: '/latest/settings/business_users',
      kind: 'people',
      readStatus: 'unreadable',
    });
    expect(parsed.outline.length).toBeGreaterThan(3);
    expect(bundle).not.toMatch(/@|Anna|Sjöbod|999/);
  });

  it('says on the page when the background refuses what was read, draws no badges meanwhile, and clears it once a read is taken in', async () => {
    const { context, page } = await sessions.open(launchWithExtension(sample));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // The reader makes no snapshot the background refuses any more (a list is read up to the limit and
    // reported partial), so the background is made to answer as it does to a snapshot over its limits. This
    // listener answers first; the router still takes the snapshot in, so the panel shows the page's findings:
    // the page's notice says its findings may be out of date, and no badge is drawn from them.
    await worker.evaluate(() => {
      const refuse: RefuseListener = (message, _sender, respond) => {
        if (message?.type !== 'reportSnapshot' && message?.type !== 'reportDelta') return;
        const error = { code: 'invalid-request', facts: { field: 'snapshot.principals', issue: 'too_big' } };
        respond({ res: { ok: false, error } });
      };
      // Functions run in the worker: they carry nothing of this file but types.
      (globalThis as unknown as { __refuse?: RefuseListener }).__refuse = refuse;
      chrome.runtime.onMessage.addListener(refuse);
    });
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    await expect
      .poll(() => overlayNotice(page), { timeout: 15_000 })
      .toMatchObject({ kind: 'refused', code: 'invalid-request', panel: true });
    expect((await overlayNotice(page))?.text).toBe(
      'Scopekeeper could not take in what it read on this page, so its findings here may be missing or out of date. What it read is larger than Scopekeeper takes in at once.',
    );
    // The findings reached the tab (the panel lists them): none is drawn on the page while refused.
    const frame = await settledPanel(page, 'people');
    expect((await panelFindings(frame)).length).toBeGreaterThan(0);
    const badges = async () => (await drawnMarks(page)).filter((m) => m.kind !== 'highlight');
    expect(await badges()).toEqual([]);

    // The background takes reads in again: the next read clears the notice and the badges come.
    await worker.evaluate(() =>
      chrome.runtime.onMessage.removeListener(
        (globalThis as unknown as { __refuse: RefuseListener }).__refuse,
      ),
    );
    await page.getByRole('navigation').getByRole('link', { name: 'Partners' }).click();
    await expect.poll(() => overlayNotice(page)).toBeUndefined();
    await expect.poll(async () => (await badges()).length).toBeGreaterThan(0);
  });

  it('says on the page when the extension was reloaded under it, and how to get the panel back', async () => {
    const { context, page } = await sessions.open(launchWithExtension(sample, { uiLanguage: 'sv' }));
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    await waitForPanel(page, 'people');
    expect(await overlayNotice(page)).toBeUndefined();
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // The worker goes away with the reload: its answer never comes. Nothing on the page changes after it.
    void worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await expect
      .poll(() => overlayNotice(page), { timeout: 15_000 })
      .toMatchObject({ kind: 'unreachable', panel: false });
    expect((await overlayNotice(page))?.text).toBe(
      'Scopekeeper når inte längre resten av tillägget (det uppdaterades, laddades om eller stoppades), så fynden här kan saknas eller vara inaktuella. Ladda om sidan för att läsa den igen.',
    );
  });

  it('collapses to a small tab and is reachable by keyboard', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/partners${q}`);
    const frame = await waitForPanel(page, 'partners');
    const active = async () => (await probeHost(page, 'overlay'))?.focused;
    for (let i = 0; i < 80 && !(await active()); i++) await page.keyboard.press('Tab');
    expect(await active()).toBe(true);
    const height = async () => (await probeHost(page, 'overlay'))?.height ?? 0;
    expect(await height()).toBeGreaterThan(300);
    await page.keyboard.press('Enter');
    await expect.poll(height).toBeLessThan(60);
    await page.keyboard.press('Enter');
    await expect.poll(height).toBeGreaterThan(300);
    // The next Tab goes into the panel itself: its first control takes the focus.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toMatch(/^(BUTTON|UL|SUMMARY)$/);
  });

  it('stays silent on pages that are not People, Partners, System users, assets or the dialogs', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    // (Business info is read since issue 15's two-factor setting: a settings page Scopekeeper does not read.)
    await page.goto(`${BUSINESS_URL}/latest/settings/notifications${q}`);
    await page.waitForTimeout(1500);
    expect(page.frames().filter((f) => f.url().startsWith('chrome-extension://'))).toEqual([]);
    expect(await probeHost(page, 'overlay')).toBeUndefined();
  });
});
