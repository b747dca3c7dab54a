import { afterEach, describe, expect, it } from 'vitest';
import { samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  extensionId,
  launchWithExtension,
  panelFrame,
  settledPanel,
  type Session,
} from './harness';

// The extension's own API, as its pages and worker see it (not a Node global).
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: object): Promise<string> };
};

const sample = samplePortfolio('en', 'grid');
const q = `?business_id=${sample.businessId}`;
const nils = 'person:nils@byraab.se';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('reminders', () => {
  it('a grant ending tomorrow notifies and counts on the badge; its due item opens the right page on the subject', async () => {
    session = await launchWithExtension(sample);
    const { page, context } = session;
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    const frame = await settledPanel(page, 'people');

    // Document Nils's access, ending tomorrow.
    const group = frame.locator(`[data-group-subject="${nils}"]`);
    await group.locator('summary', { hasText: 'Record' }).click();
    await group.getByRole('button', { name: 'Document access' }).click();
    const form = group.getByRole('form', { name: 'Document access of Nils Holm' });
    await form.getByLabel('Case or purpose').fill('Spring campaign');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Ends').fill(tomorrow);
    await form.getByRole('button', { name: 'Save record' }).click();

    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await expect
      .poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())))
      .toEqual([expect.stringMatching(/^scopekeeper-reminder:grant:/)]);
    expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    // The panel lists it as due, with snoozes.
    await frame.waitForSelector('[data-due-kind="expiry"]');
    expect(await frame.locator('[data-due-kind="expiry"] strong').textContent()).toBe(
      'Nils Holm (nils@byraab.se)',
    );

    // The tab moves on to Partners; the popup's due item (what a click on the notification does) brings it
    // back to People with the panel on Nils.
    await page.getByRole('navigation').getByRole('link', { name: 'Partners' }).click();
    await settledPanel(page, 'partners');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html`);
    await popup.locator('[data-due-kind="expiry"]').getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.url()).toContain('/latest/settings/business_users');
    expect(context.pages().filter((p) => p.url().startsWith(BUSINESS_URL))).toHaveLength(1);
    const back = await settledPanel(page, 'people');
    await expect
      .poll(() => back.locator(`[data-group-subject="${nils}"]`).getAttribute('class'))
      .toContain('focused');

    // The notification's "Extend…" button: the panel opens on the extend form.
    const group0 = (await worker.evaluate(() => chrome.notifications.getAll()))!;
    const groupId = Object.keys(group0)[0]!.replace('scopekeeper-reminder:', '');
    await popup.evaluate(
      (g) =>
        chrome.runtime.sendMessage({
          id: 7,
          type: 'openTarget',
          timestamp: Date.now(),
          data: { group: g, action: 'extend' },
        }),
      groupId,
    );
    const panel = await panelFrame(page);
    await panel.waitForSelector('[data-focus-action="extend"]');
    await panel.getByRole('form', { name: 'Extend access of Nils Holm' }).waitFor();

    // Snoozed for a day from the panel: the badge clears.
    await panel.locator('[data-due-kind="expiry"]').getByRole('button', { name: 'Snooze 1 day' }).click();
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await expect.poll(() => panel.locator('[data-due-kind]').count()).toBe(0);
  });
});
