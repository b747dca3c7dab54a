import { browser } from 'wxt/browser';
import type { Say } from '../domain/i18n/on-page';
import type { BadgeFinding as Finding } from '../domain/badge-findings';
import { createBadgeLayer, type BadgeLayer } from '../page/badges';
import { createReportStream } from '../page/report-stream';
import { getPageKind } from '../page/routes';
import { watchPage, yieldToPage } from '../page/watch';
import { onMessage, sendFromContent } from './messaging';
import { makePanelToken } from './hub/panel-tokens';
import { mountOverlay, type Overlay } from './overlay';
import { extensionGone, onLocationChange, type PageContext } from './page-context';
import {
  createStreamReporter,
  describeOutcome,
  inOrder,
  type ReportOutcome,
  type SendDelta,
  type SendReport,
} from './snapshot-reporter';

/** What a session needs from outside the page; a unit test passes its own. */
export interface ContentDeps {
  send: SendReport;
  sendDelta: SendDelta;
  /**
   * What the page itself says, in the admin's language (the panel chooses its own): the build's
   * `_locales`, in the browser's language.
   */
  say: Say;
}

/** How often the session looks whether its extension is still there. */
const CONTEXT_CHECK_MS = 2000;
/** How long the panel waits for the page's `load` before it is put up all the same. */
const LOAD_WAIT_MS = 3000;

/**
 * The content script's work on one tab: read the page as it settles and changes, send each new snapshot to
 * the background, show the panel on every page kind but `other`, and draw the background's findings as
 * badges and live warnings. One AbortSignal tree: the page context's signal, and under it one per
 * location (renewed on SPA navigation).
 *
 * Never silent (issue 10, item 5): when the background refuses a snapshot or cannot be reached, the page
 * says so above the panel, in the admin's language, and draws no badges from an earlier read until a
 * snapshot is taken in again; when the extension is reloaded or updated under the page, that notice is
 * what stays of the overlay.
 */
