import { checkSnapshotOrigin, type SnapshotReport } from '../../domain/messages';
import { completeDiagnostics } from '../../page/diagnostics';
import { resolveOwnDomains } from '../../domain/principals';
import { fail } from '../../domain/problems';
import type { PageSnapshot } from '../../domain/snapshot';
import { applyDelta } from '../../domain/snapshot-delta';
import type { Hub } from '../hub';
import { updateRunsFromEvidence } from '../checklists';
import { foldReadIntoReviews } from '../review';
import { markTime } from '../hub/marks';
import { ok } from '../router';

/**
 * What the content scripts report: snapshots of their page, badge clicks; and the panel's "Show on page" and
 * a finding's "how to fix".
 */
/** The diagnostics bundle of an unreadable page, made here from the outline its content script sent. */
function withDiagnostics(snapshot: PageSnapshot, outline: readonly string[] | undefined) {
  return outline ? { diagnostics: completeDiagnostics(snapshot, outline) } : {};
}

export function registerSnapshotHandlers(hub: Hub): void {
  const { router, cache, publisher, store } = hub;

  // One report of a tab at a time, in the order they came: a delta applies on the report before it.
  const queues = new Map<number, Promise<unknown>>();
  const inTurn = <T>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const turn = (queues.get(tabId) ?? Promise.resolve()).then(work);
    const done = turn.catch(() => undefined);
    queues.set(tabId, done);
    void done.then(() => {
      if (queues.get(tabId) === done) queues.delete(tabId);
    });
    return turn;
  };

  /**
   * Each tab's last recorded read and the content script's stream it came in (one page load): what that
   * page showed before (the baseline's `previous`; a read in full is kept over a partial read of the same
   * page after it). A reloaded page is a new stream, read afresh.
   */
  const recorded = new Map<number, { stream: string | undefined; snapshot: PageSnapshot }>();
  hub.browser.tabs.onRemoved.addListener((tabId) => {
    void hub.recording.settled(tabId).then(() => recorded.delete(tabId));
  });

  /**
   * What the ledger learns from a page: first-seen dates, the latest snapshot per kind, the business's
   * baseline and what changed against it (issue 13), checklist evidence.
   */
  const record = async (tabId: number, report: SnapshotReport, now: Date, erasure: number) => {
    const { snapshot } = report;
    // "Delete all data" ran since this page was taken in: nothing of it is recorded.
    if (erasure !== store.erasure) return;
    // Off the path to the findings: a subject seen pending for the first time is never stale yet.
    await store.recordSnapshot(snapshot, now, erasure).catch(() => undefined);
    if (erasure !== store.erasure) return;
    const last = recorded.get(tabId);
    const previous = last?.stream !== undefined && last.stream === report.stream ? last.snapshot : undefined;
    // A list read in full stays what this page showed until the page is read in full again: a read of it
    // still loading or partly read in between shows only part of whom the page showed (issue 12).
    const keepsLast =
      previous?.readStatus === 'ok' &&
      snapshot.readStatus !== 'ok' &&
      previous.kind === snapshot.kind &&
      previous.url === snapshot.url;
    if (!keepsLast) recorded.set(tabId, { stream: report.stream, snapshot });
    if (snapshot.businessId && snapshot.readStatus !== 'unreadable' && snapshot.kind !== 'other') {
      const settings = await hub.currentSettings();
      const you = hub.cache.view(snapshot.businessId)?.currentUser ?? snapshot.currentUser;
      const changes = await store
        .observeBaseline(snapshot, now, resolveOwnDomains(settings.ownDomains, you?.email), {
          retentionDays: settings.changeRetentionDays,
          erasure,
          previous,
        })
        .catch((e: unknown) => {
          console.error('Scopekeeper: the baseline', e);
          return [];
        });
      // What changed since the last visit shows in the business's open tabs (the watch rules).
      if (changes.length > 0) {
        hub.publisher.invalidateBusiness(snapshot.businessId);
        // An alert is notified at once, not at the next reminder hour.
        void hub.reminders.check().catch(() => undefined);
      }
      // Access reviews learn from the read: completeness, accesses first seen, removals verified (issue 14).
      await foldReadIntoReviews(hub, snapshot.businessId, {
        at: now.toISOString(),
        page: snapshot.kind,
        url: snapshot.url,
      }).catch((e: unknown) => console.error('Scopekeeper: the access review', e));
      await hub.reminders.noteBusinessSeen(snapshot.businessId, now).catch(() => undefined);
      // Checklist steps that this page proves tick themselves.
      await updateRunsFromEvidence(hub, snapshot.businessId, now).catch(() => false);
    }
  };

  /**
   * A tab's page as it is now (a full report, or one made whole from a delta): kept, published with the
   * other reports of its frame, then recorded once the tab's reports are quiet (lib/platform/hub/throttle.ts):
   * the findings go out first, and the ledger's records and checklist ticks follow (publishing again only
   * when a run ticked), off the path of the next report.
   */
  const accept = async (tabId: number, report: SnapshotReport, now: Date) => {
    const { kind, url } = report.snapshot;
    markTime('scopekeeper:report-taken', { principals: report.snapshot.principals.length });
    const erasure = store.erasure;
    hub.recording.call(tabId, `${kind} ${url}`, () => record(tabId, report, now, erasure));
    await publisher.soon(tabId);
    // A panel that was asked to open shows once the page's findings are there.
    void hub.focus.revealIfPending(tabId);
  };

  router.handle('reportSnapshot', async (sent, sender) => {
    const tabId = sender.tabId;
    if (tabId === undefined) return fail('snapshot-no-tab');
    // The router parsed it; the page must be the sender's own, on business.facebook.com.
    const refused = checkSnapshotOrigin(sent, sender.url);
    if (refused) return { ok: false, error: refused };
    const { diagnostics: _theirs, outline, ...rest } = sent;
    const report: SnapshotReport = { ...rest, ...withDiagnostics(rest.snapshot, outline) };
    const now = hub.clock();
    await inTurn(tabId, () => cache.setTab(tabId, { report, receivedAt: now.toISOString() }));
    await accept(tabId, report, now);
    return ok<'reportSnapshot'>({});
  });

  // A delta applies only on the report the tab holds, numbered just before it in the same stream; any
  // other case (a gap, another stream, a restarted worker without it, a count that does not add up) is
  // answered `needFull` and changes nothing: the content script sends its whole read again.
  router.handle('reportDelta', async (delta, sender) => {
    const tabId = sender.tabId;
    if (tabId === undefined) return fail('snapshot-no-tab');
    const refused = checkSnapshotOrigin({ snapshot: { ...delta.header, principals: [] } }, sender.url);
    if (refused) return { ok: false, error: refused };
    const now = hub.clock();
    const report = await inTurn(tabId, async () => {
      const held = (await cache.tab(tabId))?.report;
      if (!held) return undefined;
      const applied = applyDelta({ snapshot: held.snapshot, stream: held.stream, seq: held.seq }, delta);
      if (!applied.ok) return undefined;
      const next: SnapshotReport = {
        snapshot: applied.snapshot,
        ...withDiagnostics(applied.snapshot, delta.outline),
        stream: delta.stream,
        seq: delta.seq,
      };
      await cache.setTab(tabId, { report: next, receivedAt: now.toISOString() });
      return next;
    });
    if (!report) return ok<'reportDelta'>({ needFull: true });
    await accept(tabId, report, now);
    return ok<'reportDelta'>({});
  });

  router.handle('openPanelOn', (subject, sender) => {
    if (sender.tabId !== undefined) hub.focus.set(sender.tabId, subject);
    return ok<'openPanelOn'>({});
  });

  router.handle('findingFix', (ref, sender) => {
    const fix = sender.tabId === undefined ? undefined : hub.ports.fixOf(sender.tabId, ref);
    return ok<'findingFix'>(fix === undefined ? {} : { fix });
  });

  router.handle('focusSubject', async (subject, sender) => {
    if (sender.tabId === undefined) return ok<'focusSubject'>({ shown: false });
    const shown = await hub.toTab(sender.tabId, 'scrollToSubject', subject);
    return ok<'focusSubject'>({ shown: shown === true });
  });
}
