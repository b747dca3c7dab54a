import { describe, expect, it } from 'vitest';
import { samplePortfolio } from './generate';
import { ATTACKER, ATTACKER_PARTNER, applyTakeover, loadTakeover, saveTakeover } from './takeover';

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

describe('the sandbox’s takeover scenario (issue 13)', () => {
  const portfolio = samplePortfolio('en', 'grid');

  it('adds an admin and a partner with full control, then loses each one the admin removes', () => {
    const taken = applyTakeover(portfolio, { on: true, removed: [] });
    expect(taken.people.at(-1)).toMatchObject({ email: ATTACKER.email, access: 'full-control' });
    expect(taken.partners.at(-1)).toMatchObject({
      businessId: ATTACKER_PARTNER.businessId,
      assets: [{ asset: '100200300400502', full: true }],
    });
    const cleaned = applyTakeover(portfolio, {
      on: true,
      removed: [ATTACKER.email, ATTACKER_PARTNER.businessId],
    });
    expect(cleaned.people).toEqual(portfolio.people);
    expect(cleaned.partners).toEqual(portfolio.partners);
    // The portfolio it was given is left as it was.
    expect(portfolio.people.some((p) => p.email === ATTACKER.email)).toBe(false);
  });

  it('is kept in the page’s storage per business, and anything unreadable there is no takeover', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    expect(loadTakeover(storage, portfolio.businessId)).toEqual({ on: false, removed: [] });
    saveTakeover(storage, portfolio.businessId, { on: true, removed: [ATTACKER.email] });
    expect(loadTakeover(storage, portfolio.businessId)).toEqual({ on: true, removed: [ATTACKER.email] });
    expect(loadTakeover(storage, '1')).toEqual({ on: false, removed: [] });
    storage.setItem(`sandbox-takeover:${portfolio.businessId}`, '{not json');
    expect(loadTakeover(storage, portfolio.businessId)).toEqual({ on: false, removed: [] });
  });
});
