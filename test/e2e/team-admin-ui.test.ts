import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chainSigningText,
  keyFingerprint,
  publicKeyOf,
  recordSigningText,
  signText,
} from '@/lib/domain/ledger/signing';
import type { PublicKey } from '@/lib/domain/ledger/records';
import { headDocId } from '@/lib/domain/team-docs';
import { samplePortfolio } from '../sandbox/generate';
import { BUSINESS_URL, openDocumentForm, openSubject, panelFrame } from './harness';
import {
  configureTeamLedger,
  launchTeamBrowser,
  startTeamServer,
  type TeamAccount,
  type TeamBrowser,
  type TeamServer,
} from './team-harness';

/**
 * The admin's side of the team ledger (issue 16, items 2–4) in the built extension: the options page lists
 * a grant the server holds in two versions and the documents it refused, in words; the admin compares the
 * versions and keeps one, and the list empties. The conflicting versions are put on the server directly
 * (CouchDB's `new_edits: false`, as replication from two places leaves them), each signed by its author's
 * key, with that author's ledger head beside it (an empty chain): a version its author did not sign is
 * refused, never offered (team-server-faults.test.ts).
 */
const sample = samplePortfolio('en', 'grid');
const DATABASE = 'agency-ledger';
const GRANT_ID = 'g-team-ui';
const COLLEAGUE = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const PARTNER = 'partner:3228568050780001';

type Author = { ledgerId: string; key: CryptoKey; head: Record<string, unknown>; publicKey: PublicKey };
/** A colleague's installation: a signing key, and its ledger head as its sync puts it on the server. */
async function author(ledgerId: string): Promise<Author> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const head = {
    _id: headDocId(ledgerId),
    _rev: `1-${ledgerId.replace(/-/g, '').slice(0, 32)}`,
    type: 'head',
    ledgerId,
    publicKey: publicKeyOf(await crypto.subtle.exportKey('jwk', pair.publicKey)),
    chainHead: null,
    length: 0,
    chainHeadSignature: await signText(pair.privateKey, chainSigningText(ledgerId, null)),
  };
  return { ledgerId, key: pair.privateKey, head, publicKey: head.publicKey };
}
const signed = async (by: Author, doc: { _id: unknown; _rev: string; grant: Record<string, unknown> }) => ({
  ...doc,
  type: 'grant',
  author: by.ledgerId,
  sig: await signText(by.key, recordSigningText('grant', by.ledgerId, doc.grant)),
});

const grantDoc = (rev: string, by: Author, endsAt: string, caseText: string) =>
  signed(by, {
    _id: `grant:${GRANT_ID}`,
    _rev: rev,
    grant: {
      id: GRANT_ID,
      businessId: sample.businessId,
      subject: PARTNER,
      assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['content'] }],
      case: caseText,
      startsAt: '2026-11-20',
      endsAt,
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-28T09:00:00.000Z',
    },
  });

let server: TeamServer;
let alice: TeamBrowser;
let account: TeamAccount;
let colleague: Author;
let other: Author;

const adminAuth = () => ({
  authorization: `Basic ${btoa(`${server.couch.admin.user}:${server.couch.admin.password}`)}`,
});
/** A document of the team database, as its server admin reads it. */
async function serverGet(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.couch.url}${DATABASE}/${path}`, { headers: adminAuth() });
  return (await response.json()) as Record<string, unknown>;
}
async function serverBulk(docs: Record<string, unknown>[]): Promise<void> {
  const response = await fetch(`${server.couch.url}${DATABASE}/_bulk_docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...adminAuth() },
    body: JSON.stringify({ new_edits: false, docs }),
  });
  expect(response.status).toBeLessThan(300);
}

beforeAll(async () => {
  server = await startTeamServer();
  account = { serverUrl: server.url, database: DATABASE, user: 'alice', password: 'alice-secret-1' };
  await server.couch.addUser(account.user, account.password);
  await server.couch.createDatabase(DATABASE, [account.user]);
  colleague = await author(COLLEAGUE);
  other = await author(OTHER);
  await serverBulk([
    colleague.head,
    other.head,
    await grantDoc(`1-${'a'.repeat(32)}`, colleague, '2027-01-20', 'Spring campaign'),
    await grantDoc(`1-${'b'.repeat(32)}`, other, '2027-01-25', 'Spring campaign and Easter'),
    { _id: 'something', _rev: `1-${'c'.repeat(32)}`, hello: 'world' },
  ]);
  alice = await launchTeamBrowser(sample, server);
}, 300_000);

afterAll(async () => {
  await alice?.close();
  await server?.close();
});

