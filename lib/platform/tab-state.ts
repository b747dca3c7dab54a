import { browser } from 'wxt/browser';
import { parseSnapshotReport, tabStateSchema, type TabState } from '../domain/messages';
import { onMessage, PANEL_PORT } from './messaging';

/**
 * The background's view of each tab: the latest validated snapshot. Kept in memory and mirrored to
 * storage.session, so a service worker that was stopped still knows its tabs when it wakes.
 */
const states = new Map<number, TabState>();
const panels = new Map<number, Set<Browser.runtime.Port>>();
const sessionKey = (tabId: number) => `tab-state:${tabId}`;

async function loadState(tabId: number): Promise<TabState> {
  const cached = states.get(tabId);
  if (cached) return cached;
  try {
    const stored = await browser.storage.session.get(sessionKey(tabId));
    const parsed = tabStateSchema.safeParse(stored[sessionKey(tabId)]);
    if (parsed.success) {
      states.set(tabId, parsed.data);
      return parsed.data;
    }
  } catch {
    // storage.session may be missing (older Firefox): memory is enough there.
  }
  return {};
}

async function saveState(tabId: number, state: TabState): Promise<void> {
  states.set(tabId, state);
  for (const port of panels.get(tabId) ?? []) port.postMessage(state);
  try {
    await browser.storage.session.set({ [sessionKey(tabId)]: state });
  } catch {
    // See loadState.
  }
}

export function registerTabStateHandlers(): void {
  onMessage('reportSnapshot', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, error: 'Snapshots are only accepted from a tab.' };
    const parsed = parseSnapshotReport(data, sender.tab?.url ?? sender.url);
    if (!parsed.ok) return parsed;
    await saveState(tabId, { ...parsed.report, receivedAt: new Date().toISOString() });
    return { ok: true };
  });

  onMessage('getTabState', async ({ sender }) => {
    const tabId = sender.tab?.id;
    return tabId === undefined ? {} : loadState(tabId);
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    const tabId = port.sender?.tab?.id;
    if (tabId === undefined) {
      port.disconnect();
      return;
    }
    const set = panels.get(tabId) ?? new Set();
    set.add(port);
    panels.set(tabId, set);
    port.onDisconnect.addListener(() => set.delete(port));
    void loadState(tabId).then((state) => port.postMessage(state));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    states.delete(tabId);
    panels.delete(tabId);
    void browser.storage.session.remove(sessionKey(tabId)).catch(() => undefined);
  });
}
