import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { catalogue } from '@/lib/domain/i18n';
import { uiLocales } from '@/lib/domain/locales';
import { foreignPhrases } from '../lib/domain/i18n/sentences';
import { samplePortfolio } from '../sandbox/generate';
import { routeSandbox } from '../sandbox/serve';
import { BUSINESS_URL, launchWithExtension, panelFindings, settledPanel, type Session } from './harness';
import { withIntruders } from './intruders';
import { sessionPerTest } from './sessions';

const sessions = sessionPerTest<Session>();

/** The incident run's steps that are done, in order, from the panel's data attributes. */
const doneSteps = (frame: Frame) =>
  frame
    .locator('[data-template-id="incident-response"] [data-step-id][data-done="true"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')));

describe('incident response (issue 13, item 4)', () => {
  it.each(uiLocales)(
    'in %s, a hijack between two visits: started with the business only, it names who got in and walks to a clean, documented state',
    async (locale) => {
      const t = catalogue(locale);
      const sample = samplePortfolio(locale, 'grid');
      const q = `?business_id=${sample.businessId}`;
      const people = `${BUSINESS_URL}/latest/settings/business_users${q}`;
      const partners = `${BUSINESS_URL}/latest/settings/partners${q}`;
      const { page, context } = await sessions.open(launchWithExtension(sample, { uiLanguage: locale }));
      await page.goto(people);
      await settledPanel(page, 'people');
      await page.goto(partners);
      await settledPanel(page, 'partners');
      await page.waitForTimeout(1500);

      // Between two visits: an admin with full control and a partner with full control of an asset.
      const hijacked = withIntruders(sample, { partner: true });
      await routeSandbox(context, hijacked);
      await page.goto(people);
      let frame = await settledPanel(page, 'people');
      await expect
        .poll(async () => (await panelFindings(frame)).map((f) => f.subject))
        .toContain('person:mallory@evil.example');
      await page.goto(partners);
      frame = await settledPanel(page, 'partners');
      await expect
        .poll(async () => (await panelFindings(frame)).map((f) => f.subject))
        .toContain('partner:3228568050780099');

      // "Changes since your last visit" says who got in; the admin starts the incident response there.
      await expect
        .poll(() =>
          frame
            .locator('[data-changes] [data-verdict="unrecorded"]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-change-subject'))),
        )
        .toEqual(['partner:3228568050780099', 'person:mallory@evil.example']);
      const alerted = await frame.locator('[data-changes]').innerText();
      expect(alerted).toContain(t.watch.changesTitle);
      await frame.locator('[data-changes] [data-start-incident]').click();

      // The panel lists the run, names who got in, and who holds full control.
      const run = frame.locator('[data-template-id="incident-response"]');
      await run.waitFor();
      await expect
        .poll(() => run.locator('[data-incident-unknown] li').allTextContents())
        .toEqual(['Mallory Vance (mallory@evil.example)', 'Shady Ads Ltd (3228568050780099)']);
      expect(await run.locator('[data-incident-holders] li').count()).toBeGreaterThan(0);
      expect(await doneSteps(frame)).toEqual(['identify-unknown-access']);

      // The admin removes them; the lists, read in full after the start, show neither.
      await routeSandbox(context, sample);
      await page.goto(partners);
      frame = await settledPanel(page, 'partners');
      await expect
        .poll(() => doneSteps(frame))
        .toEqual(['identify-unknown-access', 'remove-unknown-partners']);
      // System users too: verify-clean needs every list read in full after the start.
      await page.goto(`${BUSINESS_URL}/settings/system-users${q}`);
      frame = await settledPanel(page, 'system-users');
      await page.goto(people);
      frame = await settledPanel(page, 'people');
      await expect
        .poll(() => doneSteps(frame))
        .toEqual([
          'identify-unknown-access',
          'remove-unknown-people',
          'remove-unknown-partners',
          'verify-clean',
        ]);

      // Every word of the run in the browser's language, the form that documents it included.
      const runView = frame.locator('[data-template-id="incident-response"]');
      const words = await runView.innerText();
      expect(words).toContain(t.incident.unknown);
      expect(words).toContain(t.incident.record);
      expect(foreignPhrases(locale).filter((phrase) => words.includes(phrase))).toEqual([]);

      // What happened, recorded from the step: a note in the ledger, and the step ticks.
      const note = runView.locator('[data-step-id="document-incident"]');
      await note.getByLabel(t.incident.whatHappened).fill('Mallory Vance and Shady Ads got in; removed.');
      await note.getByRole('button', { name: t.incident.record }).click();
      await expect.poll(() => doneSteps(frame)).toContain('document-incident');

      // The rest by hand, then finished.
      for (const id of ['review-system-users', 'secure-admin-accounts', 'check-payment-and-ads']) {
        await runView.locator(`[data-step-id="${id}"] button.tick`).click();
        await expect.poll(() => doneSteps(frame)).toContain(id);
      }
      await runView.getByRole('button', { name: t.checklists.finish, exact: true }).click();
      await runView.getByRole('button', { name: t.panelSafety.confirmFinishButton }).click();
      await expect.poll(() => runView.getAttribute('data-status')).toBe('finished');
    },
  );
});
