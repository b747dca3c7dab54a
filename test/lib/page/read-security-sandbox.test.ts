import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/page/read';
import { renderSandbox } from '../../sandbox/dom';
import { securityPortfolio } from '../../sandbox/generate';
import { listStructures } from '../../sandbox/structures';

/**
 * The sandbox's Business info and Security Center (test/sandbox/security.ts) in every list structure and
 * language: the reader's facts are the same everywhere, names chosen like the pages' words change nothing,
 * and words it does not know make the read unreadable.
 */

const B = 'https://business.facebook.com';
const locales = ['en', 'sv', 'fr'] as const;
const without = [
  { name: 'Nils Holm', email: 'nils@byraab.se' },
  { name: 'Everyone', email: 'everyone@contractor.example' },
  { name: 'Two-factor authentication', email: 'tfa@pixelverket.fr' },
  { name: 'Remove inactive users', email: 'riu@contractor.example' },
];
const inactive = [
  { name: 'Maja Ek', email: 'maja@sjobod.se' },
  { name: 'Admins only', email: 'admins@byraab.se' },
  { name: 'Two-factor authentication', email: 'tfa@pixelverket.fr' },
];

describe('the sandbox’s security pages, read', () => {
  it('give the same two-factor requirement in every structure and language', () => {
    for (const l of locales)
      for (const s of listStructures)
        for (const requirement of ['no-one', 'admins', 'everyone'] as const) {
          const p = securityPortfolio(l, s, requirement);
          const url = `${B}/latest/settings/business_info?business_id=${p.businessId}`;
          const snapshot = readPage(url, renderSandbox(p, url).doc);
          const what = `${l} ${s} ${requirement}`;
          expect(snapshot.kind, what).toBe('business-info');
          expect(snapshot.readStatus, what).toBe('ok');
          expect(snapshot.security, what).toEqual({ twoFactorRequirement: requirement });
        }
  });

  it('give the same Security Center lists in every structure and language, latest and classic', () => {
    for (const l of locales)
      for (const s of listStructures)
        for (const path of ['latest/settings/security_center', 'settings/security']) {
          const p = securityPortfolio(l, s, 'admins');
          const url = `${B}/${path}?business_id=${p.businessId}`;
          const snapshot = readPage(url, renderSandbox(p, url).doc);
          const what = `${l} ${s} ${path}`;
          expect(snapshot.kind, what).toBe('security-center');
          expect(snapshot.readStatus, what).toBe('ok');
          expect(snapshot.security, what).toEqual({ withoutTwoFactor: without, inactive });
        }
  });

  it('are unreadable in words the reader does not know, never guessed', () => {
    for (const l of locales)
      for (const s of listStructures) {
        const p = securityPortfolio(l, s, 'no-one', 'unknown');
        const info = `${B}/latest/settings/business_info?business_id=${p.businessId}`;
        const center = `${B}/latest/settings/security_center?business_id=${p.businessId}`;
        const a = readPage(info, renderSandbox(p, info).doc);
        const b = readPage(center, renderSandbox(p, center).doc);
        expect(a.readStatus, `${l} ${s}`).toBe('unreadable');
        expect(a.readProblems.map((x) => x.code)).toEqual(['two-factor-unknown']);
        expect(b.readStatus, `${l} ${s}`).toBe('unreadable');
        expect(b.readProblems.map((x) => x.code)).toEqual(['security-lists-not-found']);
        expect(a.security ?? b.security).toBeUndefined();
      }
  });

  it('are unreadable when Security Center shows its people as plain cards, never an empty list', () => {
    // Titles in Meta's words, people in divs with no role (a person named "Remove inactive users" is a
    // heading in a card): no rows, so nothing is read as a list, and nobody is taken as having two-factor.
    for (const l of locales)
      for (const s of listStructures)
        for (const path of ['latest/settings/security_center', 'settings/security']) {
          const p = securityPortfolio(l, s, 'admins', 'meta', 'plain-cards');
          const url = `${B}/${path}?business_id=${p.businessId}`;
          const snapshot = readPage(url, renderSandbox(p, url).doc);
          const what = `${l} ${s} ${path}`;
          expect(snapshot.kind, what).toBe('security-center');
          expect(snapshot.readStatus, what).toBe('unreadable');
          expect(
            snapshot.readProblems.map((x) => x.code),
            what,
          ).toEqual(['security-lists-not-found']);
          expect(snapshot.security, what).toBeUndefined();
        }
  });
});
