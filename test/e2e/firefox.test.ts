import { describe, expect, it } from 'vitest';
import { samplePortfolio } from '../sandbox/generate';
import { launchFirefoxWithExtension, readFirefoxPanel, type FirefoxSession } from './firefox-harness';
import { BUSINESS_URL } from './harness';
import {
  coverPanelCorner,
  defineLookalikes,
  injectHidingStyles,
  moveHostsIntoHiddenBox,
  probePanelFromPage,
  removeHosts,
  tamper,
  tamperings,
} from './page-attacks';
import { samplePartnerFindings, samplePeopleFindings } from './sample-findings';
import { sessionPerTest } from './sessions';

const sample = samplePortfolio('en', 'grid');
const q = `?business_id=${sample.businessId}`;

// The principals are the sandbox portfolio's own; the findings are what the Chromium tests expect of it
// (sample-findings.ts, as in findings.test.ts): the same facts in Firefox.
const people = sample.people.map((p) => `person:${p.email} ${p.access} ${p.pending}`);
const partners = sample.partners.map((p) => `partner:${p.businessId} unknown false`);

const sessions = sessionPerTest<FirefoxSession>();

describe('the built extension in Firefox ESR on the routed sandbox', () => {
  it('shows the panel contract on Partners and, after an SPA navigation, on People', async () => {
    const { page } = await sessions.open(launchFirefoxWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/partners${q}&selected_partner_id=3228568050780001`);
    await expect
      .poll(() => readFirefoxPanel(page), { timeout: 20_000, interval: 200 })
      .toEqual({ kind: 'partners', readStatus: 'ok', principals: partners, findings: samplePartnerFindings });

    const link = await page.waitForSelector('[role="navigation"] ::-p-text(People)');
    await link!.click();
    await expect
      .poll(() => readFirefoxPanel(page), { timeout: 20_000, interval: 200 })
      .toEqual({
        kind: 'people',
        readStatus: 'ok',
        principals: people,
        // What was read on the partner's pane still counts on People.
        findings: [...samplePeopleFindings, ...samplePartnerFindings].sort(),
      });
    expect(page.url()).toBe(`${BUSINESS_URL}/latest/settings/business_users${q}`);
  });

  it('keeps the panel drawn against a hostile page: look-alike custom elements, !important styles, a cover, tampering, removal', async () => {
    const { page } = await sessions.open(launchFirefoxWithExtension(sample));
    await page.evaluateOnNewDocument(defineLookalikes);
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    await expect
      .poll(async () => (await readFirefoxPanel(page))?.readStatus, { timeout: 20_000, interval: 200 })
      .toBe('ok');
    const shown = { hosts: 2, hit: true, visible: true };
    const probe = () => page.evaluate(probePanelFromPage);
    await expect.poll(probe).toEqual(shown);
    for (const attack of [
      injectHidingStyles,
      coverPanelCorner,
      ...tamperings.map(tamper),
      removeHosts,
      moveHostsIntoHiddenBox,
    ]) {
      await page.evaluate(attack);
      await expect.poll(probe, { timeout: 5000 }).toEqual(shown);
    }
    // Put back, the panel loads again and shows the page.
    await expect
      .poll(async () => (await readFirefoxPanel(page))?.kind, { timeout: 20_000, interval: 200 })
      .toBe('people');
  });
});
