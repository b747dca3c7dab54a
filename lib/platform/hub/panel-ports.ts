import { emptyTabState, tabStateDelta, type PanelMessage } from '../../domain/panel-delta';
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

/** What a port was sent last: its number and the state it made. */
interface Sent {
  seq: number;
  state: TabState;
}

/**
 * The panels connected per tab (a panel may reconnect after the worker restarts), and the findings each tab's
 * panels were last sent, in full: the panel gets them without their "how to fix" and asks for one when the
 * admin opens it (`fixOf`). A port gets a whole state first, then what changed (lib/domain/panel-delta.ts).
 */
export class PanelPorts {
  private ports = new Map<number, Map<PanelPort, Sent | undefined>>();
  private findings = new Map<number, readonly Finding[]>();

  add(tabId: number, port: PanelPort): void {
    const ports = this.ports.get(tabId) ?? new Map<PanelPort, Sent | undefined>();
    ports.set(port, undefined);
    this.ports.set(tabId, ports);
    port.onDisconnect.addListener(() => ports.delete(port));
  }

  deliver(tabId: number, state: ComputedTabState): void {
    this.findings.set(tabId, state.findings);
    const ports = this.ports.get(tabId);
    if (!ports || ports.size === 0) return;
    const shown: TabState = toPanelState(state);
    for (const [port, sent] of ports) {
      const seq = (sent?.seq ?? 0) + 1;
      // A new port's first state is whole: what changed since the empty state.
      const message: PanelMessage = {
        seq,
        base: sent?.seq ?? 0,
        delta: tabStateDelta(sent?.state ?? emptyTabState, shown),
      };
      port.postMessage(message);
      ports.set(port, { seq, state: shown });
    }
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
