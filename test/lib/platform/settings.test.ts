import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '@/lib/domain/settings';
import { loadSettings, saveSettings } from '@/lib/platform/settings';

describe('the settings item', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('starts from the defaults of DESIGN.md', async () => {
    expect(await loadSettings()).toEqual({ settings: defaultSettings });
    expect(defaultSettings).toMatchObject({
      maxFullControl: 5,
      stalePendingDays: 7,
      maxPartnerAssets: 5,
      expiryLeadDays: 7,
    });
  });

  it('saves valid settings and refuses invalid ones with the reason', async () => {
    expect(await saveSettings({ ...defaultSettings, ownDomains: ['Sjobod.se'] })).toMatchObject({
      ok: true,
      settings: { ownDomains: ['sjobod.se'] },
    });
    expect((await loadSettings()).settings.ownDomains).toEqual(['sjobod.se']);
    const refused = await saveSettings({ ...defaultSettings, maxFullControl: 0 });
    expect(refused).toMatchObject({ ok: false, error: { fields: ['maxFullControl'] } });
    expect((await loadSettings()).settings.ownDomains).toEqual(['sjobod.se']);
  });

  it('keeps corrupted stored settings aside and reports them instead of silently resetting', async () => {
    await fakeBrowser.storage.local.set({ settings: { maxFullControl: 'many' }, settings$: { v: 1 } });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(defaultSettings);
    expect(loaded.problem).toEqual({ fields: ['maxFullControl'] });
    const aside = await fakeBrowser.storage.local.get('settings-invalid');
    expect(aside['settings-invalid']).toMatchObject({ value: { maxFullControl: 'many' } });
    // The corrupted copy is still where it was: nothing was overwritten until the admin saves.
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ maxFullControl: 'many' });
  });
});