describe('the team ledger for an admin, on the options page', () => {
  it('shows the grant in conflict and the refused document, and keeps the version the admin chooses', async () => {
    // Saving turns replication on; its first sync brings the server's documents. The two colleagues'
    // versions wait until the admin trusts them (a version by a key nobody trusts makes no conflict).
    expect((await configureTeamLedger(alice, account)).kind).toBe('done');
    const page = await alice.options();
    for (const ledgerId of [COLLEAGUE, OTHER]) {
      const row = page.locator(`[data-colleague="${ledgerId}"]`);
      // Listed once the first sync has pinned their keys (the list is read when the page opens).
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.locator('section.team-admin').waitFor();
            return row.getAttribute('data-trusted', { timeout: 2_000 }).catch(() => null);
          },
          { timeout: 90_000, interval: 2_000 },
        )
        .toBe('false');
      await row.getByRole('button', { name: 'Trust', exact: true }).click();
      await expect.poll(() => row.getAttribute('data-trusted')).toBe('true');
    }
    const section = page.locator('section.team-admin');
    const conflict = section.locator(`[data-team-conflicts] [data-grant-id="${GRANT_ID}"]`);
    await conflict.waitFor({ timeout: 60_000 });
    expect(await conflict.innerText()).toContain(`${PARTNER} (business ${sample.businessId}): 2 versions`);

    const refused = section.locator('[data-quarantined-reason="malformed"]');
    await refused.waitFor({ timeout: 30_000 });
    const refusedText = await refused.innerText();
    expect(refusedText).toContain('Document something');
    expect(refusedText).toContain('It is not a Scopekeeper record: its shape is not valid.');
    expect(refusedText).toMatch(/Refused \d/);

    await conflict.getByRole('button', { name: 'Compare and choose' }).click();
    const table = conflict.locator('table.conflict-table');
    await table.waitFor();
    // Both versions, each by a colleague as the trust list knows them: their key's fingerprint, trusted.
    const authors = (await table.locator('thead th').allInnerTexts()).join('\n');
    for (const who of [colleague, other])
      expect(authors).toContain(`A colleague (key ${await keyFingerprint(who.publicKey)}, trusted)`);
    expect(
      await table
        .locator('tr[data-differs="true"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field'))),
    ).toEqual(['endsAt', 'case']);

    await table.locator(`[data-keep-rev="1-${'b'.repeat(32)}"]`).click();
    await section.getByRole('status').filter({ hasText: 'Resolved' }).waitFor({ timeout: 30_000 });
    await section.locator('[data-team-conflicts="0"]').waitFor({ timeout: 30_000 });
    expect(await section.locator('[data-team-conflicts="0"]').innerText()).toBe('No grant is in conflict.');
  }, 240_000);

  it('marks in the panel a grant of ours that a colleague edited too, and keeps the version the admin chooses', async () => {
    const page = await alice.context.newPage();
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`);
    const frame = await panelFrame(page);
    await frame.waitForSelector('[data-summary]');
    const nils = 'person:nils@byraab.se';
    const { form } = await openDocumentForm(frame, nils, 'Nils Holm');
    await form.getByLabel('Case or purpose').fill('Spring campaign for the café');
    await form.getByRole('button', { name: 'Save record' }).click();

    // The write is pushed a moment later: our grant arrives on the server.
    let ours: Record<string, unknown> | undefined;
    await expect
      .poll(
        async () => {
          const rows = (await serverGet('_all_docs?include_docs=true')).rows as {
            doc: Record<string, unknown>;
          }[];
          ours = rows.find(
            (r) => r.doc.type === 'grant' && (r.doc.grant as { subject: string }).subject === nils,
          )?.doc;
          return ours !== undefined;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    // A colleague's edit of the same grant, made before they saw ours: a second branch, as replication leaves it.
    const grant = ours!.grant as Record<string, unknown>;
    await serverBulk([
      await signed(colleague, {
        _id: ours!._id,
        _rev: `1-${'d'.repeat(32)}`,
        grant: { ...grant, endsAt: '2027-02-28', case: 'Spring campaign for the café, and the summer menu' },
      }),
    ]);
    // Any ledger write syncs again (a note of ours on another subject would do; a finding accepted here).
    const finding = frame.locator(`[data-rule-id="full-control-person"][data-subject="${nils}"]`);
    await finding.getByRole('button', { name: 'Accept with rationale' }).click();
    await finding.getByLabel('Rationale').fill('Runs our ads while Anna is on leave');
    await finding.getByRole('button', { name: 'Accept' }).click();

    // After the next sync, the panel (opened again) marks the grant in its record; nothing was chosen.
    let record = frame.locator(`[data-ledger-subject="${nils}"]`);
    await expect
      .poll(
        async () => {
          await page.reload();
          const panel = await panelFrame(page);
          await panel.waitForSelector('[data-summary]');
          const card = await openSubject(panel, nils);
          record = card.locator(`[data-ledger-subject="${nils}"]`);
          await record.locator('.grants').waitFor({ state: 'attached' });
          return record.locator('[data-team-conflict]').count();
        },
        { timeout: 90_000, interval: 3000 },
      )
      .toBe(1);
    await (
      await panelFrame(page)
    )
      .locator(`[data-group-subject="${nils}"] summary`, { hasText: 'Record' })
      .click();
    const marker = record.locator('[data-team-conflict]');
    expect(await marker.innerText()).toContain('Edited in two places');
    await marker.getByRole('button', { name: 'Compare and choose' }).click();
    const table = marker.locator('table.conflict-table');
    await table.waitFor();
    const heads = await table.locator('thead th').allInnerTexts();
    expect(heads.some((h) => h.includes('You (this browser)'))).toBe(true);
    expect(heads.some((h) => h.includes(`A colleague (`))).toBe(true);
    expect(
      await table
        .locator('tr[data-differs="true"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field'))),
    ).toEqual(['endsAt', 'case']);

    await table.locator(`[data-keep-rev="1-${'d'.repeat(32)}"]`).click();
    await record.getByRole('status').filter({ hasText: 'Resolved' }).waitFor({ timeout: 30_000 });
    await marker.waitFor({ state: 'detached', timeout: 30_000 });
    // The kept version is this ledger's grant now, and the choice a decision in its history.
    expect(await record.locator('.grants').innerText()).toContain('2027-02-28');
    expect(await record.locator('.history li[data-action="note"]').count()).toBe(1);
  }, 240_000);
});
