import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { generatePortfolio, samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  drawnMarks,
  launchWithExtension,
  openSubject,
  panelFindings,
  panelFrame,
  settledPanel,
  type Session,
} from './harness';
import { samplePartnerFindings, samplePeopleFindings } from './sample-findings';
import { sessionPerTest } from './sessions';

const findings = async (frame: Frame): Promise<string[]> =>
  (await panelFindings(frame)).map((f) => `${f.subject} ${f.ruleId} ${f.severity}`).sort();
const settled = settledPanel;

const q = `?business_id=${samplePortfolio().businessId}`;

const sessions = sessionPerTest<Session>();

describe('findings in the panel and on the page', () => {
  for (const [lang, pendingMessage] of [
    ['en', 'The invitation to Lisa Karlsson (lisa.k@gmail.com) is still pending.'],
    ['sv', 'Inbjudan till Lisa Karlsson (lisa.k@gmail.com) väntar fortfarande.'],
    ['fr', 'L’invitation envoyée à Lisa Karlsson (lisa.k@gmail.com) est toujours en attente.'],
  ] as const) {
    it(`lists exactly the expected findings for the sample portfolio, in ${lang}`, async () => {
      const { page } = await sessions.open(
        launchWithExtension(
          samplePortfolio(lang, lang === 'sv' ? 'table' : lang === 'fr' ? 'list' : 'grid'),
          { uiLanguage: lang },
        ),
      );
      // Swedish in the classic Business Manager layout, English and French in the current one.
      await page.goto(
        lang === 'sv'
          ? `${BUSINESS_URL}/settings/people${q}`
          : `${BUSINESS_URL}/latest/settings/business_users${q}`,
      );
      const frame = await settled(page, 'people');
      expect(await findings(frame)).toEqual(samplePeopleFindings);
      // The hostile name in the sample is text in the findings too, and never ran.
      expect(
        await (
          await openSubject(frame, 'person:eve@contractor.example')
        )
          .locator('.group-name')
          .textContent(),
      ).toContain('<img src=x');
      expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await frame.locator('[data-summary]').getAttribute('data-summary')).toBe('1/4/5');
      expect(await frame.locator('[data-rule-id="pending-invite"] .message').textContent()).toBe(
        pendingMessage,
      );
    });
  }

  it('combines what was read on a partner’s pane with People, and puts badges on the right rows', async () => {
    const { page } = await sessions.open(launchWithExtension(samplePortfolio('en', 'grid')));
    await page.goto(`${BUSINESS_URL}/latest/settings/partners${q}&selected_partner_id=3228568050780001`);
    let frame = await settled(page, 'partners');
    const partnerFindings = (await findings(frame)).filter((f) => f.startsWith('partner:'));
    expect(partnerFindings).toEqual(samplePartnerFindings);
    // The asset-level finding is drawn on the asset in the pane, the rest on the row.
    let marks = await drawnMarks(page);
    expect(
      marks
        .filter((m) => m.subject === 'partner:3228568050780001')
        .map((m) => [m.role, m.text, m.severity])
        .sort(),
    ).toEqual([
      ['asset', '1', 'high'],
      ['row', '2', 'medium'],
    ]);

    // SPA navigation to People: the partner's findings still count, badges follow the new rows.
    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    frame = await settled(page, 'people');
    const all = await findings(frame);
    expect(all).toEqual([...samplePeopleFindings, ...partnerFindings].sort());
    marks = await drawnMarks(page);
    expect(
      marks
        .filter((m) => m.kind === 'badge')
        .map((m) => `${m.subject} ${m.text} ${m.severity}`)
        .sort(),
    ).toEqual([
      'person:eve@contractor.example 2 medium',
      'person:lisa.k@gmail.com 3 medium',
      'person:nils@byraab.se 4 high',
      'person:omar@pixelverket.fr 1 low',
    ]);
    expect(marks.filter((m) => m.kind === 'badge').every((m) => m.visible)).toBe(true);
  });

  it('keeps badges on the right rows while a long list scrolls and re-renders', async () => {
    const portfolio = generatePortfolio({ people: 200, batchSize: 40, seed: 5 });
    const { page } = await sessions.open(launchWithExtension(portfolio));
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=${portfolio.businessId}`);
    await settled(page, 'people');
    for (let i = 0; i < 8; i++) {
      await page.getByRole('grid').evaluate((grid) => {
        const scroller = grid.parentElement!;
        scroller.scrollTop += 1500;
      });
      await page.waitForTimeout(250);
    }
    await page.waitForTimeout(800);
    const marks = (await drawnMarks(page)).filter((m) => m.kind === 'badge' && m.visible);
    expect(marks.length).toBeGreaterThan(3);
    // Every visible badge sits on the row of its own subject.
    const rowsUnderBadges = await page.evaluate(() =>
      [...document.querySelectorAll('[role="row"]')]
        .filter((row) => {
          const r = row.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        })
        .map((row) => row.textContent ?? ''),
    );
    for (const mark of marks) {
      const email = mark.subject.replace('person:', '');
      expect(
        rowsUnderBadges.some((text) => text.includes(email)),
        mark.subject,
      ).toBe(true);
    }
  });

  it('warns live in the invite dialog as full control is chosen and cleared', async () => {
    const { page } = await sessions.open(launchWithExtension(samplePortfolio('en', 'grid')));
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    await settled(page, 'people');
    await page.getByRole('button', { name: '+ Invite people' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Email' }).fill('new.person@agency.example');
    await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();
    const frame = await panelFrame(page);
    const live = async () =>
      (await findings(frame)).filter((f) => f.startsWith('person:new.person@agency.example'));
    await expect.poll(live).toEqual(['person:new.person@agency.example invite-no-expiry medium']);

    await page.getByRole('radio', { name: 'Full control' }).click();
    await expect
      .poll(live)
      .toEqual([
        'person:new.person@agency.example invite-full-control high',
        'person:new.person@agency.example invite-no-expiry medium',
      ]);
    await expect
      .poll(async () =>
        (await drawnMarks(page))
          .filter((m) => m.kind === 'callout')
          .map((m) => `${m.role} ${m.severity}`)
          .sort(),
      )
      .toEqual(['expiry medium', 'portfolio-access high']);
    const callout = (await drawnMarks(page)).find((m) => m.role === 'portfolio-access')!;
    expect(callout.text).toContain('Choose “Partial access” instead');

    await page.getByRole('radio', { name: 'Partial access' }).click();
    await page.getByRole('switch', { name: 'Temporary access' }).check();
    await page.getByLabel('Access expires').fill('2027-01-31');
    await expect.poll(live).toEqual([]);
    await expect.poll(async () => (await drawnMarks(page)).filter((m) => m.kind === 'callout')).toEqual([]);
  });
});
