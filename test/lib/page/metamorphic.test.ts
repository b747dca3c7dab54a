import { describe, expect, it } from 'vitest';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { readPage } from '@/lib/page/read';
import { renderSandbox } from '../../sandbox/dom';
import { generatePortfolio, samplePortfolio } from '../../sandbox/generate';
import type { SandboxPortfolio } from '../../sandbox/portfolio';
import { tasksByAssetType } from '../../sandbox/strings';
import {
  listStructures,
  paneStructures,
  type ListStructure,
  type PaneStructure,
} from '../../sandbox/structures';
import {
  expectedHolders,
  expectedPartners,
  expectedPeople,
  expectedSystemUsers,
  factDiff,
  readFacts,
  type Fact,
} from './facts';

/**
 * Metamorphic test of the reader (issue 10, item 2): one portfolio rendered in every list structure ×
 * every detail-pane structure × every language must read as the same facts, and those facts must be the
 * ones the portfolio description says (so the structures cannot pass by being equally wrong). The facts
 * (./facts.ts) are a projection of the snapshot: who (subject key, kind, name, Business ID / ID), with which
 * portfolio access, pending, "(you)", end date, and the selected subject's assets with access and tasks.
 */

const B = 'https://business.facebook.com';
const locales = ['en', 'sv', 'fr'] as const;
type Locale = (typeof locales)[number];

/** A page to read: its URL and the facts the portfolio says it shows. */
interface Case {
  name: string;
  url: (p: SandboxPortfolio) => string;
  expected: (p: SandboxPortfolio) => Fact[];
}

// ---------- the portfolios and pages ----------

function latest(p: SandboxPortfolio, path: string, query: string): string {
  return `${B}/latest/settings/${path}?business_id=${p.businessId}${query}`;
}

const sampleCases: Case[] = [
  {
    name: 'people, Nils selected',
    url: (p) => latest(p, 'business_users', '&selected_user_id=61000000000002'),
    expected: (p) => expectedPeople(p, '61000000000002'),
  },
  {
    name: 'people, pending Lisa selected',
    url: (p) => latest(p, 'business_users', '&selected_user_id=61000000000004'),
    expected: (p) => expectedPeople(p, '61000000000004'),
  },
  {
    name: 'partners, Byrå AB selected',
    url: (p) => latest(p, 'partners', '&selected_partner_id=3228568050780001'),
    expected: (p) => expectedPartners(p, '3228568050780001'),
  },
  {
    name: 'system users, Conversions API selected',
    url: (p) => latest(p, 'system_users', '&selected_user_id=61550000000001'),
    expected: (p) => expectedSystemUsers(p, '61550000000001'),
  },
  {
    name: 'asset page, Sjöbod Café',
    url: (p) => latest(p, 'pages', '&selected_asset_id=100200300400501&selected_asset_type=page'),
    expected: (p) => expectedHolders(p, '100200300400501'),
  },
];

/**
 * A generated portfolio with partners and assets, made to have a pending invitee with assets and no
 * partial grant without tasks (Meta asks for at least one task).
 */
function generated(locale: Locale, list: ListStructure, pane: PaneStructure): SandboxPortfolio {
  const p = generatePortfolio({
    people: 12,
    partners: 3,
    systemUsers: 2,
    locale,
    variant: list,
    pane,
    seed: 17,
  });
  for (const holder of [...p.people, ...p.partners, ...p.systemUsers])
    for (const grant of holder.assets) {
      const type = p.assets.find((a) => a.id === grant.asset)!.type;
      if (!grant.full && grant.tasks.length === 0) grant.tasks = [tasksByAssetType[type][0]!];
    }
  // The last person with assets (never the admin, people[0]) becomes a pending invitee.
  p.people.filter((x, i) => i > 0 && x.assets.length > 0).at(-1)!.pending = true;
  return p;
}

/** The page whose holders are the most, among the Pages of a portfolio. */
function busiestPage(p: SandboxPortfolio): string {
  const holders = (id: string) =>
    [...p.people, ...p.partners].filter((h) => h.assets.some((g) => g.asset === id)).length;
  return p.assets.filter((a) => a.type === 'page').sort((a, b) => holders(b.id) - holders(a.id))[0]!.id;
}

