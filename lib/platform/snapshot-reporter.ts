import { describeRefusal, isReportProblemCode, type Say } from '../domain/i18n/on-page';
import type { SnapshotDelta, SnapshotReport } from '../domain/messages';
import type { PageSnapshot } from '../domain/snapshot';
import type { Outgoing, ReportStream } from '../page/report-stream';
import type { Problem } from '../domain/problems';
import type { Reply } from '../domain/protocol';

/**
 * What became of the latest snapshot the content script sent: the background took it in, refused it (with
 * its problem), or could not be reached (the extension was reloaded or updated under the page, or its
 * background did not answer).
 */
export type ReportOutcome =
  { kind: 'taken' } | { kind: 'refused'; problem: Problem } | { kind: 'unreachable' };

export type SendReport = (report: SnapshotReport) => Promise<Reply<'reportSnapshot'>>;
export type SendDelta = (delta: SnapshotDelta) => Promise<Reply<'reportDelta'>>;

/**
 * Sends each snapshot to the background and tells `onOutcome` what became of it, so the page can say so
 * rather than go on showing findings of an earlier read (issue 10, item 5: "never silent"). Only the latest
 * report's answer counts: an earlier one that answers late is ignored. Never throws.
 */
export function createSnapshotReporter(
  send: SendReport,
  onOutcome: (outcome: ReportOutcome) => void,
): (report: SnapshotReport) => Promise<void> {
  let latest = 0;
  return async (report) => {
    const mine = ++latest;
    let outcome: ReportOutcome;
    try {
      outcome = outcomeOf(await send(report));
    } catch {
      // "Extension context invalidated", "Could not establish connection", no answer at all.
      outcome = { kind: 'unreachable' };
    }
    if (mine === latest) onOutcome(outcome);
  };
}

/** A page load's reads, sent as numbered full reports and deltas. */
export interface StreamReporter {
  /** Sends what changed since the last message (nothing when nothing did); true when something went. */
  report(snapshot: PageSnapshot, outline?: () => string[] | undefined): boolean;
  /** Sends the latest read whole again (the background asked: it restarted and lost what it knew). */
  again(): boolean;
}

/**
 * createSnapshotReporter for a stream of reads (lib/page/report-stream.ts, issue 12 item 1): each read
 * goes as a delta on top of the last message, or whole when the stream (re)starts. A delta the background
 * could not apply (`needFull`) is followed by the whole latest read, numbered next; a delta it refused or
 * did not answer too, and from then on every read goes whole (a background that takes no deltas). A full
 * report it did not take makes the next read that differs go whole. Only the latest message's answer becomes the
 * outcome. Never throws.
 */
export function createStreamReporter(
  stream: ReportStream,
  sendFull: SendReport,
  sendDelta: SendDelta,
  onOutcome: (outcome: ReportOutcome) => void,
): StreamReporter {
  let latest = 0;
  const sendOut = async (out: Outgoing): Promise<void> => {
    const mine = ++latest;
    if (out.kind === 'delta') {
      let reply: unknown;
      try {
        reply = await sendDelta(out.delta);
      } catch {
        reply = undefined;
      }
      const answer = reply as { ok?: unknown; value?: { needFull?: unknown } } | null | undefined;
      if (answer?.ok === true && answer.value?.needFull !== true) {
        if (mine === latest) onOutcome({ kind: 'taken' });
        return;
      }
      if (answer?.ok === true) stream.restart();
      else stream.noDeltas();
      // A later message is on its way: it fails the same way (it was numbered after this one), and
      // that failure sends the whole read.
      if (mine !== latest) return;
      const full = stream.full();
      if (full) await sendOut(full);
      return;
    }
    let outcome: ReportOutcome;
    try {
      outcome = outcomeOf(await sendFull(out.report));
    } catch {
      outcome = { kind: 'unreachable' };
    }
    if (outcome.kind !== 'taken') stream.retake();
    if (mine === latest) onOutcome(outcome);
  };
  const send = (out: Outgoing | undefined) => {
    if (!out) return false;
    void sendOut(out);
    return true;
  };
  return {
    report: (snapshot, outline) => send(stream.next(snapshot, outline)),
    again: () => send(stream.full()),
  };
}

/**
 * An answer as the content script sees it, checked by hand (zod stays out of the page): our own
 * background sends it, but a background of another version may answer in a shape this one does not know.
 * A code that is not one a report can be answered with (`ReportProblemCode`) is `internal`, naming it.
 */
export function outcomeOf(reply: unknown): ReportOutcome {
  const answer = reply as { ok?: unknown; error?: { code?: unknown; facts?: unknown } } | null | undefined;
  if (answer?.ok === true) return { kind: 'taken' };
  if (answer?.ok !== false) return { kind: 'unreachable' };
  const code = answer.error?.code;
  if (typeof code !== 'string' || !isReportProblemCode(code))
    return { kind: 'refused', problem: { code: 'internal', facts: { message: String(code).slice(0, 100) } } };
  const facts: Record<string, string | number> = {};
  if (answer.error?.facts && typeof answer.error.facts === 'object')
    for (const [name, value] of Object.entries(answer.error.facts))
      if (typeof value === 'string' || typeof value === 'number') facts[name] = value;
  return {
    kind: 'refused',
    problem: Object.keys(facts).length ? { code, facts } : { code },
  };
}

/** What the page says about an outcome, in the admin's language; nothing when the snapshot was taken in. */
export function describeOutcome(say: Say, outcome: ReportOutcome): string | undefined {
  if (outcome.kind === 'taken') return undefined;
  if (outcome.kind === 'unreachable') return say('page_unreachable');
  return describeRefusal(say, outcome.problem);
}

/**
 * Sends that keep their order while a long one waits for a task of its own (`pause`, issue 12): a long
 * message goes after the pause, and any message sent while one waits goes after it; with none waiting, a
 * short one goes at once.
 */
export function inOrder(pause: () => Promise<void>) {
  let waiting = 0;
  let queue = Promise.resolve();
  return <T>(long: boolean, go: () => Promise<T>): Promise<T> => {
    if (!long && !waiting) return go();
    waiting++;
    const turn = queue.then(() => (long ? pause() : undefined));
    queue = turn;
    return turn.then(() => {
      waiting--;
      return go();
    });
  };
}
