import type { BrowserContext, Route } from 'playwright-core';
import { buildSandbox, SANDBOX_APP_PATH } from './build';
import type { SandboxPortfolio } from './portfolio';

/**
 * Serves the sandbox under the real https://business.facebook.com/... URLs by request routing, so the
 * extension's host permission and content-script match apply exactly as on the live site. Nothing else is
 * reachable: any other request is aborted (the machine has no network, and the tests must not need one).
 */
export async function routeSandbox(context: BrowserContext, portfolio: SandboxPortfolio): Promise<void> {
  const files = await buildSandbox(portfolio);
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'chrome-extension:') return route.continue();
    if (url.hostname !== 'business.facebook.com') return route.abort();
    if (url.pathname === SANDBOX_APP_PATH) {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: files.appJs });
    }
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: files.html });
  });
}
