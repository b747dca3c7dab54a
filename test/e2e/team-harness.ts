import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCouchServer, type CouchServer } from '../couch/server';
import type { SandboxPortfolio } from '../sandbox/portfolio';
import { extensionId, launchWithExtension, type Session } from './harness';

/**
 * The team ledger's two-browser harness (issue 16): the CouchDB-protocol test server (test/couch/server.ts)
 * behind a port of its own that the test can close and open again (the server "goes away and comes back"
 * with its data and address), and browser profiles with the built extension, each its own installation,
 * configured on the options page as an admin does.
 */

/** The host permission the options page asks for a server on this computer (lib/domain/team-ledger.ts). */
export const LOCAL_SERVER_PERMISSION = 'http://127.0.0.1/*';

export interface TeamServer {
  couch: CouchServer;
  /** `http://127.0.0.1:<port>/`, the address the admins save: the same after a stop and a start. */
  url: string;
  origin: string;
  /** Makes the server unreachable: the port is closed and every open connection cut. */
  stop(): Promise<void>;
  /** Opens the same port again: the same server and data as before the stop. */
  start(): Promise<void>;
  running(): boolean;
  close(): Promise<void>;
}

/**
 * Starts the test server behind a TCP relay on a free 127.0.0.1 port. Stopping closes the relay (a
 * connection is refused, as with a server that is down); the in-memory database stays behind it.
 */
