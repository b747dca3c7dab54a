import type { BrowserContext, Route } from 'playwright-core';
import { buildSandbox, SANDBOX_APP_PATH, type SandboxFiles } from './build';
import type { SandboxPortfolio } from './portfolio';

/** What a browser's request interception does with one request to serve the sandbox. */
export type SandboxAnswer =
  | { kind: 'continue' }
  | { kind: 'abort' }
  | { kind: 'fulfill'; status: number; contentType: string; body: string };

/**
 * The sandbox's answer to a request, whatever the browser and the tool that intercepts it: the app for its
 * script path, the HTML shell for every other https://business.facebook.com/... URL, the extension's own
 * pages left alone, and nothing else reachable (the machine has no network, and the tests must not need one).
 */
export function getSandboxAnswer(files: SandboxFiles, requestUrl: string): SandboxAnswer {
  const url = new URL(requestUrl);
  if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') return { kind: 'continue' };
  if (url.hostname !== 'business.facebook.com') return { kind: 'abort' };
  if (url.pathname === SANDBOX_APP_PATH)
    return { kind: 'fulfill', status: 200, contentType: 'text/javascript; charset=utf-8', body: files.appJs };
  if (url.pathname === '/favicon.ico')
    return { kind: 'fulfill', status: 404, contentType: 'text/plain', body: '' };
  return { kind: 'fulfill', status: 200, contentType: 'text/html; charset=utf-8', body: files.html };
}

/**
 * Serves the sandbox under the real https://business.facebook.com/... URLs by Playwright's request routing, so
 * the extension's host permission and content-script match apply exactly as on the live site.
 */
export async function routeSandbox(context: BrowserContext, portfolio: SandboxPortfolio): Promise<void> {
  const files = await buildSandbox(portfolio);
  await context.route('**/*', async (route: Route) => {
    const answer = getSandboxAnswer(files, route.request().url());
    if (answer.kind === 'continue') return route.continue();
    if (answer.kind === 'abort') return route.abort();
    const { status, contentType, body } = answer;
    return route.fulfill({ status, contentType, body });
  });
}
