import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { businessOfChangesPage, changesPageUrl } from '@/lib/platform/changes-page';

describe('the change timeline page’s address', () => {
  it('is the extension’s changes.html, naming a business by its ID only', () => {
    const page = browser.runtime.getURL('/changes.html');
    expect(page).toMatch(/changes\.html$/);
    expect(changesPageUrl()).toBe(page);
    expect(changesPageUrl('1203456789012345')).toBe(`${page}?business=1203456789012345`);
    // Not an ID: the page of every business, nothing else carried into the address.
    expect(changesPageUrl('12&x=<b>')).toBe(page);
  });

  it('reads the business from the page’s address, and nothing that is not a Business ID', () => {
    expect(businessOfChangesPage('?business=1203456789012345')).toBe('1203456789012345');
    expect(businessOfChangesPage('')).toBeUndefined();
    expect(businessOfChangesPage('?business=')).toBeUndefined();
    expect(businessOfChangesPage('?business=abc')).toBeUndefined();
    expect(businessOfChangesPage('?business=123456789012345678901')).toBeUndefined();
  });
});
