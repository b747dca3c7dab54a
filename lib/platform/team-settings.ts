import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import {
  getOriginPattern,
  parseTeamSettings,
  teamSettingsSchema,
  type TeamSettings,
  type TeamSettingsParse,
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
  | { kind: 'off' }
  | { kind: 'on'; settings: TeamSettings }
  /** Stored, but not readable: the team ledger is off until the admin saves again (nothing is sent). */
  | { kind: 'invalid' };

export async function loadTeamSettings(): Promise<LoadedTeamSettings> {
  const raw = await teamSettingsItem.getValue();
  if (raw === null || raw === undefined) return { kind: 'off' };
  const parsed = teamSettingsSchema.safeParse(raw);
  return parsed.success ? { kind: 'on', settings: parsed.data } : { kind: 'invalid' };
}

export type SaveTeamOutcome =
  | { kind: 'saved'; settings: TeamSettings }
  | (TeamSettingsParse & { ok: false; kind: 'invalid' })
  /** The admin did not grant access to the server: nothing was saved. */
  | { kind: 'permission-refused'; origin: string };

/**
 * Saves the team settings from the options page's Save click. The host permission for exactly the server's
 * host is asked for first, while the click's user gesture still holds (no `await` before it: Chromium and
 * Firefox grant `permissions.request` only from a gesture). A server given up for another one loses its
 * permission.
 */
export async function saveTeamSettings(input: unknown): Promise<SaveTeamOutcome> {
  const parsed = parseTeamSettings(input);
  if (!parsed.ok) return { ...parsed, kind: 'invalid' };
  const origin = getOriginPattern(parsed.settings);
  const granted = await browser.permissions.request({ origins: [origin] });
  if (!granted) return { kind: 'permission-refused', origin };
  const before = await loadTeamSettings();
  await teamSettingsItem.setValue(parsed.settings);
  if (before.kind === 'on') await forgetOrigin(getOriginPattern(before.settings), origin);
  return { kind: 'saved', settings: parsed.settings };
}

/**
 * Turns the team ledger off: the credentials are forgotten and the server's host permission given back.
 * The local ledger stays as it is. (Replication is not built yet, so there is nothing running to stop.)
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
