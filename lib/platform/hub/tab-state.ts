import type { BusinessView } from '../../domain/business-view';
import { resolveOwnDomains } from '../../domain/principals';
import type { PageSnapshot } from '../../domain/snapshot';
import type { UiLocale } from '../../domain/locales';
import type { Settings } from '../../domain/settings';
import type { Finding } from '../../domain/rules/types';
import type { DueItemView, PanelFinding, TabState } from '../../domain/ui-state';
import type { HubDeps } from './deps';
import type { FocusMap } from './focus';
import type { RunsCache } from './runs-cache';
import type { TabCache } from './tab-cache';

/** What a tab's state is computed from (the hub has all of it). */
export interface TabStateDeps extends Pick<HubDeps, 'store' | 'clock'> {
  cache: TabCache;
  runs: RunsCache;
  focus: FocusMap;
  reminders: { currentDue(businessId?: string): DueItemView[] };
  locale(): UiLocale;
  currentSettings(): Promise<Settings>;
}

/** The business as known across pages, shaped as a snapshot of the current page. */
function businessSnapshot(snapshot: PageSnapshot, view: BusinessView | undefined): PageSnapshot {
  if (!view) return snapshot.kind.endsWith('dialog') ? { ...snapshot, principals: [] } : snapshot;
  return {
    ...snapshot,
    principals: view.principals,
    ...(view.currentUser ? { currentUser: view.currentUser } : {}),
  };
}

/** A read of the invite or add-partner dialog (its findings are drawn as live warnings). */
export const isDialog = (snapshot: PageSnapshot) =>
  snapshot.kind === 'invite-dialog' || snapshot.kind === 'add-partner-dialog';

/** A tab's state as computed: its findings in full (the page's live warnings need their fix). */
export type ComputedTabState = Omit<TabState, 'findings'> & { findings: Finding[] };

/** Each finding as the panel gets it, made once per finding (an unchanged finding is the same object). */
const panelFindings = new WeakMap<Finding, PanelFinding>();

/** The state as the panel gets it: its findings without "why" and "how to fix" (ui-state.ts). */
export function toPanelState(state: ComputedTabState): TabState {
  const findings = state.findings.map((finding) => {
    let shown = panelFindings.get(finding);
    if (!shown) {
      const { why: _why, fix: _fix, ...rest } = finding;
      shown = rest;
      panelFindings.set(finding, shown);
    }
    return shown;
  });
  return { ...state, findings };
}

/** What a tab's panel shows: the page as read, the findings on its business, its runs and due items. */
export async function computeTabState(hub: TabStateDeps, tabId: number): Promise<ComputedTabState> {
  const record = await hub.cache.tab(tabId);
  const focused = hub.focus.get(tabId);
  const empty: ComputedTabState = {
    findings: [],
    failedRules: [],
    locale: hub.locale(),
    runs: [],
    due: [],
    ...(focused ? { focus: focused } : {}),
  };
  if (!record) return empty;
  // Everything here was validated on the way in or made by our own rules: no second parse is needed.
  const { snapshot, diagnostics } = record.report;
  const base: ComputedTabState = {
    ...empty,
    snapshot,
    receivedAt: record.receivedAt,
    ...(diagnostics ? { diagnostics } : {}),
  };
  if (snapshot.kind === 'other' || !snapshot.businessId) return base;
  const view = hub.cache.view(snapshot.businessId);
  const settings = await hub.currentSettings();
  // Recomputed for what changed since the business's last publish: the same findings as `analyse`.
  const { findings, failedRules } = hub.cache.analysis(snapshot.businessId).analyse(
    businessSnapshot(snapshot, view),
    isDialog(snapshot) ? snapshot : undefined,
    {
      settings,
      now: hub.clock(),
      ownDomains: resolveOwnDomains(
        settings.ownDomains,
        view?.currentUser?.email ?? snapshot.currentUser?.email,
      ),
      ledger: await hub.store.ledgerFacts(snapshot.businessId),
      peopleListComplete: view?.peopleListComplete ?? false,
      ...(view?.security ? { security: view.security } : {}),
    },
    base.locale,
  );
  const runs = await hub.runs.of(snapshot.businessId);
  const businessName = snapshot.businessName ?? (await hub.store.businessName(snapshot.businessId));
  return {
    ...base,
    ...(businessName ? { businessName } : {}),
    findings,
    failedRules,
    runs,
    due: hub.reminders.currentDue(snapshot.businessId),
    watchMark: hub.store.watchMark(),
  };
}
