import { describe, expect, it } from 'vitest';
import { regexes } from 'zod';
import { readProblem } from '@/lib/domain/read-problems';
import { EMAIL_PATTERN, PRINCIPALS_MAX, type PageSnapshot } from '@/lib/domain/snapshot';
import { snapshotDeltaSchema, snapshotReportSchema } from '@/lib/domain/messages';
import { pageSnapshotSchema, principalSchema } from '@/lib/domain/snapshot-schema';
import {
  normalizeDelta,
  normalizePrincipals,
  normalizeReport,
  normalizeSnapshot,
  snapshotIssue,
} from '@/lib/domain/snapshot-normalize';
import { makeRandom } from '../../sandbox/generate';

/**
 * The content script holds what it sends to the background's zod schema by hand (issue 12, item 2):
 * each bound is checked against the schema itself, so the two cannot drift apart.
 */

const x = (n: number) => 'x'.repeat(n);
const digits = (n: number) => '1'.repeat(n);
const asset = { type: 'page', id: '123', name: 'Sjöbod', access: 'partial', tasks: ['content', 'ads'] };
const person = {
  kind: 'person',
  email: 'anna@sjobod.se',
  name: 'Anna',
  portfolioAccess: 'full-control',
  pending: false,
  isCurrentUser: false,
  temporaryUntil: '2026-12-31',
  assets: [asset],
  hiddenCharacters: true,
};
const partner = {
  kind: 'partner',
  businessId: '3228568050780001',
  name: 'Byrå AB',
  pending: false,
  isCurrentUser: false,
  assets: [],
};
const systemUser = {
  kind: 'system-user',
  id: '61000000000002',
  name: 'Sync',
  pending: false,
  isCurrentUser: false,
  assets: [],
};

/** Each bound of a principal, on either side of it: [what, candidate]. */
const cases: [string, Record<string, unknown>][] = [
  ['a whole person', person],
  ['a whole partner', partner],
  ['a whole system user', systemUser],
  ['an unknown kind', { ...person, kind: 'robot' }],
  ['no kind', { ...person, kind: undefined }],
  ['an empty name', { ...person, name: '' }],
  ['a name of 500 characters', { ...person, name: x(500) }],
  ['a name of 501 characters', { ...person, name: x(501) }],
  ['a name that is not text', { ...person, name: 5 }],
  ['an unknown portfolio access', { ...person, portfolioAccess: 'admin' }],
  ['no portfolio access', { ...person, portfolioAccess: undefined }],
  ['pending not a boolean', { ...person, pending: 'yes' }],
  ['isCurrentUser missing', { ...person, isCurrentUser: undefined }],
  ['an end date that is not an ISO date', { ...person, temporaryUntil: '31/12/2026' }],
  ['an end date with a time', { ...person, temporaryUntil: '2026-12-31T00:00' }],
  ['hiddenCharacters not a boolean', { ...person, hiddenCharacters: 1 }],
  ['read on its detail pane', { ...person, detail: true }],
  ['said not read on its pane', { ...person, detail: false }],
  ['detail not a boolean', { ...person, detail: 'yes' }],
  ['assets not a list', { ...person, assets: {} }],
  ['10,000 assets', { ...person, assets: Array.from({ length: 10_000 }, () => asset) }],
  ['10,001 assets', { ...person, assets: Array.from({ length: 10_001 }, () => asset) }],
  ['an asset of an unknown type', { ...person, assets: [{ ...asset, type: 'group' }] }],
  ['an asset without an ID', { ...person, assets: [{ ...asset, id: undefined }] }],
  ['an asset with an empty ID', { ...person, assets: [{ ...asset, id: '' }] }],
  ['an asset ID of 64 characters', { ...person, assets: [{ ...asset, id: x(64) }] }],
  ['an asset ID of 65 characters', { ...person, assets: [{ ...asset, id: x(65) }] }],
  ['an asset with an empty name', { ...person, assets: [{ ...asset, name: '' }] }],
  ['an asset name of 500 characters', { ...person, assets: [{ ...asset, name: x(500) }] }],
  ['an asset name of 501 characters', { ...person, assets: [{ ...asset, name: x(501) }] }],
  ['an asset with an unknown access', { ...person, assets: [{ ...asset, access: 'owner' }] }],
  ['an asset with an unknown task', { ...person, assets: [{ ...asset, tasks: ['content', 'hack'] }] }],
  ['an asset with 12 tasks', { ...person, assets: [{ ...asset, tasks: Array(12).fill('ads') }] }],
  ['an asset with 13 tasks', { ...person, assets: [{ ...asset, tasks: Array(13).fill('ads') }] }],
  ['an asset that is not an object', { ...person, assets: ['page'] }],
  ['an asset with a field of its own', { ...person, assets: [{ ...asset, row: 3 }] }],
  ['a field the snapshot does not have', { ...person, element: { tagName: 'DIV' } }],
  ['a partner ID of 4 digits', { ...partner, businessId: digits(4) }],
  ['a partner ID of 5 digits', { ...partner, businessId: digits(5) }],
  ['a partner ID of 20 digits', { ...partner, businessId: digits(20) }],
  ['a partner ID of 21 digits', { ...partner, businessId: digits(21) }],
  ['a partner ID with a letter', { ...partner, businessId: '12345a' }],
  ['a partner without an ID', { ...partner, businessId: undefined }],
  ['a system user ID of 4 digits', { ...systemUser, id: digits(4) }],
  ['a system user ID of 21 digits', { ...systemUser, id: digits(21) }],
  ['a system user ID of 20 digits', { ...systemUser, id: digits(20) }],
  ['a person without an e-mail address', { ...person, email: undefined }],
];

