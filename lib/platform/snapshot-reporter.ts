import { describeRefusal, isReportProblemCode, onPageWords } from '../domain/i18n/on-page';
import type { UiLocale } from '../domain/locales';
import type { SnapshotReport } from '../domain/messages';
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
export function describeOutcome(locale: UiLocale, outcome: ReportOutcome): string | undefined {
  if (outcome.kind === 'taken') return undefined;
  if (outcome.kind === 'unreachable') return onPageWords(locale).unreachable;
  return describeRefusal(locale, outcome.problem);
}
