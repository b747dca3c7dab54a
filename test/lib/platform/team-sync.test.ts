import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { decide, type ReviewCampaign } from '@/lib/domain/review/campaign';
import { LedgerStore } from '@/lib/ledger/store';
import { runLedgerCommand } from '@/lib/platform/ledger';
import { teamFetch } from '@/lib/platform/team-connection';
import { TeamSync } from '@/lib/platform/team-sync';
import {
  baselineCampaign,
  BUSINESS,
  context,
  documentGrant,
  extendGrant,
  later,
  note,
  NOW,
  PARTNER,
  PouchDB,
  setupTeamServer,
  startRun,
  tickRun,
  trusts,
} from './team-fixtures';

/** Issue 16, items 2–4: two installations replicating through one CouchDB-protocol server on 127.0.0.1. */
const team = setupTeamServer();
const { installation, serverDoc, putServerDoc, settings } = team;

async function acceptFinding(store: LedgerStore) {
  const done = await runLedgerCommand(
    store,
    {
      type: 'accept-finding',
      businessId: BUSINESS,
      subject: PARTNER,
      ruleId: 'third-party-full-control',
      assetName: 'Sjöbod Café',
      rationale: 'The agency runs the page',
      reviewAt: '2027-01-10',
    },
    context(),
  );
  expect(done).toBeDefined();
}

/** An access review campaign over what People showed, with one revoke decided. */
async function reviewCampaign(store: LedgerStore, id = 'c1'): Promise<ReviewCampaign> {
  const decided = decide(
    await baselineCampaign(store, id),
    [{ itemId: 'person:nils@byraab.se|portfolio', kind: 'revoke', rationale: 'Left' }],
    'anna@sjobod.se',
    NOW,
  );
  if (!decided.ok) throw new Error(decided.problem);
  await store.commit({ campaigns: [decided.campaign] });
  return decided.campaign;
}

