import { receivePanelMessage, type Received } from '@/lib/domain/panel-delta';
import type { TabState } from '@/lib/domain/ui-state';
import type { PanelPort } from '@/lib/platform/hub/panel-ports';
import { makePanelToken } from '@/lib/platform/hub/panel-tokens';
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeProblem } from '@/lib/domain/i18n';
import type { Problem } from '@/lib/domain/problems';
import { protocol, type MessageName, type Reply } from '@/lib/domain/protocol';
import { defaultSettings, type Settings } from '@/lib/domain/settings';
import type { PageSnapshot, Principal } from '@/lib/domain/snapshot';
import { LedgerStore } from '@/lib/ledger/store';
import { registerChecklistHandlers } from '@/lib/platform/handlers/checklists';
import { registerLedgerHandlers } from '@/lib/platform/handlers/ledger';
import { registerNavigationHandlers } from '@/lib/platform/handlers/navigation';
import { registerOverviewHandlers } from '@/lib/platform/handlers/overview';
import { registerPanelHandlers } from '@/lib/platform/handlers/panel';
import { registerPopupHandlers } from '@/lib/platform/handlers/popup';
import { registerSnapshotHandlers } from '@/lib/platform/handlers/snapshots';
import { registerTabs } from '@/lib/platform/handlers/tabs';
import { registerWatchHandlers } from '@/lib/platform/handlers/watch';
import { registerReviewHandlers } from '@/lib/platform/handlers/review';
import { registerTeamHandlers } from '@/lib/platform/handlers/team';
import { createHub, type Hub, type ToTab } from '@/lib/platform/hub';
import type { CommandContext } from '@/lib/platform/ledger';
import type { Sender } from '@/lib/platform/router';

/** The business of every test (Sjöbod Café). */
export const B = '1203456789012345';

/** A list page of business B as the content script reads it (in full). */
const listPaths = { people: 'business_users', partners: 'partners', 'system-users': 'system_users' };
export const listSnapshot = (
  kind: 'people' | 'partners' | 'system-users',
  principals: Principal[],
): PageSnapshot => ({
  kind,
  businessId: B,
  url: `https://business.facebook.com/latest/settings/${listPaths[kind]}?business_id=${B}`,
  locale: 'en',
  readStatus: 'ok',
  readProblems: [],
  principals,
});

/** What a ledger or checklist command is decided with: by Anna, at `iso`, with the default settings. */
export const contextAt = (
  iso: string,
  isThirdParty: CommandContext['isThirdParty'] = () => true,
): CommandContext => ({
  now: new Date(iso),
  decidedBy: 'anna@sjobod.se',
  settings: defaultSettings,
  isThirdParty,
});

/** The sentence an English-speaking admin reads for a refusal; undefined when nothing was refused. */
export const refusal = (result: { ok: true } | { ok: false; error: Problem }): string | undefined =>
  result.ok ? undefined : describeProblem('en', result.error);

export interface SentToTab {
  tabId: number;
  name: string;
  data: unknown;
}

export interface TestHub {
  hub: Hub;
  store: LedgerStore;
  /** The IndexedDB name of the store (for a second, raw handle: `openLedgerDb(dbName)`). */
  dbName: string;
  /** What the background sent to content scripts, in order. */
  sent: SentToTab[];
  /**
   * One of Scopekeeper's pages: the panel inside tab `tabId` (which `ask` connects with the tab's token
   * first), or the popup / options (no tab).
   */
  pageSender(tabId?: number): Sender;
  /** The content script of a Business Settings tab. */
  contentSender(tabId: number, url?: string): Sender;
  /** Sends a message to the background as the browser would deliver it (default: from tab 1). */
  ask<N extends MessageName>(name: N, data: unknown, sender?: Sender): Promise<Reply<N>>;
  /** The tab shows this page: the background's view of its business follows, with no other effect. */
  showPage(snapshot: PageSnapshot, tabId?: number): Promise<void>;
  /** Waits for what the background still does (publishing, reminder checks), then closes the store. */
  close(): Promise<void>;
}

/**
 * A whole background for a test: a fresh ledger, wxt's fake browser, a clock (`now`), content scripts that
 * answer every request (what was sent is kept in `sent`), and every handler registered as in
 * entrypoints/background.ts. Call `fakeBrowser.reset()` before building it, and `close()` after the test.
 */
