import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import { BUSINESS_URL, launchWithExtension, panelFindings, settledPanel, type Session } from './harness';
import { sessionPerTest } from './sessions';

/**
 * Issue 15 in the built extension: the business's name read from the sandbox's switcher is shown as text in
 * the panel on every page kind, and the system-user rules raise on System users.
 */

const NAME = '<img src=x onerror="window.__pwned=1"> Sjöbod Café AB';
const sessions = sessionPerTest<Session>();
const shownName = (frame: Frame) => frame.locator('[data-business-name]').textContent();

describe('the business name and the system-user findings in the panel', () => {
  for (const [lang, list] of [
    ['en', 'list'],
    ['sv', 'grid'],
  ] as const) {
    it(`names the business as text on People, System users and an asset page (${lang}, switcher in the ${list === 'list' ? 'navigation' : 'banner'})`, async () => {
      const p = samplePortfolio(lang, list, { businessName: NAME });
      const q = `?business_id=${p.businessId}`;
      const { page } = await sessions.open(launchWithExtension(p, { uiLanguage: lang }));
      await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
      let frame = await settledPanel(page, 'people');
      await expect.poll(() => shownName(frame), { timeout: 15_000 }).toBe(NAME);

      await page.goto(`${BUSINESS_URL}/latest/settings/system_users${q}&selected_user_id=61550000000001`);
      frame = await settledPanel(page, 'system-users');
      await expect.poll(() => shownName(frame), { timeout: 15_000 }).toBe(NAME);
      const found = (await panelFindings(frame))
        .filter((f) => f.subject.startsWith('system-user:'))
        .map((f) => `${f.subject} ${f.ruleId} ${f.severity}`)
        .sort();
      expect(found).toEqual([
        'system-user:61550000000001 admin-system-user high',
        'system-user:61550000000001 undocumented-system-user low',
        'system-user:61550000000002 undocumented-system-user low',
      ]);

      await page.goto(
        `${BUSINESS_URL}/latest/settings/pages${q}&selected_asset_id=100200300400501&selected_asset_type=page`,
      );
      frame = await settledPanel(page, 'asset');
      await expect.poll(() => shownName(frame), { timeout: 15_000 }).toBe(NAME);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    });
  }
});