describe('team ledger replication', () => {
  it("A's grant reaches B, and B's decision reaches A", async () => {
    const a = installation('a');
    const b = installation('b');
    await trusts(b, a);
    await documentGrant(a.store);
    expect((await a.sync.status()).pending).toBeGreaterThan(0);
    const afterA = await a.sync.sync();
    expect(afterA.lastError).toBeUndefined();
    expect(afterA.pending).toBe(0);
    expect(afterA.lastSyncAt).toBe(NOW.toISOString());

    await b.sync.sync();
    const received = await b.store.grants({ businessId: BUSINESS });
    expect(received.map((g) => g.case)).toEqual(['Spring campaign']);
    const aLedger = await a.store.getLedgerId();
    expect(await b.store.chain(aLedger)).toEqual(await a.store.chain(aLedger));

    await acceptFinding(b.store);
    await b.sync.sync();
    await a.sync.sync();
    const bLedger = await b.store.getLedgerId();
    expect((await a.store.chain(bLedger)).map((d) => d.action)).toEqual(['accept-finding']);
    expect((await a.sync.status()).quarantined).toBe(0);
  });

  it("an unknown colleague's acceptance is held but waits for the admin's trust, as from a file", async () => {
    const a = installation('a');
    const b = installation('b');
    await acceptFinding(b.store);
    await b.sync.sync();
    await a.sync.sync();
    const bLedger = await b.store.getLedgerId();
    expect(await a.store.chain(bLedger)).toHaveLength(1);
    expect((await a.store.ledgerFacts(BUSINESS)).accepted?.size ?? 0).toBe(0);
    await a.store.setTrusted(bLedger, true, NOW);
    expect((await a.store.ledgerFacts(BUSINESS)).accepted?.size).toBe(1);
  });

  it("an unknown colleague's grant waits for the admin's trust: not taken, the status says so, then taken", async () => {
    const a = installation('a');
    const b = installation('b');
    // Anyone who can write the team's database can make a key and sign a grant with it: a grant answers
    // findings (documented access, its end), so nothing of an unknown key's is taken without the admin.
    await documentGrant(a.store);
    await a.sync.sync();
    const waiting = await b.sync.sync();
    expect(await b.store.grants()).toEqual([]);
    expect(waiting.waiting).toEqual({ colleagues: 1, records: 1 });
    // Its decisions are held (as from a file), its key pinned: the admin finds it among the colleagues.
    const aLedger = await a.store.getLedgerId();
    expect(await b.store.chain(aLedger)).toHaveLength(1);
    expect((await b.store.colleagues()).find((c) => c.ledgerId === aLedger)?.trusted).toBe(false);
    // Asking again changes nothing while the admin has not trusted it.
    expect((await b.sync.sync()).waiting).toEqual({ colleagues: 1, records: 1 });
    expect(await b.store.grants()).toEqual([]);

    await b.store.setTrusted(aLedger, true, NOW);
    const taken = await b.sync.sync();
    expect((await b.store.grants()).map((g) => g.case)).toEqual(['Spring campaign']);
    expect(taken.waiting).toBeUndefined();
    expect(taken.quarantined).toBe(0);
  });

  it('a colleague with no decision yet, only a checklist run, is listed to be trusted, and the run then taken', async () => {
    const a = installation('a');
    const b = installation('b');
    const run = await startRun(a.store);
    const aLedger = await a.store.getLedgerId();
    expect(await a.store.chainLength(aLedger)).toBe(0);
    await a.sync.sync();
    expect((await b.sync.sync()).waiting).toEqual({ colleagues: 1, records: 1 });
    // The key that signed A's (empty) chain head is pinned: the admin finds A among the colleagues.
    const listed = (await b.store.colleagues()).find((c) => c.ledgerId === aLedger);
    expect(listed).toMatchObject({ trusted: false });
    expect(listed?.fingerprint).toEqual(expect.any(String));
    await b.store.setTrusted(aLedger, true, NOW);
    await b.sync.sync();
    expect(await b.store.run('run-1')).toEqual(run);
  });

  it('a sync asked for while one runs is one more after it, shared by every such ask', async () => {
    const a = installation('a');
    const runs = vi.spyOn(a.sync as unknown as { syncOnce(): Promise<unknown> }, 'syncOnce');
    const first = a.sync.sync();
    // Asked while the first runs (a write or a trust the first may have gone past): one more, not two.
    const second = a.sync.sync();
    const third = a.sync.sync();
    expect(second).toBe(third);
    expect(second).not.toBe(first);
    await Promise.all([first, second]);
    expect(runs).toHaveBeenCalledTimes(2);
    await a.sync.sync();
    expect(runs).toHaveBeenCalledTimes(3);
  });

  it('a decision changed on the server is refused by both installations and never applied', async () => {
    const a = installation('a');
    const b = installation('b');
    await documentGrant(a.store);
    await a.sync.sync();
    const aLedger = await a.store.getLedgerId();
    const id = `decision:${aLedger}:000000000`;
    const doc = await serverDoc(id);
    const decision = doc.decision as Record<string, unknown>;
    await putServerDoc({ ...doc, decision: { ...decision, rationale: 'Rewritten on the server' } });

    const bStatus = await b.sync.sync();
    expect(bStatus.quarantined).toBeGreaterThan(0);
    expect(await b.store.chain(aLedger)).toEqual([]);
    expect(await b.store.grants()).toEqual([]);
    const bState = await b.sync.state();
    expect(bState.quarantined.map((q) => q.reason)).toContain('refused-by-import');

    const aStatus = await a.sync.sync();
    expect(aStatus.quarantined).toBe(1);
    expect((await a.sync.state()).quarantined[0]).toMatchObject({ id, reason: 'changed-decision' });
    expect((await a.store.chain(aLedger))[0]!.rationale).not.toBe('Rewritten on the server');
  });

  it('a colleague’s decision already held, changed on the server later, is refused and the held one stays', async () => {
    const a = installation('a');
    const b = installation('b');
    await documentGrant(a.store);
    await a.sync.sync();
    await b.sync.sync();
    const aLedger = await a.store.getLedgerId();
    const held = await b.store.chain(aLedger);
    expect(held).toHaveLength(1);
    expect((await b.sync.state()).quarantinedCount).toBe(0);

    // Rewritten on the server after B took it: B continues A's chain from what it holds, and still sees it.
    const id = `decision:${aLedger}:000000000`;
    const doc = await serverDoc(id);
    await putServerDoc({
      ...doc,
      decision: { ...(doc.decision as Record<string, unknown>), rationale: 'Rewritten on the server' },
    });
    const status = await b.sync.sync();
    expect(status.quarantined).toBeGreaterThan(0);
    expect((await b.sync.state()).quarantined).toContainEqual(
      expect.objectContaining({ id, reason: 'changed-decision' }),
    );
    expect(await b.store.chain(aLedger)).toEqual(held);
  });

  it('unsigned and malformed documents are quarantined with their reason', async () => {
    const a = installation('a');
    await putServerDoc({ _id: 'grant:g-unsigned', type: 'grant', author: crypto.randomUUID(), grant: {} });
    await putServerDoc({ _id: 'something', hello: 'world' });
    const status = await a.sync.sync();
    expect(status.lastError).toBeUndefined();
    expect(status.quarantined).toBe(2);
    const reasons = (await a.sync.state()).quarantined.map((q) => [q.id, q.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['grant:g-unsigned', 'unsigned'],
        ['something', 'malformed'],
      ]),
    );
    // Seen once, counted once: the next sync does not count them again.
    expect((await a.sync.sync()).quarantined).toBe(2);
  });

  it('wrong credentials: the status says so, and local work goes on', async () => {
    const a = installation('a', { settings: settings('not the password') });
    await documentGrant(a.store);
    const status = await a.sync.sync();
    expect(status.lastError).toEqual({ kind: 'wrong-credentials' });
    expect(status.pending).toBeGreaterThan(0);
    await documentGrant(a.store, { caseText: 'Summer campaign' });
    expect(await a.store.grants()).toHaveLength(2);
  });

  it('a grant edited in two places keeps both versions until an admin chooses, with a decision', async () => {
    const a = installation('a');
    const b = installation('b');
    // Two colleagues who trust each other: a version by one the admin has not trusted makes no conflict.
    await trusts(b, a);
    await trusts(a, b);
    await documentGrant(a.store);
    await a.sync.sync();
    await b.sync.sync();
    const [held] = await b.store.grants();
    await extendGrant(a.store, held!.id, '2027-01-20', later(1));
    await extendGrant(b.store, held!.id, '2027-01-25', later(2));
    await a.sync.sync();
    expect((await b.sync.sync()).conflicts).toBe(1);
    expect((await a.sync.sync()).conflicts).toBe(1);

    const versions = await a.sync.conflictVersions(held!.id);
    expect(versions.map((v) => v.grant.endsAt).sort()).toEqual(['2027-01-20', '2027-01-25']);
    const keep = versions.find((v) => v.grant.endsAt === '2027-01-25')!;
    expect(await a.sync.resolveConflict(held!.id, keep.rev, 'anna@sjobod.se')).toBe(true);
    const aLedger = await a.store.getLedgerId();
    expect((await a.store.chain(aLedger)).at(-1)).toMatchObject({ action: 'note', grantId: held!.id });
    expect((await a.sync.sync()).conflicts).toBe(0);
    expect((await b.sync.sync()).conflicts).toBe(0);
    expect(await b.sync.conflictVersions(held!.id)).toEqual([]);
  });

  it('the server goes away mid-way and a new one comes: the sync resumes and nothing is lost', async () => {
    const aStore = new LedgerStore(`a-${Math.random()}`);
    team.keep(aStore);
    const mirrorName = `mirror-a-${Math.random()}`;
    // A's engine made anew (as after a restart): the same ledger and mirror, on `serverSettings`.
    const engine = (serverSettings = settings()) =>
      new TeamSync({ PouchDB, store: aStore, settings: serverSettings, mirrorName, now: () => NOW });
    await documentGrant(aStore);
    let a = engine();
    await a.sync();
    await a.close();
    const url = team.server.url;
    await team.server.close();

    await documentGrant(aStore, { caseText: 'Summer campaign' });
    a = engine({ ...settings(), serverUrl: url });
    const down = await a.sync();
    expect(down.lastError).toMatchObject({ kind: 'unreachable' });
    expect(down.pending).toBeGreaterThan(0);
    await a.close();

    // The same server back (an empty one here: the test server keeps its data in memory).
    await team.startServer();
    a = engine();
    team.keep(a);
    const back = await a.sync();
    expect(back.lastError).toBeUndefined();
    expect(back.pending).toBe(0);
    const b = installation('b');
    await trusts(b, { store: aStore });
    await b.sync.sync();
    expect((await b.store.grants()).map((g) => g.case).sort()).toEqual([
      'Spring campaign',
      'Summer campaign',
    ]);
  });

  it("A's checklist run and review campaign reach B, each signed by A, once B trusts A", async () => {
    const a = installation('a');
    const b = installation('b');
    const run = await startRun(a.store);
    const campaign = await reviewCampaign(a.store);
    expect((await a.sync.sync()).pending).toBe(0);
    const aLedger = await a.store.getLedgerId();
    expect(await serverDoc('checklist:run-1')).toMatchObject({ type: 'checklist', author: aLedger, run });
    expect(await serverDoc('review:c1')).toMatchObject({ type: 'review', author: aLedger, campaign });

    const status = await b.sync.sync();
    expect(status.quarantined).toBe(0);
    // Like a file's decisions, from a colleague B has not trusted: held back, and the status says so.
    expect(await b.store.runs()).toEqual([]);
    expect(await b.store.campaigns()).toEqual([]);
    expect(status.waiting).toEqual({ colleagues: 1, records: 2 });
    expect((await b.sync.state()).waiting).toEqual([aLedger]);
    await b.sync.sync();
    expect(await b.store.runs()).toEqual([]);

    await b.store.setTrusted(aLedger, true, NOW);
    const trusted = await b.sync.sync();
    expect(await b.store.run('run-1')).toEqual(run);
    expect(await b.store.campaign('c1')).toEqual(campaign);
    expect((await b.sync.state()).waiting).toEqual([]);
    expect(trusted.waiting).toBeUndefined();
    // B pushes none of A's records back as its own.
    expect((await serverDoc('checklist:run-1')).author).toBe(aLedger);
    expect((await serverDoc('review:c1')).author).toBe(aLedger);

    // A decides one more item: the campaign's next revision reaches B.
    const next = decide(
      campaign,
      [{ itemId: 'person:anna@sjobod.se|portfolio', kind: 'keep', rationale: 'Owner' }],
      'anna@sjobod.se',
      later(1),
    );
    if (!next.ok) throw new Error(next.problem);
    await a.store.commit({ campaigns: [next.campaign] });
    await a.sync.sync();
    await b.sync.sync();
    expect(await b.store.campaign('c1')).toEqual(next.campaign);
    expect(next.campaign.revision).toBeGreaterThan(campaign.revision);
  });

  it('a later tick in a run reaches a colleague who trusts the author; one who does not keeps theirs', async () => {
    const a = installation('a');
    const b = installation('b');
    const c = installation('c');
    const run = await startRun(a.store);
    await trusts(b, a);
    await a.sync.sync();
    await b.sync.sync();
    await c.sync.sync();
    expect(await b.store.run('run-1')).toEqual(run);
    const ticked = await tickRun(a.store, run, later(1));
    await a.sync.sync();
    const rev = (await serverDoc('checklist:run-1'))._rev;
    await b.sync.sync();
    await c.sync.sync();
    expect(await b.store.run('run-1')).toEqual(ticked);
    // C has not trusted A: A's run waits there, in neither version.
    expect(await c.store.run('run-1')).toBeUndefined();
    expect((await c.sync.status()).waiting).toEqual({ colleagues: 1, records: 1 });
    // Nobody pushes their version back over A's: the document stays as A wrote it.
    await b.sync.sync();
    await c.sync.sync();
    await a.sync.sync();
    expect((await serverDoc('checklist:run-1'))._rev).toBe(rev);

    // B's own later tick goes out, signed by B, and A (who does not trust B) keeps its own.
    const bTicked = await tickRun(b.store, ticked, later(2));
    await b.sync.sync();
    expect(await serverDoc('checklist:run-1')).toMatchObject({
      author: await b.store.getLedgerId(),
      run: bTicked,
    });
    await a.sync.sync();
    expect(await a.store.run('run-1')).toEqual(ticked);
  });

  it('a tampered run or campaign is quarantined by B and never applied; the rest of A comes', async () => {
    const a = installation('a');
    const b = installation('b');
    await documentGrant(a.store);
    await startRun(a.store);
    await reviewCampaign(a.store);
    await a.sync.sync();
    await b.store.setTrusted(await a.store.getLedgerId(), true, NOW);
    const runDoc = await serverDoc('checklist:run-1');
    await putServerDoc({ ...runDoc, run: { ...(runDoc.run as object), case: 'Rewritten on the server' } });
    const reviewDocument = await serverDoc('review:c1');
    await putServerDoc({
      ...reviewDocument,
      campaign: { ...(reviewDocument.campaign as object), startedBy: 'mallory@example.com' },
    });

    const status = await b.sync.sync();
    expect(status.quarantined).toBe(2);
    const quarantined = (await b.sync.state()).quarantined.map((q) => [q.id, q.reason]);
    expect(quarantined).toEqual(
      expect.arrayContaining([
        ['checklist:run-1', 'bad-signature'],
        ['review:c1', 'bad-signature'],
      ]),
    );
    expect(await b.store.runs()).toEqual([]);
    expect(await b.store.campaigns()).toEqual([]);
    expect((await b.store.grants()).map((g) => g.case)).toEqual(['Spring campaign']);
  });

  it("A's later edit of a grant replaces B's copy when B trusts A, and only then", async () => {
    const a = installation('a');
    const b = installation('b');
    const c = installation('c');
    await documentGrant(a.store);
    const aLedger = await a.store.getLedgerId();
    await trusts(b, a);
    await trusts(c, a);
    await a.sync.sync();
    await b.sync.sync();
    await c.sync.sync();
    // C took A's grant as a trusting colleague, and then stopped trusting A.
    await c.store.setTrusted(aLedger, false, NOW);
    const [grant] = await a.store.grants();
    // C (whom nobody trusts) extends it first; then A, later.
    await extendGrant(c.store, grant!.id, '2027-01-18', later(1));
    await c.sync.sync();
    await a.sync.sync();
    await b.sync.sync();
    expect((await a.store.grants()).map((g) => g.endsAt)).toEqual(['2027-01-15']);
    expect((await b.store.grants()).map((g) => g.endsAt)).toEqual(['2027-01-15']);
    await extendGrant(a.store, grant!.id, '2027-01-20', later(2));
    await a.sync.sync();
    expect((await b.sync.sync()).conflicts).toBe(0);
    expect(await b.store.grants()).toEqual(await a.store.grants());
    expect((await b.store.grants()).map((g) => g.endsAt)).toEqual(['2027-01-20']);
    // C does not trust A: its own version stays, and it does not push it back over A's edit.
    await c.sync.sync();
    expect((await c.store.grants()).map((g) => g.endsAt)).toEqual(['2027-01-18']);
    const rev = (await serverDoc(`grant:${grant!.id}`))._rev;
    for (const x of [c, b, a, c]) expect((await x.sync.sync()).conflicts).toBe(0);
    expect(await serverDoc(`grant:${grant!.id}`)).toMatchObject({ _rev: rev, author: aLedger });
  });

  it('a conflict is never settled by the later-edit rule, and the chosen version reaches a trusting colleague', async () => {
    const a = installation('a');
    const b = installation('b');
    await documentGrant(a.store);
    await trusts(b, a);
    await trusts(a, b);
    await a.sync.sync();
    await b.sync.sync();
    const [held] = await b.store.grants();
    await extendGrant(a.store, held!.id, '2027-01-20', later(2));
    await extendGrant(b.store, held!.id, '2027-01-25', later(1));
    await b.sync.sync();
    await a.sync.sync();
    // A's edit is the later one, but the two edits conflict: each keeps its own until an admin chooses.
    expect((await b.sync.sync()).conflicts).toBe(1);
    expect((await a.sync.sync()).conflicts).toBe(1);
    expect((await b.store.grants()).map((g) => g.endsAt)).toEqual(['2027-01-25']);
    expect((await a.store.grants()).map((g) => g.endsAt)).toEqual(['2027-01-20']);

    const keep = (await a.sync.conflictVersions(held!.id)).find((v) => v.grant.endsAt === '2027-01-25')!;
    expect(await a.sync.resolveConflict(held!.id, keep.rev, 'anna@sjobod.se')).toBe(true);
    expect((await a.store.grants()).map((g) => g.endsAt)).toEqual(['2027-01-25']);
    await a.sync.sync();
    expect((await b.sync.sync()).conflicts).toBe(0);
    expect(await b.store.grants()).toEqual(await a.store.grants());
    await a.sync.sync();
    expect((await serverDoc(`grant:${held!.id}`)).grant).toEqual((await a.store.grants())[0]);
  });
});

