import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { pageDataKey } from '@/lib/domain/page-data-copy';
import { pageDataMessage } from '@/lib/page/page-data';
import { overlayStyles } from '@/lib/page/page-styles';
import { samplePortfolio } from '../sandbox/generate';
import { BUSINESS_URL, launchWithExtension, type Session } from './harness';
import { sessionPerTest } from './sessions';

declare const chrome: {
  storage: {
    local: {
      get(keys: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
  };
};

const sessions = sessionPerTest<Session>();
const people = `${BUSINESS_URL}/latest/settings/business_users?business_id=${samplePortfolio().businessId}`;
const key = pageDataKey(pageDataMessage());
const MARK = '/* read from the copy */';

interface CdpNode {
  nodeName: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The text of every style element on the page, in closed shadow roots too (DevTools protocol). */
async function styleTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const texts: string[] = [];
    const walk = (node: CdpNode) => {
      if (node.nodeName === 'STYLE') texts.push((node.children ?? []).map((c) => c.nodeValue ?? '').join(''));
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    return texts;
  } finally {
    await cdp.detach();
  }
}

/** The extension's worker, once it has made its copy of this build's page data. */
async function copied(context: BrowserContext) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await expect
    .poll(() => worker.evaluate(async (k) => typeof (await chrome.storage.local.get(k))[k], key), {
      timeout: 15_000,
    })
    .toBe('string');
  return worker;
}

/** The overlay's styles with the mark, as a copy's text (what only storage could have given the page). */
const marked = () => {
  const data = JSON.parse(pageDataMessage()) as Record<string, Record<string, unknown>>;
  data['lib/page/page-styles.ts']!.overlayStyles = `${overlayStyles}\n${MARK}`;
  return JSON.stringify(data);
};

describe('the reader’s data on the page (issue 12: no synchronous trip to the browser)', () => {
  it('comes from the worker’s copy in storage when there is one of this build', async () => {
    const { context, page } = await sessions.open(launchWithExtension(samplePortfolio()));
    const worker = await copied(context);
    // Changed where no page can reach, to tell the copy from the browser's message on the page.
    await worker.evaluate(async ([k, text]) => chrome.storage.local.set({ [k!]: text }), [key, marked()]);
    await page.goto(people);
    await expect
      .poll(async () => (await styleTexts(page)).some((t) => t.includes(MARK)), { timeout: 15_000 })
      .toBe(true);
  });

  it('comes from the browser’s message when the copy is of another build', async () => {
    const { context, page } = await sessions.open(launchWithExtension(samplePortfolio()));
    const worker = await copied(context);
    const other = pageDataKey(marked());
    await worker.evaluate(
      async ([k, o, text]) => {
        await chrome.storage.local.remove([k!]);
        await chrome.storage.local.set({ [o!]: text });
      },
      [key, other, marked()],
    );
    await page.goto(people);
    // The overlay is drawn with the build's own styles.
    await expect
      .poll(async () => (await styleTexts(page)).some((t) => t === overlayStyles), { timeout: 15_000 })
      .toBe(true);
    expect((await styleTexts(page)).some((t) => t.includes(MARK))).toBe(false);
  });
});
