import { PANEL_PORT } from '../messaging';
import type { Hub } from '../hub';

/**
 * The tabs' lifecycle: a panel connects (and gets its tab's state at once), a tab closes (forgotten), the
 * settings change (every tab is analysed again, the reminders follow new lead days or hour).
 */
export function registerTabs(hub: Hub): void {
  const { browser } = hub;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    const tabId = port.sender?.tab?.id;
    // Only our own panel page, inside a tab, may connect.
    if (tabId === undefined || !port.sender?.url?.startsWith(browser.runtime.getURL('/'))) {
      port.disconnect();
      return;
    }
    hub.ports.add(tabId, port);
    // Through the publisher, so a state computed earlier never arrives after a newer one.
    hub.publisher.invalidate(tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    hub.cache.forget(tabId);
    hub.ports.forget(tabId);
    hub.focus.forget(tabId);
  });

  hub.settings.watch((next) => {
    hub.setSettings(next);
    hub.publisher.invalidateAll();
    void hub.reminders.check();
  });
}
