import { getOriginPattern, type TeamSettings, type TeamStatusView } from '../domain/team-ledger';
import type { Hub } from './hub';
import { loadTeamSettings, teamSettingsItem } from './team-settings';
import { TeamSync, type PouchConstructor } from './team-sync';

/** The alarm that syncs every few minutes, so a stopped service worker still syncs (apache/pouchdb#8848). */
export const TEAM_ALARM = 'scopekeeper-team-sync';
const ALARM_MINUTES = 5;
/** A ledger write is pushed this long after the last of a burst. */
export const TEAM_DEBOUNCE_MS = 2000;

type RunnerHub = Pick<Hub, 'store' | 'browser'>;

/**
 * Runs the team ledger's replication in the background (issue 16, item 3): one `TeamSync` while the
 * setting is on and the browser grants the server's origin, a sync two seconds after a burst of ledger
 * writes and on an alarm every five minutes, and nothing at all while it is off (the engine is closed as
 * soon as the setting goes; no request is made without it).
 */
export class TeamRunner {
  private engine: { key: string; sync: TeamSync } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly hub: RunnerHub,
    private readonly PouchDB: PouchConstructor,
  ) {}

  private async current(): Promise<TeamSync | undefined> {
    const loaded = await loadTeamSettings();
    if (loaded.kind !== 'on') {
      await this.stop();
      return undefined;
    }
    const key = JSON.stringify(loaded.settings);
    if (this.engine?.key === key) return this.engine.sync;
    await this.stop();
    this.engine = {
      key,
      sync: new TeamSync({ PouchDB: this.PouchDB, store: this.hub.store, settings: loaded.settings }),
    };
    return this.engine.sync;
  }

  private async permitted(settings: TeamSettings): Promise<boolean> {
    return this.hub.browser.permissions.contains({ origins: [getOriginPattern(settings)] });
  }

  /** One sync now, when on and allowed; a failure is kept in the status, never thrown at the caller. */
  async syncNow(): Promise<void> {
    const loaded = await loadTeamSettings();
    if (loaded.kind !== 'on' || !(await this.permitted(loaded.settings))) {
      // Turned off (or the permission taken back): the engine goes, nothing more is sent.
      await this.stop();
      return;
    }
    const engine = await this.current();
    await engine?.sync().catch(() => undefined);
  }

  /** A ledger write: sync after the burst. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), TEAM_DEBOUNCE_MS);
  }

  async status(): Promise<TeamStatusView> {
    const engine = await this.current();
    if (!engine) return { kind: 'off' };
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
  activeEngine(): Promise<TeamSync | undefined> {
    return this.current();
  }
}

/** Wires the runner: ledger writes, the alarm, the setting's changes. */
export function setupTeamSync(hub: RunnerHub, PouchDB: PouchConstructor): TeamRunner {
  const runner = new TeamRunner(hub, PouchDB);
  hub.store.onWrite(() => runner.schedule());
  void hub.browser.alarms.create(TEAM_ALARM, { periodInMinutes: ALARM_MINUTES });
  hub.browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_ALARM) void runner.syncNow();
  });
  teamSettingsItem.watch(() => void runner.syncNow());
  return runner;
}
