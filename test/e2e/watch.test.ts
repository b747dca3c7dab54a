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
import { withIntruders } from './intruders';
import { sessionPerTest } from './sessions';

// The extension's own API, as its worker sees it (not a Node global).
declare const chrome: {
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    clear(id: string): Promise<boolean>;
  };
  action: { getBadgeText(details: object): Promise<string> };
};

const sessions = sessionPerTest<Session>();

const mallory = 'person:mallory@evil.example';
const watchRules = ['unrecorded-full-control', 'unrecorded-access', 'new-partner'];

/** Someone adds an admin from elsewhere between two visits; the admin comes back to People. */
async function addAdminBehindTheirBack(
  sample: ReturnType<typeof samplePortfolio>,
  context: Session['context'],
) {
  await routeSandbox(context, withIntruders(sample));
}

describe('watch between visits (issue 13)', () => {
  it('a person given full control between two visits, by no record, is alerted on the panel, the badge and a notification, across a worker restart', async () => {
    const sample = samplePortfolio('en', 'grid');
    const people = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(people);
    await settledPanel(page, 'people');
    // The first visit is the baseline: nothing changed yet.
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    await page.waitForTimeout(1500);
    // The browser stops the worker between the visits: the baseline is in the ledger, not in its memory.
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    await addAdminBehindTheirBack(sample, context);
    await page.reload();
    const frame = await settledPanel(page, 'people');
    // The restarted worker's notifications and badge, seen from an extension page.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html`);
    const worker = popup;
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
    await popup.reload();
    await popup.waitForSelector('[data-due-kind="alert"]');
    expect(await popup.locator('[data-due-kind="alert"]').textContent()).toContain('Mallory Vance');
  });

  it('notifies an alert once, and "This was approved" in the panel records it and clears the alert', async () => {
    const sample = samplePortfolio('en', 'grid');
    const people = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(people);
    await settledPanel(page, 'people');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await page.waitForTimeout(1500);
    await addAdminBehindTheirBack(sample, context);
    await page.reload();
    let frame = await settledPanel(page, 'people');
    const notification = `scopekeeper-reminder:alert:${sample.businessId}:${mallory}`;
    await expect
      .poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())))
      .toContain(notification);
    // The admin dismisses it and reads the page again: the same change is not notified twice.
    await worker.evaluate((id) => chrome.notifications.clear(id), notification);
    await page.reload();
    frame = await settledPanel(page, 'people');
    await page.waitForTimeout(2000);
    expect(Object.keys(await worker.evaluate(() => chrome.notifications.getAll()))).not.toContain(
      notification,
    );

    // "Changes since your last visit" names who got in and offers the approval.
    const change = frame.locator(`[data-changes] [data-change-subject="${mallory}"]`);
    await expect.poll(() => change.getAttribute('data-verdict')).toBe('unrecorded');
    expect(await change.textContent()).toContain('Mallory Vance was added');
    await change.getByRole('button', { name: 'This was approved' }).click();
    const form = frame.getByRole('form', { name: 'Document access of Mallory Vance' });
    expect(await form.getByLabel('Case').inputValue()).toMatch(
      /^Approved after the fact: Mallory Vance was added/,
    );
    await form.getByLabel('Approved by').fill('Anna Berg, CEO');
    await form.getByRole('button', { name: 'Save record' }).click();
    // Recorded: the alert clears from the findings, the change shows the record that approves it.
    await expect
      .poll(async () =>
        (await panelFindings(frame))
          .filter((f) => f.subject === mallory && watchRules.includes(f.ruleId))
          .map((f) => f.ruleId),
      )
      .toEqual([]);
    await expect
      .poll(() =>
        frame.locator(`[data-changes] [data-change-subject="${mallory}"]`).getAttribute('data-verdict'),
      )
      .toBe('approved');
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  });

  it('access added through Scopekeeper’s own onboarding checklist raises no alert', async () => {
    const sample = samplePortfolio('en', 'grid');
    const people = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(people);
    await settledPanel(page, 'people');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html`);
    await page.bringToFront();
    await popup.reload();
    await popup.waitForSelector(`[data-popup-business="${sample.businessId}"]`);
    const email = 'lena@studio.example';
    const form = popup.getByRole('form', { name: 'Start onboarding' });
    await form.getByLabel('E-mail or partner Business ID').fill(email);
    await form.getByLabel('Case or purpose').fill('Christmas menu photos');
    await form.getByRole('button', { name: 'Start onboarding' }).click();
    await popup.waitForSelector(`[data-run-subject="person:${email}"]`);

    // The admin invites her through the sandbox's dialog, as the checklist says.
    await page.getByRole('button', { name: '+ Invite people' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: 'Partial access' }).click();
    await page.getByRole('switch', { name: 'Temporary access' }).check();
    await page
      .getByLabel('Access expires')
      .fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('switch', { name: 'Content' }).first().check();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Send request' }).click();

    // Her row appears: the change is known as the checklist's, and nothing alerts.
    const frame = await settledPanel(page);
    const change = frame.locator(`[data-changes] [data-change-subject="person:${email}"]`);
    await expect.poll(() => change.getAttribute('data-verdict')).toBe('onboarding');
    expect(await change.textContent()).toContain('Scopekeeper onboarding checklist');
    expect((await panelFindings(frame)).filter((f) => watchRules.includes(f.ruleId))).toEqual([]);
  });

  it('sees a change that only a partner’s detail pane or an asset’s page shows, in Swedish', async () => {
    const sample = samplePortfolio('sv', 'grid');
    const q = `?business_id=${sample.businessId}`;
    const byra = '3228568050780001';
    const pane = `${BUSINESS_URL}/latest/settings/partners${q}&selected_partner_id=${byra}`;
    const cafe = sample.assets.find((a) => a.type === 'page')!;
    const assetPage = `${BUSINESS_URL}/latest/settings/pages${q}&selected_asset_id=${cafe.id}&selected_asset_type=page`;
    const { page, context } = await sessions.open(launchWithExtension(sample, { uiLanguage: 'sv' }));
    await page.goto(pane);
    await settledPanel(page, 'partners');
    await page.goto(assetPage);
    await settledPanel(page, 'asset');
    await page.waitForTimeout(1500);

    // Between visits: the agency gets full control of the catalogue; Omar gets full control of the Page.
    const changed = structuredClone(sample);
    const catalog = changed.assets.find((a) => a.type === 'catalog')!;
    changed.partners
      .find((p) => p.businessId === byra)!
      .assets.push({ asset: catalog.id, full: true, tasks: [] });
    const omar = changed.people.find((p) => p.email === 'omar@pixelverket.fr')!;
    omar.assets = [
      ...omar.assets.filter((a) => a.asset !== cafe.id),
      { asset: cafe.id, full: true, tasks: [] },
    ];
    await routeSandbox(context, changed);

    await page.goto(pane);
    let frame = await settledPanel(page, 'partners');
    await expect
      .poll(async () =>
        (await panelFindings(frame))
          .filter((f) => f.ruleId === 'unrecorded-full-control')
          .map((f) => f.subject),
      )
      .toContain(`partner:${byra}`);
    const paneChange = frame.locator(`[data-changes] [data-change-subject="partner:${byra}"]`);
    await expect.poll(() => paneChange.getAttribute('data-change-kind')).toBe('asset-added');
    expect(await paneChange.textContent()).toContain(`fick åtkomst till ”${catalog.name}”`);

    await page.goto(assetPage);
    frame = await settledPanel(page, 'asset');
    await expect
      .poll(async () =>
        (await panelFindings(frame))
          .filter((f) => f.ruleId === 'unrecorded-full-control')
          .map((f) => f.subject),
      )
      .toContain('person:omar@pixelverket.fr');
    expect(
      await frame
        .locator('[data-changes] [data-change-subject="person:omar@pixelverket.fr"]')
        .first()
        .textContent(),
    ).toContain('Omar Haddad');
  });
});
