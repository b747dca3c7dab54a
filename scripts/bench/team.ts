/**
 * The team ledger's replication (issue 16): the first sync of N decisions from one installation to another
 * through the express-pouchdb test server on 127.0.0.1, then a steady-state sync of one more decision.
 * Node, fake-indexeddb and PouchDB's memory adapter: the engine's own cost, not a browser's IndexedDB.
 * `npx tsx scripts/bench/team.ts 10000` or `npm run bench -- --only team` (N from `--team-decisions`).
 */
import 'fake-indexeddb/auto';
import { LedgerStore } from '../../lib/ledger/store';
import { TeamSync, type PouchConstructor } from '../../lib/platform/team-sync';
import { startCouchServer, TestPouchDB } from '../../test/couch/server';

export async function benchTeam(n: number): Promise<string> {
  const server = await startCouchServer();
  await server.createDatabase('team');
  const settings = {
    version: 1 as const,
    serverUrl: server.url,
    database: 'team',
    user: server.admin.user,
    password: server.admin.password,
  };
  const PouchDB = TestPouchDB as unknown as PouchConstructor;
  const a = new LedgerStore(`bench-a-${Math.random()}`);
  const bName = `bench-b-${Math.random()}`;
  const bMirror = `m-b-${Math.random()}`;
  const b = new LedgerStore(bName);
  const note = (i: number) => ({
    at: new Date().toISOString(),
    businessId: '1203456789012345',
    subject: 'partner:3228568050780001',
    action: 'note' as const,
    rationale: `Note ${i}`,
    decidedBy: 'anna@sjobod.se',
  });
  const BATCH = 1000;
  for (let i = 0; i < n; i += BATCH)
    await a.commit({ decisions: Array.from({ length: Math.min(BATCH, n - i) }, (_, k) => note(i + k)) });
  const syncA = new TeamSync({ PouchDB, store: a, settings, mirrorName: `m-a-${Math.random()}` });
  let syncB = new TeamSync({ PouchDB, store: b, settings, mirrorName: bMirror });
  // The largest resident memory seen while each step runs (sampled every 100 ms).
  let peakRss = 0;
  const time = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    try {
      await run();
    } finally {
      clearInterval(sampler);
    }
    return performance.now() - start;
  };
  const mb = () => `${(peakRss / 1024 / 1024).toFixed(0)} MB`;
  const pushMs = await time(() => syncA.sync());
  const pushMb = mb();
  const pullMs = await time(() => syncB.sync());
  const pullMb = mb();
  const aLedger = await a.getLedgerId();
  const received = await b.chainLength(aLedger);
  await a.appendDecision(note(n));
  const steadyPushMs = await time(() => syncA.sync());
  const steadyPullMs = await time(() => syncB.sync());
  // Once more. Before the record of what the server holds after a pull (TeamSyncState.serverHolds), the
  // "one more" sync of B paid for its first pull instead: its push offered every received document back
  // (91 s at 100,000); this step was then the steady state's.
  await a.appendDecision(note(n + 1));
  const againPushMs = await time(() => syncA.sync());
  const againPullMs = await time(() => syncB.sync());
  // A restarted worker (a new store and engine over the same databases): the next decision's pull and import.
  await syncB.close();
  b.close();
  const b2 = new LedgerStore(bName);
  syncB = new TeamSync({ PouchDB, store: b2, settings, mirrorName: bMirror });
  await a.appendDecision(note(n + 2));
  await syncA.sync();
  const restartPullMs = await time(() => syncB.sync());
  const after = await b2.chainLength(aLedger);
  await syncA.close();
  await syncB.close();
  a.close();
  b2.close();
  await server.close();
  return [
    `Team ledger, first sync of ${n.toLocaleString('en')} decisions: push ${pushMs.toFixed(0)} ms (peak RSS ${pushMb}), pull and import ${pullMs.toFixed(0)} ms (peak RSS ${pullMb}; ${received.toLocaleString('en')} received).`,
    `Steady state, one more decision: push ${steadyPushMs.toFixed(0)} ms, pull and import ${steadyPullMs.toFixed(0)} ms; one more again: push ${againPushMs.toFixed(0)} ms, pull and import ${againPullMs.toFixed(0)} ms; after a worker restart, pull and import ${restartPullMs.toFixed(0)} ms (${after.toLocaleString('en')} held).`,
  ].join('\n');
}

if (process.argv[1]?.endsWith('team.ts')) {
  const n = Number(process.argv[2] ?? 10_000);
  console.log(await benchTeam(n));
}
