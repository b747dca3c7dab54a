import { beforeAll, describe, expect, it } from 'vitest';
import { listedChanges } from '@/lib/domain/ledger/admin';
import { buildExport } from '@/lib/domain/ledger/export';
import { planImport, type ImportCheck, type LedgerContents } from '@/lib/domain/ledger/import';
import { isRealDate } from '@/lib/domain/ledger/dates';
import type { Decision, GrantRecord } from '@/lib/domain/ledger/records';
import { describeProblem } from '@/lib/domain/i18n';
import { chainOf, grant, LEDGER, OTHER_LEDGER } from './fixtures';
import { appendTo, makeSigner, signedExport, type Body, type TestSigner } from './signing-fixtures';

/** Issue 11, items 3 and 4: a file changes only what the admin saw, and cannot forge our chain. */
const NOW = new Date('2026-11-28T12:00:00Z');
const B = '1203456789012345';
const PARTNER = 'partner:3228568050780001';
const MINE = '11111111-2222-4333-8444-555555555555';

const english = (r: ImportCheck) => (r.ok ? 'ok' : describeProblem('en', r.error));

let alice: TestSigner;
let me: TestSigner;
let mallory: TestSigner;
beforeAll(async () => {
  [alice, me, mallory] = await Promise.all([makeSigner(), makeSigner(), makeSigner()]);
});

function holding(
  chains: [string, Decision[]][] = [],
  extra: Partial<LedgerContents> = {},
  grants: GrantRecord[] = [],
): LedgerContents {
  return {
    ledgerId: MINE,
    grants: new Map(grants.map((g) => [g.id, g])),
    chains: new Map(chains),
    own: { key: me.publicKey, legacyHead: null },
    ...extra,
  };
}

const body = (extra: Partial<Body>): Body => ({
  at: '2026-11-20T10:00:00.000Z',
  businessId: B,
  subject: PARTNER,
  action: 'note',
  rationale: 'Checked with the agency',
  decidedBy: 'anna@sjobod.se',
  ...extra,
});
const accept = (ruleId = 'third-party-full-control', reviewAt = '2027-01-15', extra: Partial<Body> = {}) =>
  body({ action: 'accept-finding', after: { ruleId, reviewAt, assetName: 'Sjöbod Café' }, ...extra });
const revoke = (extra: Partial<Body> = {}) =>
  body({ action: 'revoke', before: { endsAt: '2027-01-31' }, after: { endsAt: '2026-11-20' }, ...extra });

async function aliceFile(bodies: Body[], grants: GrantRecord[] = []): Promise<string> {
  const chain = await appendTo([], LEDGER, bodies, alice);
  return JSON.stringify(await signedExport(LEDGER, grants, new Map([[LEDGER, chain]]), NOW, alice));
}

const plan = (text: string, current = holding()) =>
  planImport(text, text.length, current, { now: NOW, maxGrantDays: 90 });

