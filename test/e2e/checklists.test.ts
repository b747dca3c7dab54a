import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  extensionId,
  launchWithExtension,
  openDocumentForm,
  settledPanel,
  type Session,
} from './harness';
import { sessionPerTest } from './sessions';

const sample = samplePortfolio('en', 'grid');
const q = `?business_id=${sample.businessId}`;
const peopleUrl = `${BUSINESS_URL}/latest/settings/business_users${q}`;

const sessions = sessionPerTest<Session>();

/** The steps of the run about a subject, as `id:done`, read from the data attributes of the contract. */
async function steps(where: Page | Frame, subject: string): Promise<Record<string, boolean>> {
  return where
    .locator(`[data-run-subject="${subject}"] [data-step-id]`)
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [e.getAttribute('data-step-id'), e.getAttribute('data-done') === 'true']),
      ),
    );
}
const doneSteps = async (where: Page | Frame, subject: string) =>
  Object.entries(await steps(where, subject))
    .filter(([, done]) => done)
    .map(([id]) => id);

type Sandbox = {
  acceptInvitation(email: string): boolean;
  removePartner(id: string): boolean;
  removePerson(email: string): boolean;
};

describe('checklists', () => {
  it('onboards a contractor from the popup: the page ticks every step, from send-invite to verify-access, and finishing records it', async () => {
    const { page, context } = await sessions.open(launchWithExtension(sample));
    await page.goto(peopleUrl);
    await settledPanel(page, 'people');

    // The popup, opened over the Business Settings tab, is about that tab's business.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html`);
    await page.bringToFront();
    await popup.reload();
    await popup.waitForSelector(`[data-popup-business="${sample.businessId}"]`);

    const email = 'lena@studio.example';
    const subject = `person:${email}`;
    const form = popup.getByRole('form', { name: 'Start onboarding' });
    await form.getByLabel('E-mail or partner Business ID').fill(email);
    await form.getByLabel('Case or purpose').fill('Christmas menu photos');
    await form.getByRole('button', { name: 'Start onboarding' }).click();
    await expect.poll(() => doneSteps(popup, subject)).toEqual(['define-case']);
    expect(Object.keys(await steps(popup, subject))).toEqual([
      'define-case',
      'least-role',
      'set-end-date',
      'send-invite',
      'confirm-delivery',
      'confirm-acceptance',
      'verify-access',
      'document-decision',
      'schedule-review',
    ]);

    // The admin invites her through the sandbox's dialog, with the least role.
    await page.getByRole('button', { name: '+ Invite people' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: 'Partial access' }).click();
    await page.getByRole('switch', { name: 'Temporary access' }).check();
    const ends = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Access expires').fill(ends);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('switch', { name: 'Content' }).first().check();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Send request' }).click();

    // The pending row appears: the invitation was sent and delivered, with no full control.
    const frame = await settledPanel(page);
    await expect
      .poll(() => doneSteps(frame, subject))
      .toEqual(['define-case', 'least-role', 'send-invite', 'confirm-delivery']);
    const how = await frame
      .locator(`[data-run-subject="${subject}"] [data-step-id="send-invite"] [data-how]`)
      .getAttribute('data-how');
    expect(how).toBe('evidence');
    await expect
      .poll(() => doneSteps(popup, subject))
      .toEqual(['define-case', 'least-role', 'send-invite', 'confirm-delivery']);

    // She accepts.
    await page.evaluate(
      (e) => (window as unknown as { __sandbox: Sandbox }).__sandbox.acceptInvitation(e),
      email,
    );
    await expect.poll(() => steps(frame, subject).then((s) => s['confirm-acceptance'])).toBe(true);

    // One click ticks a step by hand, and unticks it.
    const tick = frame.locator(`[data-run-subject="${subject}"] [data-step-id="verify-access"] button`);
    await tick.click();
    await expect.poll(() => steps(frame, subject).then((s) => s['verify-access'])).toBe(true);
    expect(
      await frame
        .locator(`[data-run-subject="${subject}"] [data-step-id="verify-access"] [data-how]`)
        .getAttribute('data-how'),
    ).toBe('hand');
    await tick.click();
    await expect.poll(() => steps(frame, subject).then((s) => s['verify-access'])).toBe(false);

    // Her detail pane shows what she holds; documenting it (with the end date) proves the rest.
    await page.getByRole('grid').getByText(email).first().click();
    const pane = await settledPanel(page, 'people');
    const { form: record } = await openDocumentForm(pane, subject, email);
    await record.getByLabel('Case or purpose').fill('Christmas menu photos');
    await record.getByLabel('Ends').fill(ends);
    await record.getByRole('button', { name: 'Save record' }).click();
    await expect.poll(() => doneSteps(pane, subject)).toHaveLength(9);
    expect(
      await pane
        .locator(`[data-run-subject="${subject}"] [data-step-id] [data-how]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-how'))),
    ).toEqual(Array(9).fill('evidence'));

    // Finishing records it in the ledger.
    await pane.locator(`[data-run-subject="${subject}"]`).getByRole('button', { name: 'Finish' }).click();
    await pane
      .locator(`[data-run-subject="${subject}"]`)
      .getByRole('button', { name: 'Finish and record' })
      .click();
    await expect
      .poll(() => pane.locator(`[data-run-subject="${subject}"]`).getAttribute('data-status'))
      .toBe('finished');
  });

  it('offboards an agency from the panel: removal is verified when the partner and its people are gone', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(peopleUrl);
    await settledPanel(page, 'people');
    await page.getByRole('navigation').getByRole('link', { name: 'Partners' }).click();
    let frame = await settledPanel(page, 'partners');
    const partner = 'partner:3228568050780002';
    await frame.locator(`[data-principal="${partner}"] [data-start="offboard-partner"]`).click();
    await frame.waitForSelector(`[data-run-subject="${partner}"]`);
    // Omar's e-mail domain spells the agency's name: he is offboarded with it.
    await expect
      .poll(() => frame.locator(`[data-run-subject="${partner}"] .run-related`).textContent())
      .toContain('omar@pixelverket.fr');
    expect(await doneSteps(frame, partner)).toEqual([]);

    const sandbox = (fn: (s: Sandbox) => boolean) =>
      page.evaluate(`(${fn.toString()})(window.__sandbox)`) as Promise<boolean>;
    expect(await sandbox((s) => s.removePartner('3228568050780002'))).toBe(true);
    await expect.poll(() => doneSteps(frame, partner)).toEqual(['remove-partner-link']);

    // Omar is still on People: not verified until he is gone too.
    expect(await sandbox((s) => s.removePerson('omar@pixelverket.fr'))).toBe(true);
    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    frame = await settledPanel(page, 'people');
    await expect
      .poll(() => doneSteps(frame, partner))
      .toEqual(['remove-partner-link', 'remove-people', 'remove-asset-roles', 'verify-removal']);
  });
});
