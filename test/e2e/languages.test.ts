import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogue } from '@/lib/domain/i18n';
import { uiLocales, type UiLocale } from '@/lib/domain/locales';
import { foreignPhrases } from '../lib/domain/i18n/sentences';
import { samplePortfolio } from '../sandbox/generate';
import {
  BUSINESS_URL,
  expandFindings,
  extensionId,
  launchWithExtension,
  settledPanel,
  type Session,
} from './harness';
import { sessionPerTest } from './sessions';

// The extension's own API, as its worker sees it (not a Node global).
declare const chrome: {
  notifications: { create(id: string, options: { title: string; message: string }): Promise<string> };
};
declare const globalThis: { seenNotifications?: string[] };

const sessions = sessionPerTest<Session>();

/** What a screen shows a person: its visible text and the names it gives controls for screen readers. */
async function screenText(target: Page | Frame): Promise<string> {
  return target.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].map((e) =>
      ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? '').join('\n'),
    );
    return [document.title, document.body.innerText, ...labels].join('\n');
  });
}

const untranslated = (text: string, locale: UiLocale) =>
  foreignPhrases(locale).filter((phrase) => text.includes(phrase));

describe('every screen speaks the browser’s language', () => {
  it.each(uiLocales)('in %s: panel, ledger form, popup, options and a notification', async (locale) => {
    const sample = samplePortfolio(locale, 'grid');
    const { page, context } = await sessions.open(launchWithExtension(sample, { uiLanguage: locale }));
    const t = catalogue(locale);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Notifications are shown by the browser: their words are read where the worker asks for them.
    await worker.evaluate(() => {
      const create = chrome.notifications.create.bind(chrome.notifications);
      globalThis.seenNotifications = [];
      chrome.notifications.create = (id, options) => {
        globalThis.seenNotifications!.push(`${options.title}\n${options.message}`);
        return create(id, options);
      };
    });

    // The panel on People, with a subject's record open on the "document access" form.
    await page.goto(`${BUSINESS_URL}/latest/settings/business_users?business_id=${sample.businessId}`);
    const frame = await settledPanel(page, 'people');
    expect(await frame.locator('#findings-title').textContent()).toBe(t.panel.findings);
    // A subject's card (its record) opens from one of its findings, in a rule's group (collapsed by design).
    await expandFindings(frame);
    await frame.locator('[data-open-subject^="person:"]').first().click();
    const group = frame.locator('[data-group-subject^="person:"]').first();
    await group.locator('details.record > summary').click();
    await group.locator('.ledger-actions button').first().click();
    const form = group.locator('form.ledger-form');
    await form.locator('input[name="case"]').fill('Spring campaign');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await form.locator('input[name="endsAt"]').fill(tomorrow);
    const panelWords = await screenText(frame);
    await form.locator('button[type="submit"]').click();
    await frame.waitForSelector('[data-due-kind="expiry"]');
    const afterSave = await screenText(frame);

    // The popup and the options page.
    const id = await extensionId(context);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.waitForSelector('[data-popup-business]');
    const popupWords = await screenText(popup);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.waitForSelector('h1');
    expect(await options.locator('h1').textContent()).toBe(t.options.title);
    const optionsWords = await screenText(options);

    // The grant ends tomorrow: its reminder is notified.
    await expect
      .poll(() => worker.evaluate(() => globalThis.seenNotifications?.length ?? 0), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const notificationWords = (await worker.evaluate(() => globalThis.seenNotifications ?? [])).join('\n');

    for (const [screen, text] of Object.entries({
      panel: panelWords,
      'panel after saving': afterSave,
      popup: popupWords,
      options: optionsWords,
      notification: notificationWords,
    }))
      expect(untranslated(text, locale), `${screen} in ${locale}`).toEqual([]);
  });
});
