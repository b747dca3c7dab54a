import { browser } from 'wxt/browser';
import { receivePanelMessage, type Received } from '../domain/panel-delta';
import type { Problem } from '../domain/problems';
import { uiLocales } from '../domain/locales';
import type { TabState } from '../domain/ui-state';
import { panelPortName } from './messaging';

/**
 * The panel's token (issue 11, item 2), from the hash its content script put in the iframe's URL, taken out
 * of the URL at once (so that nothing else in the panel's document, or a later navigation, carries it). ''
 * when there is none: a panel.html that a page framed itself.
 */
export function takePanelToken(location: Location, history: History): string {
  const token = /^#([0-9a-f]{32})$/.exec(location.hash)?.[1] ?? '';
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

/** How long a refused panel waits before it asks once more. */
const RETRY_REFUSED_MS = 1500;

/**
 * Connects the panel to the background with its token and hands each state it pushes (made whole from a
 * delta on the state before, lib/domain/panel-delta.ts, and checked) to the given callbacks; reconnects when
 * the worker restarts, and when a delta is not on the state it has. A refusal (the token is not the tab's
 * current one) is asked again once; a second one ends it: `onRefused`, and no reconnection. Knows nothing
 * of the panel's components or store.
 */
export function connectPanel(
  token: string,
  callbacks: {
    onState: (state: TabState) => void;
    onConnected: (connected: boolean) => void;
    onRefused: (problem: Problem) => void;
  },
): void {
  let refused = false;
  let retried = false;
  const connect = () => {
    const port = browser.runtime.connect({ name: panelPortName(token) });
    callbacks.onConnected(true);
    // This port's last state: the background sends a whole state first, then what changed (issue 12).
    let last: Received | undefined;
    let gone = false;
    port.onMessage.addListener((message: unknown) => {
      if (gone) return;
      const refusal = (message as { refused?: unknown } | null)?.refused;
      if (refusal !== undefined) {
        refused = true;
        // Asked once more a moment later: a page shown again from the back/forward cache may reconnect
        // before its content script has taken its token back. Refused again, the panel is not ours.
        if (!retried) {
          retried = true;
          setTimeout(() => {
            refused = false;
            connect();
          }, RETRY_REFUSED_MS);
          return;
        }
        // The one refusal a panel's port gives (hub/panel-gate.ts), whatever it carried: no zod in the panel.
        callbacks.onRefused({ code: 'panel-not-ours' });
        return;
      }
      // For the timeline `BENCH_DEBUG=1 npm run bench` prints (a panel lives as long as its page load).
      const base = (message as { base?: unknown } | null)?.base;
      performance.mark('scopekeeper:panel-received', { detail: { base } });
      const received = receivePanelMessage(last, message);
      if (received === 'gap') {
        // Not on the state this panel has: a new port starts with a whole state.
        gone = true;
        port.disconnect();
        connect();
        return;
      }
      const parsed = asTabState(received.state);
      if (!parsed) return;
      last = { seq: received.seq, state: parsed };
      retried = false; // accepted: a later refusal is asked again too
      callbacks.onState(parsed);
    });
    port.onDisconnect.addListener(() => {
      if (gone) return;
      callbacks.onConnected(false);
      if (!refused) setTimeout(connect, 500);
    });
  };
  connect();
}

/**
 * A state the background pushed, checked for its shape by hand (issue 12, item 4). Only extension contexts
 * can post on the panel's port (a page or a content script cannot reach it), and the background built this
 * state from what it had validated itself: parsing all of it again with zod cost the panel 35–73 ms at
 * 5,000 principals on every publish, for no trust gained. What is checked is what the panel relies on.
 */
export function asTabState(message: unknown): TabState | undefined {
  const m = message as Partial<Record<keyof TabState, unknown>> | null;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return undefined;
  const arrays = [m.findings, m.failedRules, m.runs, m.due];
  if (!arrays.every(Array.isArray)) return undefined;
  if (typeof m.locale !== 'string' || !(uiLocales as readonly string[]).includes(m.locale)) return undefined;
  const snapshot = m.snapshot as { principals?: unknown; kind?: unknown } | undefined;
  if (snapshot !== undefined && (typeof snapshot !== 'object' || snapshot === null)) return undefined;
  if (snapshot && (!Array.isArray(snapshot.principals) || typeof snapshot.kind !== 'string'))
    return undefined;
  return m as TabState;
}
