import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SnapshotDelta } from '@/lib/domain/messages';
import { getSubjectKey, type PageSnapshot, type Principal } from '@/lib/domain/snapshot';
import type { TabState } from '@/lib/domain/ui-state';
import { computeTabState } from '@/lib/platform/hub/tab-state';
import { me, person } from '../domain/rules/helpers';
import { B, listSnapshot, panelOn, testHub, type TestHub } from './test-hub';

const NOW = '2026-11-28T12:00:00.000Z';
const STREAM = '0123456789abcdef';
const people = (principals: Principal[]) => listSnapshot('people', principals);
const header = (s: PageSnapshot) => {
  const { principals: _principals, ...rest } = s;
  return rest;
};

/** The delta from one read of a page to the next, as a content script numbers it. */
function deltaOf(before: PageSnapshot, after: PageSnapshot, seq: number): SnapshotDelta {
  const was = new Map(before.principals.map((p) => [getSubjectKey(p), p]));
  const keys = new Set(after.principals.map(getSubjectKey));
  // Upsert what is new or changed; when the unchanged ones are in another order (a move), them too.
  const kept = new Set(
    after.principals
      .filter((p) => JSON.stringify(was.get(getSubjectKey(p))) === JSON.stringify(p))
      .map(getSubjectKey),
  );
  const keptInOld = before.principals.map(getSubjectKey).filter((k) => kept.has(k));
  const keptInNew = after.principals.map(getSubjectKey).filter((k) => kept.has(k));
  const moved = JSON.stringify(keptInNew) === JSON.stringify(keptInOld) ? new Set<string>() : kept;
  return {
    stream: STREAM,
    seq,
    header: header(after),
    count: after.principals.length,
    upsert: after.principals.flatMap((principal, at) => {
      const key = getSubjectKey(principal);
      return kept.has(key) && !moved.has(key) ? [] : [{ at, principal }];
    }),
    remove: [...was.keys()].filter((k) => !keys.has(k)),
  };
}

/** A seeded history of a People page: rows added, changed, moved and removed. */
function history(seed: number, steps: number): PageSnapshot[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(random() * n);
  const domains = ['sjobod.se', 'byraab.se', 'gmail.com'];
  let serial = 0;
  const fresh = () => {
    const n = serial++;
    return person(`Person ${n}`, `p${n}@${domains[int(3)]}`, {
      portfolioAccess: (['full-control', 'partial', 'basic'] as const)[int(3)],
      pending: random() < 0.2,
    });
  };
  let list: Principal[] = [me, ...Array.from({ length: 8 }, fresh)];
  const pages = [people(list)];
  for (let step = 1; step < steps; step += 1) {
    list = [...list];
    for (let op = 1 + int(3); op > 0; op -= 1) {
      const kind = int(4);
      const i = 1 + int(Math.max(1, list.length - 1));
      if (kind === 0 || list.length < 3) list.splice(i, 0, fresh());
      else if (kind === 1 && list[i]) list[i] = { ...list[i]!, pending: !list[i]!.pending };
      else if (kind === 2 && list[i]) {
        const [moved] = list.splice(i, 1);
        list.splice(1 + int(list.length - 1), 0, moved!);
      } else if (list[i]) list.splice(i, 1);
    }
    pages.push(people(list));
  }
  return pages;
}

/** What a tab's panel shows, without the time it was received. */
async function shown(t: TestHub, tabId: number): Promise<Omit<TabState, 'receivedAt'>> {
  await t.hub.publisher.settled();
  const { receivedAt: _at, ...state } = await computeTabState(t.hub, tabId);
  return state;
}

