import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import mapReduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

/**
 * A CouchDB-protocol server for the team ledger's tests (issue 16): express-pouchdb over an in-memory
 * PouchDB, on 127.0.0.1 and a free port, started and stopped by the test itself (Apache CouchDB is not
 * installable here). In its full-CouchDB mode it keeps users (`_users`), server admins (`_config`), the
 * members of a database (`_security`) and answers `/_session` as CouchDB does.
 */
export interface CouchServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The server admin made at the start. */
  admin: { user: string; password: string };
  /** Adds a user who is not a server admin. */
  addUser(user: string, password: string): Promise<void>;
  /** Creates a database, whose only members are `members` when given (otherwise anyone may open it). */
  createDatabase(name: string, members?: string[]): Promise<void>;
  /** The requests the server received, in order (method, path, user name of the Basic credentials). */
  requests: { method: string; path: string; user?: string }[];
  close(): Promise<void>;
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/**
 * PouchDB with the memory and HTTP adapters and replication, plugged once for the whole test process (a
 * plugin defines properties on the one class: plugging twice throws). The team ledger's tests make their
 * installations' mirrors with it too (memory by default, HTTP for a URL).
 */
export const TestPouchDB = PouchDB.plugin(memoryAdapter)
  .plugin(httpAdapter)
  .plugin(mapReduce)
  .plugin(replication);

export async function startCouchServer(): Promise<CouchServer> {
  const logs = mkdtempSync(path.join(tmpdir(), 'scopekeeper-couch-'));
  // Memory databases are one map per process: each server its own names.
  const Memory = TestPouchDB.defaults({ adapter: 'memory', prefix: `couch-${crypto.randomUUID()}-` });
  const app = expressPouchDB(Memory, {
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: path.join(logs, 'log.txt'),
    overrideMode: { exclude: ['routes/fauxton'] },
  });
  const requests: CouchServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const auth = req.headers.authorization;
    const user = auth?.startsWith('Basic ')
      ? Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')[0]
      : undefined;
    requests.push({ method: req.method ?? '', path: req.url ?? '', ...(user ? { user } : {}) });
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const admin = { user: 'couch-admin', password: `admin-${crypto.randomUUID()}` };
  const call = async (method: string, where: string, body?: unknown, auth = true) => {
    const response = await fetch(url + where, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(auth ? { authorization: basic(admin.user, admin.password) } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${where}: ${response.status} ${await response.text()}`);
  };
  // Until a server admin exists, everyone is one ("admin party"): make one at once, as a real set-up does.
  await call('PUT', `_config/admins/${admin.user}`, admin.password, false);
  const server_: CouchServer = {
    url,
    admin,
    requests,
    addUser: (user, password) =>
      call('PUT', `_users/org.couchdb.user:${encodeURIComponent(user)}`, {
        name: user,
        password,
        roles: [],
        type: 'user',
      }),
    async createDatabase(name, members) {
      await call('PUT', encodeURIComponent(name));
      if (members)
        await call('PUT', `${encodeURIComponent(name)}/_security`, {
          members: { names: members, roles: [] },
          admins: { names: [], roles: [] },
        });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(logs, { recursive: true, force: true });
    },
  };
  return server_;
}