/** E-mail addresses on either side of the schema's checks: a refused one is dropped, not the person. */
const emails = [
  'anna@sjobod.se',
  "o'brien+tag@mail.example.co.uk",
  'a@b.cd',
  `${x(308)}@example.com`,
  `${x(309)}@example.com`,
  'eve@@contractor',
  'eve@contractor',
  '.eve@example.com',
  'eve.@example.com',
  'eve..x@example.com',
  'eve@-example.com',
  'eve@example.c',
  'eve @example.com',
  'éve@example.com',
  '',
];

/** What the schema makes of one principal: the principal it keeps (e-mail dropped if only that fails), or none. */
function bySchema(candidate: Record<string, unknown>) {
  const parsed = principalSchema.safeParse(candidate);
  if (parsed.success) return { kept: parsed.data, emailDropped: false };
  if (candidate.kind === 'person' && candidate.email !== undefined) {
    const { email: _dropped, ...rest } = candidate;
    const again = principalSchema.safeParse(rest);
    if (again.success) return { kept: again.data, emailDropped: true };
  }
  return { kept: undefined, emailDropped: false };
}

function expectAsSchema(what: string, candidate: Record<string, unknown>) {
  const { principals, problems } = normalizePrincipals([candidate]);
  const expected = bySchema(candidate);
  expect(principals, what).toEqual(expected.kept ? [expected.kept] : []);
  if (!expected.kept) {
    expect(problems, what).toEqual([
      readProblem('principal-invalid', { kind: String(candidate.kind), issue: expect.any(String) as string }),
    ]);
  } else expect(problems, what).toEqual(expected.emailDropped ? [readProblem('invalid-email')] : []);
  // Whatever is kept, the background takes in.
  for (const p of principals) expect(principalSchema.safeParse(p).success, what).toBe(true);
}

