import { describe, expect, it } from 'vitest';
import { samplePortfolio } from '../sandbox/generate';
import { routeSandbox } from '../sandbox/serve';
import { BUSINESS_URL, extensionId, launchWithExtension, settledPanel, type Session } from './harness';
import { sessionPerTest } from './sessions';

const sessions = sessionPerTest<Session>();

describe('the change timeline page (issue 13, item 5)', () => {
  it('lists a person added between two reads of People as unrecorded, on the page the popup links to', async () => {
    const sample = samplePortfolio('en', 'grid');
    const people = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(people);
    await settledPanel(page, 'people');
    // The first read is the baseline; it is folded in the quiet time after it.
    await page.waitForTimeout(1500);

    // Someone adds a person from elsewhere; the admin reads People again.
    const changed = structuredClone(sample);
    changed.people.push({
      id: '61000000000077',
      name: 'Quentin Ashby',
      email: 'quentin@contractor.example',
      access: 'basic',
      pending: false,
      assets: [],
    } as (typeof changed.people)[number]);
    await routeSandbox(context, changed);
    await page.reload();
    await settledPanel(page, 'people');

    // The popup, over the Business Settings tab's business, links to the business's timeline.
    const id = await extensionId(context);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    const link = popup.locator('a[data-changes-link]');
    // Away from Business Settings (the popup opened as a tab), it names the business of the open tab.
    await expect
      .poll(() => link.getAttribute('href'))
      .toBe(`chrome-extension://${id}/changes.html?business=${sample.businessId}`);
    const [changes] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await changes.waitForLoadState();
    const row = changes.locator('li[data-subject="person:quentin@contractor.example"]');
    // The second read is folded in its quiet time: the page is reloaded until it shows the change.
    await expect
      .poll(async () => {
        if ((await row.count()) === 0) await changes.reload();
        return row.count();
      })
      .toBe(1);
    expect(await row.getAttribute('data-status')).toBe('unrecorded');
    expect(await row.getAttribute('data-change-kind')).toBe('principal-added');
    expect(await row.locator('.change-what').textContent()).toBe('Quentin Ashby was added');
    expect(await row.locator('.change-verdict').textContent()).toBe('Unrecorded: no record approves it');
    expect(await row.locator('.change-where a').getAttribute('href')).toContain(
      `business_id=${sample.businessId}`,
    );
    // "Unrecorded only" keeps it; its address and title are the page's own.
    await changes.locator('select[name="filter"]').selectOption('unrecorded');
    await expect.poll(() => row.count()).toBe(1);
    expect(await changes.title()).toBe('Change timeline');

    // The export is a file of the page's own making (no network): the CSV names the person as unrecorded.
    const [download] = await Promise.all([
      changes.waitForEvent('download'),
      changes.locator('[data-export="csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^scopekeeper-changes-${sample.businessId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
      }, reject);
    });
    expect(csv).toContain('person:quentin@contractor.example,Quentin Ashby,person,principal-added');
    expect(csv).toContain(',unrecorded,,');

    // The options page links to it too, with the businesses to choose from.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    expect(await options.locator('a[data-changes-link]').getAttribute('href')).toBe(
      `chrome-extension://${id}/changes.html`,
    );

    // A web page cannot load it: the changes page is not web-accessible (only the panel is, by a dynamic URL).
    const loaded = await page.evaluate(
      (url) =>
        fetch(url).then(
          (r) => r.ok,
          () => false,
        ),
      `chrome-extension://${id}/changes.html`,
    );
    expect(loaded).toBe(false);
  });
});
