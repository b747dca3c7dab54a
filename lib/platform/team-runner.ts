import { getOriginPattern, type TeamSettings, type TeamStatusView } from '../domain/team-ledger';
import type { Hub } from './hub';
import { PANEL_PORT } from './messaging';
import { storage } from '@wxt-dev/storage';
import { loadTeamSettings, teamSettingsItem } from './team-settings';
import { mirrorNameFor, TeamSync, type PouchConstructor, type TeamStatus } from './team-sync';

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

type RunnerHub = Pick<Hub, 'store' | 'browser'> & Partial<Pick<Hub, 'publisher' | 'eraseWith'>>;

/**
 * The name of the local copy of the team's database this installation keeps (the mirror, one per server
 * and database), written before an engine opens it: what turning the team ledger off, pointing it at
 * another database, or "Delete all data" drops, also after a worker restart (no settings name it then).
 */
export const teamMirrorItem = storage.defineItem<string | null>('local:team-mirror', { fallback: null });

/** Deletes a mirror by its name (PouchDB's `destroy`); a test gives its own. */
export type DropMirror = (name: string) => Promise<void>;

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
  /** Opening, closing and dropping the engine and its mirror, and "Delete all data", one at a time. */
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly hub: RunnerHub,
    private readonly createEngine: TeamEngineFactory,
    /** Told after a sync during which the ledger was written (what pulled records changed is shown again). */
    private readonly onApplied: () => void = () => undefined,
    private readonly dropMirror: DropMirror = async () => undefined,
  ) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lock.then(work, work);
    this.lock = next.catch(() => undefined);
    return next;
  }

  /**
   * A ledger write: pushed after the burst. One made while a sync runs may be the sync's own (the records it
   * took from colleagues), which no command announced: the panels are told once the sync is done.
   */
  written(): void {
    if (this.syncing > 0) this.wroteDuringSync = true;
    this.schedule();
  }

  private current(): Promise<TeamEngine | undefined> {
    return this.exclusive(async () => {
      const loaded = await loadTeamSettings();
      if (loaded.kind !== 'on') {
        await this.stop();
        // Turned off: the local copy of the team's database goes too (kept while the setting cannot be read).
        if (loaded.kind === 'off') await this.dropMirrors();
        return undefined;
      }
      const key = JSON.stringify(loaded.settings);
      if (this.engine?.key === key) return this.engine.sync;
      await this.stop();
      const name = mirrorNameFor(loaded.settings);
      // Another server or database than the copy kept: that copy goes, and this one is named before it opens.
      if ((await teamMirrorItem.getValue()) !== name) {
        await this.dropMirrors();
        await teamMirrorItem.setValue(name);
      }
      this.engine = { key, sync: this.createEngine(loaded.settings) };
      return this.engine.sync;
    });
  }

  /**
   * Drops the kept mirror (and `also`, a mirror the settings name that may have been opened before its name
   * was kept). A failure leaves the name kept: the next time the team ledger is off, or "Delete all data"
   * runs, it is tried again.
   */
  private async dropMirrors(also?: string): Promise<void> {
    const kept = await teamMirrorItem.getValue();
    try {
      for (const name of new Set([kept, also]))
        if (typeof name === 'string' && name !== '') await this.dropMirror(name);
    } catch {
      return;
    }
    if (kept !== null) await teamMirrorItem.removeValue();
  }

  /**
   * "Delete all data" (issue 16): `work` runs with replication stopped (the sync under way finished first,
   * the engine closed, none opened until `work` is done) and after the local copy of the team's database,
   * with its sync state and checkpoints, is dropped. The mirror goes first: a worker stopped between the two
   * leaves a ledger whose next sync starts afresh, never a mirror of the old chain beside a new one. The
   * next sync, if the team ledger is on, opens a new mirror and pulls the team's records again.
   */
  erase<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.stop();
      const loaded = await loadTeamSettings();
      await this.dropMirrors(loaded.kind === 'on' ? mirrorNameFor(loaded.settings) : undefined);
      return work();
    });
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
      if (loaded.kind === 'on' && !(await this.permitted(loaded.settings))) {
        // The permission taken back: the engine goes, nothing more is sent (its mirror stays for its return).
        await this.exclusive(() => this.stop());
        return;
      }
      // Turned off: the engine and its mirror go (`current`).
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
  dropMirror: DropMirror = async (name) => void (await new PouchDB(name).destroy()),
): TeamRunner {
  // Records taken from colleagues are written by the sync, not by a command that publishes: every panel is
  // drawn again with them (a pulled checklist run, grant or campaign), and the business's kept runs dropped.
  const runner = new TeamRunner(hub, createEngine, () => hub.publisher?.invalidateAll(), dropMirror);
  // "Delete all data" runs with replication stopped and the mirror dropped first (lib/platform/handlers/ledger.ts).
  hub.eraseWith = (work) => runner.erase(work);
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
