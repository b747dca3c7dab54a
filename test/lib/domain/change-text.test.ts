import { describe, expect, it } from 'vitest';
import { changeKinds, type Change } from '@/lib/domain/baseline';
import { changeSentence, verdictText } from '@/lib/domain/change-text';
import { uiLocales } from '@/lib/domain/locales';

const base: Omit<Change, 'kind'> = {
  subject: 'partner:9999900000',
  principalKind: 'partner',
  name: 'Unknown Ltd',
  at: '2026-11-30T09:00:00.000Z',
  page: 'partners',
  url: 'https://business.facebook.com/latest/settings/partners?business_id=1203456789012345',
};
const facts: Record<(typeof changeKinds)[number], Partial<Change>> = {
  'principal-added': {},
  'principal-removed': {},
  'portfolio-access-raised': { from: 'basic', to: 'full-control' },
  'full-control-to-third-party': { to: 'full-control', replaced: 'person:anna@sjobod.se' },
  'asset-added': { asset: { type: 'ad-account', id: '55', name: 'Sjöbod Ads' }, to: 'full' },
  'asset-access-raised': { asset: { type: 'page', name: 'Sjöbod Café' }, from: 'partial', to: 'full' },
  'task-added': { asset: { type: 'page', name: 'Sjöbod Café' }, to: 'ads' },
  'asset-removed': { asset: { type: 'page', name: 'Sjöbod Café' } },
  'end-date-removed': { from: '2026-12-31' },
  'end-date-extended': { from: '2026-12-31', to: '2027-06-30' },
};

describe('what a change did, in words (issue 13)', () => {
  it('has a full sentence for every kind of change in every language, naming who and what', () => {
    for (const locale of uiLocales)
      for (const kind of changeKinds) {
        const sentence = changeSentence(locale, { ...base, kind, ...facts[kind] });
        expect(sentence.startsWith('Unknown Ltd ')).toBe(true);
        expect(sentence, `${locale} ${kind}`).not.toContain('?');
        if (facts[kind].asset) expect(sentence).toContain(facts[kind].asset!.name);
        if (kind === 'end-date-extended') expect(sentence).toContain('2027-06-30');
      }
  });

  it('words access levels as Business Settings does', () => {
    const raised = { ...base, kind: 'portfolio-access-raised' as const, from: 'basic', to: 'full-control' };
    expect(changeSentence('en', raised)).toContain('Basic access → Full control');
    expect(changeSentence('sv', raised)).toContain('→ Fullständig kontroll');
    expect(changeSentence('fr', raised)).toContain('→ Contrôle total');
  });

  it('says which record approved a change, or that none did', () => {
    expect(verdictText('en', { status: 'approved', record: { kind: 'grant', id: 'g-1' } })).toBe(
      'Approved by grant record g-1',
    );
    expect(verdictText('fr', { status: 'unrecorded' })).toContain('aucun enregistrement');
    expect(verdictText('sv', { status: 'onboarding', runId: 'r' })).toContain('introduktion');
  });
});