describe('the reader holds each principal to the background’s schema by hand', () => {
  it('keeps, mends or drops a principal exactly where the schema does, bound by bound', () => {
    for (const [what, candidate] of cases) expectAsSchema(what, candidate);
    // The bounds above are real: some were kept, some dropped.
    const kept = cases.filter(([, c]) => normalizePrincipals([c]).principals.length === 1).length;
    expect(kept).toBeGreaterThan(15);
    expect(kept).toBeLessThan(cases.length - 15);
  });

  it('says which field a dropped principal failed on', () => {
    expect(normalizePrincipals([{ ...person, name: x(501) }]).problems[0]?.facts?.issue).toMatch(/^name:/);
    expect(normalizePrincipals([{ ...partner, businessId: '12' }]).problems[0]?.facts?.issue).toMatch(
      /^businessId:/,
    );
    expect(
      normalizePrincipals([{ ...person, assets: [{ ...asset, id: x(65) }] }]).problems[0]?.facts?.issue,
    ).toMatch(/^asset\.id:/);
  });

  it('drops an e-mail address the schema refuses and keeps the person, with invalid-email', () => {
    for (const email of emails) expectAsSchema(`e-mail ${JSON.stringify(email)}`, { ...person, email });
    const { principals, problems } = normalizePrincipals([{ ...person, email: 'eve@@contractor' }]);
    expect(principals).toHaveLength(1);
    expect(principals[0]).not.toHaveProperty('email');
    expect(problems).toEqual([readProblem('invalid-email')]);
  });

  it('uses the e-mail pattern zod checks by default', () => {
    expect(EMAIL_PATTERN.source).toBe(regexes.email.source);
  });

  it('keeps only the fields a snapshot has, in new objects (a reader’s object is not changed)', () => {
    const candidate = { ...person, element: 'row 3', assets: [{ ...asset, row: 1 }] };
    const [kept] = normalizePrincipals([candidate]).principals;
    expect(kept).not.toHaveProperty('element');
    expect(kept!.assets[0]).not.toHaveProperty('row');
    kept!.isCurrentUser = true;
    expect(candidate.isCurrentUser).toBe(false);
  });

  it('cuts a list longer than the schema takes, and says so', () => {
    const many = Array.from({ length: PRINCIPALS_MAX + 3 }, (_, i) => ({
      ...person,
      email: `p${i}@x.example`,
    }));
    const { principals, problems } = normalizePrincipals(many);
    expect(principals).toHaveLength(PRINCIPALS_MAX);
    expect(problems).toEqual([
      readProblem('list-over-limit', { count: PRINCIPALS_MAX, total: PRINCIPALS_MAX + 3 }),
    ]);
    const exactly = normalizePrincipals(many.slice(0, PRINCIPALS_MAX));
    expect(exactly.problems).toEqual([]);
  });

  it('agrees with the schema on 3,000 principals of random fields', () => {
    const random = makeRandom(12);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const values: Record<string, unknown[]> = {
      kind: ['person', 'partner', 'system-user', 'bot', undefined],
      name: ['Anna', '', x(500), x(501), 7, undefined],
      email: [...emails, undefined, 3],
      businessId: ['12345', '1234', digits(20), digits(21), 'abcde', undefined],
      id: ['12345', '1234', digits(21), undefined],
      portfolioAccess: ['full-control', 'basic', 'unknown', 'admin', undefined],
      pending: [true, false, 'true', undefined],
      isCurrentUser: [true, false, 0],
      temporaryUntil: ['2026-12-31', '2026-1-1', '', undefined],
      hiddenCharacters: [true, false, undefined, 'no'],
      detail: [true, false, undefined, 1],
      assets: [
        [],
        [asset],
        [{ ...asset, id: '' }],
        [{ ...asset, name: x(501) }],
        [{ ...asset, tasks: ['ads', 'nope'] }],
        [{ ...asset, type: 'group' }],
        [{ ...asset, access: 'owner' }],
        [asset, { ...asset, id: undefined, tasks: [] }],
        'none',
      ],
    };
    for (let i = 0; i < 3000; i++) {
      const candidate: Record<string, unknown> = {};
      for (const [field, options] of Object.entries(values)) {
        const value = pick(options);
        if (value !== undefined || random() < 0.5) candidate[field] = value;
      }
      expectAsSchema(`random principal ${i}: ${JSON.stringify(candidate).slice(0, 300)}`, candidate);
    }
  });
});

