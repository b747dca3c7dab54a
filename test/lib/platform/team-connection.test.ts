import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseTeamSettings, type TeamSettings } from '@/lib/domain/team-ledger';
import { checkTeamConnection } from '@/lib/platform/team-connection';
import { teamSettingsItem } from '@/lib/platform/team-settings';
import { startCouchServer, type CouchServer } from '../../couch/server';
import { freshTestHub, type TestHub } from './test-hub';

const settingsFor = (url: string, database: string, user: string, password: string): TeamSettings => {
  const parsed = parseTeamSettings({ serverUrl: url, database, user, password });
  if (!parsed.ok) throw new Error(`bad test settings: ${parsed.fields.join(', ')}`);
  return parsed.settings;
};

/** A plain HTTP server on 127.0.0.1 that answers every request with `answer`, and what it received. */
async function plainServer(
  answer: (res: import('node:http').ServerResponse) => void,
): Promise<{ url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('Test connection against a CouchDB-protocol server on 127.0.0.1 (express-pouchdb)', () => {
  let couch: CouchServer;
  beforeAll(async () => {
    couch = await startCouchServer();
    await couch.addUser('anna', 'anna-pass');
    await couch.addUser('björn', 'björn-pass');
    await couch.createDatabase('sjobod-team', ['anna']);
  });
  afterAll(() => couch.close());

  it('ready: a member of the database with the right password', async () => {
    const before = couch.requests.length;
    expect(await checkTeamConnection(settingsFor(couch.url, 'sjobod-team', 'anna', 'anna-pass'))).toEqual({
      kind: 'ready',
      created: false,
    });
    // Only this server was asked, always with this user's credentials.
    const asked = couch.requests.slice(before);
    expect(asked.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /_session', 'GET /sjobod-team']);
    expect(asked.every((r) => r.user === 'anna')).toBe(true);
  });

  it('wrong credentials: a wrong password, an unknown user', async () => {
    expect(await checkTeamConnection(settingsFor(couch.url, 'sjobod-team', 'anna', 'nope'))).toEqual({
      kind: 'wrong-credentials',
    });
    expect(await checkTeamConnection(settingsFor(couch.url, 'sjobod-team', 'carl', 'anna-pass'))).toEqual({
      kind: 'wrong-credentials',
    });
  });

  it('no access: the right password, but not a member of the database', async () => {
    expect(await checkTeamConnection(settingsFor(couch.url, 'sjobod-team', 'björn', 'björn-pass'))).toEqual({
      kind: 'no-access',
    });
  });

  it('missing database: offered to a server admin only, and created on request', async () => {
    const { user, password } = couch.admin;
    expect(await checkTeamConnection(settingsFor(couch.url, 'missing-one', 'anna', 'anna-pass'))).toEqual({
      kind: 'missing-database',
      canCreate: false,
    });
    // A user who may not create it is not offered to, and asking anyway creates nothing.
    expect(
      await checkTeamConnection(settingsFor(couch.url, 'missing-one', 'anna', 'anna-pass'), {
        createDatabase: true,
      }),
    ).toEqual({ kind: 'missing-database', canCreate: false });
    expect(await checkTeamConnection(settingsFor(couch.url, 'new-team', user, password))).toEqual({
      kind: 'missing-database',
      canCreate: true,
    });
    expect(
      await checkTeamConnection(settingsFor(couch.url, 'new-team', user, password), { createDatabase: true }),
    ).toEqual({ kind: 'ready', created: true });
    expect(await checkTeamConnection(settingsFor(couch.url, 'new-team', user, password))).toEqual({
      kind: 'ready',
      created: false,
    });
    expect(couch.requests.filter((r) => r.method === 'PUT' && r.path === '/missing-one')).toEqual([]);
  });

  it('unreachable: nothing listens at the address', async () => {
    const gone = await plainServer((res) => res.end());
    await gone.close();
    expect(await checkTeamConnection(settingsFor(gone.url, 'sjobod-team', 'anna', 'anna-pass'))).toEqual({
      kind: 'unreachable',
      reason: 'network',
    });
  });

  it('unreachable: a server that is not CouchDB (a web page), with its status', async () => {
    const web = await plainServer((res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not here</h1>');
    });
    try {
      expect(await checkTeamConnection(settingsFor(web.url, 'sjobod-team', 'anna', 'anna-pass'))).toEqual({
        kind: 'unreachable',
        reason: 'not-couchdb',
        status: 404,
      });
    } finally {
      await web.close();
    }
  });

  it('a redirect is not followed: the credentials never reach another server', async () => {
    const elsewhere = await plainServer((res) => res.end('{}'));
    const redirecting = await plainServer((res) => {
      res.writeHead(302, { location: `${elsewhere.url}_session` });
      res.end();
    });
    try {
      const outcome = await checkTeamConnection(settingsFor(redirecting.url, 'db', 'anna', 'anna-pass'));
      expect(outcome).toMatchObject({ kind: 'unreachable', reason: 'not-couchdb' });
      expect(redirecting.seen).toHaveLength(1);
      expect(elsewhere.seen).toEqual([]);
    } finally {
      await Promise.all([elsewhere.close(), redirecting.close()]);
    }
  });

  describe('through the background (teamConnection, from the options page)', () => {
    let t: TestHub;
    beforeEach(() => {
      t = freshTestHub('2026-11-20T10:00:00Z', 'en');
    });
    afterEach(() => t.close());

    it('off when no team server is saved: nothing is sent', async () => {
      const before = couch.requests.length;
      expect(await t.ask('teamConnection', {}, t.pageSender())).toEqual({ ok: true, value: { kind: 'off' } });
      expect(couch.requests.length).toBe(before);
    });

    it('reads the saved settings itself, and asks only with the host permission granted', async () => {
      await teamSettingsItem.setValue(settingsFor(couch.url, 'sjobod-team', 'anna', 'anna-pass'));
      const contains = vi.fn(async () => false);
      fakeBrowser.permissions.contains = contains as never;
      const before = couch.requests.length;
      expect(await t.ask('teamConnection', {}, t.pageSender())).toEqual({
        ok: true,
        value: { kind: 'no-permission', origin: 'http://127.0.0.1/*' },
      });
      expect(contains).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
      expect(couch.requests.length).toBe(before);

      contains.mockResolvedValue(true);
      expect(await t.ask('teamConnection', {}, t.pageSender())).toEqual({
        ok: true,
        value: { kind: 'ready', created: false },
      });
    });

    it('never puts the team settings in a ledger export (JSON or CSV)', async () => {
      await teamSettingsItem.setValue(settingsFor(couch.url, 'sjobod-team', 'anna', 'anna-pass'));
      const json = await t.ask('ledgerAdmin', { type: 'export' });
      const csv = await t.ask('ledgerAdmin', { type: 'export-csv' });
      expect(json).toMatchObject({ ok: true, value: { type: 'export' } });
      expect(csv).toMatchObject({ ok: true, value: { type: 'export-csv' } });
      for (const exported of [JSON.stringify(json), JSON.stringify(csv)]) {
        expect(exported).not.toContain('anna-pass');
        expect(exported).not.toContain('sjobod-team');
        expect(exported).not.toContain('127.0.0.1');
      }
    });

    it('is refused to a panel (it is for the options page)', async () => {
      const reply = await t.ask('teamConnection', {}, t.pageSender(1));
      expect(reply).toMatchObject({ ok: false, error: { code: 'panel-not-ours' } });
    });
  });
});
