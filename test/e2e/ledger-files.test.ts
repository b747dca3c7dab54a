import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import { BUSINESS_URL, extensionId, launchWithExtension, panelFrame, type Session } from './harness';
import { sessionPerTest } from './sessions';

const sample = samplePortfolio('en', 'grid');

const sessions = sessionPerTest<Session>();

/** An independent writer of the documented format: its own canonical JSON and Node's SHA-256. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function someoneElsesExport(): { ledgerId: string; text: string; ids: string[] } {
  const ledgerId = randomUUID();
  let prevHash = '0'.repeat(64);
  const decisions = ['grant', 'extend'].map((action, i) => {
    const body = {
      id: `bob-${i}`,
      ledgerId,
      at: `2026-11-2${i}T09:00:00.000Z`,
      businessId: sample.businessId,
      subject: 'partner:3228568050780002',
      action,
      rationale: i === 0 ? 'Instagram ads for the summer' : 'Campaign runs to February',
      decidedBy: 'bob@sjobod.se',
      prevHash,
    };
    const hash = createHash('sha256').update(canonical(body)).digest('hex');
    prevHash = hash;
    return { ...body, hash };
  });
  const grant = {
    id: 'bob-grant-1',
    businessId: sample.businessId,
    subject: 'partner:3228568050780002',
    assets: [{ type: 'instagram', name: '@sjobodcafe', access: 'partial', tasks: ['ads', 'insights'] }],
    case: 'Instagram ads for the summer',
    approver: 'Bob',
    startsAt: '2026-11-20',
    endsAt: '2027-02-15',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-21T09:00:00.000Z',
  };
  const file = {
    format: 'scopekeeper-ledger',
    version: 1,
    ledgerId,
    exportedAt: '2026-11-22T10:00:00.000Z',
    grants: [grant],
    decisions,
    chainHead: prevHash,
  };
  return { ledgerId, text: JSON.stringify(file), ids: decisions.map((d) => d.id) };
}

async function chooseFile(options: Page, name: string, text: string): Promise<void> {
  await options
    .getByLabel('Import a ledger export')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('ledger files on the options page', () => {
  it('exports, re-imports without duplicates, imports someone else’s chain beside ours, and refuses a tampered file', async () => {
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`);
    const frame = await panelFrame(page);
    const group = frame.locator('[data-group-subject="person:nils@byraab.se"]');
    await group.locator('summary', { hasText: 'Record' }).click();
    await group.getByRole('button', { name: 'Document access' }).click();
    await group.getByLabel('Case or purpose').fill('=HYPERLINK("http://evil.example")');
    await group.getByRole('button', { name: 'Save record' }).click();
    await group.getByText('Access documented.').waitFor();

    const options = await context.newPage();
    // The download path (Firefox's; Chromium's save dialog is tested in durability.test.ts).
    await options.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
    await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export', exact: true }).click();
    const exported = readFileSync((await (await download).path())!, 'utf8');
    const file = JSON.parse(exported);
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'ledgerId',
      'exportedAt',
      'grants',
      'decisions',
      'chainHead',
      'checklistRuns',
    ]);
    expect(file.checklistRuns).toEqual([]);
    expect(file.grants).toHaveLength(1);
    expect(file.decisions).toHaveLength(1);
    expect(file.chainHead).toBe(file.decisions[0].hash);

    const csvDownloads: Promise<import('playwright-core').Download>[] = [options.waitForEvent('download')];
    await options.getByRole('button', { name: 'Export CSV' }).click();
    const grantsCsv = readFileSync((await (await csvDownloads[0]!).path())!, 'utf8');
    expect(grantsCsv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);

    await chooseFile(options, 'mine.json', exported);
    await options.getByLabel('Import preview').getByText('0 grant records and 0 decisions to add').waitFor();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.getByRole('status').last().textContent()).toContain('Imported mine.json');

    const bob = someoneElsesExport();
    await chooseFile(options, 'bob.json', bob.text);
    await options.getByLabel('Import preview').getByText(`ledger ${bob.ledgerId}: 2 new`).waitFor();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => options.getByRole('status').last().textContent())
      .toContain('1 grant record and 2 decisions to add');

    const tampered = JSON.parse(bob.text);
    tampered.decisions[1].rationale = 'Campaign runs forever';
    await chooseFile(options, 'tampered.json', JSON.stringify(tampered));
    await expect
      .poll(() => options.getByRole('alert').textContent())
      .toBe(
        `tampered.json was not imported: The chain of ledger ${bob.ledgerId} breaks at decision ${bob.ids[1]} (#2 of that ledger): its content does not match its hash (it was changed). Nothing was imported.`,
      );
    await chooseFile(options, 'half.json', bob.text.slice(0, 200));
    await expect.poll(() => options.getByRole('alert').textContent()).toContain('not complete JSON');

    await options.getByRole('button', { name: 'Verify chain' }).click();
    const chains = await options.getByRole('list', { name: 'Chain check' }).locator('li').allTextContents();
    expect(chains.sort()).toEqual(
      [`Ledger ${bob.ledgerId}: 2 decisions, intact.`, 'Your ledger: 1 decision, intact.'].sort(),
    );

    // Bob's record of the partner counts at once: its undocumented finding is gone from the panel.
    await page.goto(`${BUSINESS_URL}/latest/settings/partners?business_id=${sample.businessId}`);
    const partners = await panelFrame(page);
    await partners.waitForSelector('[data-page-kind="partners"]');
    await expect
      .poll(() =>
        partners
          .locator('[data-subject="partner:3228568050780002"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id'))),
      )
      .toEqual([]);
  });

  it('asks before deleting all data and offers an export first', async () => {
    const { context } = await sessions.open(launchWithExtension(sample));
    const options = await context.newPage();
    await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    await options.getByRole('button', { name: 'Delete all data…' }).click();
    const confirm = options.getByRole('group', { name: 'Confirm deletion' });
    await expect
      .poll(() => confirm.getByRole('button').allTextContents())
      .toEqual(['Export first', 'Delete everything', 'Keep my data']);
    // It says what goes and what stays.
    await expect
      .poll(() => confirm.locator('p').textContent())
      .toMatch(
        /^Deleted from this browser: .* Kept: your settings, and this installation’s ledger id and signing key/,
      );
    await confirm.getByRole('button', { name: 'Delete everything' }).click();
    await expect
      .poll(() => options.getByRole('status').last().textContent())
      .toBe('All ledger data was deleted. Kept: your settings, the ledger id and the signing key.');
  });
});
