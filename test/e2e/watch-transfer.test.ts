import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchDigest, watchSigningText } from '@/lib/domain/ledger/watch-transfer';
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

const sessions = sessionPerTest<Session>();

/** The watch's rules: each says someone new, or new access, between two visits. */
const WATCH_RULES = ['unrecorded-full-control', 'unrecorded-access', 'new-partner'];

/**
 * Opens the options page and exports until the file holds the business's baseline with at least `people`
 * principals (a read is folded into the baseline in the quiet time after it).
 */
async function exportWithBaseline(
  context: BrowserContext,
  people: number,
): Promise<{ options: Page; text: string }> {
  const options = await context.newPage();
  // The download path (Chromium's save dialog is tested in durability.test.ts).
  await options.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  let text = '';
  await expect
    .poll(async () => {
      const download = options.waitForEvent('download');
      await options.getByRole('button', { name: 'Export', exact: true }).click();
      text = readFileSync((await (await download).path())!, 'utf8');
      return Object.keys(JSON.parse(text).baselines?.[0]?.principals ?? {}).length;
    })
    .toBeGreaterThanOrEqual(people);
  return { options, text };
}

/** The watch's findings on a panel. */
async function watchAlerts(frame: Frame): Promise<string[]> {
  return (await panelFindings(frame))
    .filter((f) => WATCH_RULES.includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.subject}`);
}

/**
 * Another installation's file, signed with its own key (made here, with Node's Web Crypto), whose baseline
 * holds Mallory: what a colleague's file, or an attacker's, could carry.
 */
async function colleagueFile(own: string): Promise<{ ledgerId: string; text: string }> {
  const file = JSON.parse(own);
  const ledgerId = randomUUID();
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const sign = async (text: string) =>
    Buffer.from(
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, Buffer.from(text)),
    ).toString('hex');
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
  file.baselines[0].principals['person:mallory@evil.example'] = {
    kind: 'person',
    name: 'Mallory Vance',
    email: 'mallory@evil.example',
    portfolioAccess: 'full-control',
    pending: false,
    firstSeen: file.exportedAt,
    lastSeen: file.exportedAt,
  };
  const colleague = {
    ...file,
    ledgerId,
    grants: [],
    decisions: [],
    chainHead: null,
    checklistRuns: [],
    publicKey: { kty, crv, x, y },
    chainHeadSignature: await sign(`scopekeeper-ledger chain head\n${ledgerId}\nempty`),
    watchSignature: await sign(
      watchSigningText(ledgerId, file.exportedAt, await watchDigest(file.baselines, file.changes)),
    ),
  };
  delete colleague.ledgerKeys;
  return { ledgerId, text: JSON.stringify(colleague) };
}

describe('the baseline through an export and an import (issue 13, item 6)', () => {
  it('restored from its own export after "Delete all data" (trusted as a former identity): the next read alerts only who is really new', async () => {
    const sample = samplePortfolio('en', 'grid');
    const people = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(people);
    await settledPanel(page, 'people');

    const { options, text } = await exportWithBaseline(context, sample.people.length);
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
    // "Delete all data" gave this installation a new ledger id and key: the backup is a former identity's,
    // listed as what can silence an alert, taking effect once the admin trusts it.
    expect(await preview.locator('[data-watch-status]').getAttribute('data-watch-status')).toBe('untrusted');
    const baseline = preview.locator('[data-change="baseline"]');
    expect(await baseline.getAttribute('data-takes-effect')).toBe('false');
    await preview.locator(`[data-trust-ledger="${file.ledgerId}"]`).check();
    await expect.poll(() => baseline.getAttribute('data-takes-effect')).toBe('true');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => options.getByRole('status').last().textContent())
      .toContain('baselines and changes merged');

    // Between the visits someone adds an admin; the admin comes back to People.
    const hijacked = withIntruders(sample);
    await routeSandbox(context, hijacked);
    const again = await context.newPage();
    await again.goto(people);
    const frame = await settledPanel(again, 'people');
    // Only Mallory is new: without the restored baseline this read would be a first look, and say nothing.
    await expect
      .poll(() => watchAlerts(frame))
      .toContain('unrecorded-full-control person:mallory@evil.example');
    expect(new Set((await watchAlerts(frame)).map((a) => a.split(' ')[1]))).toEqual(
      new Set(['person:mallory@evil.example']),
    );
  });

  it('an untrusted colleague’s file whose baseline holds the intruder: the preview says it is not applied, and the alert still comes', async () => {
    const sample = samplePortfolio('en', 'grid');
    const people = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(people);
    await settledPanel(page, 'people');
    const { options, text } = await exportWithBaseline(context, sample.people.length);
    const colleague = await colleagueFile(text);

    await options.getByLabel('Import a ledger export').setInputFiles({
      name: 'colleague.json',
      mimeType: 'application/json',
      buffer: Buffer.from(colleague.text),
    });
    const preview = options.getByLabel('Import preview');
    const status = preview.locator(`[data-ledger="${colleague.ledgerId}"] [data-watch-status]`);
    await status.waitFor();
    expect(await status.getAttribute('data-watch-status')).toBe('untrusted');
    expect(await status.textContent()).toContain('they are not applied unless you trust this colleague');
    const baseline = preview.locator('[data-change="baseline"]');
    expect(await baseline.getAttribute('data-takes-effect')).toBe('false');
    expect(await baseline.textContent()).toContain('(not applied)');
    // Trusting the colleague in the preview would apply it; the admin does not.
    const trust = preview.locator(`[data-trust-ledger="${colleague.ledgerId}"]`);
    await trust.check();
    await expect.poll(() => baseline.getAttribute('data-takes-effect')).toBe('true');
    await trust.uncheck();
    await expect.poll(() => baseline.getAttribute('data-takes-effect')).toBe('false');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => options.getByRole('status').last().textContent())
      .toContain('baselines and changes not applied');

    await routeSandbox(context, withIntruders(sample));
    const again = await context.newPage();
    await again.goto(people);
    const frame = await settledPanel(again, 'people');
    await expect
      .poll(() => watchAlerts(frame))
      .toContain('unrecorded-full-control person:mallory@evil.example');
  });
});
