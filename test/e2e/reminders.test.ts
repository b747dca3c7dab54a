import { describe, expect, it } from 'vitest';
import { samplePortfolio } from '../sandbox/generate';
import {
  askBackground,
  BUSINESS_URL,
  extensionId,
  launchWithExtension,
  openDocumentForm,
  panelFrame,
  settledPanel,
  type Session,
} from './harness';
import { sessionPerTest } from './sessions';

// The extension's own API, as its worker sees it (not a Node global).
declare const chrome: {
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
  action: { getBadgeText(details: object): Promise<string> };
};

const sample = samplePortfolio('en', 'grid');
const q = `?business_id=${sample.businessId}`;
const nils = 'person:nils@byraab.se';

const sessions = sessionPerTest<Session>();

describe('reminders', () => {
  it('a grant ending tomorrow notifies and counts on the badge; its due item opens the right page on the subject', async () => {
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    const frame = await settledPanel(page, 'people');

    // Document Nils's access, ending tomorrow.
    const { form } = await openDocumentForm(frame, nils, 'Nils Holm');
    await form.getByLabel('Case or purpose').fill('Spring campaign');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Ends').fill(tomorrow);
    await form.getByRole('button', { name: 'Save record' }).click();

    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await expect
      .poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())))
      .toEqual([expect.stringMatching(/^scopekeeper-reminder:grant:/)]);
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
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
    await askBackground(popup, 7, 'openTarget', { group: groupId, action: 'extend' });
    const panel = await panelFrame(page);
    await panel.waitForSelector('[data-focus-action="extend"]');
    await panel.getByRole('form', { name: 'Extend access of Nils Holm' }).waitFor();

    // Snoozed for a day from the panel: the badge clears.
    await panel.locator('[data-due-kind="expiry"]').getByRole('button', { name: 'Snooze 1 day' }).click();
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await expect.poll(() => panel.locator('[data-due-kind]').count()).toBe(0);
  });

  it('“Start offboarding” on a partner’s reminder opens Partners with the offboarding started; a restarted worker does not notify again', async () => {
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/partners${q}`);
    await settledPanel(page, 'partners');
    const options = await context.newPage();
    await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    const ends = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const reply = (await askBackground(options, 1, 'ledgerCommand', {
      type: 'document',
      businessId: '1203456789012345',
      subject: 'partner:3228568050780002',
      assets: [],
      case: 'Instagram ads',
      startsAt: new Date().toISOString().slice(0, 10),
      endsAt: ends,
    })) as { res: { ok: boolean; value: { decision: { grantId: string } } } };
    expect(reply.res.ok).toBe(true);
    const notification = `scopekeeper-reminder:grant:${reply.res.value.decision.grantId}`;
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await expect
      .poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())))
      .toEqual([notification]);

    // What the notification's second button does.
    await askBackground(options, 2, 'openTarget', {
      group: notification.replace('scopekeeper-reminder:', ''),
      action: 'offboard',
    });
    const panel = await settledPanel(page, 'partners');
    await panel.waitForSelector('[data-focus-action="offboard"]');
    await panel.waitForSelector(
      '[data-run-subject="partner:3228568050780002"][data-template-id="offboard-partner"] [data-step-id="verify-removal"][data-done="false"]',
    );

    // The notification is dismissed; the worker is stopped and wakes again: the step is not notified twice.
    await worker.evaluate((id) => chrome.notifications.clear(id), notification);
    await worker.evaluate(() => ((self as unknown as { __before: boolean }).__before = true));
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await options.reload();
    const awake = await (async () => {
      for (let i = 0; i < 50; i++) {
        const w = context.serviceWorkers().find((sw) => sw.url().includes('background.js'));
        if (w) {
          try {
            // A new worker: the marker set on the stopped one is gone.
            if (await w.evaluate(() => !(self as unknown as { __before?: boolean }).__before)) return w;
          } catch {
            /* the old handle of the stopped worker */
          }
        }
        await options.waitForTimeout(200);
      }
      throw new Error('The service worker did not wake up.');
    })();
    await expect.poll(() => awake.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    await options.waitForTimeout(1500);
    expect(await awake.evaluate(() => chrome.notifications.getAll())).toEqual({});
  });
});
