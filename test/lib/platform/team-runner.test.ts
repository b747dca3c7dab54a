import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TeamSettings } from '@/lib/domain/team-ledger';
import type { Hub } from '@/lib/platform/hub';
import { PANEL_PORT } from '@/lib/platform/messaging';
import {
  setupTeamSync,
  teamMirrorItem,
  TEAM_ALARM,
  TEAM_ALARM_MINUTES,
  TEAM_DEBOUNCE_MS,
  TEAM_FRESH_MS,
  type TeamEngine,
} from '@/lib/platform/team-runner';
import { teamSettingsItem } from '@/lib/platform/team-settings';
import { mirrorNameFor, type PouchConstructor, type TeamStatus } from '@/lib/platform/team-sync';

/** Issue 16, item 3: when the background's runner syncs the team ledger, and when it does nothing at all. */

const settings: TeamSettings = {
  version: 1,
  serverUrl: 'https://couch.sjobod.se/',
  database: 'sjobod-team',
  user: 'anna',
  password: 's3cret',
};

/** The engine the runner makes: counts its syncs; `failNext` makes the next ones fail. */
class FakeEngine implements TeamEngine {
  syncs = 0;
  closed = false;
  failNext = 0;
  /** The next sync takes a colleague's records: it writes the ledger as it runs. */
  pullNext = false;
  /** The next sync waits for this (a sync under way). */
  holdNext: Promise<void> | undefined;
  private running: Promise<unknown> = Promise.resolve();
  sync(): Promise<TeamStatus> {
    const run = this.syncNow();
    this.running = run.catch(() => undefined);
    return run;
  }
  private async syncNow(): Promise<TeamStatus> {
    if (this.closed) throw new Error('closed');
    this.syncs += 1;
    events.push('sync');
    const hold = this.holdNext;
    this.holdNext = undefined;
    await hold;
    events.push('synced');
    if (this.pullNext) {
      this.pullNext = false;
      await Promise.resolve();
      write();
    }
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('the server went away');
    }
    return this.status();
  }
  async status(): Promise<TeamStatus> {
    return { pending: 0, quarantined: 0, conflicts: 0 };
  }
  /** As TeamSync's: once the sync under way is done. */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
    events.push('closed');
  }
}

/** An event the fake browser does not give (`runtime.onConnect`): listeners kept, called by the test. */
function fakeConnect() {
  const listeners: ((port: { name: string }) => void)[] = [];
  return {
    addListener: (listener: (port: { name: string }) => void) => void listeners.push(listener),
    connect: (name: string) => listeners.forEach((listener) => listener({ name })),
  };
}

let engines: FakeEngine[];
/** What the engines and the runner did, in order (syncs, closes, mirrors dropped). */
let events: string[];
let writes: (() => void)[];
let onConnect: ReturnType<typeof fakeConnect>;
let permitted: boolean;
let invalidations: number;

