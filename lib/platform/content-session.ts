import { browser } from 'wxt/browser';
import type { Finding } from '../domain/rules/types';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createBadgeLayer, type BadgeLayer } from '../page/badges';
import { watchPage } from '../page/watch';
import { onMessage, sendFromContent } from './messaging';
import { mountOverlay, type Overlay } from './overlay';

/**
 * The content script's work on one tab: read the page as it settles and changes, send each new snapshot to
 * the background, show the panel on every page kind but `other`, and draw the background's findings as
 * badges and live warnings. One AbortSignal tree: the page context's signal, and under it one per
 * location (renewed on SPA navigation).
 */
export function runContentSession(ctx: ContentScriptContext): void {
  let overlay: Overlay | undefined;
  let badges: BadgeLayer | undefined;
  let locationController: AbortController | undefined;
  const ensureBadges = () =>
    (badges ??= createBadgeLayer(document, ctx.signal, (subject) => {
      overlay?.expand();
      void sendFromContent('openPanelOn', subject).catch(() => undefined);
    }));

  const start = () => {
    locationController?.abort();
    locationController = new AbortController();
    const signal = AbortSignal.any([ctx.signal, locationController.signal]);
    watchPage(document, {
      signal,
      ownHosts: () => [overlay?.host, badges?.host],
      onAnchors: (anchors) => ensureBadges().setAnchors(anchors),
      onRead: (snapshot, diagnostics) => {
        if (snapshot.kind === 'other') {
          overlay?.setVisible(false);
          badges?.setFindings([]);
        } else {
          overlay ??= mountOverlay(document, ctx.signal);
          overlay.setVisible(true);
        }
        sendFromContent('reportSnapshot', { snapshot, ...(diagnostics ? { diagnostics } : {}) }).catch(() => {
          // The background is restarting or the extension was updated: the next change sends again.
        });
      },
    });
  };

  const removeFindings = onMessage('showFindings', ({ data, sender }) => {
    // Only our own background can send to a tab (a page cannot); the shape is checked all the same,
    // without zod, which stays out of the page.
    if (sender.id === browser.runtime.id && Array.isArray(data) && data.every(isFinding))
      ensureBadges().setFindings(data);
  });
  const removeScroll = onMessage('scrollToSubject', ({ data }) =>
    typeof data === 'string' ? ensureBadges().highlight(data) : false,
  );
  const removeReveal = onMessage('revealPanel', ({ data }) => {
    if (typeof data !== 'string' || !overlay) return false;
    overlay.expand();
    ensureBadges().highlight(data);
    return true;
  });
  ctx.onInvalidated(() => {
    removeFindings();
    removeScroll();
    removeReveal();
  });

  ctx.addEventListener(window, 'wxt:locationchange', () => start());
  start();
}

const severities = new Set(['high', 'medium', 'low']);

/** The shape the badges draw from, checked by hand (zod stays out of the page). */
function isFinding(value: unknown): value is Finding {
  const f = value as Partial<Record<keyof Finding, unknown>> | null;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.ruleId === 'string' &&
    typeof f.subject === 'string' &&
    typeof f.subjectName === 'string' &&
    typeof f.message === 'string' &&
    typeof f.severity === 'string' &&
    severities.has(f.severity)
  );
}
