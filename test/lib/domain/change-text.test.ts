import { describe, expect, it } from 'vitest';
import { changeKinds, type Change, type ChangeKind } from '@/lib/domain/baseline';
import { describeChange, describeVerdict, pageKindName } from '@/lib/domain/change-text';
import { uiLocales } from '@/lib/domain/locales';

const AT = '2026-11-29T10:00:00.000Z';
const URL = 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345';
const page = { type: 'page' as const, id: '100200300', name: 'Sjöbod' };

/** One change of each kind, with the facts the baseline gives that kind. */
const examples: Record<ChangeKind, Change> = {
  'principal-added': {
    kind: 'principal-added',
    subject: 'partner:3228568050780000',
    principalKind: 'partner',
    name: 'Byrå AB',
    at: AT,
    page: 'partners',
    url: URL,
  },
  'principal-removed': {
    kind: 'principal-removed',
    subject: 'system-user:61000000000042',
    principalKind: 'system-user',
    name: 'Conversions API',
    at: AT,
    page: 'system-users',
    url: URL,
  },
  'portfolio-access-raised': {
    kind: 'portfolio-access-raised',
    subject: 'person:nils@byraab.se',
    principalKind: 'person',
    name: 'Nils',
    from: 'basic',
    to: 'full-control',
    at: AT,
    page: 'people',
    url: URL,
  },
  'asset-added': {
    kind: 'asset-added',
    subject: 'person:nils@byraab.se',
    principalKind: 'person',
    name: 'Nils',
    asset: page,
    to: 'full',
    at: AT,
    page: 'asset',
    url: URL,
  },
  'asset-access-raised': {
    kind: 'asset-access-raised',
    subject: 'person:nils@byraab.se',
    principalKind: 'person',
    name: 'Nils',
    asset: { type: 'ad-account', name: 'Sjöbod Ads' },
    from: 'partial',
    to: 'full',
    at: AT,
    page: 'people',
    url: URL,
  },
  'task-added': {
    kind: 'task-added',
    subject: 'person:nils@byraab.se',
    principalKind: 'person',
    name: 'Nils',
    asset: page,
    to: 'insights',
    at: AT,
    page: 'asset',
    url: URL,
  },
  'asset-removed': {
    kind: 'asset-removed',
    subject: 'person:nils@byraab.se',
    principalKind: 'person',
    name: 'Nils',
    asset: page,
    from: 'partial',
    at: AT,
    page: 'asset',
    url: URL,
  },
  'end-date-removed': {
    kind: 'end-date-removed',
    subject: 'person:nils@byraab.se',
    principalKind: 'person',
    name: 'Nils',
    from: '2026-12-31',
    at: AT,
    page: 'people',
    url: URL,
  },
  'end-date-extended': {
    kind: 'end-date-extended',
    subject: 'person:nils@byraab.se',
    principalKind: 'person',
    name: 'Nils',
    from: '2026-12-31',
    to: '2027-03-31',
    at: AT,
    page: 'people',
    url: URL,
  },
  'full-control-to-third-party': {
    kind: 'full-control-to-third-party',
    subject: 'person:mallory@evil.example',
    principalKind: 'person',
    name: 'Mallory',
    replaced: 'person:anna@sjobod.se',
    at: AT,
    page: 'people',
    url: URL,
  },
};

describe('a change in the admin’s words (issue 13, item 5)', () => {
  it('has a sentence for every kind of change in every language, each its own', () => {
    for (const kind of changeKinds) {
      const said = uiLocales.map((locale) => describeChange(locale, examples[kind]));
      for (const sentence of said) {
        expect(sentence.length, kind).toBeGreaterThan(5);
        expect(sentence, kind).not.toMatch(/undefined|\[object/);
      }
      expect(new Set(said).size, kind).toBe(uiLocales.length);
    }
  });

  it('names the asset, the access levels and tasks in Meta’s words, and the holder replaced', () => {
    const en = (kind: ChangeKind) => describeChange('en', examples[kind]);
    expect(en('principal-added')).toBe('New partner');
    expect(en('principal-removed')).toBe('System user removed');
    expect(en('asset-added')).toBe('Access to the Page “Sjöbod” added: “Everything”');
    expect(en('asset-access-raised')).toBe(
      'Access to the ad account “Sjöbod Ads” raised from “Partial access” to “Manage ad accounts”',
    );
    expect(en('task-added')).toBe('Task “Insights” added on the Page “Sjöbod”');
    expect(en('asset-removed')).toBe('Access to the Page “Sjöbod” removed');
    expect(en('end-date-removed')).toBe('End date 2026-12-31 removed: the access no longer ends');
    expect(en('full-control-to-third-party')).toBe(
      'Full control of the business portfolio went to a third party while anna@sjobod.se lost it',
    );
    expect(describeChange('sv', examples['asset-added'])).toBe('Åtkomst till sidan ”Sjöbod” tillagd: ”Allt”');
    // French says the asset with its article after « sur », which never contracts (« à le » would).
    expect(describeChange('fr', examples['asset-access-raised'])).toBe(
      'Accès sur le compte publicitaire «\u00a0Sjöbod Ads\u00a0» relevé de «\u00a0Accès partiel\u00a0» à «\u00a0Gérer les comptes publicitaires\u00a0»',
    );
    expect(describeChange('fr', examples['end-date-extended'])).toBe(
      'Date de fin repoussée du 2026-12-31 au 2027-03-31',
    );
  });

  it('says which record approves a change, and names pages as Meta does', () => {
    expect(describeVerdict('en', { status: 'approved', record: { kind: 'grant', id: 'g-1' } })).toBe(
      'Approved by grant record g-1',
    );
    expect(describeVerdict('sv', { status: 'unrecorded' })).toBe(
      'Odokumenterad: inget dokument godkänner den',
    );
    expect(describeVerdict('fr', { status: 'onboarding', runId: 'r-1' })).toBe(
      'Fait avec la liste d’intégration de Scopekeeper (r-1)',
    );
    expect(pageKindName('sv', 'system-users')).toBe('Systemanvändare');
    expect(pageKindName('en', 'asset')).toBe('Asset');
  });
});
