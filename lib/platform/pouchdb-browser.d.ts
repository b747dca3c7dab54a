// pouchdb-browser ships no types: the background only hands its constructor to the team ledger's engine
// (lib/platform/team-sync.ts `PouchConstructor` names what is used of it).
declare module 'pouchdb-browser' {
  const PouchDB: unknown;
  export default PouchDB;
}
