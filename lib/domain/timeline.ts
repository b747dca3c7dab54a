import type { Baseline, Change } from './baseline';
import { judgeChange, type ApprovalFacts, type Verdict } from './change-approval';
import { csvCell } from './ledger/export';
import { changeKey, givesFullControl, inEffect } from './watch';

/**
 * A business's change timeline (issue 13, item 5): every change a read showed, at its first sighting,
 * newest first, with what the ledger says of it (approved and by which record, made through an onboarding
 * checklist, unrecorded, or informational) and whether it is still an open alert.
 */
export interface TimelineEntry {
  change: Change;
  verdict: Verdict;
  /** Unrecorded and still in effect as the baseline knows it now: an alert. */
  open: boolean;
  /** It gave full control (of the portfolio, of an asset, or a new principal holding either). */
  fullControl: boolean;
}

export function changeTimeline(
  changes: readonly Change[],
  baseline: Baseline | undefined,
  facts: ApprovalFacts,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    const key = changeKey(change);
    // A change seen again (the page read after its state was set aside) keeps its first sighting.
    if (seen.has(key)) continue;
    seen.add(key);
    const verdict = judgeChange(change, facts);
    const now = baseline?.principals[change.subject];
    const effective = now !== undefined && inEffect(change, now);
    entries.push({
      change,
      verdict,
      open: verdict.status === 'unrecorded' && effective,
      fullControl: now !== undefined && givesFullControl(change, now),
    });
  }
  // Newest read first; a read's changes in the order it showed them (the sort is stable).
  return entries.sort((a, b) => (a.change.at < b.change.at ? 1 : a.change.at > b.change.at ? -1 : 0));
}

/** The entries since a time (the changes a visit's reads showed), and every open one from before it. */
export function sinceVisit(
  entries: readonly TimelineEntry[],
  visitStart: string | undefined,
): TimelineEntry[] {
  return entries.filter((e) => e.open || (visitStart !== undefined && e.change.at >= visitStart));
}

const CSV_HEADER = [
  'firstSeen',
  'businessId',
  'subject',
  'name',
  'principalKind',
  'change',
  'assetType',
  'assetId',
  'assetName',
  'from',
  'to',
  'status',
  'record',
  'open',
  'fullControl',
  'page',
  'url',
] as const;

function recordOf(verdict: Verdict): string {
  if (verdict.status === 'approved') return `${verdict.record.kind}:${verdict.record.id}`;
  if (verdict.status === 'onboarding') return `checklist:${verdict.runId}`;
  return '';
}

/** The timeline as CSV (RFC 4180, CRLF; a cell a spreadsheet would run as a formula is neutralised). */
export function timelineCsv(businessId: string, entries: readonly TimelineEntry[]): string {
  const rows = entries.map(({ change, verdict, open, fullControl }) => [
    change.at,
    businessId,
    change.subject,
    change.name,
    change.principalKind,
    change.kind,
    change.asset?.type,
    change.asset?.id,
    change.asset?.name,
    change.from,
    change.to,
    verdict.status,
    recordOf(verdict),
    open ? 'yes' : 'no',
    fullControl ? 'yes' : 'no',
    change.page,
    change.url,
  ]);
  return [CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The timeline as a JSON document for an auditor or another tool. */
export function timelineJson(businessId: string, entries: readonly TimelineEntry[], now: Date) {
  return {
    format: 'scopekeeper-changes' as const,
    version: 1 as const,
    businessId,
    exportedAt: now.toISOString(),
    changes: entries.map(({ change, verdict, open, fullControl }) => ({
      ...change,
      status: verdict.status,
      ...(recordOf(verdict) ? { record: recordOf(verdict) } : {}),
      open,
      fullControl,
    })),
  };
}
