import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PopupState, TabState } from '../domain/ui-state';
import type { ChecklistResult } from './checklists';
import type { Finding } from '../domain/rules/types';
import type { AdminResult, CommandResult, SubjectRecord } from './ledger-handlers';

/**
 * The one protocol between the extension's parts. Payloads are typed `unknown` where they are received
 * from a content script: the receiver parses them with zod (a content script is untrusted input).
 */
export interface ProtocolMap {
  /** content → background: the latest snapshot of the sender's tab. */
  reportSnapshot(report: unknown): { ok: true } | { ok: false; error: string };
  /** panel → background: the state of the panel's own tab. */
  getTabState(): TabState;
  /** background → content: the findings to draw as badges and live warnings. */
  showFindings(findings: Finding[]): void;
  /** panel → background → content: scroll the page to a subject's row and highlight it. */
  focusSubject(subject: unknown): void;
  scrollToSubject(subject: string): boolean;
  /** content → background → panel: a badge was clicked; open the panel on that subject. */
  openPanelOn(subject: unknown): void;
  /** panel → background: what the ledger knows about a subject. */
  subjectRecord(query: unknown): SubjectRecord;
  /** panel / options → background: document, extend, revoke, accept a finding. */
  ledgerCommand(command: unknown): CommandResult;
  /** options → background: export, verify, import, delete. */
  ledgerAdmin(request: unknown): AdminResult;
  /** panel / popup → background: start, tick, finish or discard a checklist run. */
  checklistCommand(command: unknown): ChecklistResult;
  /** popup → background: runs and due items, for the business of a tab (its id) if given. */
  popupState(query: unknown): PopupState;
  /** popup / panel → background: open the page of a due item (`{ group }`) or a business (`{ businessId }`). */
  openTarget(target: unknown): boolean;
  /** panel → background: quiet a reminder group for 1 or 7 days. */
  snooze(request: unknown): { ok: boolean };
  /** background → content: open the collapsed panel and highlight a subject (a notification was clicked). */
  revealPanel(subject: string): boolean;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** The long-lived connection over which the background pushes a tab's state to its panel. */
export const PANEL_PORT = 'scopekeeper-panel';
