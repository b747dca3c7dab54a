import { browser } from 'wxt/browser';
import { tabStateSchema, type TabState } from '../domain/ui-state';
import { PANEL_PORT } from './messaging';

/**
 * Connects the panel to the background and hands each state it pushes (parsed) to the given callbacks;
 * reconnects when the worker restarts. Knows nothing of the panel's components or store.
 */
export function connectPanel(callbacks: {
  onState: (state: TabState) => void;
  onConnected: (connected: boolean) => void;
}): void {
  const connect = () => {
    const port = browser.runtime.connect({ name: PANEL_PORT });
    callbacks.onConnected(true);
    port.onMessage.addListener((message: unknown) => {
      const parsed = tabStateSchema.safeParse(message);
      if (parsed.success) callbacks.onState(parsed.data);
    });
    port.onDisconnect.addListener(() => {
      callbacks.onConnected(false);
      setTimeout(connect, 500);
    });
  };
  connect();
}
