import type { AssetType, TaskKey } from '../../lib/domain/snapshot';
import { sandboxPortfolioSchema, type SandboxPortfolio, type SandboxPortfolioInput } from './portfolio';
import { securityPeople, securityStrings } from './security';
import { tasksByAssetType } from './strings';
import type { ListStructure, PaneStructure } from './structures';

/** A small deterministic PRNG (mulberry32), so the same seed makes the same portfolio. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firstNames = [
  'Anna',
  'Nils',
  'Maja',
  'Omar',
  'Lisa',
  'Élodie',
  'Jonas',
  'Sofia',
  'Karim',
  'Ingrid',
  'Luc',
  'Astrid',
  'Malik',
  'Chloé',
  'Erik',
  'Fatima',
];
const lastNames = [
  'Berg',
  'Holm',
  'Ek',
  'Lindqvist',
  'Dubois',
  'Nyström',
  'Moreau',
  'Sandberg',
  'Haddad',
  'Lefèvre',
  'Åkesson',
  'Girard',
];
const domains = [
  'sjobod.se',
  'byraab.se',
  'pixelverket.fr',
  'gmail.com',
  'contractor.example',
  'hotmail.com',
];

export interface GenerateOptions {
  people: number;
  partners?: number;
  systemUsers?: number;
  locale?: 'en' | 'sv' | 'fr';
  /** The list structure (structures.ts); without one, `structureSeed` or the default picks it. */
  variant?: ListStructure;
  pane?: PaneStructure;
  structureSeed?: string;
  seed?: number;
  batchSize?: number;
  rowDelayMs?: number;
  /** Another client's portfolio (an agency visits many): its Business ID and name. */
  businessId?: string;
  businessName?: string;
}

/** Makes a portfolio of any size: the same generator serves a 5-person and a 5,000-person portfolio. */
export function generatePortfolio(options: GenerateOptions): SandboxPortfolio {
  const random = makeRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const assetTypes: AssetType[] = [
    'page',
    'ad-account',
    'instagram',
    'catalog',
    'dataset',
    'app',
    'whatsapp',
  ];
  const assets = Array.from({ length: 14 }, (_, i) => {
    const type = assetTypes[i % assetTypes.length]!;
    return { id: String(100_000_000_000_000 + i * 7919), type, name: `${pick(lastNames)} ${type} ${i + 1}` };
  });
  const assign = (count: number) =>
    Array.from({ length: count }, () => pick(assets))
      .filter((a, i, all) => all.indexOf(a) === i)
      .map((asset) => {
        const tasks = tasksByAssetType[asset.type];
        const roll = random();
        if (roll < 0.2 || tasks.length === 0)
          return { asset: asset.id, full: true as const, tasks: [] as TaskKey[] };
        return { asset: asset.id, tasks: tasks.filter(() => random() < 0.5).slice(0, 3) };
      });
  const people = Array.from({ length: options.people }, (_, i) => {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const domain = i === 0 ? 'sjobod.se' : pick(domains);
    const roll = random();
    return {
      id: String(61_000_000_000_000 + i),
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@${domain}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
      access: (i === 0 || roll < 0.1
        ? 'full-control'
        : roll < 0.85
          ? 'basic'
          : roll < 0.95
            ? 'apps-integrations'
            : 'finance') as 'full-control' | 'basic' | 'apps-integrations' | 'finance',
      pending: i > 0 && random() < 0.08,
      temporaryUntil:
        i > 0 && random() < 0.1
          ? `2027-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`
          : undefined,
      assets: assign(Math.floor(random() * 4)),
    };
  });
  const partners = Array.from(
    { length: options.partners ?? Math.max(1, Math.round(options.people / 20)) },
    (_, i) => ({
      businessId: String(3_228_568_050_780_000 + i * 13),
      name: `${pick(lastNames)} ${pick(['Agency', 'Media', 'Byrå', 'Conseil'])} ${i + 1}`,
      assets: assign(1 + Math.floor(random() * 6)),
    }),
  );
  const systemUsers = Array.from({ length: options.systemUsers ?? 2 }, (_, i) => ({
    id: String(61_550_000_000_000 + i),
    name: `${pick(['Conversions API', 'Catalog sync', 'Reporting'])} ${i + 1}`,
    role: (i === 0 ? 'admin' : 'employee') as 'admin' | 'employee',
    assets: assign(2),
  }));
  const input: SandboxPortfolioInput = {
    businessId: options.businessId ?? '1234567890123456',
    businessName: options.businessName ?? 'Generated Portfolio AB',
    locale: options.locale ?? 'en',
    variant: options.variant,
    paneStructure: options.pane,
    structureSeed: options.structureSeed,
    batchSize: options.batchSize,
    rowDelayMs: options.rowDelayMs,
    currentUserId: people[0]?.id ?? '0',
    assets,
    people,
    partners,
    systemUsers,
  };
  return sandboxPortfolioSchema.parse(input);
}

