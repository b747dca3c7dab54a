import { describe, expect, it } from 'vitest';
import { reviewAddress, reviewStartQuery } from '@/lib/domain/review/address';

describe('the review page’s address', () => {
  it('names a campaign’s report, or a business whose review to start', () => {
    expect(reviewAddress('?campaign=c-1')).toEqual({ kind: 'report', campaignId: 'c-1' });
    expect(reviewAddress('')).toEqual({ kind: 'report', campaignId: undefined });
    expect(reviewAddress(reviewStartQuery('1203456789012345'))).toEqual({
      kind: 'business',
      businessId: '1203456789012345',
      start: true,
    });
    expect(reviewAddress('?business=1203456789012345')).toMatchObject({ start: false });
    // Anything but a Business ID names no business.
    expect(reviewAddress('?business=<img>&start=1')).toEqual({
      kind: 'business',
      businessId: undefined,
      start: true,
    });
  });
});
