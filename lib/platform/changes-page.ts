import { browser } from 'wxt/browser';
import { BUSINESS_ID_PATTERN } from '../domain/snapshot';

/**
 * The change timeline's own page (entrypoints/changes, issue 13 item 5): an extension page of its own, not
 * web-accessible, so only the extension's pages open it. `?business=<id>` chooses the business.
 */
export const CHANGES_PAGE = '/changes.html';

/** The address of the change timeline, of one business or (without one) of the businesses to choose from. */
export function changesPageUrl(businessId?: string): string {
  const url = browser.runtime.getURL(CHANGES_PAGE);
  return businessId && BUSINESS_ID_PATTERN.test(businessId)
    ? `${url}?business=${encodeURIComponent(businessId)}`
    : url;
}

/** The business a changes page's address names (`?business=<id>`); none when it names none or no ID. */
export function businessOfChangesPage(search: string): string | undefined {
  const id = new URLSearchParams(search).get('business') ?? undefined;
  return id !== undefined && BUSINESS_ID_PATTERN.test(id) ? id : undefined;
}