/** The sample portfolio of the demo and the end-to-end tests: a small café with an agency and a freelancer. */
export function samplePortfolio(
  locale: 'en' | 'sv' | 'fr' = 'en',
  variant?: ListStructure,
  overrides: Partial<SandboxPortfolioInput> = {},
): SandboxPortfolio {
  const input: SandboxPortfolioInput = {
    businessId: '1203456789012345',
    businessName: 'Sjöbod Café AB',
    locale,
    variant,
    currentUserId: '61000000000001',
    assets: [
      { id: '100200300400501', type: 'page', name: 'Sjöbod Café' },
      { id: '100200300400502', type: 'ad-account', name: 'Sjöbod – Ads' },
      { id: '100200300400503', type: 'instagram', name: '@sjobodcafe' },
      { id: '100200300400504', type: 'catalog', name: 'Sjöbod Menu' },
      { id: '100200300400505', type: 'dataset', name: 'Sjöbod Pixel' },
      { id: '100200300400506', type: 'app', name: 'Sjöbod Booking' },
    ],
    people: [
      {
        id: '61000000000001',
        name: 'Anna Berg',
        email: 'anna@sjobod.se',
        access: 'full-control',
        assets: [{ asset: '100200300400501', full: true }],
      },
      {
        id: '61000000000002',
        name: 'Nils Holm',
        email: 'nils@byraab.se',
        access: 'full-control',
        assets: [
          { asset: '100200300400501', full: true },
          { asset: '100200300400502', tasks: ['campaigns', 'performance'] },
        ],
      },
      {
        id: '61000000000003',
        name: 'Maja Ek',
        email: 'maja@sjobod.se',
        access: 'basic',
        assets: [{ asset: '100200300400501', tasks: ['content', 'community', 'messages'] }],
      },
      {
        id: '61000000000004',
        name: 'Lisa Karlsson',
        email: 'lisa.k@gmail.com',
        access: 'basic',
        pending: true,
        temporaryUntil: '2026-12-31',
        assets: [{ asset: '100200300400503', tasks: ['content', 'insights'] }],
      },
      {
        id: '61000000000005',
        name: 'Omar Haddad',
        email: 'omar@pixelverket.fr',
        access: 'apps-integrations',
        temporaryUntil: '2027-02-15',
        assets: [{ asset: '100200300400506', tasks: ['develop'] }],
      },
      {
        id: '61000000000006',
        name: '<img src=x onerror="window.__pwned=1">\u202eEve',
        email: 'eve@contractor.example',
        access: 'basic',
        assets: [],
      },
    ],
    partners: [
      {
        businessId: '3228568050780001',
        name: 'Byrå AB',
        assets: [
          { asset: '100200300400501', full: 'except-sensitive' },
          { asset: '100200300400502', full: true },
          { asset: '100200300400505', tasks: ['use'] },
        ],
      },
      {
        businessId: '3228568050780002',
        name: 'Pixelverket SARL',
        assets: [{ asset: '100200300400503', tasks: ['ads', 'insights'] }],
      },
    ],
    systemUsers: [
      {
        id: '61550000000001',
        name: 'Conversions API',
        role: 'admin',
        assets: [{ asset: '100200300400505', full: true }],
      },
      {
        id: '61550000000002',
        name: 'Catalog sync',
        role: 'employee',
        assets: [{ asset: '100200300400504', tasks: ['advertise'] }],
      },
    ],
    ...overrides,
  };
  return sandboxPortfolioSchema.parse(input);
}

/**
 * The sample portfolio with Business info's two-factor requirement and Security Center's lists (security.ts):
 * Nils Holm (full control) and three people named like the pages' words are without two-factor; Maja Ek and
 * two such people are inactive; the business is named like a choice of the setting. `wording: 'unknown'`
 * renders both pages in words no reader knows.
 */
export function securityPortfolio(
  locale: 'en' | 'sv' | 'fr',
  listStructure: ListStructure,
  twoFactor: 'no-one' | 'admins' | 'everyone',
  wording: 'meta' | 'unknown' = 'meta',
  people: 'rows' | 'plain-cards' = 'rows',
): SandboxPortfolio {
  const base = samplePortfolio(locale, undefined, { listStructure });
  base.businessName = securityStrings[locale].values.everyone;
  base.security = { twoFactor, wording, people };
  base.people = [
    ...base.people.map((p) =>
      p.email === 'nils@byraab.se'
        ? { ...p, withoutTwoFactor: true }
        : p.email === 'maja@sjobod.se'
          ? { ...p, inactive: true }
          : p,
    ),
    ...securityPeople.map((p) => ({ ...p, access: 'basic' as const, pending: false, assets: [] })),
  ];
  return base;
}