describe('team ledger at scale: only the new part of a chain', () => {
  /** The decisions of each file the store was asked to import, and whether any whole chain was read. */
  function watch(store: LedgerStore) {
    const imported: number[] = [];
    const importText = store.applyImport.bind(store);
    store.applyImport = (text, ...rest) => {
      imported.push((JSON.parse(text) as { decisions: unknown[] }).decisions.length);
      return importText(text, ...rest);
    };
    const wholeChains: string[] = [];
    const chain = store.chain.bind(store);
    store.chain = (ledgerId) => {
      wholeChains.push(ledgerId);
      return chain(ledgerId);
    };
    return { imported, wholeChains };
  }

  it('one more decision: the push reads only it, the colleague imports it onto the decision held', async () => {
    const a = installation('a');
    const b = installation('b');
    await a.store.commit({ decisions: [0, 1, 2, 3, 4].map(note) });
    await a.sync.sync();
    await b.sync.sync();
    const aLedger = await a.store.getLedgerId();
    expect(await b.store.chain(aLedger)).toHaveLength(5);

    const atA = watch(a.store);
    const atB = watch(b.store);
    await a.store.appendDecision(note(5));
    expect((await a.sync.status()).pending).toBe(1);
    expect((await a.sync.sync()).pending).toBe(0);
    await b.sync.sync();
    // The last decision B held, then the new one: verified from the hash held on.
    expect(atB.imported).toEqual([2]);
    expect(atA.wholeChains).toEqual([]);
    expect(atB.wholeChains).toEqual([]);
    expect(await b.store.chain(aLedger)).toEqual(await a.store.chain(aLedger));
    expect((await b.sync.status()).quarantined).toBe(0);
  });

  it('a long chain comes in signed parts, each continuing the last', async () => {
    const a = installation('a');
    const { store: bStore, sync: b } = installation('b', { importPart: 3 });
    await a.store.commit({ decisions: Array.from({ length: 10 }, (_, i) => note(i)) });
    await a.sync.sync();
    const atB = watch(bStore);
    await b.sync();
    // [0,3) [2,5) [4,7) [6,9) [8,10): each part from the last decision the one before added.
    expect(atB.imported).toEqual([3, 3, 3, 3, 2]);
    const aLedger = await a.store.getLedgerId();
    expect(await bStore.chain(aLedger)).toEqual(await a.store.chain(aLedger));
    expect((await b.status()).quarantined).toBe(0);
  });

  it('a decision held, changed on the server, stops the chain there: refused, nothing after it added', async () => {
    const a = installation('a');
    const b = installation('b');
    await a.store.commit({ decisions: [0, 1, 2].map(note) });
    await a.sync.sync();
    await b.sync.sync();
    const aLedger = await a.store.getLedgerId();
    const id = `decision:${aLedger}:000000002`;
    const doc = await serverDoc(id);
    await putServerDoc({ ...doc, decision: { ...(doc.decision as object), rationale: 'Rewritten' } });
    await a.store.appendDecision(note(3));
    await a.sync.sync();

    await b.sync.sync();
    expect((await b.store.chain(aLedger)).map((d) => d.rationale)).toEqual(['Note 0', 'Note 1', 'Note 2']);
    const state = await b.sync.state();
    expect(state.quarantined.map((q) => [q.reason, q.problem])).toContainEqual([
      'refused-by-import',
      'import-chain-broken',
    ]);
  });

  /**
   * A colleague's installation whose requests' `_revs_diff` offers (document ids) are kept, in order;
   * `beforeHeld` runs before its write of what the server holds (after a pull) reaches the server.
   */
  function offering(name: string, beforeHeld?: () => Promise<void>) {
    const serverSettings = settings();
    const offered: string[] = [];
    const send = teamFetch(serverSettings);
    const fetch: typeof globalThis.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/_revs_diff') && typeof init?.body === 'string')
        offered.push(...Object.keys(JSON.parse(init.body) as object));
      const held = url.includes('/_local/scopekeeper-held-') && init?.method === 'PUT';
      if (held && beforeHeld && String(init.body).includes('"seq"'))
        return beforeHeld().then(() => send(input, init));
      return send(input, init);
    };
    // Any pull of a few documents counts (TEAM_HELD_AFTER_PULL is for a first sync's thousands).
    const { store, sync } = installation(name, { settings: serverSettings, fetch, heldAfterPull: 1 });
    return { store, sync, offered };
  }

  it('after a pull, the next push offers the server only what is new; a server emptied meanwhile gets everything back', async () => {
    const a = installation('a');
    await a.store.commit({ decisions: Array.from({ length: 30 }, (_, i) => note(i)) });
    await a.sync.sync();
    const aLedger = await a.store.getLedgerId();
    const ofA = (id: string) => id.startsWith(`decision:${aLedger}:`);
    const b = offering('b');
    await b.sync.sync();
    expect(await b.store.chainLength(aLedger)).toBe(30);
    const bLedger = await b.store.getLedgerId();

    // Right after B's pull, the team's database is deleted and made again, empty (restored without its data).
    await team.emptyDatabase();
    b.offered.length = 0;
    await b.store.appendDecision(note(100));
    expect((await b.sync.sync()).lastError).toBeUndefined();
    expect(b.offered.filter(ofA)).toHaveLength(30);
    // A newcomer gets A's chain and B's from what B kept.
    const c = installation('c');
    await c.sync.sync();
    expect(await c.store.chain(aLedger)).toEqual(await a.store.chain(aLedger));
    expect(await c.store.chain(bLedger)).toEqual(await b.store.chain(bLedger));
    expect((await c.sync.status()).quarantined).toBe(0);

    // Thirty more of A's: B's push after pulling them offers its own new decision, none of A's.
    await a.store.commit({ decisions: Array.from({ length: 30 }, (_, i) => note(30 + i)) });
    await a.sync.sync();
    await b.sync.sync();
    expect(await b.store.chainLength(aLedger)).toBe(60);
    b.offered.length = 0;
    await b.store.appendDecision(note(101));
    expect((await b.sync.sync()).pending).toBe(0);
    expect(b.offered.filter(ofA)).toEqual([]);
    expect(b.offered).toContain(`decision:${bLedger}:000000001`);
    await c.sync.sync();
    expect(await c.store.chain(bLedger)).toEqual(await b.store.chain(bLedger));
  });

  it('a database emptied between the pull and the record of what it holds: the next push offers it everything', async () => {
    const a = installation('a');
    await a.store.commit({ decisions: Array.from({ length: 30 }, (_, i) => note(i)) });
    await a.sync.sync();
    const aLedger = await a.store.getLedgerId();
    let emptied = false;
    const b = offering('b', async () => {
      if (emptied) return;
      emptied = true;
      await team.emptyDatabase();
    });
    await b.sync.sync();
    expect(emptied).toBe(true);
    expect(await b.store.chainLength(aLedger)).toBe(30);
    b.offered.length = 0;
    await b.sync.sync();
    expect(b.offered.filter((id) => id.startsWith(`decision:${aLedger}:`))).toHaveLength(30);
    const c = installation('c');
    await c.sync.sync();
    expect(await c.store.chain(aLedger)).toEqual(await a.store.chain(aLedger));
  });
});
