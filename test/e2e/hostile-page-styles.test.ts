import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  clickMark,
  drawnMarks,
  launchWithExtension,
  overlayButtons,
  overlayNotice,
  panelFrame,
  probeHost,
  type Session,
} from './harness';
import {
  clipRootAroundPanel,
  coverPanelCorner,
  coverPanelCornerFromRoot,
  coverWithModalDialog,
  coverWithPagePopover,
  defineLookalikes,
  findHosts,
  injectHidingStyles,
  keepCoveringWithPopovers,
  reshowPagePopovers,
  swallowToggleEvents,
  moveHostsIntoHiddenBox,
  removeHosts,
  tamper,
  tamperings,
} from './page-attacks';
import { sessionPerTest } from './sessions';

const sample = samplePortfolio('en', 'grid');
const peopleUrl = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
const sessions = sessionPerTest<Session>();

/** The People page with the panel read and Lisa K's badge drawn (a pending invitation). */
async function openPeople(page: Page): Promise<void> {
  await page.goto(peopleUrl);
  const frame = await panelFrame(page);
  await frame.waitForSelector('[data-page-kind="people"][data-read-status="ok"]', { timeout: 15_000 });
  await expectShown(page);
}

/**
 * Whose element the browser draws at a point inside the panel, ignoring inertness: Scopekeeper's (in its
 * shadow root or its panel's frame) or the page's.
 */
async function drawnAtPanel(page: Page): Promise<'ours' | 'page'> {
  const size = page.viewportSize()!;
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: 0 });
    const { backendNodeId } = (await cdp.send('DOM.getNodeForLocation', {
      x: size.width - 100,
      y: size.height - 200,
      ignorePointerEventsNone: true,
    })) as { backendNodeId: number };
    const { node } = (await cdp.send('DOM.describeNode', { backendNodeId })) as {
      node: { nodeName: string; attributes?: string[] };
    };
    const attack = node.attributes?.includes('data-attack') || node.nodeName === 'DIALOG';
    return attack || node.nodeName === 'HTML' || node.nodeName === 'BODY' ? 'page' : 'ours';
  } finally {
    await cdp.detach();
  }
}

/** The panel (a frame loaded again after its host was put back) reads the People page. */
async function panelReads(page: Page): Promise<void> {
  await expect
    .poll(
      async () =>
        (await panelFrame(page))
          .locator('[data-page-kind="people"][data-read-status="ok"] >> nth=0')
          .count()
          .catch(() => 0),
      { timeout: 15_000 },
    )
    .toBe(1);
}

/**
 * The panel is on the page and can be seen and clicked: a real box, nothing in its ancestors or its own
 * style hides it, and what is drawn at its centre is its host (nothing covers it). Lisa K's badge too,
 * unless `badges` is false (the rows are gone).
 */
async function expectShown(page: Page, { badges = true } = {}): Promise<void> {
  await expect
    .poll(() => probeHost(page, 'overlay'), { timeout: 5000 })
    .toMatchObject({
      count: 1,
      visible: true,
      opacity: '1',
      visibility: 'visible',
      hit: true,
      inert: false,
    });
  const panel = (await probeHost(page, 'overlay'))!;
  expect(panel.width).toBeGreaterThan(300);
  expect(panel.height).toBeGreaterThan(300);
  if (!badges) return;
  await expect
    .poll(
      async () => {
        const mark = (await drawnMarks(page)).find(
          (m) => m.kind === 'badge' && m.subject === 'person:lisa.k@gmail.com' && m.visible,
        );
        return mark && (await probeHost(page, 'badges', mark));
      },
      { timeout: 5000 },
    )
    .toMatchObject({ count: 1, visible: true, opacity: '1', hit: true, inert: false });
}