const generatedCases: Case[] = [
  {
    name: 'generated people, a person with assets selected',
    url: (p) => latest(p, 'business_users', `&selected_user_id=${withAssets(p, false).id}`),
    expected: (p) => expectedPeople(p, withAssets(p, false).id),
  },
  {
    name: 'generated people, a pending invitee with assets selected',
    url: (p) => latest(p, 'business_users', `&selected_user_id=${withAssets(p, true).id}`),
    expected: (p) => expectedPeople(p, withAssets(p, true).id),
  },
  {
    name: 'generated partners, the partner with most assets selected',
    url: (p) => latest(p, 'partners', `&selected_partner_id=${mostAssets(p.partners).businessId}`),
    expected: (p) => expectedPartners(p, mostAssets(p.partners).businessId),
  },
  {
    name: 'generated system users, the second selected',
    url: (p) => latest(p, 'system_users', `&selected_user_id=${p.systemUsers[1]!.id}`),
    expected: (p) => expectedSystemUsers(p, p.systemUsers[1]!.id),
  },
  {
    name: 'generated asset page, the Page with most holders',
    url: (p) => latest(p, 'pages', `&selected_asset_id=${busiestPage(p)}&selected_asset_type=page`),
    expected: (p) => expectedHolders(p, busiestPage(p)),
  },
];

function withAssets(p: SandboxPortfolio, pending: boolean): SandboxPortfolio['people'][number] {
  return p.people
    .filter((x) => x.pending === pending && x.assets.length > 0)
    .sort((a, b) => b.assets.length - a.assets.length)[0]!;
}

function mostAssets<T extends { assets: unknown[] }>(items: T[]): T {
  return [...items].sort((a, b) => b.assets.length - a.assets.length)[0]!;
}

function read(p: SandboxPortfolio, c: Case): { snapshot: PageSnapshot; facts: Fact[] } {
  const { doc } = renderSandbox(p, c.url(p));
  const snapshot = readPage(doc.location.href, doc);
  const pendingKeys = new Set(
    p.people.filter((x) => x.pending).map((x) => `person:${x.email.toLowerCase()}`),
  );
  return { snapshot, facts: readFacts(snapshot, pendingKeys) };
}

const portfolios = [
  {
    name: 'sample',
    make: (locale: Locale, list: ListStructure, pane: PaneStructure) =>
      samplePortfolio(locale, undefined, { listStructure: list, paneStructure: pane }),
    cases: sampleCases,
  },
  { name: 'generated', make: generated, cases: generatedCases },
];

describe('metamorphic: every structure reads as the same facts', () => {
  for (const portfolio of portfolios) {
    for (const locale of locales) {
      // The default structures (grid + headings), read once per page: the reference the others must match.
      const reference = new Map<string, Fact[]>();
      const defaultFacts = (c: Case) => {
        if (!reference.has(c.name))
          reference.set(c.name, read(portfolio.make(locale, 'grid', 'headings'), c).facts);
        return reference.get(c.name)!;
      };

      it(`the generated portfolio has what the cases need (${portfolio.name}, ${locale})`, () => {
        const p = portfolio.make(locale, 'grid', 'headings');
        expect(p.people.some((x) => x.pending && x.assets.length > 0)).toBe(true);
        expect(p.partners.some((x) => x.assets.length > 1)).toBe(true);
        expect(p.assets.some((a) => a.type === 'page')).toBe(true);
      });

      for (const list of listStructures) {
        for (const pane of paneStructures) {
          for (const c of portfolio.cases) {
            it(`${portfolio.name} · ${locale} · ${list} × ${pane} · ${c.name}`, () => {
              const p = portfolio.make(locale, list, pane);
              const expected = c.expected(p);
              const { snapshot, facts } = read(p, c);
              expect
                .soft(snapshot.readStatus, `readStatus, problems: ${JSON.stringify(snapshot.readProblems)}`)
                .toBe('ok');
              // The failure message is the diff, one difference a line.
              const vsExpected = factDiff(facts, expected);
              expect
                .soft(vsExpected, `read vs the portfolio description:\n  ${vsExpected.join('\n  ')}\n`)
                .toEqual([]);
              if (list !== 'grid' || pane !== 'headings') {
                const vsDefault = factDiff(facts, defaultFacts(c));
                expect
                  .soft(vsDefault, `read vs the default structures’ read:\n  ${vsDefault.join('\n  ')}\n`)
                  .toEqual([]);
              }
            });
          }
        }
      }
    }
  }
});
