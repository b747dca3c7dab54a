import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePortfolio } from '../sandbox/generate';
import { BUSINESS_URL, settledPanel } from './harness';
import {
  configureTeamLedger,
  launchTeamBrowser,
  outsideRequests,
  startTeamServer,
  testTeamConnection,
  turnOffTeamLedger,
  type TeamAccount,
  type TeamBrowser,
  type TeamServer,
} from './team-harness';

// An extension page's own API, as the page sees it (not a Node global).
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> };
};

/** The team ledger's sync alarm (lib/platform/team-runner.ts), as an extension page sees it. */
const teamAlarm = async (browser: TeamBrowser) =>
  (await browser.options()).evaluate(async () => (await chrome.alarms.get('scopekeeper-team-sync')) ?? null);

const sample = samplePortfolio('en', 'grid');
const peopleUrl = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
const DATABASE = 'agency-ledger';

/**
 * The team ledger's connection (issue 16) in two browsers, each its own installation of the built extension,
 * against the CouchDB-protocol test server on 127.0.0.1: what "Test connection" says, and where requests go.
 */
// One test server for the file: PouchDB's plugins are registered once per process (test/couch/server.ts).
let server: TeamServer;
beforeAll(async () => {
  server = await startTeamServer();
});
afterAll(async () => {
  await server?.close();
});

