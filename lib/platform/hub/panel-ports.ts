import type { TabState } from '../../domain/ui-state';

/** The part of a runtime port the background uses. */
export interface PanelPort {
  postMessage(message: unknown): void;
  onDisconnect: { addListener(listener: () => void): void };
}

/** The panels connected per tab (a panel may reconnect after the worker restarts). */
export class PanelPorts {
  private ports = new Map<number, Set<PanelPort>>();

  add(tabId: number, port: PanelPort): void {
    const set = this.ports.get(tabId) ?? new Set();
    set.add(port);
    this.ports.set(tabId, set);
    port.onDisconnect.addListener(() => set.delete(port));
  }

  deliver(tabId: number, state: TabState): void {
    for (const port of this.ports.get(tabId) ?? []) port.postMessage(state);
  }

  forget(tabId: number): void {
    this.ports.delete(tabId);
  }
}
