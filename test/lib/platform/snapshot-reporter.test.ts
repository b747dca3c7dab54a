import { describe, expect, it, vi } from 'vitest';
import { pageMessages, sayFrom } from '@/lib/domain/i18n/page-messages';
import type { UiLocale } from '@/lib/domain/locales';
import type { SnapshotDelta, SnapshotReport } from '@/lib/domain/messages';
import type { Reply } from '@/lib/domain/protocol';
import type { PageSnapshot, Person } from '@/lib/domain/snapshot';
import { createReportStream, longestIncreasing } from '@/lib/page/report-stream';
import {
  createSnapshotReporter,
  createStreamReporter,
  describeOutcome,
  inOrder,
  outcomeOf,
  type ReportOutcome,
} from '@/lib/platform/snapshot-reporter';

/** The page's words in a language, as the build's _locales give them to the browser. */
const wordsIn = (locale: UiLocale) => sayFrom(pageMessages(locale));

const report = (n: number): SnapshotReport => ({
  snapshot: {
    kind: 'people',
    url: `https://business.facebook.com/latest/settings/business_users?business_id=${n}`,
    locale: 'en',
    readStatus: 'ok',
    readProblems: [],
    principals: [],
  },
});

const tooLarge: Reply<'reportSnapshot'> = {
  ok: false,
  error: { code: 'invalid-request', facts: { field: 'snapshot.principals', issue: 'too_big' } },
};

/** A send whose answers the test gives, one by one, in any order. */
function fakeSend() {
  const pending: { resolve: (r: unknown) => void; reject: (e: unknown) => void }[] = [];
  const send = () =>
    new Promise<Reply<'reportSnapshot'>>((resolve, reject) =>
      pending.push({ resolve: resolve as (r: unknown) => void, reject }),
    );
  return { send, pending };
}

describe('the content script’s snapshot reporter', () => {
  it('says when the background refuses a snapshot, with its problem, and when it takes one in', async () => {
    const outcomes: ReportOutcome[] = [];
    const answers: Reply<'reportSnapshot'>[] = [tooLarge, { ok: true, value: {} }];
    const reportNow = createSnapshotReporter(
      async () => answers.shift()!,
      (o) => outcomes.push(o),
    );
    await reportNow(report(1));
    await reportNow(report(2));
    expect(outcomes).toEqual([
      {
        kind: 'refused',
        problem: { code: 'invalid-request', facts: { field: 'snapshot.principals', issue: 'too_big' } },
      },
      { kind: 'taken' },
    ]);
  });

  it('says the background cannot be reached when sending throws, and never throws itself', async () => {
    const outcomes: ReportOutcome[] = [];
    const reportNow = createSnapshotReporter(
      () => Promise.reject(new Error('Extension context invalidated.')),
      (o) => outcomes.push(o),
    );
    await expect(reportNow(report(1))).resolves.toBeUndefined();
    const throwing = createSnapshotReporter(
      () => {
        throw new Error('Extension context invalidated.');
      },
      (o) => outcomes.push(o),
    );
    await expect(throwing(report(1))).resolves.toBeUndefined();
    expect(outcomes).toEqual([{ kind: 'unreachable' }, { kind: 'unreachable' }]);
  });

  it('counts only the latest report’s answer: an earlier one that answers late is ignored', async () => {
    const { send, pending } = fakeSend();
    const outcomes: ReportOutcome[] = [];
    const reportNow = createSnapshotReporter(send, (o) => outcomes.push(o));
    const first = reportNow(report(1));
    const second = reportNow(report(2));
    pending[1]!.resolve({ ok: true, value: {} });
    await second;
    pending[0]!.resolve(tooLarge);
    await first;
    expect(outcomes).toEqual([{ kind: 'taken' }]);
  });

  it('reads an answer by hand: unknown shapes and codes are not taken for success', () => {
    expect(outcomeOf(undefined)).toEqual({ kind: 'unreachable' });
    expect(outcomeOf({ value: {} })).toEqual({ kind: 'unreachable' });
    expect(outcomeOf({ ok: false, error: { code: 'no-such-code' } })).toEqual({
      kind: 'refused',
      problem: { code: 'internal', facts: { message: 'no-such-code' } },
    });
    expect(
      outcomeOf({ ok: false, error: { code: 'snapshot-not-business', facts: { a: 1, b: { x: 1 } } } }),
    ).toEqual({ kind: 'refused', problem: { code: 'snapshot-not-business', facts: { a: 1 } } });
  });

  it('knows the codes a report can be answered with only: any other reads as internal, naming it', () => {
    // The page carries the words of these codes only (issue 12, item 2).
    expect(outcomeOf({ ok: false, error: { code: 'grant-missing' } })).toEqual({
      kind: 'refused',
      problem: { code: 'internal', facts: { message: 'grant-missing' } },
    });
    expect(outcomeOf({ ok: false, error: { code: 'snapshot-other-origin' } })).toEqual({
      kind: 'refused',
      problem: { code: 'snapshot-other-origin' },
    });
    expect(describeOutcome(wordsIn('en'), outcomeOf({ ok: false, error: { code: 'panel-not-ours' } }))).toBe(
      'Scopekeeper could not take in what it read on this page, so its findings here may be missing or out of date. Something went wrong in Scopekeeper (panel-not-ours). Nothing was changed; try again.',
    );
  });

  it('puts the outcome into words in every language', () => {
    expect(describeOutcome(wordsIn('en'), { kind: 'taken' })).toBeUndefined();
    expect(describeOutcome(wordsIn('en'), outcomeOf(tooLarge))).toBe(
      'Scopekeeper could not take in what it read on this page, so its findings here may be missing or out of date. What it read is larger than Scopekeeper takes in at once.',
    );
    expect(
      describeOutcome(wordsIn('en'), {
        kind: 'refused',
        problem: { code: 'invalid-request', facts: { field: 'snapshot.url', issue: 'invalid_format' } },
      }),
    ).toContain('What it read did not pass Scopekeeper’s checks (at “snapshot.url”).');
    expect(
      describeOutcome(wordsIn('sv'), { kind: 'refused', problem: { code: 'snapshot-not-business' } }),
    ).toBe(
      'Scopekeeper kunde inte ta emot det som lästes på den här sidan, så fynden här kan saknas eller vara inaktuella. Ögonblicksbilden kommer inte från business.facebook.com.',
    );
    expect(describeOutcome(wordsIn('fr'), { kind: 'unreachable' })).toMatch(/^Scopekeeper ne joint plus/);
  });
});

