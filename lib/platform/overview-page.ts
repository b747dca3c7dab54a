import { browser } from 'wxt/browser';
import { BUSINESS_ID_PATTERN } from '../domain/snapshot';

/**
 * The overview's own page (entrypoints/overview, issue 15): an extension page, not web-accessible, so only
 * the extension's pages open it. `?business=<id>` shows that business's assets and every path to each;
 * `&asset=<key>` picks one asset (the panel's link on an asset page).
 */
export const OVERVIEW_PAGE = '/overview.html';

/** An asset key as the baseline makes them (`type:id` or `type:name`), at most 700 characters. */
const ASSET_KEY = /^(page|ad-account|catalog|dataset|instagram|whatsapp|app):.{1,690}$/s;

/** The address of the overview, or of one business's asset view (and one of its assets). */
export function overviewPageUrl(businessId?: string, asset?: string): string {
  const url = browser.runtime.getURL(OVERVIEW_PAGE);
  if (!businessId || !BUSINESS_ID_PATTERN.test(businessId)) return url;
  const params = new URLSearchParams({ business: businessId });
  if (asset && ASSET_KEY.test(asset)) params.set('asset', asset);
  return `${url}?${params.toString()}`;
}

/** The business and asset an overview page's address names; none when it names no Business ID. */
export function overviewAddress(search: string): { businessId?: string; asset?: string } {
  const params = new URLSearchParams(search);
  const businessId = params.get('business') ?? undefined;
  if (businessId === undefined || !BUSINESS_ID_PATTERN.test(businessId)) return {};
  const asset = params.get('asset') ?? undefined;
  return { businessId, ...(asset !== undefined && ASSET_KEY.test(asset) ? { asset } : {}) };
}
