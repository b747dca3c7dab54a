import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/lib/domain/ledger/canonical';
import type { ReviewCampaign } from '@/lib/domain/review/campaign';
import { samplePortfolio } from '../sandbox/generate';
import { routeSandbox } from '../sandbox/serve';
import {
  askBackground,
  BUSINESS_URL,
  drawnMarks,
  extensionId,
  launchWithExtension,
  settledPanel,
  type Session,
} from './harness';
import { sessionPerTest } from './sessions';

const sessions = sessionPerTest<Session>();

type Answer<T> = { res: { ok: true; value: T } | { ok: false; error: { code: string } } };
const value = <T>(answer: unknown): T => {
  const { res } = answer as Answer<T>;
  if (!res.ok) throw new Error(`refused: ${res.error.code}`);
  return res.value;
};

describe('an access review from the sandbox to the auditor’s PDF (issue 14)', () => {
  it('reviews the portfolio, verifies a revoke on the page, and prints a report whose hash its JSON gives', async () => {
    const sample = samplePortfolio('en', 'grid');
    const q = `?business_id=${sample.businessId}`;
    const people = `${BUSINESS_URL}/latest/settings/business_users${q}`;
    const { page, context } = await sessions.open(launchWithExtension(sample));
    for (const [path, kind] of [
      ['business_users', 'people'],
      ['partners', 'partners'],
      ['system_users', 'system-users'],
    ] as const) {
      await page.goto(`${BUSINESS_URL}/latest/settings/${path}${q}`);
      await settledPanel(page, kind);
    }
    // The reads are folded into the baseline in the quiet time after them.
    await page.waitForTimeout(1500);

    const id = await extensionId(context);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    const { campaign } = value<{ campaign: ReviewCampaign }>(
      await askBackground(options, 1, 'reviewStart', { businessId: sample.businessId }),
    );
    // Eve, whose name is markup written to fool a reader: revoked, and shown as text in the report.
    const gone = sample.people.find((p) => p.email === 'eve@contractor.example')!;
    expect(campaign.items.some((item) => item.email === gone.email)).toBe(true);
    await page.goto(people);
    await settledPanel(page, 'people');
    const EVE = 'person:eve@contractor.example';
    const eveBadge = async () =>
      (await drawnMarks(page)).find((m) => m.kind === 'badge' && m.subject === EVE && m.role === 'row');
    // Eve, a contractor without a record, has findings: her badge is drawn first.
    await expect.poll(async () => (await eveBadge()) !== undefined, { timeout: 15_000 }).toBe(true);
    const before = Number((await eveBadge())!.text);
    // Keep everything but the last person, who is revoked.
    value(
      await askBackground(options, 2, 'reviewDecide', {
        campaignId: campaign.id,
        decisions: campaign.items.map((item) =>
          item.email === gone.email
            ? { itemId: item.id, kind: 'revoke', rationale: 'The contract ended in October.' }
            : { itemId: item.id, kind: 'keep', rationale: '' },
        ),
      }),
    );

    // The page shows what to switch off: one more badge on Eve's row, and the panel lists it for this page.
    await expect
      .poll(async () => Number((await eveBadge())?.text ?? 0), { timeout: 15_000 })
      .toBe(before + 1);
    const panel = await settledPanel(page, 'people');
    await panel.waitForSelector(`[data-follow-up-item="${EVE}|portfolio"][data-follow-up-state="waiting"]`, {
      timeout: 15_000,
    });
    await page.goto(`${BUSINESS_URL}/latest/settings/system_users${q}`);
    await settledPanel(page, 'system-users');
    await page.waitForTimeout(1500);

    // The admin removes that person in Business Settings; People is read again and shows them gone.
    const changed = structuredClone(sample);
    changed.people = changed.people.filter((p) => p.id !== gone.id);
    await routeSandbox(context, changed);
    await page.goto(people);
    await settledPanel(page, 'people');
    await expect
      .poll(
        async () =>
          value<{ campaign: ReviewCampaign }>(
            await askBackground(options, 3, 'reviewGet', { campaignId: campaign.id }),
          ).campaign.items.filter((item) => item.email === gone.email && item.verified).length,
        // The read is recorded in its quiet time, then folded into the review: slower on a loaded machine.
        { timeout: 45_000 },
      )
      .toBeGreaterThan(0);
    value(
      await askBackground(options, 4, 'reviewSignOff', {
        campaignId: campaign.id,
        reviewer: 'Anna Berg',
        role: 'Business admin',
      }),
    );

    // The report page, as the panel's link opens it.
    const report = await context.newPage();
    await report.goto(`chrome-extension://${id}/review.html?campaign=${encodeURIComponent(campaign.id)}`);
    const shownHash = await report.locator('[data-report-hash]').textContent({ timeout: 15_000 });
    expect(shownHash).toMatch(/^[0-9a-f]{64}$/);
    // Named as Business Settings showed it (its switcher), with its ID.
    expect(await report.locator('[data-report-business]').textContent()).toContain(
      `Sjöbod Café AB · Business ID ${sample.businessId}`,
    );
    expect(await report.locator('[data-signed-off="true"]').textContent()).toContain(
      'Anna Berg, Business admin',
    );
    const revoked = report.locator('tr[data-decision="revoke"]');
    expect(await revoked.count()).toBeGreaterThan(0);
    expect(await revoked.first().locator('[data-follow-up="verified"]').textContent()).toMatch(
      /^Removed, verified .* on People$/,
    );
    expect(await report.locator('tr[data-item]').count()).toBe(campaign.items.length);
    expect(await revoked.first().locator('strong').first().textContent()).toContain('<img src=x');
    expect(await report.locator('img').count()).toBe(0);
    expect(await report.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // The hash is recomputed from the JSON the page offers: canonical JSON, SHA-256.
    const [download] = await Promise.all([
      report.waitForEvent('download'),
      report.getByRole('button', { name: 'Download report (JSON)' }).click(),
    ]);
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
    expect(createHash('sha256').update(canonicalJson(json)).digest('hex')).toBe(shownHash);

    // Printed: A4 pages without the screen's buttons.
    await report.emulateMedia({ media: 'print' });
    expect(await report.locator('.actions').isVisible()).toBe(false);
    const pdf = await report.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThan(20);
  });

  it('verifies a revoke when People says “Loading…” longer than the background waits (fr, labelled rows)', async () => {
    // The demo's access review, made certain: the People list that follows the removal shows "Loading…"
    // for longer than the background's quiet time, so that read is recorded alone before the list's rows.
    const sample = samplePortfolio('fr', 'labelled-rows');
    const q = `?business_id=${sample.businessId}`;
    const people = `${BUSINESS_URL}/latest/settings/business_users${q}`;
    const { page, context } = await sessions.open(launchWithExtension(sample, { uiLanguage: 'fr' }));
    for (const [path, kind] of [
      ['business_users', 'people'],
      ['partners', 'partners'],
      ['system_users', 'system-users'],
    ] as const) {
      await page.goto(`${BUSINESS_URL}/latest/settings/${path}${q}`);
      await settledPanel(page, kind);
    }
    await page.waitForTimeout(1500);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    const { campaign } = value<{ campaign: ReviewCampaign }>(
      await askBackground(options, 1, 'reviewStart', { businessId: sample.businessId }),
    );
    const gone = sample.people.find((p) => p.email === 'eve@contractor.example')!;
    const item = campaign.items.find((i) => i.email === gone.email && i.access.kind === 'portfolio')!;
    value(
      await askBackground(options, 2, 'reviewDecide', {
        campaignId: campaign.id,
        decisions: [{ itemId: item.id, kind: 'revoke', rationale: 'Le contrat a pris fin en octobre.' }],
      }),
    );
    await page.goto(people);
    const panel = await settledPanel(page, 'people');
    await panel.waitForSelector(`[data-follow-up-item="${item.id}"][data-follow-up-state="waiting"]`, {
      timeout: 15_000,
    });

    // Removed in Business Settings; People opened again, its rows 1.5 s after "Chargement…".
    const changed = structuredClone(sample);
    changed.people = changed.people.filter((p) => p.id !== gone.id);
    changed.rowDelayMs = 1500;
    await routeSandbox(context, changed);
    await page.goto(people);
    await settledPanel(page, 'people');
    await expect
      .poll(
        async () =>
          value<{ campaign: ReviewCampaign }>(
            await askBackground(options, 3, 'reviewGet', { campaignId: campaign.id }),
          ).campaign.items.find((i) => i.id === item.id)?.verified !== undefined,
        { timeout: 45_000 },
      )
      .toBe(true);
    // The panel says so, and no badge is drawn for her.
    const again = await settledPanel(page, 'people');
    await again.waitForSelector(`[data-review-item="${item.id}"][data-decision="revoke"] [data-verified]`, {
      timeout: 15_000,
    });
    expect((await drawnMarks(page)).some((m) => m.subject === 'person:eve@contractor.example')).toBe(false);
  });
});
