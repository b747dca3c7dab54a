// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SnapshotDelta } from '@/lib/domain/messages';
import { getSubjectKey, type PageSnapshot } from '@/lib/domain/snapshot';
import { findCards, findMain, findRows } from '@/lib/page/dom';
import { readPage } from '@/lib/page/read';
import { createReportStream, type Outgoing } from '@/lib/page/report-stream';
import { createRowCache, type RowCache } from '@/lib/page/row-cache';
import { watchPage } from '@/lib/page/watch';
import { SandboxApp } from '../../sandbox/app';
import { generatePortfolio } from '../../sandbox/generate';
import { listStructures, type ListStructure } from '../../sandbox/structures';

const B = 'https://business.facebook.com';
const happyDOM = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
const peopleUrl = (id: string) => `${B}/latest/settings/business_users?business_id=${id}`;
const partnersUrl = (id: string) => `${B}/latest/settings/partners?business_id=${id}`;

/**
 * The background's side, as small as the contract (lib/domain/messages.ts `snapshotDeltaSchema`) says:
 * a delta applies on top of the report numbered just before it; the others keep their order, each upsert
 * stands at its index, and the count must add up. (The background's own applyDelta is another engineer's;
 * this one only checks what the page sends.)
 */
function applyDelta(base: PageSnapshot, delta: SnapshotDelta): PageSnapshot {
  const gone = new Set([...delta.remove, ...delta.upsert.map((u) => getSubjectKey(u.principal))]);
  const principals = base.principals.filter((p) => !gone.has(getSubjectKey(p)));
  for (const { at, principal } of [...delta.upsert].sort((a, b) => a.at - b.at))
    principals.splice(at, 0, principal);
  expect(principals.length).toBe(delta.count);
  return { ...delta.header, principals };
}

/** Plays the background: takes every message in order and rebuilds the page's snapshot from them. */
function background() {
  let seq = 0;
  let stream: string | undefined;
  const state = {
    snapshot: undefined as PageSnapshot | undefined,
    fulls: 0,
    deltas: 0,
    messages: [] as Outgoing[],
  };
  const take = (out: Outgoing) => {
    state.messages.push(out);
    if (out.kind === 'full') {
      state.fulls++;
      stream ??= out.report.stream;
      expect(out.report.stream).toBe(stream);
      expect(out.report.seq).toBe(seq + 1);
      seq = out.report.seq!;
      state.snapshot = out.report.snapshot;
    } else {
      state.deltas++;
      expect(out.delta.stream).toBe(stream);
      expect(out.delta.seq).toBe(seq + 1);
      seq = out.delta.seq;
      state.snapshot = applyDelta(state.snapshot!, out.delta);
    }
  };
  return { state, take };
}

/** The rows of the main list as the reader finds them (list roles, else cards). */
function listRows(): Element[] {
  const main = findMain(document);
  const rows = findRows(main).rows;
  return rows.length > 0 ? rows : (findCards(main)[0]?.rows ?? []);
}

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => controller.abort());

/** A sandbox page in this document, watched, its reads sent through a report stream to `background()`. */
function watched(structure: ListStructure, people = 40, rows: RowCache = createRowCache(), sliceMs?: number) {
  const portfolio = generatePortfolio({ people, partners: 6, variant: structure, seed: 7 });
  happyDOM().setURL(peopleUrl(portfolio.businessId));
  const app = new SandboxApp(document, portfolio, { mode: 'sync' });
  app.start();
  const bg = background();
  const stream = createReportStream();
  let watcher: ReturnType<typeof watchPage> | undefined;
  return {
    app,
    bg,
    rows,
    idle: () => watcher?.idle() ?? true,
    start: () =>
      (watcher = watchPage(document, {
        signal: controller.signal,
        rows,
        sliceMs,
        yieldToPage: () => new Promise((resolve) => setTimeout(resolve, 0)),
        onRead: (snapshot, diagnostics) => {
          const out = stream.next(snapshot, diagnostics);
          if (out) bg.take(out);
        },
      })),
  };
}

/**
 * Waits until the watcher is done with what changed, then checks that what the background rebuilt is what
 * a fresh read of the whole page gives.
 */
async function agrees(bg: ReturnType<typeof background>, idle: () => boolean): Promise<PageSnapshot> {
  let fresh: PageSnapshot | undefined;
  // The page's MutationObserver hears of the change first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await vi.waitFor(
    () => {
      expect(idle()).toBe(true);
      fresh = readPage(document.location.href, document);
      expect(bg.state.snapshot).toEqual(fresh);
    },
    { timeout: 5000, interval: 20 },
  );
  // And it stays so: nothing more is sent for a page that did not change.
  const sent = bg.state.messages.length;
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(bg.state.messages.length).toBe(sent);
  return fresh!;
}