describe('the reader holds a snapshot’s page-level fields to the schema by hand', () => {
  const header: Omit<PageSnapshot, 'principals'> = {
    kind: 'people',
    businessId: '1203456789012345',
    url: 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345',
    locale: 'en',
    readStatus: 'partial',
    readProblems: [readProblem('list-partly-loaded', { count: 3, total: 10 })],
    currentUser: { name: 'Anna', email: 'anna@sjobod.se' },
  };
  const headers: [string, Record<string, unknown>][] = [
    ['a whole header', header],
    ['no business', { ...header, businessId: undefined }],
    ['a business ID of 20 digits', { ...header, businessId: digits(20) }],
    ['a business ID of 21 digits', { ...header, businessId: digits(21) }],
    ['an empty business ID', { ...header, businessId: '' }],
    ['an unknown page kind', { ...header, kind: 'home' }],
    ['an address that is not one', { ...header, url: 'not a url' }],
    ['an address of 4,096 characters', { ...header, url: `https://business.facebook.com/?q=${x(4063)}` }],
    ['an address of 4,097 characters', { ...header, url: `https://business.facebook.com/?q=${x(4064)}` }],
    ['an unknown locale', { ...header, locale: 'de' }],
    ['an unknown read status', { ...header, readStatus: 'fine' }],
    ['100 read problems', { ...header, readProblems: Array(100).fill(readProblem('invalid-email')) }],
    ['101 read problems', { ...header, readProblems: Array(101).fill(readProblem('invalid-email')) }],
    ['an unknown read problem', { ...header, readProblems: [{ code: 'bad-day' }] }],
    ['a fact of an unknown name', { ...header, readProblems: [{ code: 'no-list', facts: { person: 'x' } }] }],
    [
      'a fact of 300 characters',
      { ...header, readProblems: [{ code: 'reader-failed', facts: { error: x(300) } }] },
    ],
    [
      'a fact of 301 characters',
      { ...header, readProblems: [{ code: 'reader-failed', facts: { error: x(301) } }] },
    ],
    ['a negative count', { ...header, readProblems: [{ code: 'email-in-name', facts: { count: -1 } }] }],
    [
      'a count that is not whole',
      { ...header, readProblems: [{ code: 'email-in-name', facts: { count: 1.5 } }] },
    ],
    ['facts that are a list', { ...header, readProblems: [{ code: 'email-in-name', facts: [1] }] }],
    ['a current user without a name', { ...header, currentUser: { name: '' } }],
    ['a current user with a refused address', { ...header, currentUser: { name: 'A', email: 'a@b' } }],
    ['a current user without an address', { ...header, currentUser: { name: 'A' } }],
    ['a two-factor requirement', { ...header, security: { twoFactorRequirement: 'admins' } }],
    ['an unknown two-factor requirement', { ...header, security: { twoFactorRequirement: 'owners' } }],
    ['security signals that are a list', { ...header, security: [] }],
    ['Security Center’s people', { ...header, security: { inactive: [{ name: 'Bo', email: 'bo@x.se' }] } }],
    ['a listed person without a name', { ...header, security: { inactive: [{ name: '' }] } }],
    ['a listed person of 501 characters', { ...header, security: { withoutTwoFactor: [{ name: x(501) }] } }],
    [
      'a listed person with a refused address',
      { ...header, security: { inactive: [{ name: 'B', email: 'b@' }] } },
    ],
    ['a list that is not one', { ...header, security: { inactive: 'all' } }],
  ];

  it('finds an issue exactly where the schema does, bound by bound', () => {
    for (const [what, candidate] of headers) {
      const parsed = pageSnapshotSchema.safeParse({ ...candidate, principals: [] });
      const issue = snapshotIssue(candidate as Omit<PageSnapshot, 'principals'>);
      expect(issue === undefined, `${what}: ${issue}`).toBe(parsed.success);
    }
    expect(headers.filter(([, c]) => snapshotIssue(c as never) !== undefined).length).toBeGreaterThan(10);
  });
});

