import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  clickMark,
  drawnMarks,
  extensionId,
  launchWithExtension,
  openSubject,
  type Session,
  panelFindings,
  probeHost,
  settledPanel,
} from './harness';
import { sessionPerTest } from './sessions';

const ruleIds = async (frame: Frame): Promise<string[]> =>
  (await panelFindings(frame)).map((f) => `${f.subject} ${f.ruleId}`);
const settled = (page: Page) => settledPanel(page);

const sample = samplePortfolio('en', 'grid');
const peopleUrl = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;

const sessions = sessionPerTest<Session>();

const rowRects = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role="row"]')].map((r) => {
      const b = r.getBoundingClientRect();
      return [Math.round(b.left), Math.round(b.top), Math.round(b.width), Math.round(b.height)];
    }),
  );

describe('settings and badges', () => {
  it('applies settings saved on the options page to an open tab without a reload', async () => {
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(peopleUrl);
    const frame = await settled(page);
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    expect(await ruleIds(frame)).toContain('person:nils@byraab.se third-party-full-control');
    expect(await ruleIds(frame)).toContain('person:lisa.k@gmail.com pending-invite');

    const options = await context.newPage();
    await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    await options.getByLabel('Your organisation’s e-mail domains').fill('sjobod.se\nbyraab.se');
    await options.getByLabel('pending-invite (low)').uncheck();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved. Open Business Settings tabs are updated.').waitFor();

    await expect.poll(() => ruleIds(frame)).not.toContain('person:lisa.k@gmail.com pending-invite');
    const after = await ruleIds(frame);
    expect(after).not.toContain('person:nils@byraab.se third-party-full-control');
    expect(after).toContain('person:nils@byraab.se full-control-person');
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    // A bad value is refused with a reason, and nothing is saved.
    await options.getByLabel('Your organisation’s e-mail domains').fill('not_a_domain');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => options.getByRole('alert').textContent())
      .toContain('Not saved: these fields are not valid: Your organisation’s e-mail domains.');
    await options.reload();
    await expect
      .poll(() => options.getByLabel('Your organisation’s e-mail domains').inputValue())
      .toBe('sjobod.se\nbyraab.se');
  });

  it('opens the panel on a badge’s subject, and shows a finding’s row on the page', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(peopleUrl);
    const frame = await settled(page);
    const nils = (await drawnMarks(page)).find(
      (m) => m.kind === 'badge' && m.subject === 'person:nils@byraab.se',
    )!;
    await clickMark(page, nils);
    await frame.waitForSelector('[data-group-subject="person:nils@byraab.se"].focused');

    await (
      await openSubject(frame, 'person:lisa.k@gmail.com')
    )
      .getByRole('button', { name: 'Show on page' })
      .first()
      .click();
    await expect
      .poll(async () => (await drawnMarks(page)).filter((m) => m.kind === 'highlight' && m.visible).length)
      .toBe(1);
  });

  it('neither shifts the page’s layout nor outlives a removed row', async () => {
    const session = await sessions.open(launchWithExtension(sample, { extension: false }));
    await session.page.goto(peopleUrl);
    await session.page.waitForSelector('[role="row"][aria-rowindex="7"]');
    const without = await rowRects(session.page);
    await sessions.close();

    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(peopleUrl);
    await settled(page);
    expect(await rowRects(page)).toEqual(without);
    // Only our two hosts were added to the document, beside its body; Meta's markup is untouched.
    expect(await probeHost(page, 'overlay')).toMatchObject({ count: 1, parent: 'HTML' });
    expect(await probeHost(page, 'badges')).toMatchObject({ count: 1, parent: 'HTML' });

    expect((await drawnMarks(page)).some((m) => m.subject === 'person:lisa.k@gmail.com' && m.visible)).toBe(
      true,
    );
    await page.getByRole('button', { name: 'Cancel invitation' }).click();
    await expect
      .poll(
        async () =>
          (await drawnMarks(page)).filter((m) => m.subject === 'person:lisa.k@gmail.com' && m.visible).length,
      )
      .toBe(0);
  });
});
