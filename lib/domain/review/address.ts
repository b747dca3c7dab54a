import { BUSINESS_ID_PATTERN } from '../snapshot';

/**
 * What the review page's address names (entrypoints/review): a campaign's report (`?campaign=<id>`), or a
 * business whose review to start or resume (`?business=<id>&start=1`, the periodic-review reminder's link).
 */
export type ReviewAddress =
  | { kind: 'report'; campaignId: string | undefined }
  | { kind: 'business'; businessId: string | undefined; start: boolean };

export function reviewAddress(search: string): ReviewAddress {
  const params = new URLSearchParams(search);
  const business = params.get('business');
  if (business !== null)
    return {
      kind: 'business',
      businessId: BUSINESS_ID_PATTERN.test(business) ? business : undefined,
      start: params.get('start') === '1',
    };
  return { kind: 'report', campaignId: params.get('campaign')?.slice(0, 100) || undefined };
}

/** The query of the review page that starts (or resumes) a business's review. */
export const reviewStartQuery = (businessId: string): string =>
  `?${new URLSearchParams({ business: businessId, start: '1' }).toString()}`;