describe('the background normalises a reported read before its parse (moved from the page, issue 15)', () => {
  const url = 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345';
  const read = (principals: unknown[], extra: Record<string, unknown> = {}) => ({
    kind: 'people',
    businessId: '1203456789012345',
    url,
    locale: 'en',
    readStatus: 'ok',
    readProblems: [],
    principals,
    ...extra,
  });
  const you = { ...person, email: 'me@sjobod.se', name: 'Me', isCurrentUser: true };

  it('leaves a read the schema takes as it is, and says it was not mended', () => {
    const sent = read([person, partner, systemUser], { currentUser: { name: 'Me', email: 'me@sjobod.se' } });
    const { snapshot, mended } = normalizeSnapshot(sent);
    expect(mended).toBe(false);
    expect(pageSnapshotSchema.parse(snapshot)).toEqual(pageSnapshotSchema.parse(sent));
  });

  it('drops and mends principals, says so, makes an ok read partial and takes the current user again', () => {
    const sent = read([{ ...person, name: x(501) }, { ...you, email: 'me@@sjobod' }, partner], {
      currentUser: { name: 'Me', email: 'me@@sjobod' },
    });
    const { snapshot, mended } = normalizeSnapshot(sent);
    expect(mended).toBe(true);
    const parsed = pageSnapshotSchema.parse(snapshot);
    expect(parsed.principals.map((p) => p.name)).toEqual(['Me', 'Byrå AB']);
    expect(parsed.principals[0]).not.toHaveProperty('email');
    expect(parsed.readStatus).toBe('partial');
    expect(parsed.readProblems.map((p) => p.code)).toEqual(['principal-invalid', 'invalid-email']);
    expect(parsed.currentUser).toEqual({ name: 'Me' });
  });

  it('keeps a dropped current user out of the read, and the page’s own problems first (at most 20)', () => {
    const own = Array.from({ length: 19 }, () => readProblem('email-in-name', { count: 1 }));
    const sent = read(
      [
        { ...you, assets: 'none' },
        { ...person, kind: 'robot' },
      ],
      {
        readStatus: 'partial',
        readProblems: own,
        currentUser: { name: 'Me', email: 'me@sjobod.se' },
      },
    );
    const parsed = pageSnapshotSchema.parse(normalizeSnapshot(sent).snapshot);
    expect(parsed.principals).toEqual([]);
    expect(parsed.currentUser).toBeUndefined();
    expect(parsed.readProblems).toHaveLength(20);
    expect(parsed.readProblems.slice(0, 19)).toEqual(own);
    expect(parsed.readProblems[19]!.code).toBe('principal-invalid');
  });

  it('makes a read whose page-level fields the schema refuses unreadable, saying why', () => {
    const { snapshot, mended } = normalizeSnapshot(
      read([person], { readProblems: [{ code: 'bad-day' }], businessName: 'Sjöbod' }),
    );
    expect(mended).toBe(true);
    expect(pageSnapshotSchema.parse(snapshot)).toEqual({
      kind: 'people',
      url,
      locale: 'en',
      readStatus: 'unreadable',
      readProblems: [readProblem('snapshot-invalid', { issue: 'readProblems: unknown code' })],
      principals: [],
    });
    const badUrl = normalizeSnapshot(read([person], { url: 'not a url', readProblems: 'x' })).snapshot;
    expect(pageSnapshotSchema.parse(badUrl).url).toBe('https://business.facebook.com/');
  });

  it('takes input of any type without throwing, and leaves what is no read for the schema to refuse', () => {
    const odd: unknown[] = [
      null,
      undefined,
      7,
      'people',
      [],
      { principals: 'all' },
      read([null, 3, 'x', [], { kind: 'person', name: { toString: 1 } }]),
      read([person], { kind: 'home' }),
      read([person], { locale: 7, url: null }),
      { snapshot: read([person]), seq: 'one' },
    ];
    for (const value of odd) {
      expect(() => normalizeSnapshot(value)).not.toThrow();
      expect(() => normalizeReport(value)).not.toThrow();
      expect(() => normalizeDelta(value)).not.toThrow();
      expect(() => snapshotReportSchema.safeParse(value)).not.toThrow();
      expect(() => snapshotDeltaSchema.safeParse(value)).not.toThrow();
      expect(() => snapshotReportSchema.safeParse({ snapshot: value })).not.toThrow();
    }
    // A read whose kind or locale is unknown is not made a valid one: the parse refuses it.
    expect(snapshotReportSchema.safeParse({ snapshot: read([person], { kind: 'home' }) }).success).toBe(
      false,
    );
    // Principals that are not objects are each a read problem, not a refused read.
    const parsed = snapshotReportSchema.parse({ snapshot: read([null, 3, person]) });
    expect(parsed.snapshot.principals).toHaveLength(1);
    expect(parsed.snapshot.readProblems.map((p) => p.code)).toEqual([
      'principal-invalid',
      'principal-invalid',
    ]);
  });

  it('parses a mended report without its number (so no delta applies on it), an intact one with it', () => {
    const stream = '0123456789abcdef';
    const intact = snapshotReportSchema.parse({ snapshot: read([person]), stream, seq: 4 });
    expect(intact).toMatchObject({ stream, seq: 4 });
    const mended = snapshotReportSchema.parse({
      snapshot: read([person, { ...person, name: '' }]),
      stream,
      seq: 4,
    });
    expect(mended.stream).toBe(stream);
    expect(mended).not.toHaveProperty('seq');
  });

  it('marks a delta that upserts a principal the schema refuses unfit (answered needFull), and no other', () => {
    const { principals: _p, ...header } = read([]);
    const delta = (principal: unknown) => ({
      stream: '0123456789abcdef',
      seq: 2,
      header,
      count: 2,
      upsert: [
        { at: 0, principal: partner },
        { at: 1, principal },
      ],
      remove: [],
    });
    const fine = snapshotDeltaSchema.parse(delta(person));
    expect(fine.unfit).toBeUndefined();
    expect(fine.upsert).toHaveLength(2);
    for (const bad of [{ ...person, name: x(501) }, { ...person, email: 'eve@@contractor' }, 'x', null]) {
      const parsed = snapshotDeltaSchema.parse(delta(bad));
      expect(parsed.unfit, JSON.stringify(bad)).toBe(true);
      expect(parsed.upsert.map((u) => u.principal.name)).toEqual(['Byrå AB']);
    }
  });
});
