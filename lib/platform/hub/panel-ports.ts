import type { Finding } from '../../domain/rules/types';
import type { TabState } from '../../domain/ui-state';
import { toPanelState, type ComputedTabState } from './tab-state';

/** The part of a runtime port the background uses. */
export interface PanelPort {
  postMessage(message: unknown): void;
  onDisconnect: { addListener(listener: () => void): void };
}

/** Which finding the panel means: its rule, subject and asset (`type:name`, '' for none). */
export interface FindingRef {
  ruleId: string;
  subject: string;
  asset?: { type: string; name: string } | undefined;
}

const refKey = (f: FindingRef) =>
  `${f.ruleId}|${f.subject}|${f.asset ? `${f.asset.type}:${f.asset.name}` : ''}`;

/**
 * The panels connected per tab (a panel may reconnect after the worker restarts), and the findings each tab's
 * panels were last sent, in full: the panel gets them without their "how to fix" and asks for one when the
 * admin opens it (`fixOf`).
 */
export class PanelPorts {
  private ports = new Map<number, Set<PanelPort>>();
  private findings = new Map<number, readonly Finding[]>();

  add(tabId: number, port: PanelPort): void {
    const set = this.ports.get(tabId) ?? new Set();
    set.add(port);
    this.ports.set(tabId, set);
    port.onDisconnect.addListener(() => set.delete(port));
  }

  deliver(tabId: number, state: ComputedTabState): void {
    this.findings.set(tabId, state.findings);
    const ports = this.ports.get(tabId);
    if (!ports || ports.size === 0) return;
    const shown: TabState = toPanelState(state);
    for (const port of ports) port.postMessage(shown);
  }

  /** The "how to fix" of a finding the tab's panel was sent; undefined when it was not sent one. */
  fixOf(tabId: number, ref: FindingRef): string | undefined {
    const key = refKey(ref);
    return this.findings.get(tabId)?.find((f) => refKey(f) === key)?.fix;
  }

  forget(tabId: number): void {
    this.ports.delete(tabId);
    this.findings.delete(tabId);
  }
}