describe('the watcher reads only what changed, and its deltas rebuild the page (issue 12, item 1)', () => {
  // Read whole at each change, or one row per slice (what a slow machine or a long list gives).
  for (const [structure, sliceMs] of listStructures.flatMap((s) => [[s, 1000] as const, [s, 0] as const])) {
    it(`rows in batches, re-rendered, changed, removed, navigated away (${structure}, ${sliceMs ? 'whole' : 'sliced'})`, async () => {
      const page = watched(structure, 40, createRowCache(), sliceMs);
      const { app, bg, rows } = page;
      // The list's rows arrive in batches: taken away, then put back a few at a time.
      const all = listRows();
      expect(all.length).toBeGreaterThan(30);
      const parent = all[0]!.parentElement!;
      const after = all.at(-1)!.nextSibling;
      for (const row of all) row.remove();
      page.start();
      await agrees(bg, page.idle);
      expect(bg.state.fulls).toBe(1);
      for (let i = 0; i < all.length; i += 9) {
        const before = rows.reads;
        for (const row of all.slice(i, i + 9)) parent.insertBefore(row, after);
        const snapshot = await agrees(bg, page.idle);
        expect(snapshot.principals.length).toBeGreaterThan(0);
        // Only the new rows were read (and, for cards, nothing more: the titles are inside them).
        expect(rows.reads - before).toBe(all.slice(i, i + 9).length);
      }
      const full = await agrees(bg, page.idle);
      expect(full.readStatus).toBe('ok');
      expect(full.principals.length).toBe(all.length);
      // From the first read on, every message was a delta.
      expect(bg.state.fulls).toBe(1);
      expect(bg.state.deltas).toBeGreaterThan(3);

      // Re-rendered with equal content: every row is a new element (read again), nothing is sent.
      let reads = rows.reads;
      let messages = bg.state.messages.length;
      app.removePerson('nobody@nowhere.example');
      await agrees(bg, page.idle);
      expect(rows.reads - reads).toBe(all.length);
      expect(bg.state.messages.length).toBe(messages);

      // Renamed in place: one row read again, one principal sent.
      const target = full.principals[5]!;
      const row = listRows().find((r) => r.textContent?.includes(target.name))!;
      const walker = document.createTreeWalker(row, 4);
      let node = walker.nextNode();
      while (node && node.nodeValue?.trim() !== target.name) node = walker.nextNode();
      expect(node).not.toBeNull();
      reads = rows.reads;
      messages = bg.state.messages.length;
      node!.nodeValue = `${target.name} Renamed`;
      // (The portfolio says so too, so that later re-renders keep the new name.)
      const renamedPerson = app.portfolio.people.find(
        (p) => p.name === target.name || p.email === target.name,
      );
      if (renamedPerson && renamedPerson.name === target.name) renamedPerson.name = `${target.name} Renamed`;
      const renamed = await agrees(bg, page.idle);
      expect(renamed.principals[5]!.name).toBe(`${target.name} Renamed`);
      expect(rows.reads - reads).toBe(1);
      const delta = bg.state.messages.at(-1)!;
      expect(bg.state.messages.length).toBe(messages + 1);
      expect(delta.kind).toBe('delta');
      if (delta.kind === 'delta') {
        expect(delta.delta.upsert.map((u) => u.at)).toEqual([5]);
        // A person known by address keeps the subject key: nothing removed.
        expect(delta.delta.remove.length).toBe(target.kind === 'person' && !target.email ? 1 : 0);
      }

      // Access raised, an invitation accepted, a person removed: each rebuilt exactly.
      const basic = app.portfolio.people.find((p) => p.access === 'basic' && !p.pending)!;
      basic.access = 'full-control';
      app.removePerson('nobody@nowhere.example');
      const raised = await agrees(bg, page.idle);
      expect(raised.principals.find((p) => p.name === basic.name)?.portfolioAccess).toBe('full-control');
      const invited = app.portfolio.people.find((p) => p.pending);
      if (invited) {
        app.acceptInvitation(invited.email);
        await agrees(bg, page.idle);
      }
      const leaving = app.portfolio.people[3]!;
      app.removePerson(leaving.email);
      const removed = await agrees(bg, page.idle);
      expect(removed.principals.length).toBe(all.length - 1);
      expect(bg.state.messages.at(-1)!.kind).toBe('delta');

      // Away by SPA navigation: the list is replaced by Partners (another page kind, the same stream).
      app.navigate(partnersUrl(app.portfolio.businessId));
      const partners = await agrees(bg, page.idle);
      expect(partners.kind).toBe('partners');
      expect(partners.principals.length).toBe(6);
      expect(bg.state.fulls).toBe(1);
    });
  }
});

/**
 * A sandbox page whose rows arrive after it starts, with an observer told of changes before the watcher's
 * (observers are called in the order they observe): `inRowsTask` says whether the task that added the
 * rows is still running.
 */
function rowsArriving(portfolio: ReturnType<typeof generatePortfolio>) {
  happyDOM().setURL(peopleUrl(portfolio.businessId));
  const app = new SandboxApp(document, portfolio, { mode: 'live' });
  let rowsIn = false;
  let nextTask = false;
  const before = new MutationObserver(() => {
    if (rowsIn || listRows().length === 0) return;
    rowsIn = true;
    setTimeout(() => (nextTask = true), 0);
  });
  before.observe(document.documentElement, { subtree: true, childList: true });
  app.start();
  return { app, before, inRowsTask: () => rowsIn && !nextTask };
}

