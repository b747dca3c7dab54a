import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { buildSandbox } from '../sandbox/build';
import type { SandboxPortfolio } from '../sandbox/portfolio';
import { getSandboxAnswer } from '../sandbox/serve';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');

function assertFirefoxPrerequisites(): void {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `Firefox not found at ${FIREFOX}. Install Debian's: apt-get install -y firefox-esr (or set FIREFOX_PATH).`,
    );
  }
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${FIREFOX_EXTENSION_DIR}. Run \`npm run build:firefox\` first (npm test does).`,
    );
  }
}

export interface FirefoxSession {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi, with the Firefox build installed as a temporary
 * add-on and the sandbox served under the real https://business.facebook.com/... URLs by request interception.
 */
export async function launchFirefoxWithExtension(portfolio: SandboxPortfolio): Promise<FirefoxSession> {
  assertFirefoxPrerequisites();
  const files = await buildSandbox(portfolio);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport({ width: 1440, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const answer = getSandboxAnswer(files, request.url());
      if (answer.kind === 'continue') return void request.continue();
      if (answer.kind === 'abort') return void request.abort();
      const { status, contentType, body } = answer;
      return void request.respond({ status, contentType, body });
    });
    return { browser, page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * The panel's frame on the page (the extension page panel.html inside the overlay), if it is there. Firefox's
 * WebDriver BiDi does not report the navigation of an extension-page iframe, so puppeteer keeps its first
 * URL, about:blank: the frame is found among the page's child frames by the address its document has.
 */
async function findPanelFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.mainFrame().childFrames()) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith('moz-extension://') && new URL(href).pathname === '/panel.html') return frame;
  }
  return undefined;
}

/** What the panel shows, as its data attributes say (DESIGN.md "The panel contract"). */
export interface PanelContract {
  kind: string | null;
  readStatus: string | null;
  principals: string[];
  findings: string[];
}

/** Reads the panel shown on the page; null while it is not there (or is being replaced after a navigation). */
export async function readFirefoxPanel(page: Page): Promise<PanelContract | null> {
  const frame = await findPanelFrame(page);
  if (!frame) return null;
  return frame
    .evaluate(async () => {
      // Findings are grouped by rule, collapsed by design (issue 12, item 4): every group is opened first.
      const closed = [...document.querySelectorAll<HTMLElement>('[data-rule-toggle][aria-expanded="false"]')];
      for (const toggle of closed) toggle.click();
      if (closed.length > 0) await new Promise((r) => setTimeout(r, 50));
      const header = document.querySelector('[data-page-kind]');
      const attr = (e: Element, name: string) => e.getAttribute(name) ?? '';
      return {
        kind: header?.getAttribute('data-page-kind') ?? null,
        readStatus: header?.getAttribute('data-read-status') ?? null,
        principals: [...document.querySelectorAll('[data-principal]')].map(
          (e) =>
            `${attr(e, 'data-principal')} ${attr(e, 'data-portfolio-access')} ${attr(e, 'data-pending')}`,
        ),
        findings: [...document.querySelectorAll('[data-rule-id]')]
          .map((e) => `${attr(e, 'data-subject')} ${attr(e, 'data-rule-id')} ${attr(e, 'data-severity')}`)
          .sort(),
      };
    })
    .catch(() => null);
}
