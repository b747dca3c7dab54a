import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { samplePortfolio } from '../sandbox/generate';
import { BUSINESS_URL, launchWithExtension, settledPanel, type Session } from './harness';
import { sessionPerTest } from './sessions';

const sample = samplePortfolio('en', 'grid');
const q = `?business_id=${sample.businessId}`;
const sessions = sessionPerTest<Session>();
const partner = 'partner:3228568050780002';
const nils = 'person:nils@byraab.se';

// An extension page's own API, as the panel sees it (not a Node global).
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Sends a protocol message from the panel itself (in @webext-core/messaging's envelope): the reply. */
const ask = async (frame: Frame, type: string, data: unknown) =>
  (
    (await frame.evaluate(
      (m) => chrome.runtime.sendMessage({ id: 1, type: m.type, timestamp: Date.now(), data: m.data }),
      { type, data },
    )) as { res: { ok: boolean; value?: Record<string, unknown>; error?: unknown } }
  ).res;

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const documentGrant = (frame: Frame, subject: string, endsAt: string) =>
  ask(frame, 'ledgerCommand', {
    type: 'document',
    businessId: sample.businessId,
    subject,
    assets: [],
    case: 'Spring campaign',
    startsAt: day(0),
    endsAt,
  });

async function decisionsAbout(frame: Frame, subject: string): Promise<string[]> {
  const reply = await ask(frame, 'subjectRecord', { businessId: sample.businessId, subject });
  return ((reply.value?.decisions ?? []) as { action: string }[]).map((d) => d.action);
}

const stepDone = (frame: Frame, subject: string, step: string) =>
  frame.locator(`[data-run-subject="${subject}"] [data-step-id="${step}"]`).getAttribute('data-done');

/** Issue 11, item 2: what cannot be taken back is asked first; ticks and snoozes can be undone. */
describe('confirmations and undo in the panel', () => {
  it('asks before discarding a checklist and before finishing an offboarding that records revocations', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/partners${q}`);
    const frame = await settledPanel(page, 'partners');
    expect(await documentGrant(frame, partner, day(60))).toMatchObject({ ok: true });
    expect(await decisionsAbout(frame, partner)).toEqual(['grant']);

    const run = frame.locator(`[data-run-subject="${partner}"]`);
    await frame.locator(`[data-principal="${partner}"] [data-start="offboard-partner"]`).click();
    await run.waitFor();

    // Discard asks; Escape (the keyboard's way out) keeps the run.
    await run.getByRole('button', { name: 'Discard' }).click();
    const discard = run.getByRole('alertdialog', { name: 'Discard the checklist' });
    await expect(discard.innerText()).resolves.toContain('Discard the checklist “Offboard a partner”');
    // The focus is in the confirmation (on Cancel): reachable by keyboard.
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await frame.page().keyboard.press('Escape');
    await expect.poll(() => discard.count()).toBe(0);
    expect(await run.count()).toBe(1);

    // Every step ticked by hand; Finish says what it will record, and nothing is recorded until confirmed.
    const steps = await run
      .locator('[data-step-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')!));
    for (const step of steps) {
      if ((await stepDone(frame, partner, step)) === 'true') continue;
      await run.locator(`[data-step-id="${step}"] button`).click();
      await expect.poll(() => stepDone(frame, partner, step)).toBe('true');
    }
    await run.getByRole('button', { name: 'Finish', exact: true }).click();
    const finish = run.getByRole('alertdialog', { name: 'Finish and record' });
    await expect
      .poll(() => finish.innerText())
      .toMatch(/Records the revocation of 1 grant\(s\) for Pixelverket SARL, ending them today/);
    await page.waitForTimeout(500);
    expect(await decisionsAbout(frame, partner)).toEqual(['grant']);
    expect(await run.getAttribute('data-status')).toBe('open');
    await finish.getByRole('button', { name: 'Finish and record' }).click();
    await expect.poll(() => run.getAttribute('data-status')).toBe('finished');
    expect(await decisionsAbout(frame, partner)).toEqual(['grant', 'revoke', 'note']);

    // A new run, discarded through its confirmation, is gone.
    await frame.locator(`[data-principal="${partner}"] [data-start="offboard-partner"]`).click();
    const second = frame.locator(`[data-run-subject="${partner}"][data-status="open"]`);
    await second.waitFor();
    await second.getByRole('button', { name: 'Discard' }).click();
    await second.getByRole('alertdialog').getByRole('button', { name: 'Discard the checklist' }).click();
    await expect.poll(() => second.count()).toBe(0);
  });

  it('undoes a tick and a snooze: the step and the reminder are back as they were', async () => {
    const { page } = await sessions.open(launchWithExtension(sample));
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users${q}`);
    const frame = await settledPanel(page, 'people');

    // A tick by hand, undone.
    await frame.locator(`[data-principal="${nils}"] [data-start="onboard-person"]`).click();
    const run = frame.locator(`[data-run-subject="${nils}"]`).first();
    await run.waitFor();
    const step = (await run
      .locator('[data-step-id][data-done="false"]')
      .first()
      .getAttribute('data-step-id'))!;
    await run.locator(`[data-step-id="${step}"] button`).click();
    await expect.poll(() => stepDone(frame, nils, step)).toBe('true');
    await run.locator('[data-undo]').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => stepDone(frame, nils, step)).toBe('false');
    expect(await run.locator(`[data-step-id="${step}"] [data-how]`).count()).toBe(0);

    // A reminder due tomorrow, snoozed for a week, and the snooze undone.
    expect(await documentGrant(frame, nils, day(1))).toMatchObject({ ok: true });
    const due = frame.locator('[data-due-kind="expiry"]');
    await due.waitFor();
    await due.getByRole('button', { name: /week/i }).click();
    await expect.poll(() => due.count()).toBe(0);
    const undo = frame.locator('[data-undo]').filter({ hasText: 'snoozed' });
    await expect(undo.innerText()).resolves.toContain('Nils Holm');
    await undo.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => due.count(), { timeout: 15_000 }).toBe(1);
  });
});
