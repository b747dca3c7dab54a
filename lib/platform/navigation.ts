import type { FocusAction } from '../domain/ui-state';
import type { HubDeps } from './hub/deps';
import type { FocusMap } from './hub/focus';

/** What opening a page needs: the browser's tabs and the panels' focus. */
export interface NavigationDeps extends Pick<HubDeps, 'browser'> {
  focus: FocusMap;
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

export interface Target {
  businessId: string;
  subject?: string;
  action?: FocusAction;
}

/**
 * Opens (or focuses) the Business Settings page where a subject is listed, with the panel on it. A tab of the
 * same business on that page is reused as it is; another tab of the business is moved there; else a new
 * tab opens. Needs no "tabs" permission: the host permission shows the URLs of Business Settings tabs only.
 */
export async function openBusinessSettings(hub: NavigationDeps, target: Target): Promise<number | undefined> {
  const { browser } = hub;
  const url = businessSettingsUrl(target.businessId, target.subject);
  const page = pageOf(target.subject);
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
  hub.focus.set(tab.id, target.subject ?? `business:${target.businessId}`, {
    ...(target.action ? { action: target.action } : {}),
    reveal: true,
  });
  return tab.id;
}
