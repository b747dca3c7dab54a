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
  });

  hub.settings.watch((next) => {
    hub.setSettings(next);
    hub.publisher.invalidateAll();
    void hub.reminders.check();
  });
}