describe('team ledger connection, two browsers', () => {
  let alice: TeamBrowser;
  let bob: TeamBrowser;
  let aliceAccount: TeamAccount;
  let bobAccount: TeamAccount;

  beforeAll(async () => {
    aliceAccount = { serverUrl: server.url, database: DATABASE, user: 'alice', password: 'alice-secret-1' };
    bobAccount = { serverUrl: server.url, database: DATABASE, user: 'bob', password: 'bob-secret-2' };
    await server.couch.addUser(aliceAccount.user, aliceAccount.password);
    await server.couch.addUser(bobAccount.user, bobAccount.password);
    await server.couch.createDatabase(DATABASE, [aliceAccount.user, bobAccount.user]);
    alice = await launchTeamBrowser(sample, server);
    bob = await launchTeamBrowser(sample, server);
  }, 300_000);

  afterAll(async () => {
    await alice?.close();
    await bob?.close();
  });

  it('each admin saves the server on the options page (the held permission asks nothing) and is told ready', async () => {
    for (const [browser, account] of [
      [alice, aliceAccount],
      [bob, bobAccount],
    ] as const) {
      expect(await browser.holdsServerPermission()).toBe(true);
      const saved = await configureTeamLedger(browser, account);
      expect(saved.kind).toBe('done');
      expect(saved.text).toContain('http://127.0.0.1/*');
      expect((await testTeamConnection(browser)).kind).toBe('ready');
      // On: the sync alarm rings every half minute.
      await expect.poll(async () => (await teamAlarm(browser))?.periodInMinutes).toBe(0.5);
    }
    // Two installations: each asked the server as its own user, with its own credentials.
    const users = new Set(server.couch.requests.map((r) => r.user));
    expect(users).toContain('alice');
    expect(users).toContain('bob');
    // The browsers' requests as recorded include the service worker's: the check below sees them.
    expect(alice.requests.some((url) => url.startsWith(`${server.origin}/_session`))).toBe(true);
  });

  it('reports the server unreachable while it is stopped, and ready once it is back', async () => {
    await server.stop();
    try {
      expect((await testTeamConnection(alice)).kind).toBe('unreachable');
      expect((await testTeamConnection(bob)).kind).toBe('unreachable');
    } finally {
      await server.start();
    }
    expect((await testTeamConnection(alice)).kind).toBe('ready');
    expect((await testTeamConnection(bob)).kind).toBe('ready');
  });

  it('reports wrong credentials for a wrong password, and ready again with the right one', async () => {
    expect((await configureTeamLedger(bob, { ...bobAccount, password: 'not-bobs-password' })).kind).toBe(
      'done',
    );
    const check = await testTeamConnection(bob);
    expect(check.kind).toBe('wrong-credentials');
    expect(check.text).toBe('The server refused this user name and password.');
    expect((await configureTeamLedger(bob, bobAccount)).kind).toBe('done');
    expect((await testTeamConnection(bob)).kind).toBe('ready');
  });

  it('reports a missing database, offers its creation to a server admin only, and creates it', async () => {
    const missing = 'not-made-yet';
    await configureTeamLedger(alice, { ...aliceAccount, database: missing });
    const asMember = await testTeamConnection(alice);
    expect(asMember.kind).toBe('missing-database');
    const options = await alice.options();
    expect(await options.getByRole('button', { name: 'Create the database' }).count()).toBe(0);

    const admin = { serverUrl: server.url, database: missing, ...server.couch.admin };
    await configureTeamLedger(alice, { ...admin, user: admin.user, password: admin.password });
    const asAdmin = await testTeamConnection(alice);
    expect(asAdmin.kind).toBe('missing-database');
    expect(asAdmin.text).toContain('you can create it now');
    const created = await testTeamConnection(alice, { create: true });
    expect(created.kind).toBe('ready');
    expect(created.text).toContain('The database was created.');
    expect(server.couch.requests).toContainEqual({ method: 'PUT', path: `/${missing}`, user: admin.user });

    expect((await configureTeamLedger(alice, aliceAccount)).kind).toBe('done');
    expect((await testTeamConnection(alice)).kind).toBe('ready');
  });

  it('sends requests only to the configured server while on, from the pages and the service worker', async () => {
    for (const browser of [alice, bob]) {
      await browser.page.goto(peopleUrl);
      await settledPanel(browser.page, 'people');
      expect((await testTeamConnection(browser)).kind).toBe('ready');
      const outside = outsideRequests(browser);
      expect(outside.length).toBeGreaterThan(0);
      expect(outside.filter((url) => new URL(url).origin !== server.origin)).toEqual([]);
    }
  });

  it('turned off, forgets the credentials, gives the permission back, deletes its copy of the team database, and the server hears nothing more from that browser', async () => {
    // The local copy of the team's database (the mirror): PouchDB's IndexedDB database in the extension's origin.
    const mirrors = async () =>
      (
        await (
          await bob.options()
        ).evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''))
      ).filter((name) => name.startsWith('_pouch_scopekeeper-team-'));
    await expect.poll(mirrors, { timeout: 30_000 }).toHaveLength(1);
    await turnOffTeamLedger(bob);
    expect(await bob.holdsServerPermission()).toBe(false);
    // Gone by the time the page says "Turned off".
    expect(await mirrors()).toEqual([]);
    const options = await bob.options();
    const stored = await options.evaluate(() => chrome.storage.local.get('team-ledger'));
    expect(stored['team-ledger']).toBeUndefined();
    await expect.poll(() => teamAlarm(bob)).toBeNull();
    await options.reload();
    const form = options.locator('section.team-ledger');
    await expect.poll(() => form.getByLabel('CouchDB server address').inputValue()).toBe('');
    expect(await form.getByRole('button', { name: 'Test connection' }).count()).toBe(0);

    // From now on nothing of Bob's leaves the browser: the pages, the panel and the options page work as
    // before, the server hears nothing from him.
    const before = bob.requests.length;
    const heardBefore = server.couch.requests.filter((r) => r.user === 'bob').length;
    await bob.page.goto(peopleUrl);
    await settledPanel(bob.page, 'people');
    await options.reload();
    await form.getByLabel('CouchDB server address').waitFor();
    expect(outsideRequests({ requests: bob.requests.slice(before) })).toEqual([]);
    expect(server.couch.requests.filter((r) => r.user === 'bob')).toHaveLength(heardBefore);
  });
});

describe('team ledger off (never configured)', () => {
  it('makes no request outside the browser: the Business Settings page, its panel and the options page', async () => {
    const heard = server.couch.requests.length;
    const browser = await launchTeamBrowser(sample, server, { grant: false });
    try {
      await browser.page.goto(peopleUrl);
      await settledPanel(browser.page, 'people');
      const options = await browser.options();
      await options.locator('section.team-ledger').waitFor();
      expect(await browser.holdsServerPermission()).toBe(false);
      expect(await teamAlarm(browser)).toBeNull();
      expect(browser.requests.length).toBeGreaterThan(0);
      expect(outsideRequests(browser)).toEqual([]);
      expect(server.couch.requests.slice(heard)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
