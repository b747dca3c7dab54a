import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { overviewAddress, overviewPageUrl } from '@/lib/platform/overview-page';

describe('the overview page’s address (issue 15)', () => {
  it('is the extension’s overview.html, naming a business by its ID and an asset by its key only', () => {
    const page = browser.runtime.getURL('/overview.html');
    expect(page).toMatch(/overview\.html$/);
    expect(overviewPageUrl()).toBe(page);
    expect(overviewPageUrl('1203456789012345')).toBe(`${page}?business=1203456789012345`);
    expect(overviewPageUrl('1203456789012345', 'page:111')).toBe(
      `${page}?business=1203456789012345&asset=page%3A111`,
    );
    // Not an ID, or not an asset key: nothing of it carried into the address.
    expect(overviewPageUrl('12&x=<b>', 'page:1')).toBe(page);
    expect(overviewPageUrl('1203456789012345', 'javascript:alert(1)')).toBe(
      `${page}?business=1203456789012345`,
    );
  });

  it('reads the business and asset from the address, and nothing that is not one', () => {
    expect(overviewAddress('?business=1203456789012345&asset=page%3A111')).toEqual({
      businessId: '1203456789012345',
      asset: 'page:111',
    });
    expect(overviewAddress('?business=1203456789012345&asset=evil:1')).toEqual({
      businessId: '1203456789012345',
    });
    expect(overviewAddress('?asset=page%3A111')).toEqual({});
    expect(overviewAddress('?business=abc')).toEqual({});
    expect(overviewAddress('')).toEqual({});
  });
});
