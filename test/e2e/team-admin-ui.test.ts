import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePortfolio } from '../sandbox/generate';
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
 * (CouchDB's `new_edits: false`, as replication from two places leaves them).
 */
const sample = samplePortfolio('en', 'grid');
const DATABASE = 'agency-ledger';
const GRANT_ID = 'g-team-ui';
const COLLEAGUE = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const PARTNER = 'partner:3228568050780001';

const grantDoc = (rev: string, author: string, endsAt: string, caseText: string) => ({
  _id: `grant:${GRANT_ID}`,
  _rev: rev,
  type: 'grant',
  author,
  sig: 'ab'.repeat(64),
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

beforeAll(async () => {
  server = await startTeamServer();
  account = { serverUrl: server.url, database: DATABASE, user: 'alice', password: 'alice-secret-1' };
  await server.couch.addUser(account.user, account.password);
  await server.couch.createDatabase(DATABASE, [account.user]);
  const response = await fetch(`${server.couch.url}${DATABASE}/_bulk_docs`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${btoa(`${server.couch.admin.user}:${server.couch.admin.password}`)}`,
    },
    body: JSON.stringify({
      new_edits: false,
      docs: [
        grantDoc(`1-${'a'.repeat(32)}`, COLLEAGUE, '2027-01-20', 'Spring campaign'),
        grantDoc(`1-${'b'.repeat(32)}`, OTHER, '2027-01-25', 'Spring campaign and Easter'),
        { _id: 'something', _rev: `1-${'c'.repeat(32)}`, hello: 'world' },
      ],
    }),
  });
  expect(response.status).toBeLessThan(300);
  alice = await launchTeamBrowser(sample, server);
}, 300_000);

afterAll(async () => {
  await alice?.close();
  await server?.close();
});

describe('the team ledger for an admin, on the options page', () => {
  it('shows the grant in conflict and the refused document, and keeps the version the admin chooses', async () => {
    // Saving turns replication on; its first sync brings the server's documents.
    expect((await configureTeamLedger(alice, account)).kind).toBe('done');
    const page = await alice.options();
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
    // Both versions, each by a colleague the trust list does not know (no key pinned: their ledger id).
    const authors = await table.locator('thead th').allInnerTexts();
    expect(authors.join('\n')).toContain(`ledger ${COLLEAGUE}`);
    expect(authors.join('\n')).toContain(`ledger ${OTHER}`);
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
});
