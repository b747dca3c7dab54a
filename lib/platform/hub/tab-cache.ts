import { businessViewSchema, mergeSnapshot, type BusinessView } from '../../domain/business-view';
import { parseSnapshotReport, type SnapshotReport } from '../../domain/messages';

export interface TabRecord {
  report: SnapshotReport;
  receivedAt: string;
}

/** The part of `storage.session` the cache uses (missing in older Firefox: memory is enough there). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const tabKey = (tabId: number) => `tab:${tabId}`;
const viewKey = (businessId: string) => `business:${businessId}`;

/**
 * The background's memory of each tab (its latest validated snapshot) and of each business (what is known
 * across its pages), mirrored to `storage.session` so a service worker that was stopped still knows its
 * tabs when it wakes. What comes back from the session is parsed again, like anything stored.
 */
export class TabCache {
  private tabs = new Map<number, TabRecord>();
  private views = new Map<string, BusinessView>();
  private pending = new Map<string, unknown>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly session: SessionArea | undefined) {}

  private async fromSession(key: string): Promise<unknown> {
    try {
      return (await this.session?.get(key))?.[key];
    } catch {
      return undefined;
    }
  }

  // Mirrors are written a moment after the last change, in one batch: a burst of reads from a 5,000-row
  // page costs one write. Losing the last second to a stopped worker only means the content script's next
  // read fills it in again.
  private persist(key: string, value: unknown): void {
    if (!this.session) return;
    this.pending.set(key, value);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      const batch = Object.fromEntries(this.pending);
      this.pending.clear();
      this.session?.set(batch).catch(() => undefined);
    }, 1000);
  }

  /** A tab's record, from memory or the session mirror (validated again); undefined when unknown. */
  async tab(tabId: number): Promise<TabRecord | undefined> {
    const cached = this.tabs.get(tabId);
    if (cached) return cached;
    const stored = (await this.fromSession(tabKey(tabId))) as
      { report?: unknown; receivedAt?: unknown } | undefined;
    const parsed = stored ? parseSnapshotReport(stored.report, undefined) : undefined;
    if (!parsed?.ok || typeof stored?.receivedAt !== 'string') return undefined;
    const record = { report: parsed.report, receivedAt: stored.receivedAt };
    this.tabs.set(tabId, record);
    const businessId = record.report.snapshot.businessId;
    if (businessId && !this.views.has(businessId)) {
      const view = businessViewSchema.safeParse(await this.fromSession(viewKey(businessId)));
      if (view.success) this.views.set(businessId, view.data);
    }
    return record;
  }

  /** Keeps a tab's new snapshot and folds it into its business's view. */
  async setTab(tabId: number, record: TabRecord): Promise<void> {
    await this.tab(tabId); // the business view of a restarted worker comes back first
    this.tabs.set(tabId, record);
    this.persist(tabKey(tabId), record);
    const { snapshot } = record.report;
    if (!snapshot.businessId) return;
    const view = mergeSnapshot(this.views.get(snapshot.businessId), snapshot);
    if (view) {
      this.views.set(snapshot.businessId, view);
      this.persist(viewKey(snapshot.businessId), view);
    }
  }

  view(businessId: string): BusinessView | undefined {
    return this.views.get(businessId);
  }

  businessIds(): string[] {
    return [...this.views.keys()];
  }

  /** The tabs known to show a business (every known tab without one). */
  tabsOf(businessId?: string): number[] {
    return [...this.tabs]
      .filter(([, r]) => !businessId || r.report.snapshot.businessId === businessId)
      .map(([id]) => id);
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
    this.pending.delete(tabKey(tabId));
    void this.session?.remove(tabKey(tabId)).catch(() => undefined);
  }
}
