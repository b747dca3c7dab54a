import { getOriginPattern, type TeamSettings, type TeamStatusView } from '../domain/team-ledger';
import type { Hub } from './hub';
import { PANEL_PORT } from './messaging';
import { loadTeamSettings, teamSettingsItem } from './team-settings';
import { TeamSync, type PouchConstructor, type TeamStatus } from './team-sync';

/** The alarm that syncs while the team ledger is on, so a stopped service worker still syncs (apache/pouchdb#8848). */
export const TEAM_ALARM = 'scopekeeper-team-sync';
/**
 * Every half minute: the shortest period Chrome honours for a packed extension (a shorter one fires every
 * 30 s anyway), so that a colleague's records arrive "within a minute" (issue 16, Done when) with one
 * sync of a write and one pull of the other browser's alarm. A steady-state sync with nothing new is one
 * request for each direction's changes (checkpoints), and the alarm exists only while the setting is on.
 */
export const TEAM_ALARM_MINUTES = 0.5;
/** A ledger write is pushed this long after the last of a burst. */
export const TEAM_DEBOUNCE_MS = 2000;
/** A page that shows the team's records (the panel, the popup, the options page) opens: a sync, unless one was tried this recently. */
export const TEAM_FRESH_MS = 30_000;

type RunnerHub = Pick<Hub, 'store' | 'browser'> & Partial<Pick<Hub, 'publisher'>>;

/** What the runner needs of the replication engine (`TeamSync`); a test gives its own. */
export interface TeamEngine {
  sync(): Promise<TeamStatus>;
  status(): Promise<TeamStatus>;
  close(): Promise<void>;
}

export type TeamEngineFactory = (settings: TeamSettings) => TeamEngine;

/** What an admin reads or resolves of the engine's local mirror (lib/platform/handlers/team-admin.ts). */
export type TeamAdminEngine = Pick<
  TeamSync,
  | 'conflictList'
  | 'conflictVersions'
  | 'resolveConflict'
  | 'quarantinedDocs'
  | 'recordConflictList'
  | 'recordConflictVersions'
  | 'resolveRecordConflict'
>;

/**
 * Runs the team ledger's replication in the background (issue 16, item 3): one engine while the setting is
 * on and the browser grants the server's origin; a sync two seconds after a burst of ledger writes, on an
 * alarm every half minute, and when a page that shows the team's records opens and the last attempt is
 * older than half a minute. Nothing at all while it is off: no engine, no alarm, no request (the engine
 * is closed as soon as the setting goes).
 */
export class TeamRunner {
  private engine: { key: string; sync: TeamEngine } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last sync was started (ms since the epoch; 0: none since the worker started). */
  private lastAttempt = 0;
  /** The ledger was written while a sync ran (a colleague's records applied): its panels are out of date. */
  private wroteDuringSync = false;
  private syncing = 0;

  constructor(
    private readonly hub: RunnerHub,
    private readonly createEngine: TeamEngineFactory,
    /** Told after a sync during which the ledger was written (what pulled records changed is shown again). */
    private readonly onApplied: () => void = () => undefined,
  ) {}

  /**
   * A ledger write: pushed after the burst. One made while a sync runs may be the sync's own (the records it
   * took from colleagues), which no command announced: the panels are told once the sync is done.
   */
  written(): void {
    if (this.syncing > 0) this.wroteDuringSync = true;
    this.schedule();
  }

  private async current(): Promise<TeamEngine | undefined> {
    const loaded = await loadTeamSettings();
    if (loaded.kind !== 'on') {
      await this.stop();
      return undefined;
    }
    const key = JSON.stringify(loaded.settings);
    if (this.engine?.key === key) return this.engine.sync;
    await this.stop();
    this.engine = { key, sync: this.createEngine(loaded.settings) };
    return this.engine.sync;
  }

  private async permitted(settings: TeamSettings): Promise<boolean> {
    return this.hub.browser.permissions.contains({ origins: [getOriginPattern(settings)] });
  }