export function runContentSession(ctx: PageContext, deps: Partial<ContentDeps> = {}): void {
  // (WXT types getMessage by public/_locales alone: the page's names are added at build time.)
  const i18n = browser.i18n as unknown as { getMessage(name: string, substitutions?: string[]): string };
  const ask: Say =
    deps.say ??
    ((name, substitutions) => {
      try {
        return i18n.getMessage(name, substitutions);
      } catch {
        return ''; // the extension is gone and took its words along
      }
    });
  // What the page says once the extension has gone, when the browser may no longer give its words: given
  // by the background's answer to the panel token (below), else asked for when needed. Not asked for ahead:
  // the browser's first answer in a tab is a synchronous trip to its own process (2-22 ms measured here, and
  // 50-60 ms of the page's main thread while the browser was busy with the page's load, issue 12), and the
  // reader's data comes from the worker's copy (lib/platform/page-data.ts).
  let farewellText: { unreachable: string; dismiss: string } | undefined;
  const farewellWords = () =>
    (farewellText ??= { unreachable: ask('page_unreachable'), dismiss: ask('page_dismiss') });
  const say: Say = (name, substitutions) =>
    name === 'page_unreachable' ? farewellWords().unreachable : ask(name, substitutions);
  // A long list's message is copied for the background where it is sent: in a task of its own, after the
  // read's (at 5,000 people the two together made one long task, issue 12), in order.
  const later = inOrder(yieldToPage);
  const sendFull = deps.send ?? ((report) => sendFromContent('reportSnapshot', report));
  const sendLong = deps.sendDelta ?? ((delta) => sendFromContent('reportDelta', delta));
  const send: SendReport = (report) => later(report.snapshot.principals.length > 500, () => sendFull(report));
  const sendDelta: SendDelta = (delta) => later(delta.upsert.length > 500, () => sendLong(delta));
  let overlay: Overlay | undefined;
  let badges: BadgeLayer | undefined;
  let locationController: AbortController | undefined;
  /** The background's latest findings, and what became of the latest snapshot sent. */
  let findings: Finding[] = [];
  let outcome: ReportOutcome = { kind: 'taken' };
  const ensureBadges = () =>
    (badges ??= createBadgeLayer(document, ctx.signal, (subject) => {
      overlay?.expand();
      void sendFromContent('openPanelOn', subject).catch(() => undefined);
    }));
  // Findings belong to the last snapshot the background took in: while the page's latest read was not,
  // they may be of another page, and are not drawn.
  const drawFindings = () => {
    const kept = ensureBadges().setFindings(outcome.kind === 'taken' ? findings : []);
    if (outcome.kind === 'taken') findings = kept as Finding[];
  };
  const showOutcome = () => {
    const text = describeOutcome(say, outcome);
    overlay?.setNotice(
      text === undefined || outcome.kind === 'taken'
        ? undefined
        : {
            kind: outcome.kind,
            text,
            ...(outcome.kind === 'refused' ? { code: outcome.problem.code } : {}),
          },
    );
  };
  // The page load's reads, numbered: whole on each new location, else what changed (issue 12, item 1).
  const stream = createReportStream();
  const reporter = createStreamReporter(stream, send, sendDelta, (next) => {
    outcome = next;
    showOutcome();
    drawFindings();
  });
  const farewell = () =>
    extensionGone()
      ? {
          notice: { kind: 'unreachable' as const, text: farewellWords().unreachable },
          dismiss: farewellWords().dismiss,
        }
      : undefined;

  // The panel works only with this page load's token (issue 11, item 2), made here, in the script's own
  // world out of the page's reach, and sent to the background before the panel is framed: the frame, the
  // worker's start and the panel's code then load side by side with the page's rows, and the first read
  // only has to send the state (issue 12, item 4; the frame used to wait for the worker's answer). It is
  // put up once the page has loaded (a frame put up before the page's `load` holds that event back until
  // the panel has loaded), or after LOAD_WAIT_MS at the latest: hidden on a page whose address says the
  // panel belongs there, shown by the first read of such a page. Elsewhere nothing is put up (an `other`
  // page stays silent) until a read of such a page.
  const panelToken = makePanelToken();
  const sendToken = () =>
    void sendFromContent('panelToken', { token: panelToken })
      .then((reply) => {
        const words = reply.ok ? reply.value.farewell : undefined;
        if (typeof words?.unreachable === 'string' && typeof words.dismiss === 'string')
          farewellText ??= words;
      })
      .catch(() => undefined);
  sendToken();
  let loaded = document.readyState === 'complete';
  let wantOverlay = false;
  // In a task of its own: the browser's making of the frame alone took 28-62 ms of the page's main thread
  // here, and inside the page's `load` handler or a read it made one long task with them (issue 12).
  const mountPanel = () =>
    overlay ||
    setTimeout(() => {
      if (overlay || !loaded || ctx.isInvalid) return;
      if (!wantOverlay && getPageKind(location.href) === 'other') return;
      overlay = mountOverlay(document, ctx.signal, { farewell, panelToken });
      overlay.setVisible(wantOverlay);
      showOutcome();
    });
  const onLoad = () => {
    loaded = true;
    mountPanel(); // (nothing once the context has ended)
  };
  if (!loaded) {
    window.addEventListener('load', onLoad, { once: true, signal: ctx.signal });
    setTimeout(onLoad, LOAD_WAIT_MS);
  }
  const showOverlay = (visible: boolean) => {
    wantOverlay = visible;
    if (visible) mountPanel();
    overlay?.setVisible(visible);
  };
  // A page shown again from the back/forward cache makes its token current again (a newer load replaced it).
  window.addEventListener(
    'pageshow',
    (event) => {
      // Only the browser's own event (a page script can dispatch a fake one).
      if (event.isTrusted && event.persisted) sendToken();
    },
    { signal: ctx.signal },
  );

  const start = () => {
    locationController?.abort();
    locationController = new AbortController();
    const signal = AbortSignal.any([ctx.signal, locationController.signal]);
    // A new location's first read goes whole; the panel loads if the panel belongs there.
    stream.restart();
    mountPanel();
    watchPage(document, {
      signal,
      ownHosts: () => [overlay?.host, badges?.host],
      onAnchors: (anchors) => ensureBadges().setAnchors(anchors),
      onRead: (snapshot, outline) => {
        // The extension went away under the page: the context ends here (and the overlay says so).
        if (ctx.isInvalid) return;
        // A refusal or silence is shown by the reporter's outcome; the next change sends again. A read
        // that says what the last one said sends nothing, and changes nothing here.
        if (!reporter.report(snapshot, outline)) return;
        if (snapshot.kind === 'other') {
          showOverlay(false);
          findings = [];
          badges?.setFindings([]);
        } else showOverlay(true);
      },
    });
  };

  // A long list comes in parts (`moreFindings`, then the last part as `showFindings`), each its own task.
  let held: Finding[] = [];
  const take =
    (last?: true) =>
    ({ data, sender }: { data: Finding[]; sender: { id?: string } }) => {
      // Only our own background can send to a tab (a page cannot); the shape is checked all the same,
      // without zod, which stays out of the page.
      if (sender.id === browser.runtime.id && Array.isArray(data) && data.every(isFinding)) {
        held = held.concat(data);
        if (last) {
          findings = shareStrings(held);
          held = [];
          drawFindings();
        }
      }
    };
  const removers = [
    onMessage('showFindings', take(true)),
    onMessage('moreFindings', take()),
    onMessage('scrollToSubject', ({ data }) =>
      typeof data === 'string' ? ensureBadges().highlight(data) : false,
    ),
    onMessage('revealPanel', ({ data }) => {
      if (typeof data !== 'string' || !overlay) return false;
      overlay.expand();
      ensureBadges().highlight(data);
      return true;
    }),
    onMessage('sendSnapshotAgain', ({ sender }) => {
      if (sender.id !== browser.runtime.id || ctx.isInvalid) return false;
      return reporter.again();
    }),
  ];
  // Nothing tells a content script that its extension went away (reloaded or updated): asking the context
  // ends it when the runtime is gone, so the page says so (the overlay's farewell) even when nothing on it
  // changes.
  const check = setInterval(() => ctx.isInvalid, CONTEXT_CHECK_MS);
  ctx.signal.addEventListener('abort', () => {
    clearInterval(check);
    for (const remove of removers) remove();
  });
  onLocationChange(ctx.signal, start);
  start();
}

const severities = new Set(['high', 'medium', 'low']);

/**
 * The findings with one copy of each rule id and subject key among them. A message gives every finding
 * its own copies: at 5,000 people (11,000 findings) that is about 0.9 MB of the page's heap for the same
 * few dozen rule ids and one key per person (issue 12, heap added on the page).
 */
function shareStrings(findings: Finding[]): Finding[] {
  const one = new Map<string, string>();
  const share = (text: string) => {
    const known = one.get(text);
    if (known !== undefined) return known;
    one.set(text, text);
    return text;
  };
  for (const finding of findings) {
    finding.ruleId = share(finding.ruleId);
    finding.subject = share(finding.subject);
  }
  return findings;
}

/** The shape the badges draw from, checked by hand (zod stays out of the page). */
function isFinding(value: unknown): value is Finding {
  const f = value as Partial<Record<keyof Finding, unknown>> | null;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.ruleId === 'string' &&
    typeof f.subject === 'string' &&
    typeof f.message === 'string' &&
    (f.fix === undefined || typeof f.fix === 'string') &&
    typeof f.severity === 'string' &&
    severities.has(f.severity)
  );
}
