import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  extensionId,
  launchWithExtension,
  openSubject,
  panelFindings,
  panelFrame,
  settledPanel,
  type Session,
} from './harness';
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

/** A colleague's export (from before signing) holding the given decisions, chained as the format says. */
function colleagueExport(
  ledgerId: string,
  bodies: { action: string; subject: string; at: string; after?: unknown; before?: unknown }[],
): string {
  let prevHash = '0'.repeat(64);
  const decisions = bodies.map((b, i) => {
    const body = {
      id: `carl-${i}`,
      ledgerId,
      businessId: sample.businessId,
      rationale: `Decision ${i}`,
      decidedBy: 'carl@byraab.se',
      ...b,
      prevHash,
    };
    const hash = createHash('sha256').update(canonical(body)).digest('hex');
    prevHash = hash;
    return { ...body, hash };
  });
  return JSON.stringify({
    format: 'scopekeeper-ledger',
    version: 1,
    ledgerId,
    exportedAt: new Date().toISOString(),
    grants: [],
    decisions,
    chainHead: prevHash,
  });
}

/** Signs a colleague's export as a signing installation would (README "Authorship"), with Node's Web Crypto. */
async function signedColleagueExport(text: string, keys: CryptoKeyPair): Promise<string> {
  const file = JSON.parse(text);
  const hex = (b: ArrayBuffer) => Buffer.from(b).toString('hex');
  const sign = async (what: string) =>
    hex(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, Buffer.from(what)));
  for (const d of file.decisions) d.sig = await sign(`scopekeeper-ledger decision\n${d.hash}`);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
  file.publicKey = { kty, crv, x, y };
  file.chainHeadSignature = await sign(`scopekeeper-ledger chain head\n${file.ledgerId}\n${file.chainHead}`);
  return JSON.stringify(file);
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
    const group = await openSubject(frame, 'person:nils@byraab.se');
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
      'publicKey',
      'chainHeadSignature',
      // The People page read above is the business's baseline (issue 13): after every field of before.
      'baselines',
      'changes',
      'watchSignature',
    ]);
    expect(file.checklistRuns).toEqual([]);
    expect(file.decisions[0].sig).toMatch(/^[0-9a-f]{128}$/);
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
    await options.getByLabel('Import preview').getByText(`ledger ${bob.ledgerId}: 2 new`).first().waitFor();
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
    // Integrity and authorship apart: ours signed by our key, Bob's from before signing.
    expect(chains.sort()).toEqual([
      `Ledger ${bob.ledgerId}: integrity: 2 decisions, hashes intact; authorship: no key known for this ledger (0 signed, 2 unsigned)`,
      expect.stringMatching(
        /^Your ledger: integrity: 1 decision, hashes intact; authorship: 1 of 1 signature valid \(key [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\), 0 unsigned from before signing$/,
      ),
    ]);

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

  it('lists what another admin’s file would mute and end, and lets it count only once the admin trusts them', async () => {
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/partners?business_id=${sample.businessId}`);
    let panel = await settledPanel(page, 'partners');
    const finding = (await panelFindings(panel)).find((f) => !f.accepted);
    expect(finding, 'a finding on the Partners page to accept').toBeDefined();
    const { ruleId, subject } = finding!;
    const isAccepted = async () => {
      await page.reload();
      panel = await settledPanel(page, 'partners');
      const shown = (await panelFindings(panel)).filter((f) => f.ruleId === ruleId && f.subject === subject);
      expect(shown.length, 'the finding is still listed').toBe(1);
      return shown[0]!.accepted;
    };

    const day = 24 * 60 * 60 * 1000;
    const reviewAt = new Date(Date.now() + 30 * day).toISOString().slice(0, 10);
    const at = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const carl = randomUUID();
    const first = [
      { action: 'accept-finding', subject, at, after: { ruleId, reviewAt } },
      { action: 'revoke', subject: 'partner:3228568050780002', at },
    ];
    const options = await context.newPage();
    await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    await chooseFile(options, 'carl.json', colleagueExport(carl, first));
    const preview = options.getByLabel('Import preview');
    const accept = preview.locator('[data-change="accept"]');
    await accept.waitFor();
    expect(await accept.textContent()).toMatch(
      new RegExp(
        `^accepts ${ruleId} on .+ until ${reviewAt} \\(by carl@byraab\\.se\\): that finding is no longer shown until then \\(takes effect only if you trust this colleague\\)$`,
      ),
    );
    expect(await preview.locator('[data-change="revoke"]').textContent()).toMatch(
      /^records the revocation of .+ \(by carl@byraab\.se\)/,
    );
    expect(await preview.getByText(/2 of its decisions mute a finding or end a grant/).count()).toBe(1);

    // Imported without trusting Carl: stored, and the finding is still shown as it was.
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.getByRole('status').last().textContent()).toContain('Imported carl.json');
    expect(await isAccepted()).toBe(false);

    // Carl's next file: this time the admin trusts him in the preview.
    const second = colleagueExport(carl, [...first, { action: 'note', subject, at }]);
    await chooseFile(options, 'carl-2.json', second);
    await options.locator(`[data-trust-ledger="${carl}"]`).check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => options.getByRole('status').last().textContent())
      .toContain('Imported carl-2.json');
    await expect.poll(isAccepted, { timeout: 20_000 }).toBe(true);

    // Remembered in the list of colleagues; stopping trust takes the effect away again.
    const row = options.locator(`[data-colleague="${carl}"]`);
    await expect.poll(() => row.getAttribute('data-trusted')).toBe('true');
    await row.getByRole('button', { name: 'Stop trusting' }).click();
    await expect.poll(() => row.getAttribute('data-trusted')).toBe('false');
    await expect.poll(isAccepted, { timeout: 20_000 }).toBe(false);
  });

  it('warns when a colleague’s ledger comes signed with another key, and holds it back unless accepted', async () => {
    const { context } = await sessions.open(launchWithExtension(sample));
    const options = await context.newPage();
    await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    const ledgerId = randomUUID();
    const at = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const note = (subject: string) => ({ action: 'note', subject, at });
    const newKey = () =>
      crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const carl = await newKey();
    const first = await signedColleagueExport(
      colleagueExport(ledgerId, [note('partner:3228568050780002')]),
      carl,
    );
    await chooseFile(options, 'carl.json', first);
    const preview = options.getByLabel('Import preview');
    await preview.locator(`[data-ledger="${ledgerId}"][data-key-status="new"]`).waitFor();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.getByRole('status').last().textContent()).toContain('Imported carl.json');

    // The same ledger, one decision more, signed with another key.
    const other = await newKey();
    const second = await signedColleagueExport(
      colleagueExport(ledgerId, [note('partner:3228568050780002'), note('partner:3228568050780002')]),
      other,
    );
    await chooseFile(options, 'carl-new-key.json', second);
    const warning = preview.locator('[data-key-warning="true"]');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(
      /^Warning: this ledger is now signed with another key \([0-9a-f ]{19}\) than the one first seen \([0-9a-f ]{19}\)\. Its decisions are held back unless you accept the new key\./,
    );
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => options.getByRole('status').last().textContent())
      .toContain(`ledger ${ledgerId} held back (its key changed)`);

    await chooseFile(options, 'carl-new-key.json', second);
    await options.locator(`[data-accept-key="${ledgerId}"]`).check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => options.getByRole('status').last().textContent())
      .toContain(`ledger ${ledgerId}: 1 new`);
    await options.getByRole('button', { name: 'Verify chain' }).click();
    await expect
      .poll(() => options.locator('[data-chain-ok]').allTextContents())
      .toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^Ledger ${ledgerId}: integrity: 2 decisions, hashes intact; authorship: 2 of 2 signatures valid`,
          ),
        ),
      );
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
        /^Deleted from this browser: .* and this installation’s ledger id and signing key\. What you record afterwards is a new ledger under a new key.* Kept: your settings\./,
      );
    await confirm.getByRole('button', { name: 'Delete everything' }).click();
    await expect
      .poll(() => options.getByRole('status').last().textContent())
      .toBe(
        'All ledger data was deleted. This installation now has a new ledger id and signing key. Kept: your settings.',
      );
  });
});
