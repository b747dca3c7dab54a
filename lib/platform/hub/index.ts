import { badgeFindings, type BadgeFinding } from '../../domain/badge-findings';
import { getSubjectKey } from '../../domain/snapshot';
import { browser as realBrowser } from 'wxt/browser';
import { pickUiLocale, type UiLocale } from '../../domain/locales';
import type { Settings } from '../../domain/settings';
import { LedgerStore } from '../../ledger/store';
import { sendMessage } from '../messaging';
import { Reminders } from '../reminders';
import { reviewBadges } from '../review-facts';
import { Router } from '../router';
import { loadSettings, watchSettings } from '../settings';
import type { HubDeps, ToTab } from './deps';
import { FocusMap } from './focus';
import { markTime } from './marks';
import { createPanelGate } from './panel-gate';
import { PanelPorts } from './panel-ports';
import { PanelTokens } from './panel-tokens';
import { Publisher } from './publisher';
import { RunsCache } from './runs-cache';
import { SentFindings } from './sent-findings';
import { TabCache } from './tab-cache';
import { computeTabState, isDialog } from './tab-state';
import { Throttle } from './throttle';

export type { HubDeps, ToTab } from './deps';

/**
 * The background, in rooms: the router (every message in), the tab cache (what each tab and business
 * shows), the publisher (one coalesced publish per tab), the panel ports, the focus of each panel, and the
 * reminders. Handlers are registered on it by `registerX(hub)` calls in entrypoints/background.ts.
 */
export interface Hub extends HubDeps {
  router: Router;
  cache: TabCache;
  publisher: Publisher;
  ports: PanelPorts;
  /** Each business's checklist runs as its panels show them, kept between publishes. */
  runs: RunsCache;
  /** Each tab's panel token and the panel frames that presented it. */
  panelTokens: PanelTokens;
  focus: FocusMap;
  reminders: Reminders;
  /** What the ledger records of a page that streams deltas: once a second per tab, and after the last. */
  recording: Throttle;
  /** Sends each tab's page the findings its badges draw: in parts, and the same for the same read once. */
  sentFindings: SentFindings;
  /** The admin's language (the browser's, when Scopekeeper speaks it). */
  locale(): UiLocale;
  /** The settings, read once and then kept up to date by the settings watch. */
  currentSettings(): Promise<Settings>;
  setSettings(settings: Settings): void;
  /**
   * Runs "Delete all data" with the team ledger's replication stopped and the local copy of the team's
   * database dropped first (set by the team ledger's runner, lib/platform/team-runner.ts `erase`).
   */
  eraseWith?: <T>(work: () => Promise<T>) => Promise<T>;
}

const realToTab: ToTab = async (tabId, name, data) => {
  try {
    return (await sendMessage(name, data as never, tabId)) as never;
  } catch {
    return null; // No content script there (loading, another site, gone): nothing to draw.
  }
};

export function createHub(overrides: Partial<HubDeps> = {}): Hub {
  const deps: HubDeps = {
    store: overrides.store ?? new LedgerStore(),
    clock: overrides.clock ?? (() => new Date()),
    browser: overrides.browser ?? realBrowser,
    toTab: overrides.toTab ?? realToTab,
    settings: overrides.settings ?? {
      load: async () => (await loadSettings()).settings,
      watch: watchSettings,
    },
  };
  let settings: Settings | undefined;
  const cache = new TabCache(deps.browser.storage?.session);
  const hub = { ...deps, router: new Router(), cache } as Hub;
  hub.locale = () => pickUiLocale(deps.browser.i18n?.getUILanguage?.());
  hub.currentSettings = async () => {
    const loaded = settings ?? (await deps.settings.load());
    // A change the watch delivered while this was loading is newer: it wins.
    return (settings ??= loaded);
  };
  hub.setSettings = (next) => {
    settings = next;
  };
  hub.ports = new PanelPorts();
  hub.runs = new RunsCache((businessId) => deps.store.runs({ businessId }));
  hub.panelTokens = new PanelTokens(deps.browser.storage?.session);
  hub.sentFindings = new SentFindings();
  hub.router.pageGate = createPanelGate(hub.panelTokens);
  hub.publisher = new Publisher(
    async (tabId) => {
      // Which read of the page this publish is of (taken first: a read that comes in meanwhile is news).
      const record = await cache.tab(tabId);
      const state = await computeTabState(hub, tabId);
      const counts = { principals: state.snapshot?.principals.length ?? 0, findings: state.findings.length };
      markTime('scopekeeper:state-computed', counts);
      hub.ports.deliver(tabId, state);
      markTime('scopekeeper:state-sent', counts);
      // The fix goes where a live warning may show it: a dialog, or the principal read on its pane.
      const read = state.snapshot;
      const dialog = read !== undefined && isDialog(read);
      const onPane = new Set(read?.principals.filter((p) => p.assets.length > 0).map(getSubjectKey));
      // An access review's removals still to switch off are drawn as badges too (issue 14).
      const followUps = read?.businessId && !dialog ? await reviewBadges(hub, read.businessId) : [];
      const badges = badgeFindings(state.findings, (subject) => dialog || onPane.has(subject), followUps);
      // Each part goes once the page took the one before (toTab waits for its answer).
      await hub.sentFindings.send(
        tabId,
        record,
        badges,
        async (name, part) => (await deps.toTab(tabId, name, part as BadgeFinding[])) !== null,
      );
    },
    (businessId) => cache.tabsOf(businessId),
    (businessId) => hub.runs.drop(businessId),
  );
  hub.focus = new FocusMap(deps.toTab, (tabId) => hub.publisher.invalidate(tabId));
  hub.reminders = new Reminders(hub);
  hub.recording = new Throttle();
  return hub;
}