const person = (n: number, access: Person['portfolioAccess'] = 'basic'): Person => ({
  kind: 'person',
  name: `Person ${n}`,
  email: `p${n}@example.com`,
  portfolioAccess: access,
  pending: false,
  isCurrentUser: false,
  assets: [],
});
const page = (principals: Person[]): PageSnapshot => ({ ...report(1).snapshot, principals });

describe('a page load’s reads as numbered full reports and deltas (issue 12, item 1)', () => {
  /** A reporter over fake wires: the test answers deltas with `deltaAnswer`, full reports with ok. */
  function wired(deltaAnswer: () => Promise<Reply<'reportDelta'>>) {
    const fulls: SnapshotReport[] = [];
    const deltas: SnapshotDelta[] = [];
    const outcomes: ReportOutcome[] = [];
    const reporter = createStreamReporter(
      createReportStream(() => 'ab'.repeat(8)),
      async (r) => {
        fulls.push(r);
        return { ok: true, value: {} };
      },
      (d) => {
        deltas.push(d);
        return deltaAnswer();
      },
      (o) => outcomes.push(o),
    );
    return { reporter, fulls, deltas, outcomes };
  }

  it('sends the first read whole, then only the principals that changed, numbered one after another', async () => {
    const { reporter, fulls, deltas, outcomes } = wired(async () => ({ ok: true, value: {} }));
    expect(reporter.report(page([person(1), person(2), person(3)]), undefined)).toBe(true);
    await vi.waitFor(() => expect(outcomes).toHaveLength(1));
    // The same read again: nothing is sent.
    expect(reporter.report(page([person(1), person(2), person(3)]), undefined)).toBe(false);
    reporter.report(page([person(1), person(2, 'full-control'), person(4)]), undefined);
    await vi.waitFor(() => expect(outcomes).toHaveLength(2));
    expect(fulls.map((f) => [f.stream, f.seq])).toEqual([['ab'.repeat(8), 1]]);
    expect(deltas).toEqual(
      [
        {
          stream: 'ab'.repeat(8),
          seq: 2,
          header: report(1).snapshot,
          count: 3,
          upsert: [
            { at: 1, principal: person(2, 'full-control') },
            { at: 2, principal: person(4) },
          ],
          remove: ['person:p3@example.com'],
        },
      ].map(({ header: { principals: _p, ...header }, ...d }) => ({ ...d, header })),
    );
    expect(outcomes.at(-1)).toEqual({ kind: 'taken' });
  });

  it('moves only what left its place: the others keep their order', () => {
    const stream = createReportStream(() => 'cd'.repeat(8));
    stream.next(page([1, 2, 3, 4, 5].map((n) => person(n))), undefined);
    const out = stream.next(page([5, 1, 2, 3, 4].map((n) => person(n))), undefined);
    expect(out?.kind === 'delta' && out.delta.upsert).toEqual([{ at: 0, principal: person(5) }]);
    expect([...longestIncreasing([3, 0, 1, 2, 9, 4])].sort()).toEqual([1, 2, 3, 5]);
  });

  it('sends a read whose subject keys are not unique whole, and the read after it too', () => {
    const stream = createReportStream(() => 'cd'.repeat(8));
    stream.next(page([person(1)]), undefined);
    expect(stream.next(page([person(1), person(1)]), undefined)?.kind).toBe('full');
    expect(stream.next(page([person(1), person(2)]), undefined)?.kind).toBe('full');
    expect(stream.next(page([person(1), person(3)]), undefined)?.kind).toBe('delta');
  });

  it('sends the whole latest read, numbered next, when the background needs it (needFull), then deltas again', async () => {
    const answers: Reply<'reportDelta'>[] = [{ ok: true, value: { needFull: true } }];
    const { reporter, fulls, deltas, outcomes } = wired(
      async () => answers.shift() ?? { ok: true, value: {} },
    );
    reporter.report(page([person(1)]), undefined);
    await vi.waitFor(() => expect(outcomes).toHaveLength(1));
    reporter.report(page([person(1), person(2)]), undefined);
    await vi.waitFor(() => expect(fulls).toHaveLength(2));
    expect(fulls[1]).toEqual({ snapshot: page([person(1), person(2)]), stream: 'ab'.repeat(8), seq: 3 });
    await vi.waitFor(() => expect(outcomes).toHaveLength(2));
    reporter.report(page([person(2)]), undefined);
    await vi.waitFor(() => expect(deltas).toHaveLength(2));
    expect(deltas[1]).toMatchObject({ seq: 4, remove: ['person:p1@example.com'], upsert: [], count: 1 });
    expect(outcomes).toEqual([{ kind: 'taken' }, { kind: 'taken' }, { kind: 'taken' }]);
  });

  it('falls back to full reports when the background refuses deltas (or does not answer them)', async () => {
    for (const answer of [
      async (): Promise<Reply<'reportDelta'>> => ({ ok: false, error: { code: 'invalid-request' } }),
      () => Promise.reject(new Error('No handler')),
    ]) {
      const { reporter, fulls, deltas, outcomes } = wired(answer);
      reporter.report(page([person(1)]), undefined);
      await vi.waitFor(() => expect(outcomes).toHaveLength(1));
      reporter.report(page([person(1), person(2)]), undefined);
      await vi.waitFor(() => expect(fulls).toHaveLength(2));
      expect(fulls.map((f) => f.seq)).toEqual([1, 3]);
      await vi.waitFor(() => expect(outcomes).toHaveLength(2));
      // From then on every read goes whole: this background takes no deltas.
      reporter.report(page([person(2)]), undefined);
      await vi.waitFor(() => expect(fulls).toHaveLength(3));
      expect(fulls[2]).toMatchObject({ seq: 4, snapshot: page([person(2)]) });
      expect(deltas).toHaveLength(1);
      expect(outcomes.every((o) => o.kind === 'taken')).toBe(true);
      // And when the background asks for the read again, it goes whole, numbered next.
      expect(reporter.again()).toBe(true);
      await vi.waitFor(() => expect(fulls).toHaveLength(4));
      expect(fulls[3]).toMatchObject({ seq: 5, snapshot: page([person(2)]) });
    }
  });
});

describe('long messages sent in a task of their own keep their order (issue 12)', () => {
  it('sends a short message at once, a long one after the pause, and one sent meanwhile after it', async () => {
    let release!: () => void;
    const pause = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const later = inOrder(pause);
    const sent: string[] = [];
    const send = (what: string) => () => {
      sent.push(what);
      return Promise.resolve(what);
    };

    await expect(later(false, send('short, alone'))).resolves.toBe('short, alone');
    expect(sent).toEqual(['short, alone']);
    expect(pause).not.toHaveBeenCalled();

    const long = later(true, send('long'));
    const after = later(false, send('short, after the long one'));
    await Promise.resolve();
    expect(sent).toEqual(['short, alone']);
    release();
    await expect(long).resolves.toBe('long');
    await expect(after).resolves.toBe('short, after the long one');
    expect(sent).toEqual(['short, alone', 'long', 'short, after the long one']);

    // Nothing waits any more: a short one goes at once again.
    void later(false, send('short, at once'));
    expect(sent.at(-1)).toBe('short, at once');
  });
});
