import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  drawnMarks,
  launchWithExtension,
  openDocumentForm,
  panelFrame,
  type Session,
  panelFindings,
} from './harness';
import { sessionPerTest } from './sessions';

const sample = samplePortfolio('en', 'grid');
const peopleUrl = `${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`;

const sessions = sessionPerTest<Session>();

const rules = async (frame: Frame, subject: string): Promise<string[]> =>
  (await panelFindings(frame))
    .filter((f) => f.subject === subject)
    .map((f) => `${f.ruleId}${f.accepted ? ' (accepted)' : ''}`)
    .sort();

describe('the ledger from the panel', () => {
  it('documents a third party and the ledger rules clear; an accepted finding stays, muted', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(peopleUrl);
    const frame = await panelFrame(page);
    await frame.waitForSelector('[data-summary]');
    const nils = 'person:nils@byraab.se';
    await expect
      .poll(() => rules(frame, nils))
      .toEqual(['full-control-person', 'no-expiry', 'third-party-full-control', 'undocumented-third-party']);

    const { form } = await openDocumentForm(frame, nils, 'Nils Holm');
    await form.getByLabel('Case or purpose').fill('Spring campaign for the café');
    await form.getByLabel('Approved by').fill('Anna Berg');
    await form.getByRole('button', { name: 'Save record' }).click();
    await expect.poll(() => rules(frame, nils)).toEqual(['full-control-person', 'third-party-full-control']);
    await expect
      .poll(async () => (await drawnMarks(page)).find((m) => m.subject === nils && m.kind === 'badge')?.text)
      .toBe('2');

    // The record and its decision are shown for the subject.
    await frame.locator(`[data-group-subject="${nils}"] summary`, { hasText: 'Record' }).click();
    await expect
      .poll(() => frame.locator(`[data-ledger-subject="${nils}"] .grants`).textContent())
      .toContain('Spring campaign for the café');

    // Accepting a finding keeps it visible as accepted, and drops it from the badge.
    const finding = frame.locator(`[data-rule-id="full-control-person"][data-subject="${nils}"]`);
    await finding.getByRole('button', { name: 'Accept with rationale' }).click();
    await finding.getByLabel('Rationale').fill('Runs our ads while Anna is on leave');
    await finding.getByRole('button', { name: 'Accept' }).click();
    await expect
      .poll(() => rules(frame, nils))
      .toEqual(['full-control-person (accepted)', 'third-party-full-control']);
    await expect
      .poll(async () => (await drawnMarks(page)).find((m) => m.subject === nils && m.kind === 'badge')?.text)
      .toBe('1');
  });

  it('raises expiring-soon from a recorded end date, and expired-access-present after a recorded revocation', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(peopleUrl);
    const frame = await panelFrame(page);
    const omar = 'person:omar@pixelverket.fr';
    const { form } = await openDocumentForm(frame, omar, 'Omar Haddad');
    await form.getByLabel('Case or purpose').fill('Booking app integration');
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Ends').fill(inThreeDays);
    await form.getByRole('button', { name: 'Save record' }).click();
    await expect.poll(() => rules(frame, omar)).toEqual(['expiring-soon']);

    const again = frame.locator(`[data-group-subject="${omar}"]`);
    if (!(await again.locator('details.record').evaluate((d) => (d as HTMLDetailsElement).open))) {
      await again.locator('summary', { hasText: 'Record' }).click();
    }
    await again.getByRole('button', { name: 'Record revocation' }).click();
    await again
      .getByRole('form', { name: 'Record revocation of Omar Haddad' })
      .getByLabel('Rationale')
      .fill('Integration delivered');
    await again
      .getByRole('form', { name: 'Record revocation of Omar Haddad' })
      .getByRole('button', { name: 'Record revocation' })
      .click();
    // The page still shows Omar: the access recorded as ended is still there.
    await expect.poll(() => rules(frame, omar)).toEqual(['expired-access-present']);
  });

  it('refuses a third-party record without an end date, or beyond the maximum duration', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(peopleUrl);
    const frame = await panelFrame(page);
    const { group, form } = await openDocumentForm(frame, 'person:omar@pixelverket.fr', 'Omar Haddad');
    await form.getByLabel('Case or purpose').fill('Booking app');
    await form.getByLabel('Ends').fill('');
    await form.getByRole('button', { name: 'Save record' }).click();
    await expect
      .poll(() => group.getByRole('alert').textContent())
      .toBe('An end date is required for a third party.');
    await form.getByLabel('Ends').fill('2031-01-01');
    await form.getByRole('button', { name: 'Save record' }).click();
    await expect
      .poll(() => group.getByRole('alert').textContent())
      .toMatch(/at most 90 days after the start/);
  });
});
