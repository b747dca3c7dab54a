import { describe, expect, it } from 'vitest';
import { catalogue, hasCatalogue } from '@/lib/domain/i18n/words';
import { loadCatalogue } from '@/lib/domain/i18n/load';
import { en } from '@/lib/domain/i18n/en/index';
import { fr } from '@/lib/domain/i18n/fr/index';
import { sv } from '@/lib/domain/i18n/sv/index';

// This file imports the words without the index of all three languages, as the panel does (issue 12, item 4).
describe('one language loaded on its own', () => {
  it('has English at once, and Swedish or French once loaded', async () => {
    expect(catalogue('en')).toBe(en);
    expect(hasCatalogue('sv')).toBe(false);
    expect(hasCatalogue('fr')).toBe(false);
    await loadCatalogue('sv');
    expect(catalogue('sv')).toBe(sv);
    expect(catalogue('sv').panel.newInvitation).toBe(sv.panel.newInvitation);
    expect(hasCatalogue('fr')).toBe(false);
    await loadCatalogue('fr');
    expect(catalogue('fr')).toBe(fr);
    // Loading again changes nothing.
    await loadCatalogue('sv');
    expect(catalogue('sv')).toBe(sv);
  });
});
