import { describe, expect, it } from 'vitest';
import { samplePortfolio } from '../sandbox/generate';
import { routeSandbox } from '../sandbox/serve';
import {
  BUSINESS_URL,
  extensionId,
  launchWithExtension,
  panelFindings,
  settledPanel,
  type Session,
} from './harness';
import { sessionPerTest } from './sessions';

// The extension's own API, as its worker sees it (not a Node global).
declare const chrome: {
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
  };
  action: { getBadgeText(details: object): Promise<string> };
};

const sessions = sessionPerTest<Session>();

describe('watch between visits (issue 13)', () => {
  it('a person given full control between two visits, by no record, is alerted on the panel, the badge and a notification', async () => {
    const sample = samplePortfolio('en', 'grid');
    const people = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(people);
    await settledPanel(page, 'people');
    // The first visit is the baseline: nothing changed yet.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await page.waitForTimeout(1500);

    // Someone adds an admin from elsewhere; the admin comes back to People.
    const hijacked = structuredClone(sample);
    hijacked.people.push({
      id: '61000000000099',
      name: 'Mallory Vance',
      email: 'mallory@evil.example',
      access: 'full-control',
      pending: false,
      assets: [],
    } as (typeof hijacked.people)[number]);
    await routeSandbox(context, hijacked);
    await page.reload();
    const frame = await settledPanel(page, 'people');
    await expect
      .poll(async () =>
        (await panelFindings(frame))
          .filter((f) => f.subject === 'person:mallory@evil.example')
          .map((f) => `${f.ruleId} ${f.severity}`),
      )
      .toContain('unrecorded-full-control high');
    // Notified at once (not at the reminder hour), and counted on the toolbar badge.
    await expect
      .poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())))
      .toContain(`scopekeeper-reminder:alert:${sample.businessId}:person:mallory@evil.example`);
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).not.toBe('');
    // The popup lists it among what is due.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html`);
    await popup.waitForSelector('[data-due-kind="alert"]');
    expect(await popup.locator('[data-due-kind="alert"]').textContent()).toContain('Mallory Vance');
  });
});
