import { storage } from '@wxt-dev/storage';
import {
  defaultSettings,
  settingsProblem,
  settingsSchema,
  type Settings,
  type SettingsProblem,
} from '../domain/settings';

/**
 * The settings storage item, versioned. Invalid stored data is never silently replaced: it is kept aside
 * under `local:settings-invalid` and reported, and the defaults are used until the admin saves again.
 */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: defaultSettings,
  version: 1,
});
const invalidItem = storage.defineItem<{ at: string; value: unknown; error: string } | null>(
  'local:settings-invalid',
  {
    fallback: null,
  },
);

export interface LoadedSettings {
  settings: Settings;
  /** The stored settings were not valid: which fields (the defaults are in use, the copy kept aside). */
  problem?: SettingsProblem;
}

export async function loadSettings(): Promise<LoadedSettings> {
  const raw = await settingsItem.getValue();
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data };
  const error = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (!(await invalidItem.getValue()))
    await invalidItem.setValue({ at: new Date().toISOString(), value: raw, error });
  return { settings: defaultSettings, problem: settingsProblem(parsed.error) };
}

export async function saveSettings(
  input: unknown,
): Promise<{ ok: true; settings: Settings } | { ok: false; error: SettingsProblem }> {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: settingsProblem(parsed.error) };
  await settingsItem.setValue(parsed.data);
  await invalidItem.removeValue();
  return { ok: true, settings: parsed.data };
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => {
    const parsed = settingsSchema.safeParse(value);
    if (parsed.success) onChange(parsed.data);
  });
}
