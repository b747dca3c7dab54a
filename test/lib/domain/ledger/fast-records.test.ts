import { describe, expect, it } from 'vitest';
import '@/lib/domain/snapshot';
import { isPlainValidDecision } from '@/lib/domain/ledger/fast-records';
import { parseExportFile } from '@/lib/domain/ledger/import';
import { decisionSchema, exportFileSchema } from '@/lib/domain/ledger/records';
import { grant } from './fixtures';

/**
 * The fast path for an import's decisions (issue 12, item 5) against `decisionSchema`, the definition:
 * whatever the fast path vouches for, the schema accepts and gives back unchanged; everything Scopekeeper
 * writes is vouched for (so the fast path is taken); and a file parses to the same result or the same
 * first issue either way.
 */
const LEDGER = '6f1c2b8e-6a53-4f0e-9a51-2c7e5d3f9b10';
const H = 'a'.repeat(64);

const base = {
  id: 'd1',
  ledgerId: LEDGER,
  at: '2026-11-20T10:00:00.000Z',
  businessId: '1203456789012345',
  subject: 'partner:3228568050780001',
  action: 'note',
  rationale: 'Checked with the agency',
  decidedBy: 'anna@sjobod.se',
  prevHash: '0'.repeat(64),
  hash: H,
};

/** Every shape Scopekeeper writes (records.ts decisionPayloads; import-trust.test.ts "accepts every shape"). */
const valid: Record<string, unknown>[] = [
  base,
  { ...base, sig: 'b'.repeat(128) },
  { ...base, grantId: 'g1' },
  { ...base, rationale: '' },
  { ...base, at: '2026-11-20T10:00:00Z' },
  { ...base, at: '2026-11-20T10:00:00.123456+02:00' },
  { ...base, at: '2028-02-29T23:59:59.999-11:30' },
  {
    ...base,
    action: 'grant',
    before: null,
    after: {
      assets: [
        { type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['ads'] },
        { type: 'ad-account', id: '9876543210', name: 'Sjöbod Ads', access: 'full', tasks: [] },
      ],
      startsAt: '2026-11-01',
      endsAt: null,
    },
  },
  { ...base, action: 'grant', after: { endsAt: '2027-01-31' } },
  { ...base, action: 'extend', before: { endsAt: null }, after: { endsAt: '2027-01-15' } },
  { ...base, action: 'revoke', before: { endsAt: '2027-01-31' }, after: { endsAt: '2026-11-20' } },
  { ...base, action: 'revoke' },
  {
    ...base,
    action: 'accept-finding',
    after: { ruleId: 'third-party-full-control', reviewAt: '2027-01-15', assetName: 'Sjöbod Café' },
  },
  { ...base, action: 'accept-finding', before: null, after: { ruleId: 'no-expiry', reviewAt: '2027-01-15' } },
  {
    ...base,
    after: {
      checklist: 'offboard-partner',
      runId: 'r1',
      steps: [
        { id: 'revoke-partner', how: 'evidence', at: '2026-11-19T10:00:00.000Z' },
        { id: 'recheck-in-a-week', how: null, at: null },
      ],
    },
  },
  { ...base, action: 'keep', after: { note: 'kept as is', n: 1.5, list: [true, null, 'x'] } },
  { ...base, action: 'reduce', before: [1, 2, 3], after: 'less' },
  { ...base, action: 'reduce', before: { a: { b: { c: 'deep' } } } },
];

type Mutation = [string, (d: Record<string, unknown>) => unknown];

const wrongValues: unknown[] = [
  undefined,
  null,
  '',
  0,
  1.5,
  true,
  [],
  {},
  'x'.repeat(101),
  'x'.repeat(10_001),
  'ABC',
  ' ',
];

