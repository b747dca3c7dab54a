import { browser } from 'wxt/browser';
import { mergeSnapshot, type BusinessView } from '../domain/business-view';
import { parseSnapshotReport, type SnapshotReport } from '../domain/messages';
import { tabStateSchema, type TabState } from '../domain/ui-state';
import { isThirdParty, resolveOwnDomains } from '../domain/principals';
import { analyse, pickUiLocale } from '../domain/rules';
import type { Settings } from '../domain/settings';
import { getSubjectKey, type PageSnapshot } from '../domain/snapshot';
import { z } from 'zod';
import { runChecklistCommand, updateRunsFromEvidence } from './checklists';
import { forgetTab, getFocus, onFocusChange, openBusinessSettings, revealIfPending, setFocus } from './focus';
import { onMessage, PANEL_PORT, sendMessage } from './messaging';
import {
  ledgerAdmin,
  ledgerStore,
  runLedgerCommand,
  subjectRecord,
  type CommandContext,
} from './ledger-handlers';
import {
  currentDue,
  noteBusinessSeen,
  onDueChange,
  openReminderGroup,
  refreshReminders,
  snooze,
} from './reminders';
import { loadSettings, watchSettings } from './settings';

/**
 * The background's view of each tab and each business: the latest validated snapshot per tab, what is
 * known about each business across pages, and the findings computed from both. Kept in memory and
 * mirrored to storage.session, so a service worker that was stopped still knows its tabs when it wakes.
 */
interface TabRecord {
  report: SnapshotReport;
  receivedAt: string;
}

const tabs = new Map<number, TabRecord>();
const views = new Map<string, BusinessView>();
const panels = new Map<number, Set<Browser.runtime.Port>>();
let settings: Settings | undefined;

const tabKey = (tabId: number) => `tab:${tabId}`;
const viewKey = (businessId: string) => `business:${businessId}`;

async function currentSettings(): Promise<Settings> {
  settings ??= (await loadSettings()).settings;
  return settings;
}

async function session<T>(key: string): Promise<T | undefined> {
  try {
    return (await browser.storage.session.get(key))[key] as T | undefined;
  } catch {
    return undefined; // storage.session may be missing (older Firefox): memory is enough there.
  }
}

// Session mirrors are written a moment after the last change, in one batch: a burst of reads from a
// 5,000-row page then costs one write, not one per read. Losing the last second to a stopped worker only
// means the content script's next read fills it in again.
const pending = new Map<string, unknown>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;

function persist(key: string, value: unknown): void {
  pending.set(key, value);
  clearTimeout(flushTimer);
  flushTimer = setTimeout(() => {
    const batch = Object.fromEntries(pending);
    pending.clear();
    browser.storage.session.set(batch).catch(() => undefined); // See session().
  }, 1000);
}