export async function startTeamServer(): Promise<TeamServer> {
  const couch = await startCouchServer();
  const target = new URL(couch.url);
  const sockets = new Set<Socket>();
  let relay: Server | undefined;
  let port = 0;
  const listen = async () => {
    const server = createServer((client) => {
      const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address && typeof address === 'object') port = address.port;
    relay = server;
  };
  const stop = async () => {
    const server = relay;
    if (!server) return;
    relay = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  await listen();
  const url = `http://127.0.0.1:${port}/`;
  return {
    couch,
    url,
    origin: `http://127.0.0.1:${port}`,
    stop,
    async start() {
      if (!relay) await listen();
    },
    running: () => relay !== undefined,
    async close() {
      await stop();
      await couch.close();
    },
  };
}

/** One admin's browser: its own profile and installation of the built extension. */
export interface TeamBrowser extends Session {
  id: string;
  /** Every request the browser made (its pages and the extension's service worker), as full URLs. */
  requests: string[];
  /** The extension's options page, opened on demand and kept. */
  options(): Promise<Page>;
  /** Whether the extension holds the host permission for servers on this computer (asked on a page of it). */
  holdsServerPermission(): Promise<boolean>;
}

// An extension page's own API, as the page sees it (not a Node global).
declare const chrome: {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
};

/**
 * Writes into a profile's preferences that the extension was granted `origin`, as Chromium records a grant
 * the user accepted in its prompt (`active_permissions`, what the extension holds now; `granted_permissions`
 * and `runtime_granted_permissions`, what the user allowed). Chromium's headless mode cannot show the prompt
 * of `permissions.request`; with the permission held, `permissions.request` resolves true without one.
 * Debian's Chromium 156 checked: `permissions.contains` is true after a restart on that profile.
 */
export function grantHostInProfile(userDataDir: string, id: string, origin: string): void {
  const file = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as {
    extensions?: { settings?: Record<string, Record<string, { explicit_host?: string[] } | undefined>> };
  };
  const settings = prefs.extensions?.settings?.[id];
  if (!settings) throw new Error(`The profile ${userDataDir} has no settings for the extension ${id}.`);
  for (const key of ['active_permissions', 'granted_permissions', 'runtime_granted_permissions']) {
    const set = settings[key] ?? {};
    set.explicit_host = [...new Set([...(set.explicit_host ?? []), origin])];
    settings[key] = set;
  }
  writeFileSync(file, JSON.stringify(prefs));
}

/**
 * A browser profile with the built extension, whose user has allowed it to contact servers on this computer
 * (the prompt that a real admin answers once): the profile is started once to install the extension, the
 * grant written into its preferences, and the browser started again on it. Requests to `server` go through;
 * the sandbox (harness.ts) still answers https://business.facebook.com and refuses everything else.
 */
export async function launchTeamBrowser(
  portfolio: SandboxPortfolio,
  server: TeamServer,
  options: { grant?: boolean } = {},
): Promise<TeamBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'scopekeeper-team-'));
  try {
    if (options.grant ?? true) {
      const first = await launchWithExtension(portfolio, { userDataDir });
      const id = await extensionId(first.context);
      await first.close();
      grantHostInProfile(userDataDir, id, LOCAL_SERVER_PERMISSION);
    }
    const session = await launchWithExtension(portfolio, { userDataDir });
    const requests: string[] = [];
    const { context } = session;
    const record = (request: { url(): string }) => void requests.push(request.url());
    context.on('request', record);
    // Later routes come first: the team server is let through, everything else is the sandbox's.
    await context.route(`${server.origin}/**`, (route) => route.continue());
    const id = await extensionId(context);
    let optionsPage: Page | undefined;
    const openOptions = async () => {
      if (optionsPage && !optionsPage.isClosed()) return optionsPage;
      optionsPage = await context.newPage();
      await optionsPage.goto(`chrome-extension://${id}/options.html`);
      return optionsPage;
    };
    return {
      ...session,
      id,
      requests,
      options: openOptions,
      async holdsServerPermission() {
        const page = await openOptions();
        return page.evaluate((o) => chrome.permissions.contains({ origins: [o] }), LOCAL_SERVER_PERMISSION);
      },
      async close() {
        context.off('request', record);
        await session.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface TeamAccount {
  serverUrl: string;
  database: string;
  user: string;
  password: string;
}

/**
 * Saves the team ledger on the options page as an admin does: the four fields, then "Allow and connect to
 * this server". Resolves with the status the page shows (`done` or `error`) and its words.
 */
export async function configureTeamLedger(
  browser: TeamBrowser,
  account: TeamAccount,
): Promise<{ kind: string; text: string }> {
  const page = await browser.options();
  const form = page.locator('section.team-ledger');
  await form.getByLabel('CouchDB server address').fill(account.serverUrl);
  await form.getByLabel('Database', { exact: true }).fill(account.database);
  await form.getByLabel('User name').fill(account.user);
  await form.getByLabel('Password', { exact: true }).fill(account.password);
  await form.getByRole('button', { name: 'Allow and connect to this server' }).click();
  const status = form.locator('[data-team-status]');
  await status.waitFor({ timeout: 30_000 });
  return { kind: (await status.getAttribute('data-team-status')) ?? '', text: await status.innerText() };
}

/**
 * Clicks "Test connection" (or, with `create`, the offer to create the database) and waits for what it
 * found: the `data-team-check` kind (ready, unreachable, wrong-credentials, missing-database, ...).
 */
export async function testTeamConnection(
  browser: TeamBrowser,
  options: { create?: boolean } = {},
): Promise<{ kind: string; text: string }> {
  const page = await browser.options();
  const form = page.locator('section.team-ledger');
  // The shown result is marked first: the click replaces it with "Testing…", then with a new element.
  await form
    .locator('[data-team-check]')
    .evaluateAll((els) => els.forEach((e) => e.setAttribute('data-harness-seen', '')));
  await form
    .getByRole('button', { name: options.create ? 'Create the database' : 'Test connection' })
    .click();
  const result = form.locator('[data-team-check]:not([data-harness-seen])');
  await result.waitFor({ timeout: 60_000 });
  return { kind: (await result.getAttribute('data-team-check')) ?? '', text: await result.innerText() };
}

/** Turns the team ledger off on the options page, and waits for the page to say so. */
export async function turnOffTeamLedger(browser: TeamBrowser): Promise<void> {
  const page = await browser.options();
  const form = page.locator('section.team-ledger');
  await form.getByRole('button', { name: 'Turn off and forget the credentials' }).click();
  await form.locator('[data-team-status="done"]').waitFor({ timeout: 30_000 });
  await form.getByRole('button', { name: 'Test connection' }).waitFor({ state: 'detached', timeout: 30_000 });
}

/** The requests of a browser that went anywhere but its own pages, the sandbox's Business Settings and data URLs. */
export function outsideRequests(browser: Pick<TeamBrowser, 'requests'>): string[] {
  return browser.requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'chrome-extension:' || protocol === 'data:' || protocol === 'blob:') return false;
    return !(protocol === 'https:' && hostname === 'business.facebook.com');
  });
}