/** Issue 11, item 1: a page cannot hide Scopekeeper or take it away. */
describe('a hostile page against the overlay and the badges', () => {
  it('cannot break them with custom elements defined before the content script runs', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.addInitScript(defineLookalikes);
    await openPeople(page);
  });

  it('cannot hide them with !important stylesheets, layers or a cover', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await openPeople(page);
    await page.evaluate(injectHidingStyles);
    await expectShown(page);

    // The root element clipped exactly where the panel is (the rest of the page looks the same).
    await page.evaluate(clipRootAroundPanel);
    await expectShown(page);

    // A white box over the corner where the panel sits, above every z-index.
    await page.evaluate(coverPanelCorner);
    await expectShown(page);
  });

  it("stays on top of the page's own popovers and modal dialogs, also when the page keeps opening them", async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await openPeople(page);
    await page.evaluate(coverWithPagePopover);
    await expectShown(page, { badges: false });
    await page.evaluate(keepCoveringWithPopovers);
    await page.waitForTimeout(1500);
    await expectShown(page, { badges: false });
    await page.evaluate(() => clearInterval((window as unknown as { __covers: number }).__covers));
    // Over a modal dialog the panel is seen (its warnings stay in sight), though the browser makes all
    // outside the dialog inert: it is on top of the dialog at the panel's place.
    // (`elementFromPoint` skips inert elements, so what is drawn there is asked of the DevTools protocol.)
    await page.evaluate(coverWithModalDialog);
    await expect.poll(() => drawnAtPanel(page), { timeout: 5000 }).toBe('ours');
  });

  it('stays on top when the page swallows toggle events and shows the same popover again', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.addInitScript(swallowToggleEvents);
    await openPeople(page);
    await page.evaluate(coverWithPagePopover);
    await expectShown(page, { badges: false });
    for (let round = 0; round < 3; round++) {
      await page.evaluate(reshowPagePopovers);
      await expectShown(page, { badges: false });
    }
  });

  it('puts back at once what a page script changes on the hosts, and gives up no CPU to a script that fights', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await openPeople(page);
    expect(await page.evaluate(`(${findHosts})().length`)).toBe(2);
    for (const change of tamperings) {
      await page.evaluate(tamper(change));
      await expectShown(page);
    }
    // The last of them cancels every popover's showing (a page cannot cancel ours: its events stay in our
    // closed root); the hosts are taken away so that theirs are shown again, and a cover with the highest
    // z-index is put after them, in the body and in the root element.
    await page.evaluate(removeHosts);
    await page.evaluate(coverPanelCorner);
    await page.evaluate(coverPanelCornerFromRoot);
    await expectShown(page);

    // A script that puts its change back each time it is undone: a bounded number of repairs per second.
    await page.evaluate(`(() => {
      const hosts = (${findHosts})();
      window.__fights = 0;
      // Only what was undone is done again (its own changes reach its observer too).
      const hide = (h) => {
        if (h.style.getPropertyValue('opacity') === '0' && h.hidden) return;
        window.__fights++;
        h.style.setProperty('opacity', '0', 'important');
        h.hidden = true;
      };
      window.__fighter = new MutationObserver((records) => new Set(records.map((r) => r.target)).forEach(hide));
      hosts.forEach((h) => { window.__fighter.observe(h, { attributes: true }); hide(h); });
    })()`);
    await page.waitForTimeout(2000);
    const fights = await page.evaluate(() => (window as unknown as { __fights: number }).__fights);
    expect(fights).toBeLessThan(200);
    expect(fights).toBeGreaterThan(4);
    await page.evaluate(() => (window as unknown as { __fighter: MutationObserver }).__fighter.disconnect());
    await expectShown(page);
  });

  it('comes back when removed, moved into a hidden container, removed in a loop or left behind by a new body', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await openPeople(page);

    await page.evaluate(removeHosts);
    await expectShown(page);
    // Put back, the panel loads again (the same address, token and all) and works.
    await panelReads(page);

    await page.evaluate(moveHostsIntoHiddenBox);
    await expectShown(page);
    await panelReads(page);

    // Removed as soon as it is back, and every millisecond besides: the repairs are bounded, and the page
    // (and the content script) keep running.
    await page.evaluate(`(() => {
      const hosts = (${findHosts})();
      window.__removals = 0;
      const removeAll = () => hosts.forEach((h) => { if (h.isConnected) { window.__removals++; h.remove(); } });
      window.__remover = new MutationObserver(removeAll);
      window.__remover.observe(document.documentElement, { childList: true });
      window.__timer = setInterval(removeAll, 1);
      removeAll();
    })()`);
    await page.waitForTimeout(2000);
    const removals = await page.evaluate(() => (window as unknown as { __removals: number }).__removals);
    expect(removals).toBeLessThan(200);
    expect(removals).toBeGreaterThan(4);
    await page.evaluate(() => {
      const w = window as unknown as { __remover: MutationObserver; __timer: number };
      w.__remover.disconnect();
      clearInterval(w.__timer);
    });
    await expectShown(page);

    // A new body: the rows are gone with the old one (so are their badges), the panel is not.
    await page.evaluate(() => document.body.replaceWith(document.createElement('body')));
    await expectShown(page, { badges: false });
  });

  it('still ends with the extension: after a reload its farewell can be dismissed for good, and the badges go', async () => {
    const { context, page } = await sessions.open(launchWithExtension(sample));
    await openPeople(page);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    void worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await expect
      .poll(() => overlayNotice(page), { timeout: 15_000 })
      .toMatchObject({ kind: 'unreachable', panel: false });
    // The badges' host is gone, and its guard (of a script that has ended) does not put it back.
    await expect.poll(() => probeHost(page, 'badges')).toBeUndefined();
    const dismiss = (await overlayButtons(page)).find((b) => b.text === 'Dismiss');
    expect(dismiss).toBeDefined();
    await clickMark(page, dismiss!);
    await expect.poll(() => probeHost(page, 'overlay')).toBeUndefined();
    // Longer than the guard's slow check: nothing comes back.
    await page.waitForTimeout(2500);
    expect(await probeHost(page, 'overlay')).toBeUndefined();
    expect(await probeHost(page, 'badges')).toBeUndefined();
  });
});

// An extension page's own API, as the worker sees it (not a Node global).
declare const chrome: { runtime: { reload(): void } };
