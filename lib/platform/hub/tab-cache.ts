import { AnalysisState } from '../../domain/analysis-state';
import { businessViewSchema, mergeSnapshot, type BusinessView } from '../../domain/business-view';
import { parseSnapshotReport, type SnapshotReport } from '../../domain/messages';

export interface TabRecord {
  /** The report as received, or as made whole from its deltas: its `stream` and `seq` number what it holds. */
  report: SnapshotReport;
  receivedAt: string;
}

/** The part of `storage.session` the cache uses (missing in older Firefox: memory is enough there). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The session mirror is written this long after the last change, and at most this long after the first. */
const MIRROR_QUIET_MS = 1000;
const MIRROR_MAX_WAIT_MS = 5000;

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
  /** Each business's findings kept between publishes (memory only: recomputed whole after a restart). */
  private analyses = new Map<string, AnalysisState>();
  private pending = new Map<string, unknown>();
  /** Tabs closed while one of their reads was waiting: what that read brings back is dropped. */
  private closed = new Set<number>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet mirrored was made (Date.now()). */
  private firstPending: number | undefined;

  constructor(private readonly session: SessionArea | undefined) {}

  private async fromSession(key: string): Promise<unknown> {
    try {
      return (await this.session?.get(key))?.[key];
    } catch {
      return undefined;
    }
  }

  // Mirrors are written a moment after the last change, in one batch: a burst of reads from a 5,000-row
  // page costs one write; a page that never stops changing is still written every MIRROR_MAX_WAIT_MS.
  // Losing the last second to a stopped worker only means the content script's next read fills it in again.
  private persist(key: string, value: unknown): void {
    if (!this.session) return;
    this.pending.set(key, value);
    this.firstPending ??= Date.now();
    clearTimeout(this.flushTimer);
    const wait = Math.min(MIRROR_QUIET_MS, this.firstPending + MIRROR_MAX_WAIT_MS - Date.now());
    this.flushTimer = setTimeout(
      () => {
        const batch = Object.fromEntries(this.pending);
        this.pending.clear();
        this.firstPending = undefined;
        this.session?.set(batch).catch(() => undefined);
      },
      Math.max(0, wait),
    );
  }

  /** A tab's record, from memory or the session mirror (validated again); undefined when unknown. */
  async tab(tabId: number): Promise<TabRecord | undefined> {
    const cached = this.tabs.get(tabId);
    if (cached) return cached;
    const stored = (await this.fromSession(tabKey(tabId))) as
      { report?: unknown; receivedAt?: unknown } | undefined;
    const parsed = stored ? parseSnapshotReport(stored.report, undefined) : undefined;
    if (!parsed?.ok || typeof stored?.receivedAt !== 'string') return undefined;
    if (this.closed.has(tabId)) return undefined;
    const record = { report: parsed.report, receivedAt: stored.receivedAt };
    this.tabs.set(tabId, record);
    const businessId = record.report.snapshot.businessId;
    if (businessId) await this.loadView(businessId);
    return record;
  }

  /** A business's view from the session mirror (validated), when memory has none (a restarted worker). */
  private async loadView(businessId: string): Promise<void> {
    if (this.views.has(businessId)) return;
    const view = businessViewSchema.safeParse(await this.fromSession(viewKey(businessId)));
    if (view.success && !this.views.has(businessId)) this.views.set(businessId, view.data);
  }

  /** Keeps a tab's new snapshot and folds it into its business's view. */
  async setTab(tabId: number, record: TabRecord): Promise<void> {
    this.closed.delete(tabId); // a tab id the browser reuses is a new tab
    await this.tab(tabId); // the business view of a restarted worker comes back first
    const businessId = record.report.snapshot.businessId;
    // A new tab of a business known before the restart: what was known comes back before it is merged.
    if (businessId) await this.loadView(businessId);
    if (this.closed.has(tabId)) return;
    this.tabs.set(tabId, record);
    this.persist(tabKey(tabId), record);
    if (!businessId) return;
    const view = mergeSnapshot(this.views.get(businessId), record.report.snapshot, record.receivedAt);
    if (view) {
      this.views.set(businessId, view);
      this.persist(viewKey(businessId), view);
    }
  }

  view(businessId: string): BusinessView | undefined {
    return this.views.get(businessId);
  }

  /** The incremental analysis of a business (lib/domain/analysis-state.ts). */
  analysis(businessId: string): AnalysisState {
    let state = this.analyses.get(businessId);
    if (!state) this.analyses.set(businessId, (state = new AnalysisState()));
    return state;
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

  /**
   * "Delete all data": what was known of each business across its pages is forgotten, here and in the
   * session mirror (each open tab's own latest read stays: it is what the page shows now).
   */
  forgetBusinesses(): void {
    for (const businessId of this.views.keys()) {
      this.pending.delete(viewKey(businessId));
      void this.session?.remove(viewKey(businessId)).catch(() => undefined);
    }
    this.views.clear();
    this.analyses.clear();
  }

  forget(tabId: number): void {
    this.closed.add(tabId);
    this.tabs.delete(tabId);
    this.pending.delete(tabKey(tabId));
    void this.session?.remove(tabKey(tabId)).catch(() => undefined);
  }
}
