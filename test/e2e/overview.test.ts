import { describe, expect, it } from 'vitest';
import { samplePortfolio } from '../sandbox/generate';
import { routeSandbox } from '../sandbox/serve';
import {
  assetPaths,
  BUSINESS_URL,
  extensionId,
  launchWithExtension,
  settledPanel,
  type Session,
} from './harness';
import { sessionPerTest } from './sessions';

const sessions = sessionPerTest<Session>();

describe('the overview of every business and the asset view (issue 15)', () => {
  it('an admin who visits three portfolios in turn sees all three on one page, and who can reach the café’s Page', async () => {
    const first = samplePortfolio('en', 'grid');
    const second = samplePortfolio('sv', 'list', {
      businessId: '2203456789012345',
      businessName: 'Fiskbod Två AB',
    });
    const third = samplePortfolio('fr', 'grid', {
      businessId: '3303456789012345',
      businessName: 'Boulangerie Trois SARL',
    });
    const people = (id: string) => `${BUSINESS_URL}/latest/settings/business_users?business_id=${id}`;
    const cafe = first.assets.find((a) => a.type === 'page')!;
    const assetPage = `${BUSINESS_URL}/latest/settings/pages?business_id=${first.businessId}&selected_asset_id=${cafe.id}&selected_asset_type=page`;
    const { page, context } = await sessions.open(launchWithExtension(first));

    await page.goto(people(first.businessId));
    await settledPanel(page, 'people');
    await page.goto(assetPage);
    const frame = await settledPanel(page, 'asset');
    // The panel on an asset page links to every path to this asset.
    expect(await frame.locator('a[data-asset-paths-link]').getAttribute('href')).toBe(
      `/overview.html?business=${first.businessId}&asset=page%3A${cafe.id}`,
    );
    for (const next of [second, third]) {
      await routeSandbox(context, next);
      await page.goto(people(next.businessId));
      await settledPanel(page, 'people');
    }
    // Reads are folded into the ledger in the quiet time after them.
    await page.waitForTimeout(1500);

    // The popup links to the overview, which lists the three businesses.
    const id = await extensionId(context);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    const link = popup.locator('a[data-overview-link]');
    await expect.poll(() => link.getAttribute('href')).toBe(`chrome-extension://${id}/overview.html`);
    const [overview] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await overview.waitForLoadState();
    const rows = overview.locator('li[data-business]');
    await expect
      .poll(async () => {
        if ((await rows.count()) < 3) await overview.reload();
        return (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-business')))).sort();
      })
      .toEqual([first.businessId, second.businessId, third.businessId]);
    expect(await overview.locator('[data-counts]').textContent()).toBe('3 businesses');
    const firstRow = overview.locator(`li[data-business="${first.businessId}"]`);
    // Named as the pages showed the business (issue 15, item 1), with its ID.
    expect(await firstRow.locator('.business-label').textContent()).toBe('Business Sjöbod Café AB');
    // The first business's People and the café's page were read in full.
    expect(await firstRow.locator('.business-reads').textContent()).toMatch(
      /^Last read in full: People: .+ · Partners: never · System users: never · an asset page: (?!never)/,
    );
    // The search finds a business by its ID and by its name.
    await overview.locator('input[name="search"]').fill('2203');
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-business'))))
      .toEqual([second.businessId]);
    await overview.locator('input[name="search"]').fill('boulangerie');
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-business'))))
      .toEqual([third.businessId]);
    await overview.locator('input[name="search"]').fill('');

    // One click: the first business's assets, every path to the café's Page.
    await firstRow.locator('a[data-assets-link]').click();
    await overview.waitForURL(`chrome-extension://${id}/overview.html?business=${first.businessId}`);
    const cafeRow = overview.locator(`li[data-asset="page:${cafe.id}"]`);
    await cafeRow.waitFor();
    const paths = await assetPaths(cafeRow);
    expect(paths).toEqual([
      ['person', 'person:anna@sjobod.se', 'full'],
      ['person', 'person:nils@byraab.se', 'full'],
      ['person', 'person:maja@sjobod.se', 'partial'],
      ['partner', 'partner:3228568050780001', 'full-except-sensitive'],
    ]);
    expect(await cafeRow.locator('[data-subject="person:maja@sjobod.se"]').textContent()).toContain(
      'Partial access (Content, Community activity, Messages and calls)',
    );

    // "Open in Business Settings" from the overview opens the business's People (no tab shows it now: a new one).
    await overview.goto(`chrome-extension://${id}/overview.html`);
    await page.goto('about:blank');
    await overview.locator(`button[data-open-business="${second.businessId}"]`).click();
    await expect.poll(() => context.pages().some((p) => p.url() === people(second.businessId))).toBe(true);
  });
});