describe('slicing (issue 12, item 1: the extension never holds the main thread long)', () => {
  it('reads 5,000 new rows in slices of at most 8 ms, and hands on the first slice at once', async () => {
    const rows = createRowCache();
    const page = watched('grid', 5000, rows);
    // A clock where every row read costs 0.05 ms: 8 ms are 160 rows.
    const clock = () => rows.reads * 0.05;
    const slices: number[] = [];
    let last = 0;
    const reads: PageSnapshot[] = [];
    watchPage(document, {
      signal: controller.signal,
      rows,
      clock,
      yieldToPage: () => {
        slices.push(rows.reads - last);
        last = rows.reads;
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
      onRead: (snapshot) => reads.push(snapshot),
    });
    await vi.waitFor(() => expect(reads.at(-1)?.principals.length).toBe(5000), { timeout: 60_000 });
    slices.push(rows.reads - last);
    expect(rows.reads).toBe(5000);
    // Every stretch between two yields read at most 8 ms of rows (the row that crosses the line included).
    expect(Math.max(...slices)).toBeLessThanOrEqual(161);
    expect(slices.filter((n) => n > 0).length).toBeGreaterThanOrEqual(5000 / 161);
    // The first read handed on was the first slice, a list partly read; then the whole list.
    expect(reads[0]!.principals.length).toBeLessThanOrEqual(161);
    expect(reads[0]!.readProblems.map((p) => p.code)).toContain('list-partly-loaded');
    expect(reads).toHaveLength(2);
    const whole = reads[1]!;
    expect(whole).toEqual(readPage(document.location.href, document));
    expect(whole.principals.slice(0, reads[0]!.principals.length)).toEqual(reads[0]!.principals);
    page.app.stop();
  }, 300_000);

  it('reads nothing in the task that added rows, a few or many: the first slice comes in a task of its own', async () => {
    for (const people of [3, 80]) {
      const portfolio = generatePortfolio({ people, batchSize: people, rowDelayMs: 20, seed: 7 });
      const { app, before, inRowsTask } = rowsArriving(portfolio);
      const rows = createRowCache();
      // Whatever the watcher does with the rows (forgets them, reads them, hands them on), in the rows' task.
      let inTask = 0;
      const count = () => {
        if (inRowsTask()) inTask++;
      };
      const reader = rows.reader.bind(rows);
      const touch = rows.touch.bind(rows);
      rows.reader = (hasTime) => {
        count();
        return reader(hasTime);
      };
      rows.touch = (targets) => {
        count();
        touch(targets);
      };
      // A clock where every row read costs 0.2 ms: 8 ms are 40 rows.
      const clock = () => rows.reads * 0.2;
      const reads: PageSnapshot[] = [];
      const watching = new AbortController();
      try {
        watchPage(document, {
          signal: AbortSignal.any([controller.signal, watching.signal]),
          rows,
          clock,
          yieldToPage: () => new Promise((resolve) => setTimeout(resolve, 0)),
          onRead: (snapshot) => {
            count();
            reads.push(snapshot);
          },
          onAnchors: count,
        });
        await vi.waitFor(() => expect(reads.at(-1)?.principals.length).toBe(people), { timeout: 30_000 });
        expect(inTask).toBe(0);
        if (people === 80) {
          // The first slice is handed on before the rest is read, as a list partly read.
          const first = reads.find((r) => r.principals.length > 0)!;
          expect(first.principals.length).toBeLessThanOrEqual(41);
          expect(first.readProblems.map((p) => p.code)).toContain('list-partly-loaded');
        }
        expect(reads.at(-1)).toEqual(readPage(document.location.href, document));
      } finally {
        watching.abort();
        before.disconnect();
        app.stop();
      }
    }
  }, 60_000);

  it('reads many rows that arrive at once in tasks of their own, not in the task that added them', async () => {
    const portfolio = generatePortfolio({ people: 500, batchSize: 500, rowDelayMs: 20, seed: 7 });
    const { app, before, inRowsTask } = rowsArriving(portfolio);
    const reads: { count: number; inTask: boolean }[] = [];
    const rows = createRowCache();
    watchPage(document, {
      signal: controller.signal,
      rows,
      // Every row read costs 0.05 ms: a slice in the rows' task would have read 80 of them.
      clock: () => rows.reads * 0.05,
      yieldToPage: () => new Promise((resolve) => setTimeout(resolve, 0)),
      onRead: (snapshot) => reads.push({ count: snapshot.principals.length, inTask: inRowsTask() }),
    });
    await vi.waitFor(() => expect(reads.at(-1)?.count).toBe(500), { timeout: 30_000 });
    expect(reads.filter((r) => r.count > 0 && r.inTask)).toEqual([]);
    before.disconnect();
    app.stop();
  }, 60_000);
});