/** Lets every promise chain run to its end (timers are fake; `setImmediate` is not). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};
const syncs = () => engines.reduce((n, e) => n + e.syncs, 0);

function setup() {
  const hub = {
    store: { onWrite: (listener: () => void) => void writes.push(listener) },
    browser: fakeBrowser,
    publisher: { invalidateAll: () => void (invalidations += 1) },
  } as unknown as Pick<Hub, 'store' | 'browser' | 'publisher' | 'eraseWith'>;
  const runner = setupTeamSync(
    hub,
    undefined as unknown as PouchConstructor,
    () => {
      const engine = new FakeEngine();
      engines.push(engine);
      return engine;
    },
    async (name) => void events.push(`dropped ${name}`),
  );
  return { runner, hub };
}
const write = () => writes.forEach((listener) => listener());
const fireAlarm = (name = TEAM_ALARM) =>
  fakeBrowser.alarms.onAlarm.trigger({
    name,
    scheduledTime: Date.now(),
    periodInMinutes: TEAM_ALARM_MINUTES,
    persistAcrossSessions: true,
  });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-12-01T12:00:00Z') });
  fakeBrowser.reset();
  engines = [];
  events = [];
  writes = [];
  permitted = true;
  invalidations = 0;
  onConnect = fakeConnect();
  Object.assign(fakeBrowser.runtime, { onConnect });
  Object.assign(fakeBrowser.permissions, { contains: vi.fn(async () => permitted) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the team ledger runner', () => {
  it('syncs once after a burst of ledger writes, when the last write is two seconds old', async () => {
    await teamSettingsItem.setValue(settings);
    setup();
    await settle();
    for (let i = 0; i < 5; i++) {
      write();
      await vi.advanceTimersByTimeAsync(500);
    }
    await vi.advanceTimersByTimeAsync(TEAM_DEBOUNCE_MS - 500 - 1);
    await settle();
    expect(syncs()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(syncs()).toBe(1);
    // Nothing more without another write, an alarm or a page.
    await vi.advanceTimersByTimeAsync(10 * TEAM_DEBOUNCE_MS);
    await settle();
    expect(syncs()).toBe(1);
    expect(engines).toHaveLength(1);
  });

  it('has every panel drawn again after a sync that wrote colleagues’ records, and only then', async () => {
    await teamSettingsItem.setValue(settings);
    setup();
    await settle();
    // A sync that takes nothing has nothing to draw again.
    await fireAlarm();
    await settle();
    expect(syncs()).toBe(1);
    expect(invalidations).toBe(0);
    // A command's own write is published by its command: the runner only pushes it.
    write();
    await vi.advanceTimersByTimeAsync(TEAM_DEBOUNCE_MS);
    await settle();
    expect(syncs()).toBe(2);
    expect(invalidations).toBe(0);
    // The alarm's sync takes a colleague's checklist run (the import writes the ledger): the panels, and
    // the business's kept runs, are told once it is done.
    engines[0]!.pullNext = true;
    await fireAlarm();
    await settle();
    expect(syncs()).toBe(3);
    expect(invalidations).toBe(1);
    await fireAlarm();
    await settle();
    expect(invalidations).toBe(1);
  });

  it('keeps an alarm every half minute while on, and syncs when it rings', async () => {
    await teamSettingsItem.setValue(settings);
    setup();
    await settle();
    const alarm = await fakeBrowser.alarms.get(TEAM_ALARM);
    expect(alarm?.periodInMinutes).toBe(0.5);
    await fireAlarm();
    await settle();
    expect(syncs()).toBe(1);
    await fireAlarm('some-other-alarm');
    await settle();
    expect(syncs()).toBe(1);
    await fireAlarm();
    await settle();
    expect(syncs()).toBe(2);
  });

  it('keeps the alarm already set when the worker starts again (its next ring is not pushed back)', async () => {
    await teamSettingsItem.setValue(settings);
    setup();
    await settle();
    const first = await fakeBrowser.alarms.get(TEAM_ALARM);
    await vi.advanceTimersByTimeAsync(20_000);
    setup();
    await settle();
    expect((await fakeBrowser.alarms.get(TEAM_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
  });

  it('does nothing at all while off: no engine, no alarm, no sync on writes, alarms or pages', async () => {
    const { runner } = setup();
    await settle();
    write();
    await vi.advanceTimersByTimeAsync(5 * TEAM_DEBOUNCE_MS);
    await fireAlarm();
    onConnect.connect(`${PANEL_PORT}:token`);
    expect(await runner.status()).toEqual({ kind: 'off' });
    await settle();
    expect(engines).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('turned off, closes the engine and removes the alarm; turned on again, both come back', async () => {
    await teamSettingsItem.setValue(settings);
    const { runner } = setup();
    await settle();
    await fireAlarm();
    await settle();
    expect(syncs()).toBe(1);
    await teamSettingsItem.removeValue();
    await settle();
    expect(engines[0]!.closed).toBe(true);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    write();
    await vi.advanceTimersByTimeAsync(TEAM_DEBOUNCE_MS);
    await settle();
    expect(await runner.status()).toEqual({ kind: 'off' });
    expect(syncs()).toBe(1);

    await teamSettingsItem.setValue(settings);
    await settle();
    expect((await fakeBrowser.alarms.get(TEAM_ALARM))?.periodInMinutes).toBe(TEAM_ALARM_MINUTES);
    // Saving the setting syncs at once, with a new engine.
    expect(engines).toHaveLength(2);
    expect(engines[1]!.syncs).toBe(1);
  });

  it('does not sync without the server’s permission (taken back in the browser), even when on', async () => {
    await teamSettingsItem.setValue(settings);
    permitted = false;
    setup();
    await settle();
    await fireAlarm();
    write();
    await vi.advanceTimersByTimeAsync(TEAM_DEBOUNCE_MS);
    await settle();
    expect(syncs()).toBe(0);
  });

  it('a failing sync does not stop later ones', async () => {
    await teamSettingsItem.setValue(settings);
    const { runner } = setup();
    await settle();
    write();
    await vi.advanceTimersByTimeAsync(TEAM_DEBOUNCE_MS);
    await settle();
    expect(engines).toHaveLength(1);
    const engine = engines[0]!;
    expect(engine.syncs).toBe(1);
    engine.failNext = 2;
    await fireAlarm();
    await settle();
    write();
    await vi.advanceTimersByTimeAsync(TEAM_DEBOUNCE_MS);
    await settle();
    expect(engine.syncs).toBe(3);
    // The failures were the engine's to report; the runner goes on with the same engine.
    await fireAlarm();
    await settle();
    expect(engine.syncs).toBe(4);
    expect(await runner.status()).toMatchObject({ kind: 'on', pending: 0 });
  });

  it('syncs when a panel connects or the popup/options page asks the status, unless one was tried in the last half minute', async () => {
    await teamSettingsItem.setValue(settings);
    const { runner } = setup();
    await settle();
    // A panel opens: nothing tried since the worker started, so a sync.
    onConnect.connect(`${PANEL_PORT}:token`);
    await settle();
    expect(syncs()).toBe(1);
    // The options page opens at once and asks the status (and again every five seconds): no second sync.
    await runner.status();
    await vi.advanceTimersByTimeAsync(5_000);
    await runner.status();
    await settle();
    expect(syncs()).toBe(1);
    // A port that is not a panel's does not count.
    await vi.advanceTimersByTimeAsync(TEAM_FRESH_MS);
    onConnect.connect('something-else');
    await settle();
    expect(syncs()).toBe(1);
    // Half a minute after the last attempt, the status asked syncs again.
    await runner.status();
    await settle();
    expect(syncs()).toBe(2);
  });

  it('drops the local copy of the team database when turned off, also one kept before a worker restart; not when only the permission goes', async () => {
    await teamSettingsItem.setValue(settings);
    const { runner } = setup();
    await settle();
    await fireAlarm();
    await settle();
    const name = mirrorNameFor(settings);
    expect(await teamMirrorItem.getValue()).toBe(name);
    // The permission taken back in the browser: the engine goes, its copy stays for when it comes back.
    permitted = false;
    await fireAlarm();
    await settle();
    expect(engines[0]!.closed).toBe(true);
    expect(events.filter((e) => e.startsWith('dropped'))).toEqual([]);
    permitted = true;
    await teamSettingsItem.removeValue();
    await settle();
    expect(events.filter((e) => e.startsWith('dropped'))).toEqual([`dropped ${name}`]);
    expect(await teamMirrorItem.getValue()).toBeNull();
    expect(await runner.status()).toEqual({ kind: 'off' });

    // A worker that starts with the team ledger off and a copy still named (its drop cut short): dropped
    // at the first occasion (a ledger write here).
    await teamMirrorItem.setValue('scopekeeper-team-left-over');
    events = [];
    setup();
    await settle();
    write();
    await vi.advanceTimersByTimeAsync(TEAM_DEBOUNCE_MS);
    await settle();
    expect(events).toContain('dropped scopekeeper-team-left-over');
    expect(await teamMirrorItem.getValue()).toBeNull();
  });

  it('pointed at another database, drops the copy of the one before', async () => {
    await teamSettingsItem.setValue(settings);
    setup();
    await settle();
    await fireAlarm();
    await settle();
    const other = { ...settings, database: 'sjobod-team-2' };
    await teamSettingsItem.setValue(other);
    await settle();
    expect(events).toContain(`dropped ${mirrorNameFor(settings)}`);
    expect(events).not.toContain(`dropped ${mirrorNameFor(other)}`);
    expect(await teamMirrorItem.getValue()).toBe(mirrorNameFor(other));
  });

  it('"Delete all data" runs once the sync under way is done, after the mirror is dropped, and no sync starts before it ends', async () => {
    await teamSettingsItem.setValue(settings);
    const { hub } = setup();
    await settle();
    await fireAlarm();
    await settle();
    let release = () => undefined as void;
    engines[0]!.holdNext = new Promise<void>((resolve) => (release = resolve));
    await fireAlarm();
    await settle();
    let finish = () => undefined as void;
    const erased = hub.eraseWith!(async () => {
      events.push('deleted');
      await new Promise<void>((resolve) => (finish = resolve));
      events.push('deleted all');
    });
    await settle();
    expect(events).not.toContain('deleted');
    release();
    await settle();
    // A sync asked for meanwhile waits for the deletion.
    await fireAlarm();
    await settle();
    expect(engines).toHaveLength(1);
    finish();
    await erased;
    await settle();
    expect(events).toEqual([
      'sync',
      'synced',
      'sync',
      'synced',
      'closed',
      `dropped ${mirrorNameFor(settings)}`,
      'deleted',
      'deleted all',
      'sync',
      'synced',
    ]);
    expect(engines).toHaveLength(2);
    expect(await teamMirrorItem.getValue()).toBe(mirrorNameFor(settings));
  });
});
