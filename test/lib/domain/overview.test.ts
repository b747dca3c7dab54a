import { describe, expect, it } from 'vitest';
import { observe, type Baseline } from '@/lib/domain/baseline';
import type { OpenChange } from '@/lib/domain/open-change';
import {
  businessLabel,
  compareRisk,
  filterOverview,
  overviewRow,
  overviewRowSchema,
  sortOverview,
  storedFindings,
  type OverviewRow,
} from '@/lib/domain/overview';
import { emptyLedgerFacts } from '@/lib/domain/rules/types';
import { defaultSettings } from '@/lib/domain/settings';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { me, NOW, partner, person, snapshot, systemUser } from './rules/helpers';

const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';
const T3 = '2026-11-03T10:00:00.000Z';

function build(reads: [PageSnapshot, string][]): Baseline {
  let baseline: Baseline | undefined;
  for (const [read, at] of reads) baseline = observe(baseline, read, at, ['sjobod.se']).baseline;
  return baseline!;
}

const change = (fullControl: boolean): OpenChange => ({ fullControl }) as OpenChange;

const row = (businessId: string, over: Partial<OverviewRow> = {}): OverviewRow => ({
  businessId,
  findings: { high: 0, medium: 0, low: 0 },
  unrecorded: 0,
  unrecordedFullControl: 0,
  due: 0,
  openRuns: 0,
  openReviews: 0,
  principals: 0,
  assets: 0,
  lastRead: {},
  ...over,
});

