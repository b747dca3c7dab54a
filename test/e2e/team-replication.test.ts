import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Locator } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  expandFindings,
  openDocumentForm,
  openSubject,
  panelFindings,
  settledPanel,
} from './harness';
import {
  configureTeamLedger,
  launchTeamBrowser,
  outsideRequests,
  startTeamServer,
  testTeamConnection,
  type TeamBrowser,
  type TeamServer,
} from './team-harness';

/**
 * The team ledger's replication (issue 16, item 5) between two browsers, each its own installation of the
 * built extension, through one database on the CouchDB-protocol test server: what one admin records, the
 * other sees after the next sync, as an admin would see it (the panel, the options page's status line).
 *
 * The browsers are shared by the scenarios, which run in order: each starts from what the previous ones
 * left (a grant, a trusted colleague, a conflict). Nothing is triggered by hand: every sync is the
 * extension's own (a write, its half-minute alarm, a page opening), and every wait is a poll.
 */

const sample = samplePortfolio('en', 'grid');
const peopleUrl = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;
const DATABASE = 'agency-ledger';
const NILS = 'person:nils@byraab.se';
const OMAR = 'person:omar@pixelverket.fr';
const PIXELVERKET = 'partner:3228568050780002';
/**
 * "Within a minute" (issue 16, Done when): the design's bound is the debounced push (2 s) plus the other
 * browser's next alarm (30 s) or page opening. The polls allow twice that and more, for a loaded two-core
 * machine; the measured figures are printed.
 */
const SYNC_WAIT = { timeout: 150_000, intervals: [1_000, 2_000, 3_000] };
/** A scenario may wait on a few syncs in turn. */
const SCENARIO_TIMEOUT = 600_000;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const rules = async (frame: Frame, subject: string): Promise<string[]> =>
  (await panelFindings(frame))
    .filter((f) => f.subject === subject)
    .map((f) => `${f.ruleId}${f.accepted ? ' (accepted)' : ''}`)
    .sort();

/** The panel on the People page, loaded afresh (it reads the ledger as it is now). */
async function freshPanel(browser: TeamBrowser): Promise<Frame> {
  await browser.page.goto(peopleUrl);
  return settledPanel(browser.page, 'people');
}

/** A subject's Record in the panel, opened: its grants (`.grants`), history and actions. */
async function openRecord(frame: Frame, subject: string): Promise<Locator> {
  const group = await openSubject(frame, subject);
  const details = group.locator('details.record');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await group.locator('summary', { hasText: 'Record' }).click();
  return group.locator(`[data-ledger-subject="${subject}"]`);
}

/** What a subject's Record shows in a fresh panel: its grants' text ('' when none). */
async function grantsShown(browser: TeamBrowser, subject: string): Promise<string> {
  const record = await openRecord(await freshPanel(browser), subject);
  await record.locator('.grants, .empty').first().waitFor();
  return (await record.locator('.grants').count()) > 0
    ? ((await record.locator('.grants').textContent()) ?? '')
    : '';
}

/** The team ledger's status line on the options page (it asks the background again every five seconds). */
async function teamStatus(browser: TeamBrowser): Promise<string> {
  const line = (await browser.options()).locator('section.team-ledger [data-team-sync], [data-team-sync]');
  return (await line.count()) > 0 ? ((await line.first().textContent()) ?? '') : '';
}

/**
 * What an admin is shown about grants edited in two places: the status line's words (the popup's and the
 * options page's). A view of the two versions, where the admin chooses, is checked by adding to this.
 */
async function conflictShown(browser: TeamBrowser): Promise<string> {
  return teamStatus(browser);
}

/** The admin trusts a colleague's key on the options page (the colleague is named by their ledger id). */
async function trustColleague(browser: TeamBrowser, ledgerId: string): Promise<void> {
  const options = await browser.options();
  await options.reload();
  const row = options.locator(`[data-colleague="${ledgerId}"]`);
  await expect.poll(() => row.getAttribute('data-trusted')).toBe('false');
  await row.getByRole('button', { name: 'Trust', exact: true }).click();
  await expect.poll(() => row.getAttribute('data-trusted')).toBe('true');
}

/** The server's documents, as its admin reads them over HTTP (what anyone with the server's keys can). */
async function serverDocs(server: TeamServer): Promise<Record<string, unknown>[]> {
  const { user, password } = server.couch.admin;
  const response = await fetch(`${server.couch.url}${DATABASE}/_all_docs?include_docs=true`, {
    headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
  });
  const body = (await response.json()) as { rows: { doc: Record<string, unknown> }[] };
  return body.rows.map((r) => r.doc);
}

