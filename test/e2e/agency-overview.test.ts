import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '../sandbox/generate';
import { routeSandbox } from '../sandbox/serve';
import { listStructures } from '../sandbox/structures';
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
const locales = ['en', 'sv', 'fr'] as const;

/** Twenty client portfolios of different sizes, languages and page structures, as an agency holds them. */
const clients = Array.from({ length: 20 }, (_, i) =>
  generatePortfolio({
    people: 3 + ((i * 7) % 11),
    partners: 1 + (i % 3),
    systemUsers: i % 2,
    seed: 101 + i,
    locale: locales[i % locales.length],
    variant: listStructures[i % listStructures.length],
    businessId: String(7_700_000_000_000_000 + i * 101),
    businessName: `Client ${String(i + 1).padStart(2, '0')} ${['AB', 'SARL', 'Ltd'][i % 3]}`,
  }),
);

describe('an agency’s overview (issue 15, "Done when")', () => {
  it('lists twenty client portfolios visited in turn on one page, ranked by risk, and who can reach an ad account in one click', async () => {
    const [first] = clients;
    const { page, context } = await sessions.open(launchWithExtension(first!));
    const people = (id: string) => `${BUSINESS_URL}/latest/settings/business_users?business_id=${id}`;

    // Each client's People page, read in turn; how many findings the panel's rule groups counted (nothing is
    // accepted in this new profile, so all of them count).
    const shown = new Map<string, number>();
    const count = async (businessId: string, kind: string) => {
      const frame = await settledPanel(page, kind);
      const groups = frame.locator('[data-rule-group]');
      await groups.first().waitFor();
      const counts = await groups.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
      shown.set(
        businessId,
        counts.reduce((a, b) => a + b, 0),
      );
    };
    for (const client of clients) {
      await routeSandbox(context, client);
      await page.goto(people(client.businessId));
      await count(client.businessId, 'people');
    }
    // And one client's ad account page, which shows every path to it.
    const client = clients[7]!;
    const adAccount = client.assets.find(
      (a) =>
        a.type === 'ad-account' &&
        [...client.people, ...client.partners, ...client.systemUsers].some((p) =>
          p.assets.some((g) => g.asset === a.id),
        ),
    )!;
    await routeSandbox(context, client);
    await page.goto(
      `${BUSINESS_URL}/latest/settings/ad_accounts?business_id=${client.businessId}&selected_asset_id=${adAccount.id}&selected_asset_type=ad-account`,
    );
    // What the asset page adds (who holds the ad account, and how) counts in that client's findings.
    await count(client.businessId, 'asset');
    // Reads are folded into the ledger in the quiet time after them.
    await page.waitForTimeout(1500);

    const id = await extensionId(context);
    const overview = await context.newPage();
    // Tall enough for all twenty rows of the virtualised list at once.
    await overview.setViewportSize({ width: 1280, height: 6000 });
    await overview.goto(`chrome-extension://${id}/overview.html`);
    const rows = overview.locator('li[data-business]');
    await expect
      .poll(async () => {
        if ((await rows.count()) < clients.length) await overview.reload();
        return rows.count();
      })
      .toBe(clients.length);
    expect(await overview.locator('[data-counts]').textContent()).toBe('20 businesses');

    // Every client is there by name, with the findings its panel showed; ranked by risk (high findings first).
    const listed = await rows.evaluateAll((els) =>
      els.map((e) => ({
        business: e.getAttribute('data-business')!,
        label: e.querySelector('.business-label')?.textContent ?? '',
        high: Number(e.querySelector('[data-severity="high"]')?.textContent?.split(' ')[0] ?? 0),
        medium: Number(e.querySelector('[data-severity="medium"]')?.textContent?.split(' ')[0] ?? 0),
        low: Number(e.querySelector('[data-severity="low"]')?.textContent?.split(' ')[0] ?? 0),
      })),
    );
    expect(listed.map((r) => r.business).sort()).toEqual(clients.map((c) => c.businessId).sort());
    for (const row of listed) {
      const c = clients.find((x) => x.businessId === row.business)!;
      expect(row.label).toBe(`Business ${c.businessName}`);
      expect(row.high + row.medium + row.low, c.businessName).toBe(shown.get(row.business));
    }
    const highs = listed.map((r) => r.high);
    expect(highs).toEqual([...highs].sort((a, b) => b - a));
    expect(new Set(highs).size).toBeGreaterThan(1);

    // One click from the client's row: every path to the ad account, as the generator gave them.
    await overview.locator(`a[data-assets-link="${client.businessId}"]`).click();
    await overview.waitForURL(`chrome-extension://${id}/overview.html?business=${client.businessId}`);
    const assetRow = overview.locator(`li[data-asset="ad-account:${adAccount.id}"]`);
    await assetRow.waitFor();
    const paths = await assetPaths(assetRow);
    const access = (g: { full?: boolean | 'except-sensitive' }) =>
      g.full === true ? 'full' : g.full === 'except-sensitive' ? 'full-except-sensitive' : 'partial';
    const expected = [
      ...client.people.flatMap((p) =>
        p.pending
          ? []
          : p.assets
              .filter((g) => g.asset === adAccount.id)
              .map((g) => ['person', `person:${p.email}`, access(g)]),
      ),
      ...client.partners.flatMap((p) =>
        p.assets
          .filter((g) => g.asset === adAccount.id)
          .map((g) => ['partner', `partner:${p.businessId}`, access(g)]),
      ),
      ...client.systemUsers.flatMap((s) =>
        s.assets
          .filter((g) => g.asset === adAccount.id)
          .map((g) => ['system-user', `system-user:${s.id}`, access(g)]),
      ),
    ];
    expect(expected.length).toBeGreaterThan(0);
    expect([...paths].sort()).toEqual([...expected].sort());
  });
});
