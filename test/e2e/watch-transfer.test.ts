import { readFileSync } from 'node:fs';
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

const sessions = sessionPerTest<Session>();

/** The watch's rules: each says someone new, or new access, between two visits. */
const WATCH_RULES = ['unrecorded-full-control', 'unrecorded-access', 'new-partner'];

describe('the baseline through an export and an import (issue 13, item 6)', () => {
  it('restored from its own export after "Delete all data": the next read alerts only who is really new', async () => {
    const sample = samplePortfolio('en', 'grid');
    const people = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(people);
    await settledPanel(page, 'people');

    const options = await context.newPage();
    // The download path (Chromium's save dialog is tested in durability.test.ts).
    await options.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
    await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    // The read is folded into the baseline in the quiet time after it: export until the file holds it.
    const exportFile = async () => {
      const download = options.waitForEvent('download');
      await options.getByRole('button', { name: 'Export', exact: true }).click();
      return readFileSync((await (await download).path())!, 'utf8');
    };
    let text = '';
    await expect
      .poll(async () => {
        text = await exportFile();
        return Object.keys(JSON.parse(text).baselines?.[0]?.principals ?? {}).length;
      })
      .toBeGreaterThanOrEqual(sample.people.length);
    const file = JSON.parse(text);
    expect(file.baselines.map((b: { businessId: string }) => b.businessId)).toEqual([sample.businessId]);
    expect(file.watchSignature).toMatch(/^[0-9a-f]{128}$/);

    // No tab reads the page meanwhile: a read after the deletion would be a first look of its own.
    await page.close();
    await options.getByRole('button', { name: 'Delete all data…' }).click();
    await options
      .getByRole('group', { name: 'Confirm deletion' })
      .getByRole('button', { name: 'Delete everything' })
      .click();
    await expect
      .poll(() => options.getByRole('status').last().textContent())
      .toContain('All ledger data was deleted.');

    await options
      .getByLabel('Import a ledger export')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const preview = options.getByLabel('Import preview');
    await preview.getByText('baselines of 1 business, 0 changes').waitFor();
    // Listed as what can silence an alert, and taking effect (the file is this installation's own).
    expect(await preview.locator('[data-watch-status]').getAttribute('data-watch-status')).toBe('ours');
    expect(await preview.locator('[data-change="baseline"]').getAttribute('data-takes-effect')).toBe('true');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => options.getByRole('status').last().textContent())
      .toContain('baselines and changes merged');

    // Between the visits someone adds an admin; the admin comes back to People.
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
    const again = await context.newPage();
    await again.goto(people);
    const frame = await settledPanel(again, 'people');
    // Only Mallory is new: without the restored baseline this read would be a first look, and say nothing.
    const alerts = async () => (await panelFindings(frame)).filter((f) => WATCH_RULES.includes(f.ruleId));
    await expect
      .poll(async () => (await alerts()).map((f) => `${f.ruleId} ${f.subject}`))
      .toContain('unrecorded-full-control person:mallory@evil.example');
    expect(new Set((await alerts()).map((f) => f.subject))).toEqual(new Set(['person:mallory@evil.example']));
  });
});