export function testHub(options: { now?: string | (() => Date); settings?: Settings } = {}): TestHub {
  // The fake browser has no UI language: English, unless the test chose one.
  if (!vi.isMockFunction(fakeBrowser.i18n.getUILanguage))
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  const { now } = options;
  const clock = typeof now === 'string' ? () => new Date(now) : (now ?? (() => new Date()));
  const dbName = `test-${crypto.randomUUID()}`;
  const store = new LedgerStore(dbName);
  const sent: SentToTab[] = [];
  const toTab = (async (tabId: number, name: string, data: unknown) => {
    sent.push({ tabId, name, data });
    return true;
  }) as ToTab;
  const settings = options.settings ?? defaultSettings;
  const hub = createHub({
    store,
    clock,
    browser: fakeBrowser,
    toTab,
    settings: { load: async () => settings, watch: () => () => {} },
  });
  registerSnapshotHandlers(hub);
  registerLedgerHandlers(hub);
  registerChecklistHandlers(hub);
  registerPopupHandlers(hub);
  registerNavigationHandlers(hub);
  registerPanelHandlers(hub);
  // wxt's fake browser has no ports: the panels' connections are left out.
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
  registerTabs(hub);
  registerWatchHandlers(hub);
  registerOverviewHandlers(hub);
  registerReviewHandlers(hub);
  registerTeamHandlers(hub);

  // The panel inside a tab is frame 9 of it, put there by its content script (it connected with the tab's
  // token: `ask` sees to it); the popup and options pages have no tab.
  const PANEL_FRAME = 9;
  const pageSender = (tabId?: number): Sender =>
    tabId !== undefined
      ? { kind: 'page', tabId, frameId: PANEL_FRAME, url: 'chrome-extension://test/panel.html' }
      : { kind: 'page', url: 'chrome-extension://test/popup.html' };
  // One binding per tab at a time: asks made together (a poll beside the request it follows) share it,
  // as the one panel of a tab does (a second token would replace the first one's binding).
  const binding = new Map<number, Promise<void>>();
  const ourPanel = async (sender: Sender) => {
    const { tabId } = sender;
    if (sender.kind !== 'page' || tabId === undefined || sender.frameId !== PANEL_FRAME) return;
    const frame = { frameId: PANEL_FRAME };
    const pending = binding.get(tabId);
    if (pending) return pending;
    const bind = (async () => {
      if (await hub.panelTokens.isBound(tabId, frame, 0)) return;
      const token = makePanelToken();
      await hub.panelTokens.adopt(tabId, token);
      await hub.panelTokens.connect(tabId, frame, token);
    })().finally(() => binding.delete(tabId));
    binding.set(tabId, bind);
    return bind;
  };
  const contentSender = (
    tabId: number,
    url = `https://business.facebook.com/latest/settings/business_users?business_id=${B}`,
  ): Sender => ({ kind: 'content', tabId, url });

  return {
    hub,
    store,
    dbName,
    sent,
    pageSender,
    contentSender,
    async ask(name, data, sender) {
      const from = sender ?? (protocol[name].from === 'content' ? contentSender(1) : pageSender(1));
      await ourPanel(from);
      return hub.router.dispatch(name, data, from);
    },
    showPage: (snapshot, tabId = 1) =>
      hub.cache.setTab(tabId, { report: { snapshot }, receivedAt: clock().toISOString() }),
    async close() {
      await hub.recording.flush();
      await hub.publisher.settled();
      // Checks run one at a time: one more resolves once those the test started are done.
      await hub.reminders.check().catch(() => undefined);
      await hub.publisher.settled();
      // The session mirror is written a second later: forget the tabs, so none reaches the next test.
      for (const tabId of hub.cache.tabsOf()) hub.cache.forget(tabId);
      store.close();
    },
  };
}

/**
 * A test's start: wxt's fake browser reset, the spies of the test before restored, the browser speaking
 * `uiLanguage`, and a fresh background at `now`. Call it in `beforeEach`, and `close()` the hub after.
 */
export function freshTestHub(now: string, uiLanguage: string): TestHub {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(uiLanguage);
  return testHub({ now });
}

/** A panel connected to a tab: what the background pushed to it, in order. */
export function panelOn(t: TestHub, tabId: number): TabState[] {
  const received: TabState[] = [];
  let last: Received | undefined;
  const port: PanelPort = {
    // Through JSON, as Chromium carries a port's messages; a delta is made whole as the panel makes it.
    postMessage: (message) => {
      const next = receivePanelMessage(last, JSON.parse(JSON.stringify(message)));
      if (next === 'gap') throw new Error('the background sent a delta on another state than the panel’s');
      last = next;
      received.push(next.state);
    },
    onDisconnect: { addListener: () => undefined },
  };
  t.hub.ports.add(tabId, port);
  return received;
}
