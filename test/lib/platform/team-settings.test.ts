import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  loadTeamSettings,
  saveTeamSettings,
  teamSettingsItem,
  turnOffTeamLedger,
  viewTeamSettings,
} from '@/lib/platform/team-settings';

const form = {
  serverUrl: 'https://couch.sjobod.se',
  database: 'sjobod-team',
  user: 'anna',
  password: 's3cret',
};
let request: ReturnType<typeof vi.fn>;
let remove: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  request = vi.fn(async () => true);
  remove = vi.fn(async () => true);
  Object.assign(fakeBrowser.permissions, { request, remove });
});

describe('the team ledger settings store', () => {
  it('asks for the one host when saving, and stores nothing when the admin refuses', async () => {
    request.mockResolvedValueOnce(false);
    expect(await saveTeamSettings(form)).toEqual({
      kind: 'permission-refused',
      origin: 'https://couch.sjobod.se/*',
    });
    expect(request).toHaveBeenCalledWith({ origins: ['https://couch.sjobod.se/*'] });
    expect(await loadTeamSettings()).toEqual({ kind: 'off' });
  });

  it('says refused, and stores nothing, when the browser cannot grant the host at all (it throws)', async () => {
    request.mockRejectedValueOnce(new Error('Only permissions specified in the manifest may be requested.'));
    expect(await saveTeamSettings(form)).toEqual({
      kind: 'permission-refused',
      origin: 'https://couch.sjobod.se/*',
    });
    expect(await loadTeamSettings()).toEqual({ kind: 'off' });
  });

  it('asks nothing for a form that is not valid', async () => {
    expect(await saveTeamSettings({ ...form, serverUrl: 'http://couch.sjobod.se' })).toEqual({
      kind: 'invalid',
      fields: ['serverUrl'],
      serverUrlIssue: 'not-https',
    });
    expect(await saveTeamSettings({ ...form, password: '' })).toEqual({
      kind: 'invalid',
      fields: ['password'],
    });
    expect(await loadTeamSettings()).toEqual({ kind: 'off' });
    // The permission asked for the empty password (nothing saved to keep) is given back at once.
    expect(remove).toHaveBeenCalledWith({ origins: ['https://couch.sjobod.se/*'] });
  });

  it('stores the settings, shows them without the password, and keeps it when the field is left empty', async () => {
    const outcome = await saveTeamSettings(form);
    expect(outcome).toMatchObject({ kind: 'saved', origin: 'https://couch.sjobod.se/*' });
    expect(JSON.stringify(outcome)).not.toContain('s3cret');
    expect(await viewTeamSettings()).toEqual({
      kind: 'on',
      settings: { version: 1, serverUrl: 'https://couch.sjobod.se/', database: 'sjobod-team', user: 'anna' },
    });
    await saveTeamSettings({ ...form, database: 'other-team', password: '' });
    expect(await loadTeamSettings()).toMatchObject({
      kind: 'on',
      settings: { database: 'other-team', password: 's3cret' },
    });
    // Same server: its permission stays.
    expect(remove).not.toHaveBeenCalled();
  });

  it('gives back the old server’s permission when another server is saved', async () => {
    await saveTeamSettings(form);
    await saveTeamSettings({ ...form, serverUrl: 'https://db.agency.example/couch' });
    expect(remove).toHaveBeenCalledWith({ origins: ['https://couch.sjobod.se/*'] });
    expect(await loadTeamSettings()).toMatchObject({
      settings: { serverUrl: 'https://db.agency.example/couch/' },
    });
  });

  it('turning off forgets the credentials and gives back the permission', async () => {
    await saveTeamSettings(form);
    await turnOffTeamLedger();
    expect(await loadTeamSettings()).toEqual({ kind: 'off' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain('s3cret');
    expect(remove).toHaveBeenCalledWith({ origins: ['https://couch.sjobod.se/*'] });
  });

  it('stored settings that cannot be read count as off, and are not used', async () => {
    await teamSettingsItem.setValue({ version: 1, serverUrl: 'http://couch.sjobod.se/', database: 'x' });
    expect(await viewTeamSettings()).toEqual({ kind: 'invalid' });
    await turnOffTeamLedger();
    expect(await loadTeamSettings()).toEqual({ kind: 'off' });
  });
});