/** Each field set to each wrong-ish value, removed, and a few precise near misses. */
function mutations(d: Record<string, unknown>): Mutation[] {
  const out: Mutation[] = [];
  const keys = [...Object.keys(base), 'grantId', 'before', 'after', 'sig'];
  for (const key of keys) {
    out.push([`without ${key}`, () => Object.fromEntries(Object.entries(d).filter(([k]) => k !== key))]);
    for (const value of wrongValues)
      out.push([`${key} = ${String(value).slice(0, 12)}`, () => ({ ...d, [key]: value })]);
  }
  const set = (key: string, values: unknown[]) =>
    values.forEach((v) => out.push([`${key} = ${JSON.stringify(v)}`, () => ({ ...d, [key]: v })]));
  set('at', [
    '2026-11-20',
    '2026-11-20T10:00Z',
    '2026-11-20T10:00:00',
    '2026-11-20t10:00:00Z',
    '2026-11-20T24:00:00Z',
    '2026-11-20T10:60:00Z',
    '2026-11-20T10:00:60Z',
    '2026-02-29T10:00:00Z',
    '2027-02-30T10:00:00Z',
    '1999-12-31T23:59:59Z',
    '2200-01-01T00:00:00Z',
    '2026-11-20T10:00:00.Z',
    '2026-11-20T10:00:00+0100',
    '2026-11-20T10:00:00+24:00',
    '2026-11-20T10:00:00.1234567890Z',
    '２026-11-20T10:00:00Z',
  ]);
  set('ledgerId', [
    LEDGER.toUpperCase(),
    '6f1c2b8e-6a53-0f0e-9a51-2c7e5d3f9b10',
    '6f1c2b8e-6a53-4f0e-7a51-2c7e5d3f9b10',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    `${LEDGER} `,
    `{${LEDGER}}`,
  ]);
  set('businessId', ['1'.repeat(20), '1'.repeat(21), '12a', '-1', '１２３']);
  // The characters beside the hex digits in ASCII ('/', ':', '`', 'g'), one in place of the last digit.
  set('hash', [
    H.toUpperCase(),
    `${H}0`,
    H.slice(1),
    ...['g', '/', ':', '`', 'é'].map((c) => `${H.slice(1)}${c}`),
  ]);
  set('prevHash', [H.toUpperCase(), `${H}\n`]);
  set('sig', [
    'b'.repeat(127),
    'B'.repeat(128),
    'b'.repeat(130),
    `${'0'.repeat(127)}/`,
    `${'9'.repeat(127)}:`,
  ]);
  set('action', ['Grant', 'delete', 'accept']);
  set('subject', ['x'.repeat(600), 'x'.repeat(601)]);
  set('decidedBy', ['x'.repeat(200), 'x'.repeat(201)]);
  set('rationale', ['x'.repeat(10_000)]);
  set('id', ['x'.repeat(100)]);
  set('extra', ['anything']);
  set('__proto__', [{ polluted: true }]);
  const payloads: unknown[] = [
    null,
    'until forever',
    { endsAt: null },
    { endsAt: '2027-01-15' },
    { endsAt: '2027-02-30' },
    { endsAt: '2027-1-15' },
    { endsAt: '2027-01-15', also: 1 },
    { endsAt: undefined },
    { ruleId: 'no-expiry', reviewAt: '2027-01-01', silenceEverything: true },
    { ruleId: 'no-expiry' },
    { ruleId: '', reviewAt: '2027-01-01' },
    { ruleId: 'x'.repeat(65), reviewAt: '2027-01-01' },
    { ruleId: 'no-expiry', reviewAt: '2027-01-01', assetName: 'x'.repeat(501) },
    { endsAt: '2026-11-20', alsoRevoke: ['everyone'] },
    { checklist: 'offboard-partner', runId: 'r1', steps: [], script: '<img>' },
    { checklist: 'offboard-partner', runId: 'r1', steps: [{ id: 's', how: null }] },
    { checklist: 'offboard-partner', runId: 'r1', steps: [{ id: 's', how: 'x'.repeat(33), at: null }] },
    { checklist: 'offboard-partner', runId: 'r1', steps: [{ id: 's', how: null, at: '2026-11-19' }] },
    { checklist: 'offboard-partner', runId: 'r1', steps: Array(101).fill({ id: 's', how: null, at: null }) },
    { assets: [], endsAt: null },
    { assets: [{ type: 'page', name: 'P', access: 'partial', tasks: ['ads'], extra: 1 }], endsAt: null },
    { assets: [{ type: 'pages', name: 'P', access: 'partial', tasks: [] }], endsAt: null },
    { assets: [{ type: 'page', name: '', access: 'partial', tasks: [] }], endsAt: null },
    { assets: [{ type: 'page', name: 'P', access: 'some', tasks: [] }], endsAt: null },
    { assets: [{ type: 'page', name: 'P', access: 'partial', tasks: ['cook'] }], endsAt: null },
    { assets: [{ type: 'page', id: '', name: 'P', access: 'partial', tasks: [] }], endsAt: null },
    { assets: [{ type: 'page', name: 'P', access: 'partial', tasks: Array(21).fill('ads') }], endsAt: null },
    { startsAt: '2026-13-01', endsAt: null },
    Array.from({ length: 2001 }, (_, i) => i),
    JSON.parse(`${'{"a":'.repeat(20)}"bottom"${'}'.repeat(20)}`),
    { text: 'x'.repeat(10_001) },
    [Infinity],
  ];
  for (const side of ['before', 'after'] as const)
    payloads.forEach((p, i) => out.push([`${side} #${i}`, () => ({ ...d, [side]: p })]));
  return out;
}