  /**
   * One sync now, when on and allowed. Never throws: a failure is kept in the engine's status (and the
   * next write, alarm or page opening tries again).
   */
  async syncNow(): Promise<void> {
    try {
      const loaded = await loadTeamSettings();
      if (loaded.kind !== 'on' || !(await this.permitted(loaded.settings))) {
        // Turned off (or the permission taken back): the engine goes, nothing more is sent.
        await this.stop();
        return;
      }
      const engine = await this.current();
      if (!engine) return;
      this.lastAttempt = Date.now();
      this.syncing += 1;
      try {
        await engine.sync();
      } finally {
        this.syncing -= 1;
        if (this.syncing === 0 && this.wroteDuringSync) {
          this.wroteDuringSync = false;
          this.onApplied();
        }
      }
    } catch {
      // Kept in the status by the engine where it can say what went wrong; the next trigger tries again.
    }
  }

  /** A page that shows the team's records opened: a sync unless one was started less than half a minute ago. */
  async freshen(): Promise<void> {
    if (Date.now() - this.lastAttempt < TEAM_FRESH_MS) return;
    await this.syncNow();
  }

  /** A ledger write: sync after the burst. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), TEAM_DEBOUNCE_MS);
  }

  /**
   * The status for the popup and the options page. Being asked means one of them is open: the records
   * shown are freshened (a sync in the background unless one was tried in the last half minute).
   */
  async status(): Promise<TeamStatusView> {
    const engine = await this.current();
    if (!engine) return { kind: 'off' };
    void this.freshen();
    return { kind: 'on', ...(await engine.status()) };
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    const engine = this.engine;
    this.engine = undefined;
    await engine?.sync.close();
  }

  /**
   * The engine while the team ledger is on, for what an admin resolves or reads of its local mirror
   * (conflicts, quarantined documents); nothing is sent to the server by it.
   */
  async activeEngine(): Promise<TeamAdminEngine | undefined> {
    const engine = await this.current();
    // TeamSync has the admin's side; another engine (a test's) has nothing to show.
    return engine instanceof TeamSync ? engine : undefined;
  }
}

/** The alarm exists while the setting is on, and only then; kept as it is when already right (a worker restart does not push it back). */
async function armAlarm(browser: RunnerHub['browser']): Promise<void> {
  const on = (await loadTeamSettings()).kind === 'on';
  if (!on) {
    await browser.alarms.clear(TEAM_ALARM);
    return;
  }
  const held = await browser.alarms.get(TEAM_ALARM);
  if (held?.periodInMinutes !== TEAM_ALARM_MINUTES)
    await browser.alarms.create(TEAM_ALARM, { periodInMinutes: TEAM_ALARM_MINUTES });
}

/**
 * Wires the runner: ledger writes, the alarm, a panel connecting (the popup and the options page ask the
 * status when they open), the setting's changes. `PouchDB` makes the engine; a test may give `createEngine`.
 */
export function setupTeamSync(
  hub: RunnerHub,
  PouchDB: PouchConstructor,
  createEngine: TeamEngineFactory = (settings) => new TeamSync({ PouchDB, store: hub.store, settings }),
): TeamRunner {
  // Records taken from colleagues are written by the sync, not by a command that publishes: every panel is
  // drawn again with them (a pulled checklist run, grant or campaign), and the business's kept runs dropped.
  const runner = new TeamRunner(hub, createEngine, () => hub.publisher?.invalidateAll());
  const { browser } = hub;
  hub.store.onWrite(() => runner.written());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_ALARM) void runner.syncNow();
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name.startsWith(PANEL_PORT)) void runner.freshen();
  });
  void armAlarm(browser).catch(() => undefined);
  teamSettingsItem.watch(() => {
    void armAlarm(browser).catch(() => undefined);
    void runner.syncNow();
  });
  return runner;
}
