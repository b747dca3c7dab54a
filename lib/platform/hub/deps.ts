import type { browser } from 'wxt/browser';
import type { ContentProtocol } from '../../domain/protocol';
import type { Settings } from '../../domain/settings';
import type { LedgerStore } from '../../ledger/store';

/**
 * Sends to a tab's content script: its answer, or null when the message did not get there (no content
 * script in the tab: loading, another site, or the page went into the back/forward cache).
 */
export type ToTab = <N extends keyof ContentProtocol>(
  tabId: number,
  name: N,
  data: Parameters<ContentProtocol[N]>[0],
) => Promise<ReturnType<ContentProtocol[N]> | null>;

export interface SettingsSource {
  load(): Promise<Settings>;
  watch(onChange: (settings: Settings) => void): () => void;
}

/**
 * What the background is built from. The entrypoint passes the real ones; a unit test passes its own
 * store, clock and browser (wxt's fake browser), and drives the whole background without a real one.
 */
export interface HubDeps {
  store: LedgerStore;
  clock: () => Date;
  browser: typeof browser;
  toTab: ToTab;
  settings: SettingsSource;
}