const actions = ['grant', 'extend', 'reduce', 'revoke', 'keep', 'accept-finding', 'note'];

function cases(): [string, unknown][] {
  const out: [string, unknown][] = valid.map((d, i) => [`valid #${i}`, d]);
  for (const [i, d] of valid.entries()) {
    for (const [name, mutate] of mutations(d)) out.push([`#${i} ${name}`, mutate(d)]);
    for (const action of actions) out.push([`#${i} as ${action}`, { ...d, action }]);
  }
  out.push(['null', null], ['array', [base]], ['string', 'x'], ['class instance', new Date()]);
  out.push(['with a prototype', Object.assign(Object.create({ inherited: 1 }) as object, base)]);
  return out;
}

describe('the fast path for decisions', () => {
  it('vouches for every shape Scopekeeper writes', () => {
    for (const [i, d] of valid.entries()) {
      expect(decisionSchema.safeParse(d).success, `valid #${i} by the schema`).toBe(true);
      expect(isPlainValidDecision(JSON.parse(JSON.stringify(d))), `valid #${i}`).toBe(true);
    }
  });

  it('never vouches for what the schema refuses or changes, on thousands of near misses', () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(3000);
    let refusedBySchema = 0;
    for (const [name, value] of all) {
      const schema = decisionSchema.safeParse(value);
      if (!schema.success) refusedBySchema++;
      if (isPlainValidDecision(value)) {
        expect(schema.success, name).toBe(true);
        expect(schema.data, name).toEqual(value);
      }
    }
    // The near misses are mostly refusals: the test exercises the refusing side.
    expect(refusedBySchema).toBeGreaterThan(all.length / 2);
  });

  it('parses a file to exactly what the schema gives, or its first issue', () => {
    const file = (decisions: unknown, extra: Record<string, unknown> = {}) => ({
      format: 'scopekeeper-ledger',
      version: 1,
      ledgerId: LEDGER,
      exportedAt: '2026-11-28T12:00:00.000Z',
      grants: [grant('g1')],
      decisions,
      chainHead: null,
      ...extra,
    });
    const files: unknown[] = [
      file(valid),
      file([]),
      file(valid, { checklistRuns: [] }),
      file(valid, { publicKey: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'B'.repeat(43), d: 'x' } }),
      file(valid, { unexpected: true }),
      file(valid, { chainHead: 'nope' }),
      file(valid, { grants: [{ ...grant('g2'), endsAt: '2026-01-01' }] }),
      file([...valid, { ...base, at: 'yesterday' }]),
      file([...valid, { ...base, at: 'yesterday' }], { chainHead: 'nope' }),
      file([base, { ...base, extra: 1 }], { grants: 'none' }),
      file('not a list'),
      // eslint-disable-next-line no-sparse-arrays
      file([base, , base]),
    ];
    for (const [i, raw] of files.entries()) {
      const fast = parseExportFile(raw);
      const schema = exportFileSchema.safeParse(raw);
      expect(fast.success, `file #${i}`).toBe(schema.success);
      if (schema.success) expect(fast.data, `file #${i}`).toEqual(schema.data);
      else expect(fast.error?.issues[0], `file #${i}`).toEqual(schema.error.issues[0]);
    }
  });
});
