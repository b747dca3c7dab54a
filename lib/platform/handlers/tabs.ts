import { acceptPanelPort } from './panel';
import type { Hub } from '../hub';

/**
 * The tabs' lifecycle: a panel connects (and gets its tab's state at once), a tab closes (forgotten), the
 * settings change (every tab is analysed again, the reminders follow new lead days or hour).
 */
export function registerTabs(hub: Hub): void {
  const { browser } = hub;
  // Only our own panel, inside the tab where the content script put it, with that load's token.
  browser.runtime.onConnect.addListener((port) => acceptPanelPort(hub, port));

  browser.tabs.onRemoved.addListener((tabId) => {
    hub.cache.forget(tabId);
    hub.ports.forget(tabId);
    hub.focus.forget(tabId);
    hub.panelTokens.forget(tabId);
    hub.recording.forget(tabId);
    hub.publisher.forget(tabId);
    hub.sentFindings.forget(tabId);
  });

  void refillOpenTabs(hub);

  hub.settings.watch((next) => {
    hub.setSettings(next);
    hub.publisher.invalidateAll();
    void hub.reminders.check();
  });
}

/**
 * On every start of the background (a stopped service worker woke up): each open Business Settings tab's
 * content script is asked to send its latest read again, so its panel (which reconnects by itself) is
 * filled again at once, not when the page next changes, and a read the worker had not mirrored yet is not
 * lost. The host permission lets the background find those tabs without the "tabs" permission.
 */
export async function refillOpenTabs(hub: Hub): Promise<number> {
  let tabs: { id?: number; url?: string }[];
  try {
    // Tabs' URLs are visible only where the host permission reaches: Business Settings.
    tabs = (await hub.browser.tabs.query({})).filter((tab) =>
      tab.url?.startsWith('https://business.facebook.com/'),
    );
  } catch {
    return 0;
  }
  const asked = await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? false : hub.toTab(tab.id, 'sendSnapshotAgain', undefined))),
  );
  return asked.filter((answer) => answer === true).length;
}
