import { describe, expect, it } from 'vitest';
import { getSubjectKey, type PageSnapshot, type Principal } from '@/lib/domain/snapshot';
import { readPage } from '@/lib/page/read';
import { renderSandbox } from '../../sandbox/dom';
import { generatePortfolio } from '../../sandbox/generate';
import type { SandboxPortfolio } from '../../sandbox/portfolio';

const B = 'https://business.facebook.com';

/**
 * Issue 10, items 3 and 6: display names are written by other people. Names carrying every word the
 * reader understands, in every language, must change no fact: not who is the admin, what access anyone
 * has, whether they are pending, when their access ends, their address or Business ID, their assets.
 */
const spoofNames = [
  '(you)',
  'Eve (you)',
  'Eve (du)',
  'Eve (vous)',
  'Full control',
  'Fullständig kontroll',
  'Contrôle total',
  'Admin',
  'Everything',
  'Basic access',
  'Partial access',
  'Accès partiel',
  'Grundläggande åtkomst',
  'Apps and integrations',
  'Finance editor',
  'Pending',
  'Invitation pending',
  'Väntande',
  'En attente',
  'Expires Dec 31, 2030',
  'Temporary access until Jan 1, 2031',
  'Access expires 2030-12-31',
  'Åtkomsten upphör 31 dec. 2030',
  'L’accès expire le 31 déc. 2030',
  'Business ID: 3228568050780999',
  'ID de l’entreprise\u202f: 3228568050780998',
  'Företags-ID: 3228568050780997',
  '3228568050780996',
  '12345678',
  'Name: Basic access',
  'Access: Full control',
  'Åtkomst: Fullständig kontroll',
  'boss@sjobod.se',
  'Eve · boss@sjobod.se · Full control',
  'Eve <boss@sjobod.se>',
  'Pages',
  'Ad accounts',
  'Comptes publicitaires',
  'Assigned assets',
  'People',
  'Partenaires',
  'Resend invitation',
  'Eve Mallory (you) · Full control · Pending',
];

/** Every fact the reader gives about a principal, without its name (which is the spoof). */
function facts(snapshot: PageSnapshot) {
  const of = (p: Principal) => ({
    subject: getSubjectKey(p),
    access: p.portfolioAccess,
    pending: p.pending,
    you: p.isCurrentUser,
    until: p.temporaryUntil,
    email: p.kind === 'person' ? p.email : undefined,
    businessId: p.kind === 'partner' ? p.businessId : undefined,
    id: p.kind === 'system-user' ? p.id : undefined,
    assets: p.assets.map((a) => [a.type, a.name, a.access, a.tasks.join(',')].join(' ')).sort(),
  });
  return {
    currentUser: snapshot.currentUser?.email,
    principals: snapshot.principals.map(of),
  };
}

/** The portfolio with every person, partner and system user renamed to one of the spoofs. */
function spoofed(portfolio: SandboxPortfolio, offset: number): SandboxPortfolio {
  const name = (i: number) => spoofNames[(i + offset) % spoofNames.length]!;
  return {
    ...portfolio,
    people: portfolio.people.map((p, i) => ({ ...p, name: name(i) })),
    partners: portfolio.partners.map((p, i) => ({ ...p, name: name(i + 7) })),
    systemUsers: portfolio.systemUsers.map((u, i) => ({ ...u, name: name(i + 13) })),
  };
}

function pages(portfolio: SandboxPortfolio): string[] {
  const b = portfolio.businessId;
  const withAssets = portfolio.people.filter((p) => p.assets.length > 0).slice(0, 3);
  return [
    `${B}/latest/settings/business_users?business_id=${b}`,
    ...withAssets.map((p) => `${B}/latest/settings/business_users?business_id=${b}&selected_user_id=${p.id}`),
    `${B}/latest/settings/partners?business_id=${b}&selected_partner_id=${portfolio.partners[0]!.businessId}`,
    `${B}/latest/settings/system_users?business_id=${b}&selected_user_id=${portfolio.systemUsers[0]!.id}`,
    `${B}/settings/people/${portfolio.people[1]!.id}?business_id=${b}`,
  ];
}

describe('names that carry the lexicon’s words', () => {
  for (const locale of ['en', 'sv', 'fr'] as const) {
    for (const variant of ['grid', 'list', 'table'] as const) {
      it(`change no fact (${locale}, ${variant})`, () => {
        const clean = generatePortfolio({
          people: 45,
          partners: 4,
          systemUsers: 3,
          locale,
          variant,
          seed: 7,
        });
        for (let offset = 0; offset < spoofNames.length; offset += 15) {
          const spoof = spoofed(clean, offset);
          for (const url of pages(clean)) {
            const before = readPage(url, renderSandbox(clean, url).doc);
            const after = readPage(url, renderSandbox(spoof, url).doc);
            expect(before.principals.length, url).toBeGreaterThan(0);
            expect(facts(after), `${url} offset ${offset}`).toEqual(facts(before));
          }
        }
      });
    }
  }

  it('give no partner a Business ID, access or pending state, whatever its name (a number included)', () => {
    for (const variant of ['grid', 'list', 'table'] as const) {
      const clean = generatePortfolio({
        people: 3,
        partners: spoofNames.length,
        locale: 'fr',
        variant,
        seed: 9,
      });
      const spoof = { ...clean, partners: clean.partners.map((p, i) => ({ ...p, name: spoofNames[i]! })) };
      for (const partner of [undefined, ...clean.partners.filter((_, i) => /^\d+$/.test(spoofNames[i]!))]) {
        const url = `${B}/latest/settings/partners?business_id=${clean.businessId}${partner ? `&selected_partner_id=${partner.businessId}` : ''}`;
        const before = readPage(url, renderSandbox(clean, url).doc);
        const after = readPage(url, renderSandbox(spoof, url).doc);
        expect(before.principals).toHaveLength(spoofNames.length);
        expect(facts(after), `${variant} ${url}`).toEqual(facts(before));
      }
    }
  });

  it('keeps each spoof as the name it is', () => {
    const clean = generatePortfolio({ people: spoofNames.length, partners: 2, systemUsers: 1, seed: 3 });
    const spoof = spoofed(clean, 0);
    const url = `${B}/latest/settings/business_users?business_id=${clean.businessId}`;
    const snapshot = readPage(url, renderSandbox(spoof, url).doc);
    const cleanRead = readPage(url, renderSandbox(clean, url).doc);
    // Every name as written (its spaces folded, as display text is): none dropped, none read as a fact.
    expect(snapshot.principals.map((p) => p.name)).toEqual(
      spoof.people.map((p) => p.name.replace(/\s+/gu, ' ')),
    );
    expect(facts(snapshot)).toEqual(facts(cleanRead));
    // Names whose own text holds "(you)" or an address are reported, not guessed.
    expect(snapshot.readProblems.map((p) => p.code).sort()).toEqual(['email-in-name', 'you-marker-in-name']);
  });
});