describe('real dates', () => {
  it('knows the calendar and a sane range of years', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    for (const bad of [
      '2027-02-30',
      '2027-02-29',
      '2026-04-31',
      '2026-13-01',
      '9999-12-31',
      '9999-99-99',
      '1999-12-31',
    ])
      expect(isRealDate(bad)).toBe(false);
  });

  it('says what the calendar says, day by day over the years and around them, and nothing else is a date', () => {
    // The definition the digit-by-digit check replaced: a regex, then the day the calendar ends the month on.
    const byCalendar = (text: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return false;
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (year < 2000 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
      return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    };
    const two = (n: number) => String(n).padStart(2, '0');
    let real = 0;
    for (const year of [1900, 1999, 2000, 2001, 2024, 2026, 2028, 2100, 2104, 2199, 2200, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${two(month)}-${two(day)}`;
          expect(isRealDate(text), text).toBe(byCalendar(text));
          if (byCalendar(text)) real++;
        }
    // Eight sane years, four of them leap (2000, 2024, 2028, 2104; 2100 is not): every one of their days.
    expect(real).toBe(365 * 8 + 4);
    for (const odd of [
      '2026-1-01',
      '2026-01-1',
      '2026/01/01',
      '2026-01-01 ',
      ' 2026-01-01',
      '2026-0a-01',
      '２０２６-01-01',
      '2026-01-01T00:00:00Z',
      '',
      '2026-+1-01',
      '2026-01--1',
      '2026.5-01-0',
    ])
      expect(isRealDate(odd), odd).toBe(false);
  });

  it.each([
    ['a grant ending 2027-02-30', [], [grant('g1', { endsAt: '2027-02-30' })], /^Grant #1 g1: endsAt/],
    [
      'a revocation until 9999-12-31',
      [revoke({ after: { endsAt: '9999-12-31' } })],
      [],
      /^Decision #1 .*: after\.endsAt/,
    ],
    [
      'an acceptance until 9999-99-99',
      [accept('no-expiry', '9999-99-99')],
      [],
      /^Decision #1 .*: after\.reviewAt/,
    ],
    ['a decision on 2026-11-31', [body({ at: '2026-11-31T10:00:00.000Z' })], [], /^Decision #1 .*: at /],
  ])('refuses %s, naming the record', async (_label, bodies, grants, error) => {
    expect(english(await plan(await aliceFile(bodies, grants)))).toMatch(error);
  });

  it('refuses decisions and records from the future, and dates more than ten years ahead', async () => {
    expect(english(await plan(await aliceFile([body({ at: '2026-11-28T12:30:00.000Z' })])))).toMatch(
      /: at is 2026-11-28T12:30:00.000Z, later than now/,
    );
    // A few minutes of clock skew are fine.
    expect(english(await plan(await aliceFile([body({ at: '2026-11-28T12:03:00.000Z' })])))).toBe('ok');
    const future = grant('g1', {
      createdAt: '2027-06-01T00:00:00.000Z',
      updatedAt: '2027-06-01T00:00:00.000Z',
    });
    expect(english(await plan(await aliceFile([], [future])))).toMatch(
      /^Grant g1: createdAt .* later than now/,
    );
    const far = grant('g2', { startsAt: '2150-01-01', endsAt: '2150-02-01' });
    expect(english(await plan(await aliceFile([], [far])))).toMatch(
      /^Grant g2: startsAt is 2150-01-01, after 2036-11-28/,
    );
  });

  it('refuses an acceptance reviewed later than the maximum duration after the decision', async () => {
    expect(english(await plan(await aliceFile([accept('no-expiry', '2027-02-19')])))).toMatch(
      /accepts a finding until 2027-02-19, longer than the maximum of 90 days \(2027-02-18\)/,
    );
    expect(english(await plan(await aliceFile([accept('no-expiry', '2027-02-18')])))).toBe('ok');
  });

  it('refuses a grant that ends before it starts', async () => {
    const backwards = grant('g1', { startsAt: '2026-11-10', endsAt: '2026-11-01' });
    expect(english(await plan(await aliceFile([], [backwards])))).toMatch(/^Grant #1 g1: endsAt/);
  });

  it('refuses a grant that starts later than the maximum duration from today', async () => {
    const later = grant('g1', { startsAt: '2036-01-01', endsAt: '2036-03-31' });
    expect(english(await plan(await aliceFile([], [later])))).toBe(
      'Grant g1: startsAt is 2036-01-01, after 2027-02-26. Nothing was imported.',
    );
    const soon = grant('g1', { startsAt: '2027-02-26', endsAt: '2027-03-31' });
    expect(english(await plan(await aliceFile([], [soon])))).toBe('ok');
  });

  it('caps a grant longer than the maximum duration, and says so in the preview', async () => {
    const long = grant('g1', { startsAt: '2026-11-01', endsAt: '2027-11-01' });
    const check = await plan(await aliceFile([], [long]));
    if (!check.ok) throw new Error(english(check));
    expect(check.plan.addGrants[0]!.endsAt).toBe('2027-01-30');
    expect(check.plan.cappedGrants).toBe(1);
    expect(check.plan.changes).toContainEqual(
      expect.objectContaining({ kind: 'add-grant', endsAt: '2027-01-30', cappedFrom: '2027-11-01' }),
    );
    // Imported again: the capped record held here is the same grant, not a conflict.
    const again = await plan(await aliceFile([], [long]), holding([], {}, [check.plan.addGrants[0]!]));
    expect(again).toMatchObject({
      ok: true,
      plan: { addGrants: [], identicalGrants: 1, conflictingGrants: [] },
    });
  });
});

describe('payloads', () => {
  it('refuses a 10,000-level before/after without overflowing the stack', async () => {
    // Written as text: JSON.stringify itself overflows at this depth, JSON.parse does not.
    const deep = `${'{"a":'.repeat(10_000)}"bottom"${'}'.repeat(10_000)}`;
    const file = await aliceFile([body({ action: 'keep', after: 'PAYLOAD' })]);
    const text = file.replace('"PAYLOAD"', deep);
    expect(text.length).toBeGreaterThan(60_000);
    expect(english(await plan(text))).toMatch(/^Decision #1 .*: after is missing or not valid/);
  });

  it('refuses a huge before/after and one not in its action’s shape', async () => {
    const huge = Array.from({ length: 5000 }, (_, i) => ({ i }));
    const file = JSON.parse(await aliceFile([body({ action: 'reduce' })]));
    file.decisions[0].before = huge;
    expect(english(await plan(JSON.stringify(file)))).toMatch(/^Decision #1 .*: before/);
    for (const [action, after] of [
      ['accept-finding', { ruleId: 'no-expiry', reviewAt: '2027-01-01', silenceEverything: true }],
      ['accept-finding', { ruleId: 'no-expiry' }],
      ['revoke', { endsAt: '2026-11-20', alsoRevoke: ['everyone'] }],
      ['extend', 'until forever'],
      ['note', { checklist: 'offboard-partner', runId: 'r1', steps: [], script: '<img>' }],
    ] as const) {
      const bad = JSON.parse(await aliceFile([body({ action })]));
      bad.decisions[0].after = after;
      expect(english(await plan(JSON.stringify(bad))), `${action} ${JSON.stringify(after)}`).toMatch(
        /^Decision #1 .*: after/,
      );
    }
  });

  it('accepts every shape Scopekeeper writes (old files still import)', async () => {
    const text = await aliceFile([
      body({
        action: 'grant',
        rationale: 'Spring campaign',
        after: {
          assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['ads'] }],
          startsAt: '2026-11-01',
          endsAt: null,
        },
      }),
      body({ action: 'extend', before: { endsAt: null }, after: { endsAt: '2027-01-15' } }),
      // As the README's example of the format shows a grant.
      body({ action: 'grant', before: null, after: { endsAt: '2027-01-31' } }),
      revoke(),
      body({ action: 'revoke' }),
      accept(),
      body({ action: 'accept-finding', after: { ruleId: 'no-expiry', reviewAt: '2027-01-15' } }),
      body({
        after: {
          checklist: 'offboard-partner',
          runId: 'r1',
          steps: [
            { id: 'revoke-partner', how: 'evidence', at: '2026-11-19T10:00:00.000Z' },
            { id: 'recheck-in-a-week', how: null, at: null },
          ],
        },
      }),
      body({ action: 'keep', after: { note: 'kept as is' } }),
    ]);
    expect(english(await plan(text))).toBe('ok');
    // A file from before signing (no publicKey, no signatures) imports too.
    const old = JSON.stringify(
      buildExport(
        OTHER_LEDGER,
        [grant('g1')],
        new Map([[OTHER_LEDGER, await chainOf(3, OTHER_LEDGER)]]),
        NOW,
      ),
    );
    const check = await plan(old);
    expect(check).toMatchObject({ ok: true, plan: { ledgers: [{ key: 'none', signed: 0, unsigned: 3 }] } });
  });
});

describe('another admin’s mutes and revocations', () => {
  it('are listed one by one in the preview, and wait for the admin to trust that colleague', async () => {
    const g = grant('g1', { endsAt: '2027-01-15' });
    const check = await plan(
      await aliceFile([body({}), accept(), revoke({ at: '2026-11-21T10:00:00.000Z' })], [g]),
    );
    if (!check.ok) throw new Error(english(check));
    expect(check.plan.ledgers).toMatchObject([
      { ledgerId: LEDGER, ours: false, trusted: false, adding: 3, silencing: 2, key: 'new', signed: 3 },
    ]);
    // Mutes and revocations first, whatever the file's order.
    expect(check.plan.changes).toEqual([
      {
        kind: 'accept',
        ledgerId: LEDGER,
        businessId: B,
        subject: PARTNER,
        ruleId: 'third-party-full-control',
        assetName: 'Sjöbod Café',
        until: '2027-01-15',
        by: 'anna@sjobod.se',
      },
      {
        kind: 'revoke',
        ledgerId: LEDGER,
        businessId: B,
        subject: PARTNER,
        on: '2026-11-21',
        by: 'anna@sjobod.se',
        grants: 1,
      },
      {
        kind: 'add-grant',
        businessId: B,
        subject: PARTNER,
        assets: ['Sjöbod Café'],
        endsAt: '2027-01-15',
        silences: ['undocumented-third-party', 'no-expiry'],
      },
    ]);
    // A grant with no end date still documents the access: it silences undocumented-third-party.
    const open = await plan(await aliceFile([], [grant('g2', { endsAt: undefined })]));
    expect(open).toMatchObject({
      ok: true,
      plan: { changes: [{ kind: 'add-grant', silences: ['undocumented-third-party'] }] },
    });
    const trusted = await plan(await aliceFile([accept()]), holding([], { trusted: new Set([LEDGER]) }));
    expect(trusted).toMatchObject({ ok: true, plan: { ledgers: [{ trusted: true }] } });
  });
  it('cannot be pushed out of the preview by a thousand harmless records', async () => {
    const padding = Array.from({ length: 1001 }, (_, i) =>
      grant(`g${String(i).padStart(4, '0')}`, { subject: `partner:${1000 + i}` }),
    );
    const extends_ = Array.from({ length: 1001 }, () =>
      body({ action: 'extend', before: { endsAt: '2027-01-01' }, after: { endsAt: '2027-01-20' } }),
    );
    const check = await plan(await aliceFile([...extends_, accept()], padding));
    if (!check.ok) throw new Error(english(check));
    expect(check.plan.changes[0]).toMatchObject({ kind: 'accept' });
    const listed = listedChanges(check.plan.changes);
    // Every silencing change is listed (the mute and the 1,001 grants); no extension fits after them.
    expect(listed.filter((c) => c.kind === 'accept')).toHaveLength(1);
    expect(listed.filter((c) => c.kind === 'add-grant')).toHaveLength(1001);
    expect(listed).toHaveLength(1002);
    expect(listedChanges(check.plan.changes.filter((c) => c.kind !== 'add-grant'))).toHaveLength(1000);
  });
});

describe('authorship', () => {
  it('refuses a decision appended to our own chain that our key did not sign', async () => {
    const ours = await appendTo([], MINE, [body({}), body({ rationale: 'second' })], me);
    // A file that knows our ledger id and chain: one more decision, unsigned, then signed by another key.
    for (const signer of [undefined, mallory]) {
      const forged = await appendTo(ours, MINE, [revoke()], signer);
      const text = JSON.stringify(buildExport(MINE, [], new Map([[MINE, forged]]), NOW));
      expect(english(await plan(text, holding([[MINE, ours]])))).toMatch(
        /adds decision .* to this installation’s own ledger, but this installation did not sign it/,
      );
    }
    // The same, signed by our key (our own backup), is welcome.
    const genuine = await appendTo(ours, MINE, [revoke()], me);
    const backup = JSON.stringify(await signedExport(MINE, [], new Map([[MINE, genuine]]), NOW, me));
    expect(await plan(backup, holding([[MINE, ours]]))).toMatchObject({
      ok: true,
      plan: { ledgers: [{ ours: true, key: 'ours', adding: 1, signed: 1 }] },
    });
  });

  it('restores our unsigned decisions from before signing only up to the head recorded then', async () => {
    const legacy = await appendTo([], MINE, [body({}), body({ rationale: 'old' })]);
    const current = holding([], { own: { key: me.publicKey, legacyHead: legacy[1]!.hash } });
    const restore = JSON.stringify(buildExport(MINE, [], new Map([[MINE, legacy]]), NOW));
    expect(english(await plan(restore, current))).toBe('ok');
    const more = await appendTo(legacy, MINE, [revoke()]);
    const forged = JSON.stringify(buildExport(MINE, [], new Map([[MINE, more]]), NOW));
    expect(english(await plan(forged, current))).toMatch(/did not sign it/);
  });

  it('warns when a colleague’s ledger comes with another key than the one first seen', async () => {
    const text = await aliceFile([accept()]);
    const pinned = new Map([[LEDGER, { key: mallory.publicKey, firstSeenAt: '2026-10-01T00:00:00.000Z' }]]);
    const check = await plan(text, holding([], { pinnedKeys: pinned }));
    expect(check).toMatchObject({ ok: true, plan: { ledgers: [{ key: 'changed' }] } });
    if (check.ok) {
      expect(check.plan.ledgers[0]!.pinnedFingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
      expect(check.plan.ledgers[0]!.pinnedFingerprint).not.toBe(check.plan.ledgers[0]!.fingerprint);
    }
    const same = new Map([[LEDGER, { key: alice.publicKey, firstSeenAt: '2026-10-01T00:00:00.000Z' }]]);
    // Once her key is known, nothing unsigned is added to her chain in her name.
    const legacy = JSON.stringify(buildExport(LEDGER, [], new Map([[LEDGER, await chainOf(2)]]), NOW));
    expect(english(await plan(legacy, holding([], { pinnedKeys: same })))).toMatch(/is not signed/);
    expect(await plan(text, holding([], { pinnedKeys: same }))).toMatchObject({
      ok: true,
      plan: { ledgers: [{ key: 'known' }] },
    });
  });

  it('refuses a bad signature, a chain head not signed by the file’s key, and an unsigned decision after signed ones', async () => {
    const file = JSON.parse(await aliceFile([body({}), accept()]));
    file.decisions[1].sig = file.decisions[0].sig;
    expect(english(await plan(JSON.stringify(file)))).toMatch(
      /signature of decision .* does not match its key/,
    );

    const head = JSON.parse(await aliceFile([body({})]));
    head.publicKey = mallory.publicKey;
    expect(english(await plan(JSON.stringify(head)))).toMatch(
      /does not match its key|chain head is not signed/,
    );
    const noHeadSig = JSON.parse(await aliceFile([body({})]));
    delete noHeadSig.decisions[0].sig;
    noHeadSig.chainHeadSignature = '0'.repeat(128);
    expect(english(await plan(JSON.stringify(noHeadSig)))).toMatch(/chain head is not signed/);

    const signed = await appendTo([], LEDGER, [body({})], alice);
    const tail = await appendTo(signed, LEDGER, [revoke()]);
    const gap = JSON.stringify(await signedExport(LEDGER, [], new Map([[LEDGER, tail]]), NOW, alice));
    expect(english(await plan(gap))).toMatch(/is not signed, though that ledger signs its decisions/);
  });
});
