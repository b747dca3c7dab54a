import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import {
  getOriginPattern,
  parseTeamSettings,
  teamSettingsSchema,
  type SaveTeamOutcome,
  type TeamSettings,
  type TeamSettingsForm,
  type TeamSettingsView,
} from '../domain/team-ledger';

/**
 * The team ledger's settings (issue 16) in extension storage, apart from the other settings and from the
 * ledger: no export or import reads this item, so the credentials never leave the browser but towards
 * their own server. Absent means the team ledger is off.
 */
export const teamSettingsItem = storage.defineItem<unknown>('local:team-ledger', {
  fallback: null,
  version: 1,
});

export type LoadedTeamSettings =
  { kind: 'off' } | { kind: 'on'; settings: TeamSettings } | { kind: 'invalid' };

export async function loadTeamSettings(): Promise<LoadedTeamSettings> {
  const raw = await teamSettingsItem.getValue();
  if (raw === null || raw === undefined) return { kind: 'off' };
  const parsed = teamSettingsSchema.safeParse(raw);
  return parsed.success ? { kind: 'on', settings: parsed.data } : { kind: 'invalid' };
}

const withoutPassword = ({ password: _password, ...rest }: TeamSettings) => rest;

/** The saved team settings for the options page, without the password. */
export async function viewTeamSettings(): Promise<TeamSettingsView> {
  const loaded = await loadTeamSettings();
  return loaded.kind === 'on' ? { kind: 'on', settings: withoutPassword(loaded.settings) } : loaded;
}

/** A stand-in while the form is checked: an empty password field keeps the saved password. */
const KEPT = 'kept password';

/**
 * Saves the team settings from the options page's Save click. The host permission for exactly the server's
 * host is asked for first, while the click's user gesture still holds (nothing is awaited before it:
 * Chromium and Firefox grant `permissions.request` only from a gesture). A server given up for another one
 * loses its permission.
 */
export async function saveTeamSettings(form: TeamSettingsForm): Promise<SaveTeamOutcome> {
  const keepPassword = form.password === '';
  const parsed = parseTeamSettings({ ...form, password: keepPassword ? KEPT : form.password });
  if (!parsed.ok) return { kind: 'invalid', fields: parsed.fields, serverUrlIssue: parsed.serverUrlIssue };
  const origin = getOriginPattern(parsed.settings);
  // A request the browser cannot grant (a host outside the manifest's optional ones) fails: refused.
  const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
  if (!granted) return { kind: 'permission-refused', origin };
  const before = await loadTeamSettings();
  if (keepPassword && before.kind !== 'on') {
    await forgetOrigin(origin);
    return { kind: 'invalid', fields: ['password'] };
  }
  const settings: TeamSettings = {
    ...parsed.settings,
    password: keepPassword && before.kind === 'on' ? before.settings.password : parsed.settings.password,
  };
  await teamSettingsItem.setValue(settings);
  if (before.kind === 'on') await forgetOrigin(getOriginPattern(before.settings), origin);
  return { kind: 'saved', settings: withoutPassword(settings), origin };
}

/**
 * Turns the team ledger off: the credentials are forgotten and the server's host permission given back.
 * The local ledger stays as it is. The background's replication (team-runner.ts) watches this item and
 * closes its engine: nothing more is sent.
 */
export async function turnOffTeamLedger(): Promise<void> {
  const before = await loadTeamSettings();
  await teamSettingsItem.removeValue();
  if (before.kind === 'on') await forgetOrigin(getOriginPattern(before.settings));
}

async function forgetOrigin(origin: string, keep?: string): Promise<void> {
  if (origin === keep) return;
  try {
    await browser.permissions.remove({ origins: [origin] });
  } catch {
    // Already gone (the admin removed it in the browser's settings): nothing to give back.
  }
}
