import { browser } from 'wxt/browser';
import { usePanelStore } from '@/components/panel-store';
import { tabStateSchema } from '../domain/ui-state';
import { PANEL_PORT } from './messaging';

/** Connects the panel to the background and keeps its store in step; reconnects when the worker restarts. */
export function connectPanelStore(): void {
  const connect = () => {
    const port = browser.runtime.connect({ name: PANEL_PORT });
    usePanelStore.getState().setConnected(true);
    port.onMessage.addListener((message: unknown) => {
      const parsed = tabStateSchema.safeParse(message);
      if (parsed.success) usePanelStore.getState().setState(parsed.data);
    });
    port.onDisconnect.addListener(() => {
      usePanelStore.getState().setConnected(false);
      setTimeout(connect, 500);
    });
  };
  connect();
}