describe('the background, receiving deltas of a page', () => {
  let t: TestHub;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    t = testHub({ now: NOW });
  });
  afterEach(() => t.close());

  const sender = (tabId = 1) => t.contentSender(tabId);
  const full = (snapshot: PageSnapshot, seq = 1, tabId = 1) =>
    t.ask('reportSnapshot', { snapshot, stream: STREAM, seq }, sender(tabId));

  it('shows, after a full report and its deltas, what full reports of the same pages show', async () => {
    const pages = history(7, 25);
    const viaDeltas: unknown[] = [];
    expect(await full(pages[0]!)).toEqual({ ok: true, value: {} });
    viaDeltas.push(await shown(t, 1));
    for (let i = 1; i < pages.length; i += 1) {
      const reply = await t.ask('reportDelta', deltaOf(pages[i - 1]!, pages[i]!, i + 1), sender());
      expect(reply, `step ${i}`).toEqual({ ok: true, value: {} });
      viaDeltas.push(await shown(t, 1));
    }
    await t.close();

    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    t = testHub({ now: NOW });
    const viaFull: unknown[] = [];
    for (const page of pages) {
      await t.ask('reportSnapshot', { snapshot: page }, sender());
      viaFull.push(await shown(t, 1));
    }
    // The watch mark names the worker's own session (each hub has one): the rest is compared.
    const unmarked = (states: unknown[]) => states.map((s) => ({ ...(s as TabState), watchMark: undefined }));
    expect(unmarked(viaDeltas)).toEqual(unmarked(viaFull));
    // The history did raise findings, and changed them along the way.
    const counts = viaFull.map((s) => (s as TabState).findings.length);
    expect(Math.max(...counts)).toBeGreaterThan(3);
    expect(new Set(counts).size).toBeGreaterThan(2);
  });

  it('answers needFull to a gap, another stream, or a tab it holds no numbered report of', async () => {
    const one = people([me]);
    const two = people([me, person('Nils Holm', 'nils@gmail.com')]);
    // Nothing held for the tab (a restarted worker that had not mirrored it).
    expect(await t.ask('reportDelta', deltaOf(one, two, 2), sender())).toEqual({
      ok: true,
      value: { needFull: true },
    });
    // A full report without numbering: deltas cannot follow it.
    await t.ask('reportSnapshot', { snapshot: one }, sender());
    expect(await t.ask('reportDelta', deltaOf(one, two, 2), sender())).toMatchObject({
      value: { needFull: true },
    });
    await full(one, 1);
    expect(await t.ask('reportDelta', deltaOf(one, two, 3), sender())).toMatchObject({
      value: { needFull: true },
    });
    expect(
      await t.ask('reportDelta', { ...deltaOf(one, two, 2), stream: 'fedcba9876543210' }, sender()),
    ).toMatchObject({ value: { needFull: true } });
    expect((await shown(t, 1)).snapshot).toEqual(one);
    // The right one still applies: nothing above changed what the tab holds.
    expect(await t.ask('reportDelta', deltaOf(one, two, 2), sender())).toEqual({ ok: true, value: {} });
    expect((await shown(t, 1)).snapshot).toEqual(two);
    // A full report restarts the numbering.
    await full(one, 9);
    expect(await t.ask('reportDelta', deltaOf(one, two, 3), sender())).toMatchObject({
      value: { needFull: true },
    });
    expect(await t.ask('reportDelta', deltaOf(one, two, 10), sender())).toEqual({ ok: true, value: {} });
  });

  it('refuses a hostile delta, or answers needFull, and changes nothing', async () => {
    const one = people([me, person('Nils Holm', 'nils@gmail.com')]);
    const two = people([me]);
    await full(one, 1);
    const before = await shown(t, 1);
    const good = deltaOf(one, two, 2);
    const many = Array.from({ length: 20_001 }, (_, i) => ({
      at: i,
      principal: person(`P ${i}`, `p${i}@gmail.com`),
    }));
    const refusals = [
      [{ ...good, upsert: 'everyone' }, 'invalid-request'],
      [{ ...good, seq: -1 }, 'invalid-request'],
      [{ ...good, stream: 'not hex' }, 'invalid-request'],
      [{ ...good, count: 20_001, upsert: many }, 'invalid-request'],
      [{ ...good, header: { ...good.header, url: 'https://example.com/' } }, 'snapshot-other-origin'],
    ] as const;
    for (const [delta, code] of refusals)
      expect(await t.ask('reportDelta', delta, sender())).toMatchObject({ ok: false, error: { code } });
    // The sender's own page is elsewhere: a delta about business.facebook.com is not its to send.
    expect(await t.ask('reportDelta', good, t.contentSender(1, 'https://example.com/x'))).toMatchObject({
      ok: false,
      error: { code: 'snapshot-other-origin' },
    });
    const needFull = [
      { ...good, remove: ['person:nobody@example.com'] },
      { ...good, count: 2 },
      { ...good, count: 0 },
      { ...good, upsert: [{ at: 5, principal: me }] },
      { ...good, remove: [...good.remove, ...good.remove] },
      { ...good, header: { ...good.header, kind: 'partners' } },
    ];
    for (const delta of needFull)
      expect(await t.ask('reportDelta', delta, sender())).toEqual({ ok: true, value: { needFull: true } });
    expect(await shown(t, 1)).toEqual(before);
    expect(await t.ask('reportDelta', good, sender())).toEqual({ ok: true, value: {} });
    expect((await shown(t, 1)).snapshot).toEqual(two);
  });

  it('applies deltas on what a stopped worker mirrored, and asks for the whole read when it mirrored less', async () => {
    const one = people([me]);
    const two = people([me, person('Nils Holm', 'nils@gmail.com')]);
    const three = people([person('Nils Holm', 'nils@gmail.com'), me]);
    await full(one, 1);
    // The mirror is written a second after the last change.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await t.ask('reportDelta', deltaOf(one, two, 2), sender())).toEqual({ ok: true, value: {} });
    await t.hub.publisher.settled();
    await t.hub.recording.flush();
    // The worker stops before the mirror of seq 2 is written; a new one starts on the same session.
    const restarted = testHub({ now: NOW });
    try {
      expect(await restarted.ask('reportDelta', deltaOf(two, three, 3), sender())).toEqual({
        ok: true,
        value: { needFull: true },
      });
      expect(await restarted.ask('reportDelta', deltaOf(one, two, 2), sender())).toEqual({
        ok: true,
        value: {},
      });
      expect(await restarted.ask('reportDelta', deltaOf(two, three, 3), sender())).toEqual({
        ok: true,
        value: {},
      });
      await restarted.hub.publisher.settled();
      expect((await computeTabState(restarted.hub, 1)).snapshot).toEqual(three);
    } finally {
      await restarted.close();
    }
  });

  it('publishes a burst of deltas once per frame, the last read included, and records the last one', async () => {
    const pages = history(3, 30);
    await full(pages[0]!);
    await t.hub.publisher.settled();
    await t.hub.recording.flush();
    const panel = panelOn(t, 1);
    const replies = await Promise.all(
      pages.slice(1).map((page, i) => t.ask('reportDelta', deltaOf(pages[i]!, page, i + 2), sender())),
    );
    expect(replies.every((r) => r.ok && !r.value.needFull)).toBe(true);
    await t.hub.publisher.settled();
    expect(panel.length).toBeGreaterThan(0);
    expect(panel.length).toBeLessThanOrEqual(3);
    expect(panel.at(-1)!.snapshot).toEqual(pages.at(-1));
    await t.hub.recording.flush();
    const [recorded] = await t.store.latestSnapshots(B);
    expect(recorded?.snapshot).toEqual(pages.at(-1));
  });

  it('records the People page a delta left waiting when the tab goes on to another page, names included', async () => {
    const before = people([me, person('Nils', 'nils@byraab.se')]);
    const after = people([me, person('Nils Holm', 'nils@byraab.se'), person('Ada Lind', 'ada@gmail.com')]);
    await full(before);
    await t.hub.publisher.settled();
    // The delta comes within a second of the full report: its recording waits.
    expect(await t.ask('reportDelta', deltaOf(before, after, 2), sender())).toEqual({ ok: true, value: {} });
    // The admin opens Partners before that second is over: a new stream, a full report.
    const partners = listSnapshot('partners', []);
    await t.ask('reportSnapshot', { snapshot: partners, stream: 'fedcba9876543210', seq: 1 }, sender());
    await t.hub.recording.flush();
    const recorded = await t.store.latestSnapshots(B);
    expect(recorded.find((r) => r.snapshot.kind === 'people')?.snapshot).toEqual(after);
    expect(recorded.find((r) => r.snapshot.kind === 'partners')?.snapshot).toEqual(partners);
  });

  it('does not write back a read that waited to be recorded when the ledger is erased', async () => {
    const before = people([me]);
    const after = people([me, person('Ada Lind', 'ada@gmail.com')]);
    await full(before);
    await t.hub.publisher.settled();
    await t.hub.recording.flush();
    expect(await t.ask('reportDelta', deltaOf(before, after, 2), sender())).toEqual({ ok: true, value: {} });
    expect(await t.ask('ledgerAdmin', { type: 'delete-all', commandKey: crypto.randomUUID() })).toEqual({
      ok: true,
      value: { type: 'delete-all' },
    });
    await t.hub.recording.flush();
    expect(await t.store.latestSnapshots(B)).toEqual([]);
  });

  it('records what waited for a tab that closes, and forgets the tab', async () => {
    const before = people([me]);
    const after = people([me, person('Ada Lind', 'ada@gmail.com')]);
    await full(before);
    await t.hub.publisher.settled();
    expect(await t.ask('reportDelta', deltaOf(before, after, 2), sender())).toEqual({ ok: true, value: {} });
    await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 1, isWindowClosing: false });
    // At once, not at the end of the throttle's second.
    await vi.waitFor(async () => expect((await t.store.latestSnapshots(B))[0]?.snapshot).toEqual(after), {
      timeout: 400,
    });
  });
});