describe('the overview of every business (issue 15, item 2)', () => {
  it('counts a business’s findings, unrecorded changes, due items, runs, principals, assets and reads', () => {
    const baseline = build([
      [snapshot([me, person('Lisa', 'lisa@sjobod.se')]), T1],
      [
        snapshot(
          [partner('Byrå AB', '987654321', [{ type: 'page', name: 'Café', access: 'full', tasks: [] }])],
          'partners',
        ),
        T2,
      ],
      [
        snapshot(
          [
            systemUser('Bot', '55555', {
              assets: [{ type: 'app', id: '77', name: 'App', access: 'full', tasks: [] }],
            }),
          ],
          'asset',
        ),
        T3,
      ],
    ]);
    const r = overviewRow({
      businessId: '1203456789012345',
      baseline,
      findings: [
        { severity: 'high' },
        { severity: 'high' },
        { severity: 'medium', accepted: { until: '2027-01-01' } },
        { severity: 'low' },
      ],
      open: new Map([
        ['person:x@evil.example', [change(false), change(true)]],
        ['person:y@evil.example', [change(false)]],
        ['person:z@evil.example', []],
      ]),
      due: 3,
      openRuns: 1,
    });
    expect(r).toEqual({
      businessId: '1203456789012345',
      findings: { high: 2, medium: 0, low: 1 },
      unrecorded: 2,
      unrecordedFullControl: 1,
      due: 3,
      openRuns: 1,
      openReviews: 0,
      principals: 4,
      assets: 2,
      lastRead: { people: T1, partners: T2, asset: T3 },
    });
    expect(overviewRowSchema.safeParse(r).success).toBe(true);
    // A business only read, with no baseline yet: zeros, no reads.
    expect(overviewRow({ businessId: '9', findings: [], due: 0, openRuns: 0 })).toMatchObject({
      principals: 0,
      assets: 0,
      lastRead: {},
    });
  });

  it('finds what the rules find on the business as read across its stored pages', () => {
    const mallory = person('Mallory', 'mallory@evil.example', { portfolioAccess: 'full-control' });
    const findings = storedFindings(
      [
        { ...snapshot([me, mallory]), currentUser: { name: 'Anna Berg', email: 'anna@sjobod.se' } },
        snapshot([partner('Byrå AB', '987654321')], 'partners'),
      ],
      { settings: defaultSettings, now: NOW, ledger: emptyLedgerFacts, locale: 'en' },
    );
    // The partner read on Partners counts too (the same view as a tab's), exactly as the rules find it.
    expect(findings.map((f) => [f.severity, f.ruleId, f.subject])).toEqual([
      ['high', 'third-party-full-control', 'person:mallory@evil.example'],
      ['medium', 'full-control-person', 'person:mallory@evil.example'],
      ['medium', 'no-expiry', 'person:mallory@evil.example'],
      ['medium', 'no-expiry', 'partner:987654321'],
      ['low', 'undocumented-third-party', 'person:mallory@evil.example'],
      ['low', 'undocumented-third-party', 'partner:987654321'],
    ]);
    // With a grant for the partner, its findings go (the ledger's facts are read).
    const withGrant = storedFindings([snapshot([partner('Byrå AB', '987654321')], 'partners')], {
      settings: defaultSettings,
      now: NOW,
      ledger: { ...emptyLedgerFacts, grants: new Map([['partner:987654321', { endsAt: '2027-02-01' }]]) },
      locale: 'en',
    });
    expect(withGrant.filter((f) => f.subject === 'partner:987654321')).toEqual([]);
    expect(
      storedFindings([], { settings: defaultSettings, now: NOW, ledger: emptyLedgerFacts, locale: 'en' }),
    ).toEqual([]);
  });

  const rows = [
    row('100', { findings: { high: 0, medium: 5, low: 9 }, lastRead: { people: T3 } }),
    row('200', { findings: { high: 1, medium: 0, low: 0 }, lastRead: { people: T1 } }),
    row('300', { unrecorded: 2, unrecordedFullControl: 1, name: 'Sjöbod Café AB' }),
    row('400', { unrecorded: 4 }),
    row('500', { due: 2, lastRead: { asset: T2 } }),
    row('600', { openRuns: 1 }),
    row('650', { openReviews: 1, openReview: 'campaign-1' }),
    row('700'),
    row('800', { findings: { high: 1, medium: 0, low: 0 }, unrecordedFullControl: 1, unrecorded: 1 }),
  ];

  it('ranks by risk: high findings, unrecorded full control, other unrecorded, medium, due, runs, reviews, low', () => {
    expect(sortOverview(rows, 'risk').map((r) => r.businessId)).toEqual([
      '800',
      '200',
      '300',
      '400',
      '100',
      '500',
      '600',
      '650',
      '700',
    ]);
    expect(compareRisk(row('1'), row('2'))).toBeLessThan(0);
    expect(
      sortOverview(rows, 'recent')
        .map((r) => r.businessId)
        .slice(0, 3),
    ).toEqual(['100', '500', '200']);
    expect(sortOverview(rows, 'business').map((r) => businessLabel(r))).toEqual([
      '100',
      '200',
      '400',
      '500',
      '600',
      '650',
      '700',
      '800',
      'Sjöbod Café AB',
    ]);
  });

  it('filters and searches by ID and by name once it is known', () => {
    expect(filterOverview(rows, 'findings', '').map((r) => r.businessId)).toEqual(['100', '200', '800']);
    expect(filterOverview(rows, 'unrecorded', '').map((r) => r.businessId)).toEqual(['300', '400', '800']);
    expect(filterOverview(rows, 'due', '').map((r) => r.businessId)).toEqual(['500']);
    expect(filterOverview(rows, 'checklists', '').map((r) => r.businessId)).toEqual(['600', '650']);
    expect(filterOverview(rows, 'all', ' 00 ')).toHaveLength(8);
    expect(filterOverview(rows, 'all', '30').map((r) => r.businessId)).toEqual(['300']);
    expect(filterOverview(rows, 'all', 'café   ab').map((r) => r.businessId)).toEqual(['300']);
    expect(filterOverview(rows, 'due', 'café')).toEqual([]);
    expect(businessLabel({ businessId: '300', name: '  ' })).toBe('300');
  });
});
