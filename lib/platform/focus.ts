import { browser } from 'wxt/browser';
import { sendMessage } from './messaging';

/**
 * Which subject each tab's panel should open on, and why: a badge click, a notification, a due item in the
 * popup. A tab that is still loading gets its panel opened when its first snapshot arrives.
 */
export type FocusAction = 'extend' | 'offboard' | 'review';
export interface Focus {
  subject: string;
  at: number;
  action?: FocusAction;
}

const focus = new Map<number, Focus>();
const toReveal = new Set<number>();
const listeners = new Set<(tabId: number) => void>();

export function getFocus(tabId: number): Focus | undefined {
  return focus.get(tabId);
}

export function onFocusChange(listener: (tabId: number) => void): void {
  listeners.add(listener);
}

/** Focuses a tab's panel on a subject; `reveal` also opens the collapsed panel and highlights the row. */
export function setFocus(
  tabId: number,
  subject: string,
  options: { action?: FocusAction; reveal?: boolean } = {},
) {
  focus.set(tabId, { subject, at: Date.now(), ...(options.action ? { action: options.action } : {}) });
  if (options.reveal) {
    toReveal.add(tabId);
    void revealIfPending(tabId);
  }
  for (const listener of listeners) listener(tabId);
}

/** Called when a tab reports a snapshot: a panel that was asked to open does so now. */
export async function revealIfPending(tabId: number): Promise<void> {
  const wanted = focus.get(tabId);
  if (!toReveal.has(tabId) || !wanted) return;
  const done = await sendMessage('revealPanel', wanted.subject, tabId).catch(() => false);
  if (done) toReveal.delete(tabId);
}

export function forgetTab(tabId: number): void {
  focus.delete(tabId);
  toReveal.delete(tabId);
}

const pageOf = (subject: string | undefined) =>
  subject?.startsWith('partner')
    ? 'partners'
    : subject?.startsWith('system-user')
      ? 'system_users'
      : 'business_users';

export function businessSettingsUrl(businessId: string, subject?: string): string {
  return `https://business.facebook.com/latest/settings/${pageOf(subject)}?business_id=${businessId}`;
}

/**
 * Opens (or focuses) the Business Settings page where a subject is listed, with the panel on it. A tab of the
 * same business on that page is reused as it is; another tab of the business is moved there; else a new
 * tab opens. Needs no "tabs" permission: the host permission shows the URLs of Business Settings tabs only.
 */
export async function openBusinessSettings(target: {
  businessId: string;
  subject?: string;
  action?: FocusAction;
}): Promise<number | undefined> {
  const url = businessSettingsUrl(target.businessId, target.subject);
  const page = pageOf(target.subject);
  // Every tab, filtered here: without the "tabs" permission only Business Settings tabs show their URL.
  const open = await browser.tabs.query({});
  const ofBusiness = open.filter((t) => {
    try {
      if (!t.url?.startsWith('https://business.facebook.com/')) return false;
      return new URL(t.url).searchParams.get('business_id') === target.businessId;
    } catch {
      return false;
    }
  });
  const exact = ofBusiness.find((t) =>
    new URL(t.url!).pathname.replace(/\/$/, '').endsWith(`/settings/${page}`),
  );
  const reuse = exact ?? ofBusiness[0];
  let tab: Browser.tabs.Tab | undefined;
  if (reuse?.id !== undefined) {
    tab = await browser.tabs.update(reuse.id, { active: true, ...(exact ? {} : { url }) });
    if (reuse.windowId !== undefined) await browser.windows.update(reuse.windowId, { focused: true });
  } else {
    tab = await browser.tabs.create({ url, active: true });
  }
  if (tab?.id === undefined) return undefined;
  setFocus(tab.id, target.subject ?? `business:${target.businessId}`, {
    ...(target.action ? { action: target.action } : {}),
    reveal: true,
  });
  return tab.id;
}
