import { describe, expect, it } from 'vitest';
import type { SnapshotReport } from '@/lib/domain/messages';
import type { Reply } from '@/lib/domain/protocol';
import {
  createSnapshotReporter,
  describeOutcome,
  outcomeOf,
  type ReportOutcome,
} from '@/lib/platform/snapshot-reporter';

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
    expect(describeOutcome('en', outcomeOf({ ok: false, error: { code: 'panel-not-ours' } }))).toBe(
      'Scopekeeper could not take in what it read on this page, so its findings here may be missing or out of date. Something went wrong in Scopekeeper (panel-not-ours). Nothing was changed; try again.',
    );
  });

  it('puts the outcome into words in every language', () => {
    expect(describeOutcome('en', { kind: 'taken' })).toBeUndefined();
    expect(describeOutcome('en', outcomeOf(tooLarge))).toBe(
      'Scopekeeper could not take in what it read on this page, so its findings here may be missing or out of date. What it read is larger than Scopekeeper takes in at once.',
    );
    expect(
      describeOutcome('en', {
        kind: 'refused',
        problem: { code: 'invalid-request', facts: { field: 'snapshot.url', issue: 'invalid_format' } },
      }),
    ).toContain('What it read did not pass Scopekeeper’s checks (at “snapshot.url”).');
    expect(describeOutcome('sv', { kind: 'refused', problem: { code: 'snapshot-not-business' } })).toBe(
      'Scopekeeper kunde inte ta emot det som lästes på den här sidan, så fynden här kan saknas eller vara inaktuella. Ögonblicksbilden kommer inte från business.facebook.com.',
    );
    expect(describeOutcome('fr', { kind: 'unreachable' })).toMatch(/^Scopekeeper ne joint plus/);
  });
});
