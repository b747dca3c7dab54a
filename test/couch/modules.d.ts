// The test server's packages ship no types: only what test/couch/server.ts uses of them.
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  function expressPouchDB(pouchDB: unknown, options?: Record<string, unknown>): RequestListener;
  export default expressPouchDB;
}
declare module 'pouchdb-core' {
  interface PouchStatic {
    plugin(plugin: unknown): PouchStatic;
    defaults(options: Record<string, unknown>): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-mapreduce';
declare module 'pouchdb-replication';
