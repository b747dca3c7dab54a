import { describe, expect, it } from 'vitest';
import { applyEdits, loadEdits, saveEdits } from './edits';
import { samplePortfolio } from './generate';

const PIXELVERKET = '3228568050780002'; // Instagram: ads, insights
const BYRA = '3228568050780001'; // Page except-sensitive, Ads full, Pixel use
const INSTAGRAM = '100200300400503';
const ADS = '100200300400502';
const PIXEL = '100200300400505';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('access switched off in the sandbox, as in Business Settings (issue 14)', () => {
  const portfolio = samplePortfolio('en');

  it('takes one task, turns full control into the other tasks, and removes an asset or its last task', () => {
    const next = applyEdits(portfolio, [
      { holder: PIXELVERKET, asset: INSTAGRAM, task: 'ads' },
      { holder: BYRA, asset: ADS, task: 'campaigns' },
      { holder: BYRA, asset: PIXEL, task: 'use' },
      { holder: 'maja@sjobod.se', asset: '100200300400501' },
      // Nobody, or an asset not held: nothing changes.
      { holder: '1', asset: INSTAGRAM },
      { holder: PIXELVERKET, asset: ADS, task: 'ads' },
    ]);
    const partner = (id: string) => next.partners.find((p) => p.businessId === id)!;
    expect(partner(PIXELVERKET).assets).toEqual([{ asset: INSTAGRAM, tasks: ['insights'] }]);
    const ads = partner(BYRA).assets.find((g) => g.asset === ADS)!;
    expect(ads.full).toBeUndefined();
    expect(ads.tasks).not.toContain('campaigns');
    expect(ads.tasks.length).toBeGreaterThan(0);
    expect(partner(BYRA).assets.some((g) => g.asset === PIXEL)).toBe(false);
    expect(next.people.find((p) => p.email === 'maja@sjobod.se')!.assets).toEqual([]);
    // The portfolio it was given is left as it was.
    expect(portfolio.partners[1]!.assets[0]!.tasks).toEqual(['ads', 'insights']);
  });

  it('is kept in the page’s storage per business, and anything unreadable there is no edit', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    expect(loadEdits(storage, portfolio.businessId)).toEqual([]);
    saveEdits(storage, portfolio.businessId, [{ holder: PIXELVERKET, asset: INSTAGRAM, task: 'ads' }]);
    expect(loadEdits(storage, portfolio.businessId)).toEqual([
      { holder: PIXELVERKET, asset: INSTAGRAM, task: 'ads' },
    ]);
    expect(loadEdits(storage, '1')).toEqual([]);
    storage.setItem(`sandbox-edits:${portfolio.businessId}`, '{not json');
    expect(loadEdits(storage, portfolio.businessId)).toEqual([]);
    saveEdits(storage, portfolio.businessId, []);
    expect(storage.getItem(`sandbox-edits:${portfolio.businessId}`)).toBeNull();
  });
});