async function loadTab(tabId: number): Promise<TabRecord | undefined> {
  const cached = tabs.get(tabId);
  if (cached) return cached;
  const stored = await session<TabRecord>(tabKey(tabId));
  const parsed = stored ? parseSnapshotReport(stored.report, undefined) : undefined;
  if (!stored || !parsed?.ok) return undefined;
  const record = { report: parsed.report, receivedAt: stored.receivedAt };
  tabs.set(tabId, record);
  const businessId = record.report.snapshot.businessId;
  if (businessId && !views.has(businessId)) {
    const view = await session<BusinessView>(viewKey(businessId));
    if (view) views.set(businessId, view);
  }
  return record;
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

async function computeState(tabId: number): Promise<TabState> {
  const record = await loadTab(tabId);
  const locale = pickUiLocale(browser.i18n?.getUILanguage?.());
  const focused = getFocus(tabId);
  const empty: TabState = {
    findings: [],
    failedRules: [],
    locale,
    runs: [],
    due: [],
    ...(focused ? { focus: focused } : {}),
  };
  if (!record) return empty;
  // Everything here was validated on the way in or made by our own rules: no second parse is needed.
  const { snapshot, diagnostics } = record.report;
  const base: TabState = {
    ...empty,
    snapshot,
    receivedAt: record.receivedAt,
    ...(diagnostics ? { diagnostics } : {}),
  };
  if (snapshot.kind === 'other' || !snapshot.businessId) return base;
  const view = views.get(snapshot.businessId);
  const s = await currentSettings();
  const business = businessSnapshot(snapshot, view);
  const dialog =
    snapshot.kind === 'invite-dialog' || snapshot.kind === 'add-partner-dialog' ? snapshot : undefined;
  const { findings, failedRules } = analyse(
    business,
    dialog,
    {
      settings: s,
      now: new Date(),
      ownDomains: resolveOwnDomains(s.ownDomains, view?.currentUser?.email ?? snapshot.currentUser?.email),
      ledger: await ledgerStore().ledgerFacts(snapshot.businessId),
      peopleListComplete: view?.peopleListComplete ?? false,
    },
    locale,
  );
  const runs = (await ledgerStore().runs({ businessId: snapshot.businessId })).sort(
    (a, b) => Number(a.status === 'finished') - Number(b.status === 'finished'),
  );
  return { ...base, findings, failedRules, runs: runs.slice(0, 50), due: currentDue(snapshot.businessId) };
}

/** Publishes to every tab showing a business (after its ledger records or checklists changed). */
function publishBusiness(businessId?: string): void {
  for (const [id, record] of tabs)
    if (!businessId || record.report.snapshot.businessId === businessId) void publish(id);
}

/** What a ledger or checklist command needs to know about the admin and the business. */
async function commandContext(businessId: unknown): Promise<CommandContext> {
  const s = await currentSettings();
  const view = typeof businessId === 'string' ? views.get(businessId) : undefined;
  return {
    now: new Date(),
    decidedBy: view?.currentUser?.email ?? view?.currentUser?.name ?? 'admin',
    settings: s,
    isThirdParty: (b, subject) => {
      const v = views.get(b);
      const principal = v?.principals.find((p) => getSubjectKey(p) === subject);
      if (subject.startsWith('partner')) return true;
      if (!principal) return false;
      return isThirdParty(principal, resolveOwnDomains(s.ownDomains, v?.currentUser?.email)) === 'yes';
    },
  };
}

const openTargetSchema = z.union([
  z.object({
    group: z.string().min(1).max(300),
    action: z.enum(['extend', 'offboard', 'review']).optional(),
  }),
  z.object({
    businessId: z.string().regex(/^\d{1,20}$/),
    subject: z.string().min(1).max(600).optional(),
    action: z.enum(['extend', 'offboard', 'review']).optional(),
  }),
]);
const snoozeSchema = z.object({
  group: z.string().min(1).max(300),
  days: z.union([z.literal(1), z.literal(7)]),
});
const popupQuerySchema = z.object({ tabId: z.number().int().nonnegative().optional() });

async function publish(tabId: number): Promise<void> {
  const state = await computeState(tabId);
  for (const port of panels.get(tabId) ?? []) port.postMessage(state);
  await sendMessage('showFindings', state.findings, tabId).catch(() => undefined);
}

export function registerTabStateHandlers(): void {
  onMessage('reportSnapshot', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, error: 'Snapshots are only accepted from a tab.' };
    const parsed = parseSnapshotReport(data, sender.tab?.url ?? sender.url);
    if (!parsed.ok) return parsed;
    await loadTab(tabId);
    const record = { report: parsed.report, receivedAt: new Date().toISOString() };
    tabs.set(tabId, record);
    const { snapshot } = parsed.report;
    if (snapshot.businessId) {
      const view = mergeSnapshot(views.get(snapshot.businessId), snapshot);
      if (view) {
        views.set(snapshot.businessId, view);
        persist(viewKey(snapshot.businessId), view);
      }
    }
    persist(tabKey(tabId), record);
    await publish(tabId);
    // Then first-seen dates (stale invitations) and the latest snapshot per page kind go to the ledger.
    // Off the path to the findings: a subject seen pending for the first time is never stale yet.
    const now = new Date();
    await ledgerStore()
      .recordSnapshot(snapshot, now)
      .catch(() => undefined);
    void revealIfPending(tabId);
    if (snapshot.businessId && snapshot.readStatus !== 'unreadable' && snapshot.kind !== 'other') {
      const businessId = snapshot.businessId;
      await noteBusinessSeen(businessId, now).catch(() => undefined);
      // Checklist steps that this page proves tick themselves.
      const changed = await updateRunsFromEvidence(businessId, views.get(businessId), now).catch(() => false);
      if (changed) publishBusiness(businessId);
    }
    return { ok: true };
  });

  onMessage('getTabState', async ({ sender }) => {
    const tabId = sender.tab?.id;
    return tabId === undefined ? tabStateSchema.parse({}) : computeState(tabId);
  });

  onMessage('focusSubject', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || typeof data !== 'string' || data.length > 600) return;
    await sendMessage('scrollToSubject', data, tabId).catch(() => false);
  });

  // Ledger reads and writes come from our own extension pages only (panel, options), never from a
  // content script, which reads untrusted pages.
  const fromExtensionPage = (sender: Browser.runtime.MessageSender) =>
    sender.url?.startsWith(browser.runtime.getURL('/')) === true;

  onMessage('subjectRecord', async ({ data, sender }) =>
    fromExtensionPage(sender) ? subjectRecord(data) : { grants: [], decisions: [] },
  );

  onMessage('ledgerCommand', async ({ data, sender }) => {
    if (!fromExtensionPage(sender))
      return { ok: false, error: 'Ledger changes are accepted from Scopekeeper’s own pages only.' };
    const businessIdOf = (data as { businessId?: unknown })?.businessId;
    const result = await runLedgerCommand(data, await commandContext(businessIdOf));
    if (result.ok) {
      // The panel updates at once: every tab is analysed again with the new ledger facts, checklist steps
      // that a record proves tick themselves, and the reminders follow the new end dates.
      const businessId = result.decision.businessId;
      await updateRunsFromEvidence(businessId, views.get(businessId), new Date()).catch(() => false);
      publishBusiness();
      void refreshReminders();
    }
    return result;
  });

  onMessage('ledgerAdmin', async ({ data, sender }) => {
    if (!fromExtensionPage(sender))
      return { ok: false, error: 'Ledger changes are accepted from Scopekeeper’s own pages only.' };
    const result = await ledgerAdmin(data, new Date());
    if (result.ok && (result.type === 'delete-all' || (result.type === 'import' && result.applied))) {
      publishBusiness();
      void refreshReminders();
    }
    if (result.ok && result.type === 'export') {
      // An export is the evidence of a periodic review's first step.
      for (const businessId of views.keys())
        await updateRunsFromEvidence(businessId, views.get(businessId), new Date()).catch(() => false);
      publishBusiness();
      // The export is no longer due.
      void refreshReminders();
    }
    return result;
  });

  onMessage('openPanelOn', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || typeof data !== 'string' || data.length > 600) return;
    setFocus(tabId, data);
  });

  onMessage('checklistCommand', async ({ data, sender }) => {
    if (!fromExtensionPage(sender))
      return { ok: false, error: 'Checklists are changed from Scopekeeper’s own pages only.' };
    const businessIdOf = (data as { businessId?: unknown })?.businessId;
    const result = await runChecklistCommand(data, {
      ...(await commandContext(businessIdOf)),
      view: (businessId) => views.get(businessId),
    });
    if (result.ok) publishBusiness(result.run?.businessId);
    return result;
  });

  onMessage('popupState', async ({ data, sender }) => {
    const locale = pickUiLocale(browser.i18n?.getUILanguage?.());
    if (!fromExtensionPage(sender)) return { businesses: [], runs: [], due: [], locale };
    const query = popupQuerySchema.safeParse(data ?? {});
    const tabId = query.success ? query.data.tabId : undefined;
    const record = tabId === undefined ? undefined : await loadTab(tabId);
    const businessId = record?.report.snapshot.businessId;
    const state = await ledgerStore().reminderState();
    const runs = (await ledgerStore().runs(businessId ? { businessId } : {})).filter(
      (r) => r.status === 'open',
    );
    return {
      ...(businessId ? { businessId } : {}),
      businesses: [...new Set([...Object.keys(state.reviewSince), ...views.keys()])],
      runs,
      due: currentDue(),
      locale,
    };
  });

  onMessage('openTarget', async ({ data, sender }) => {
    const parsed = openTargetSchema.safeParse(data);
    if (!fromExtensionPage(sender) || !parsed.success) return false;
    const target = parsed.data;
    const tabId =
      'group' in target
        ? await openReminderGroup(target.group, target.action)
        : await openBusinessSettings(target);
    return tabId !== undefined;
  });

  onMessage('snooze', async ({ data, sender }) => {
    const parsed = snoozeSchema.safeParse(data);
    if (!fromExtensionPage(sender) || !parsed.success) return { ok: false };
    await snooze(parsed.data.group, parsed.data.days, new Date());
    return { ok: true };
  });

  onFocusChange((tabId) => void publish(tabId));
  onDueChange(() => publishBusiness());

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
    void computeState(tabId).then((state) => port.postMessage(state));
  });

  watchSettings((next) => {
    settings = next;
    // Changes apply to open tabs at once, without a reload; the reminders follow new lead days or hour.
    for (const tabId of tabs.keys()) void publish(tabId);
    void refreshReminders();
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.delete(tabId);
    panels.delete(tabId);
    forgetTab(tabId);
    void browser.storage.session.remove(tabKey(tabId)).catch(() => undefined);
  });
}