async function putServerDoc(server: TeamServer, doc: Record<string, unknown>): Promise<void> {
  const { user, password } = server.couch.admin;
  const response = await fetch(`${server.couch.url}${DATABASE}/${encodeURIComponent(String(doc._id))}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
    },
    body: JSON.stringify(doc),
  });
  expect(response.status).toBeLessThan(300);
}

/** Extends a subject's current grant in the panel to `endsAt`, as an admin does. */
async function extendGrant(browser: TeamBrowser, subject: string, name: string, endsAt: string) {
  const record = await openRecord(await freshPanel(browser), subject);
  await record.getByRole('button', { name: 'Extend', exact: true }).click();
  const form = record.getByRole('form', { name: `Extend access of ${name}` });
  await form.getByLabel('New end date').fill(endsAt);
  await form.getByLabel('Rationale').fill(`Campaign runs until ${endsAt}`);
  await form.getByRole('button', { name: 'Extend' }).click();
  await expect.poll(() => record.locator('.grants').textContent()).toContain(endsAt);
}

/**
 * Clicks a button in the panel (`selector`, in the panel's document) as an admin does, and returns once the
 * button itself has the click.
 *
 * Chromium was seen, on a loaded two-core machine right after the panel settled on a newly opened page, to
 * deliver a click at the panel's place to the page beneath instead of the panel's frame: the panel's
 * document received no pointer event at all, and the page's received the whole click on Scopekeeper's
 * overlay host, which holds the panel's frame (one of five traced runs this session; the offboarding
 * start on Partners and the review start on People were each lost in a fresh-clone CI run, untraced
 * there). The button's handler never ran, so nothing was sent. An admin whose click did nothing clicks again: so does
 * this, once, and it says so. A click that reached anything else (a badge over the panel, the page's own
 * content, another part of the panel) fails the test.
 */
async function clickInPanel(browser: TeamBrowser, panel: Frame, selector: string): Promise<void> {
  await browser.page.evaluate(() => {
    const w = window as unknown as { __skClicks?: string[] };
    w.__skClicks = [];
    window.addEventListener(
      'click',
      (event) => {
        const target = event.composedPath()[0] as Element;
        w.__skClicks!.push(target.getAttribute?.('data-scopekeeper') ?? target.tagName ?? '?');
      },
      { capture: true },
    );
  });
  await panel.evaluate((wanted) => {
    const w = window as unknown as { __skPanelClicks?: string[] };
    w.__skPanelClicks = [];
    document.addEventListener(
      'click',
      (event) => w.__skPanelClicks!.push((event.target as Element).closest(wanted) ? 'button' : 'elsewhere'),
      { capture: true },
    );
  }, selector);
  const received = () =>
    panel.evaluate(() => (window as unknown as { __skPanelClicks: string[] }).__skPanelClicks);
  const button = panel.locator(selector);
  await button.click();
  // Handled by the time the click resolves (the browser waits on the frame that took it); a second to spare.
  for (let tries = 0; tries < 10 && (await received()).length === 0; tries++)
    await browser.page.waitForTimeout(100);
  const inPanel = await received();
  if (inPanel.includes('button')) return;
  expect(inPanel).toEqual([]);
  const onPage = await browser.page.evaluate(
    () => (window as unknown as { __skClicks: string[] }).__skClicks,
  );
  expect(onPage).toEqual(['overlay']);
  console.info('team-replication: the click went to the page beneath the panel (Chromium); clicked again');
  await button.click();
  expect(await received()).toContain('button');
}

let server: TeamServer;
let anna: TeamBrowser;
let bo: TeamBrowser;

beforeAll(async () => {
  server = await startTeamServer();
  await server.couch.addUser('anna', 'anna-pass-1');
  await server.couch.addUser('bo', 'bo-pass-2');
  await server.couch.createDatabase(DATABASE, ['anna', 'bo']);
  anna = await launchTeamBrowser(sample, server);
  bo = await launchTeamBrowser(sample, server);
  for (const [browser, user, password] of [
    [anna, 'anna', 'anna-pass-1'],
    [bo, 'bo', 'bo-pass-2'],
  ] as const) {
    expect(
      (await configureTeamLedger(browser, { serverUrl: server.url, database: DATABASE, user, password }))
        .kind,
    ).toBe('done');
    expect((await testTeamConnection(browser)).kind).toBe('ready');
  }
}, 600_000);

afterAll(async () => {
  await anna?.close();
  await bo?.close();
  await server?.close();
});

describe('team ledger replication, two browsers, one CouchDB', () => {
  it(
    'Anna documents a grant in the panel; it waits in Bo’s browser until he trusts her, then his panel shows it',
    async () => {
      const panel = await freshPanel(anna);
      const { form } = await openDocumentForm(panel, NILS, 'Nils Holm');
      await form.getByLabel('Case or purpose').fill('Spring campaign for the café');
      await form.getByLabel('Approved by').fill('Anna Berg');
      await form.getByRole('button', { name: 'Save record' }).click();
      await expect
        .poll(() => rules(panel, NILS))
        .toEqual(['full-control-person', 'third-party-full-control']);
      const saved = Date.now();

      // Bo has not trusted Anna's key yet: her grant waits, and his status line says so.
      await expect
        .poll(() => teamStatus(bo), SYNC_WAIT)
        .toContain('1 record (grants, checklists, reviews) from a colleague you have not trusted waits');
      console.info(`team-replication: Anna's grant waiting in Bo's browser after ${Date.now() - saved} ms`);
      expect(await grantsShown(bo, NILS)).not.toContain('Spring campaign for the café');
      const annaLedger = (await serverDocs(server)).find((d) => d.type === 'grant')?.author;
      expect(typeof annaLedger).toBe('string');
      await trustColleague(bo, String(annaLedger));
      const trusted = Date.now();
      await expect.poll(() => grantsShown(bo, NILS), SYNC_WAIT).toContain('Spring campaign for the café');
      console.info(
        `team-replication: Anna's grant shown in Bo's panel ${Date.now() - trusted} ms after he trusted her`,
      );
      expect(await teamStatus(bo)).not.toContain('you have not trusted');
      // Bo's ledger knows the grant: the findings it answers are gone from his panel too.
      await expect
        .poll(async () => rules(await freshPanel(bo), NILS))
        .toEqual(['full-control-person', 'third-party-full-control']);
      await expect.poll(() => teamStatus(anna), SYNC_WAIT).toContain('Everything is on the server.');
      // Every request went to Business Settings or to the team's server, and nowhere else.
      for (const browser of [anna, bo])
        expect(outsideRequests(browser).filter((url) => new URL(url).origin !== server.origin)).toEqual([]);
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'Bo accepts a finding; Anna holds it but it waits until she trusts Bo on the options page, then shows it accepted',
    async () => {
      const panel = await freshPanel(bo);
      await expandFindings(panel);
      const finding = panel.locator(`[data-rule-id="full-control-person"][data-subject="${NILS}"]`);
      await finding.getByRole('button', { name: 'Accept with rationale' }).click();
      await finding.getByLabel('Rationale').fill('Runs our ads while Anna is on leave');
      await finding.getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => rules(panel, NILS)).toContain('full-control-person (accepted)');
      const accepted = Date.now();

      // Anna's ledger holds Bo's acceptance (her panel's history of Nils lists it) ...
      await expect
        .poll(async () => {
          const record = await openRecord(await freshPanel(anna), NILS);
          return record.locator('.history li[data-action="accept-finding"]').count();
        }, SYNC_WAIT)
        .toBe(1);
      console.info(`team-replication: Bo's acceptance held by Anna after ${Date.now() - accepted} ms`);
      // ... but a colleague she has not trusted does not mute her findings.
      expect(await rules(await freshPanel(anna), NILS)).toEqual([
        'full-control-person',
        'third-party-full-control',
      ]);

      // She trusts Bo's key on the options page, as an admin does (Bo's installation is named by its ledger).
      const boLedger = (await serverDocs(server))
        .map((d) => d.decision as { action?: string; ledgerId?: string } | undefined)
        .find((d) => d?.action === 'accept-finding')?.ledgerId;
      expect(boLedger).toBeDefined();
      await trustColleague(anna, String(boLedger));

      await expect
        .poll(async () => rules(await freshPanel(anna), NILS))
        .toEqual(['full-control-person (accepted)', 'third-party-full-control']);
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'both extend the one grant while the server is away: once it is back, both see the conflict',
    async () => {
      await server.stop();
      try {
        await extendGrant(anna, NILS, 'Nils Holm', day(45));
        await extendGrant(bo, NILS, 'Nils Holm', day(60));
      } finally {
        await server.start();
      }
      const back = Date.now();
      for (const browser of [anna, bo])
        await expect
          .poll(() => conflictShown(browser), SYNC_WAIT)
          .toContain('1 grant was edited in two places: both versions are kept for an admin to resolve.');
      console.info(
        `team-replication: the conflict shown in both browsers ${Date.now() - back} ms after the server came back`,
      );
      // Neither version was dropped: each admin still has their own edit.
      expect(await grantsShown(anna, NILS)).toContain(day(45));
      expect(await grantsShown(bo, NILS)).toContain(day(60));
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'the server goes away: the status says so in plain words, work goes on; it comes back and replication resumes by itself',
    async () => {
      await server.stop();
      let away: number;
      try {
        // Anna documents Omar while the server is away: saved here at once.
        const panel = await freshPanel(anna);
        const { form } = await openDocumentForm(panel, OMAR, 'Omar Haddad');
        await form.getByLabel('Case or purpose').fill('Booking app integration');
        // Ending in three days: the panel then raises "expiring soon" about Omar (in both browsers).
        await form.getByLabel('Ends').fill(day(3));
        await form.getByRole('button', { name: 'Save record' }).click();
        await expect.poll(() => grantsShown(anna, OMAR)).toContain('Booking app integration');
        await expect
          .poll(() => teamStatus(anna), SYNC_WAIT)
          .toContain(
            'The last attempt failed: The server cannot be reached: check the address and that the server is running. It is tried again by itself.',
          );
        expect(await teamStatus(anna)).toMatch(/\d+ records? not yet on the server\./);
        away = Date.now();
      } finally {
        await server.start();
      }
      await expect.poll(() => grantsShown(bo, OMAR), SYNC_WAIT).toContain('Booking app integration');
      expect(await rules(await freshPanel(bo), OMAR)).toEqual(['expiring-soon']);
      console.info(
        `team-replication: after the server came back, Omar's grant reached Bo in ${Date.now() - away} ms`,
      );
      await expect.poll(() => teamStatus(anna), SYNC_WAIT).toContain('Everything is on the server.');
      expect(await teamStatus(anna)).not.toContain('The last attempt failed');
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'Anna starts an offboarding checklist and an access review; Bo, who trusts her, sees both',
    async () => {
      const partnersUrl = `${BUSINESS_URL}/latest/settings/partners?business_id=${sample.businessId}`;
      await anna.page.goto(partnersUrl);
      const partners = await settledPanel(anna.page, 'partners');
      await clickInPanel(anna, partners, `[data-principal="${PIXELVERKET}"] [data-start="offboard-partner"]`);
      await partners.waitForSelector(`[data-run-subject="${PIXELVERKET}"]`, { timeout: 60_000 });
      const panel = await freshPanel(anna);
      await clickInPanel(anna, panel, 'section.review [data-review-start]');
      await panel.waitForSelector('section.review[data-review="open"]', { timeout: 60_000 });
      const started = Date.now();

      // Bo trusts Anna (the first scenario): her run and her campaign are taken at his next sync.
      await expect
        .poll(
          async () => (await freshPanel(bo)).locator(`[data-run-subject="${PIXELVERKET}"]`).count(),
          SYNC_WAIT,
        )
        .toBe(1);
      console.info(`team-replication: Anna's checklist shown in Bo's panel after ${Date.now() - started} ms`);
      const review = async () => {
        const section = (await freshPanel(bo)).locator('section.review');
        await section.waitFor();
        return section.getAttribute('data-review');
      };
      await expect.poll(review, SYNC_WAIT).toBe('open');
      console.info(`team-replication: Anna's review open in Bo's panel after ${Date.now() - started} ms`);
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'a decision tampered with on the server is refused by both browsers, and never takes effect',
    async () => {
      for (const browser of [anna, bo]) expect(await teamStatus(browser)).not.toContain('refused');
      // Bo's acceptance, rewritten on the server by someone with its keys: it now accepts another finding.
      const doc = (await serverDocs(server)).find(
        (d) => (d.decision as { action?: string } | undefined)?.action === 'accept-finding',
      );
      expect(doc).toBeDefined();
      const decision = doc!.decision as { after: Record<string, unknown> };
      expect(decision.after.ruleId).toBe('full-control-person');
      await putServerDoc(server, {
        ...doc,
        decision: { ...decision, after: { ...decision.after, ruleId: 'third-party-full-control' } },
      });

      for (const browser of [anna, bo])
        await expect
          .poll(() => teamStatus(browser), SYNC_WAIT)
          .toMatch(
            /\d+ documents? from the server refused \(unsigned, changed or malformed\): never applied\./,
          );
      // What both show is Bo's decision as he made it: the other finding is not muted anywhere.
      for (const browser of [anna, bo])
        expect(await rules(await freshPanel(browser), NILS)).toEqual([
          'full-control-person (accepted)',
          'third-party-full-control',
        ]);
    },
    SCENARIO_TIMEOUT,
  );
});
