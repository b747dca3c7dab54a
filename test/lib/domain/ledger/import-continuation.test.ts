import { beforeAll, describe, expect, it } from 'vitest';
import { describeProblem } from '@/lib/domain/i18n';
import {
  heldChainsOf,
  planImport,
  type HeldChains,
  type ImportCheck,
  type ImportOptions,
  type LedgerContents,
} from '@/lib/domain/ledger/import';
import type { Decision } from '@/lib/domain/ledger/records';
import { LEDGER } from './fixtures';
import { appendTo, makeSigner, signedExport, type Body, type TestSigner } from './signing-fixtures';

/**
 * A file may continue a chain from a decision held here (issue 16: the team ledger sends only what a
 * colleague does not hold yet): only the new part is read and verified, from the hash held on; a gap or a
 * fork is refused, and every signature rule still holds.
 */
const NOW = new Date('2026-11-28T12:00:00Z');
const MINE = '11111111-2222-4333-8444-555555555555';

const english = (r: ImportCheck) => (r.ok ? 'ok' : describeProblem('en', r.error));
const body = (i: number, extra: Partial<Body> = {}): Body => ({
  at: '2026-11-20T10:00:00.000Z',
  businessId: '1203456789012345',
  subject: 'partner:3228568050780001',
  action: 'note',
  rationale: `Checked with the agency ${i}`,
  decidedBy: 'anna@sjobod.se',
  ...extra,
});

let alice: TestSigner;
let me: TestSigner;
let chain: Decision[];
beforeAll(async () => {
  [alice, me] = await Promise.all([makeSigner(), makeSigner()]);
  chain = await appendTo(
    [],
    LEDGER,
    [0, 1, 2, 3, 4].map((i) => body(i)),
    alice,
  );
});

/** What we hold (alice's first `n`, her key pinned), with the positions the import read recorded. */
function holding(n: number, chains: [string, Decision[]][] = [[LEDGER, chain.slice(0, n)]]) {
  const reads: number[] = [];
  const inner = heldChainsOf(new Map(chains));
  const held: HeldChains = {
    ...inner,
    from: (ledgerId, from) => {
      reads.push(from);
      return inner.from(ledgerId, from);
    },
  };
  const current: LedgerContents = {
    ledgerId: MINE,
    grants: new Map(),
    held,
    own: { key: me.publicKey, legacyHead: null },
    pinnedKeys: new Map([[LEDGER, { key: alice.publicKey, firstSeenAt: '2026-11-01T00:00:00.000Z' }]]),
  };
  return { current, reads };
}

/** Alice's file of these decisions of her chain (its head theirs, signed by her). */
const fileOf = async (decisions: Decision[], signer = alice) =>
  JSON.stringify(await signedExport(LEDGER, [], new Map([[LEDGER, decisions]]), NOW, signer));

const plan = (text: string, current: LedgerContents, options: ImportOptions = {}) =>
  planImport(text, text.length, current, { now: NOW, ...options });

describe('an import that continues a chain held here', () => {
  it('adds only the new decisions, reading what is held from the decision it continues', async () => {
    const { current, reads } = holding(3);
    const result = await plan(await fileOf(chain.slice(3)), current);
    expect(english(result)).toBe('ok');
    if (!result.ok) return;
    expect(result.plan.addDecisions.map((d) => d.id)).toEqual([chain[3]!.id, chain[4]!.id]);
    expect(result.plan.knownDecisions).toBe(0);
    expect(result.plan.ledgers[0]).toMatchObject({ adding: 2, key: 'known', signed: 2 });
    // The decision before the new part, never the chain from its start.
    expect(reads).toEqual([2]);
  });

  it('takes an overlap that matches what is held, and the same file again adds nothing', async () => {
    const { current } = holding(3);
    const result = await plan(await fileOf(chain.slice(1)), current);
    expect(result.ok && result.plan.knownDecisions).toBe(2);
    expect(result.ok && result.plan.addDecisions.map((d) => d.id)).toEqual([chain[3]!.id, chain[4]!.id]);
    const again = await plan(await fileOf(chain.slice(3)), holding(5).current);
    expect(again.ok && again.plan.addDecisions).toEqual([]);
  });

  it('refuses a fork: another decision where one is held', async () => {
    const fork = await appendTo(chain.slice(0, 3), LEDGER, [body(9, { rationale: 'Another story' })], alice);
    const result = await plan(await fileOf(fork.slice(3)), holding(5).current);
    expect(result.ok ? 'ok' : result.error.code).toBe('import-chain-conflict');
    expect(english(result)).toMatch(/decision #4 of ledger/);
  });

  it('refuses a gap: a file that starts after a decision not held, or on a ledger not held at all', async () => {
    const gap = await plan(await fileOf(chain.slice(4)), holding(3).current);
    expect(gap.ok ? 'ok' : gap.error.code).toBe('import-chain-gap');
    expect(english(gap)).toMatch(/does not hold/);
    for (const locale of ['sv', 'fr'] as const)
      expect(gap.ok ? '' : describeProblem(locale, gap.error)).toContain(LEDGER);
    const unknown = await plan(await fileOf(chain.slice(3)), holding(0, []).current);
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('import-chain-gap');
  });

  it('still verifies every new hash and link, and names the decision by its place in the chain', async () => {
    const tampered = chain.slice(3).map((d, i) => (i === 1 ? { ...d, rationale: 'Changed' } : d));
    const result = await plan(await fileOf(tampered), holding(3).current);
    expect(result.ok ? 'ok' : result.error).toMatchObject({
      code: 'import-chain-broken',
      facts: { number: 5, reason: 'hash' },
    });
  });

  it('still checks the signatures: a bad one, a missing one after signed ones, the chain head', async () => {
    const forged = chain.slice(3).map((d, i) => (i === 1 ? { ...d, sig: chain[0]!.sig } : d));
    expect((await plan(await fileOf(forged), holding(3).current)).ok ? '' : 'refused').toBe('refused');
    const unsigned = await appendTo(chain.slice(0, 3), LEDGER, [body(7)]);
    const missing = await plan(await fileOf(unsigned.slice(3)), holding(3).current);
    expect(missing.ok ? 'ok' : missing.error.code).toBe('import-signature-missing');
    const file = JSON.parse(await fileOf(chain.slice(3))) as Record<string, unknown>;
    const otherHead = JSON.stringify({ ...file, chainHeadSignature: (await fileOfSignedBy(me)).sig });
    const head = await plan(otherHead, holding(3).current);
    expect(head.ok ? 'ok' : head.error.code).toBe('import-chain-head-signature');
  });

  it('a part of a chain (the team ledger) only when asked, and only when it ends on a signed decision', async () => {
    // Alice's whole chain's head, with only its first three decisions.
    const file = JSON.parse(await fileOf(chain)) as { decisions: Decision[] };
    const part = JSON.stringify({ ...file, decisions: chain.slice(0, 3) });
    const whole = await plan(part, holding(0, []).current);
    expect(whole.ok ? 'ok' : whole.error.code).toBe('import-chain-head-wrong');
    const asPart = await plan(part, holding(0, []).current, { partial: true });
    expect(asPart.ok && asPart.plan.addDecisions).toHaveLength(3);
    const unsigned = JSON.stringify({
      ...file,
      decisions: [...chain.slice(0, 2), { ...chain[2]!, sig: undefined }],
    });
    const unsignedEnd = await plan(unsigned, holding(0, []).current, { partial: true });
    expect(unsignedEnd.ok ? 'ok' : unsignedEnd.error.code).not.toBe('ok');
  });
});

/** A chain-head signature by another key than the file's (for the head check above). */
async function fileOfSignedBy(signer: TestSigner): Promise<{ sig: string }> {
  const file = JSON.parse(await fileOf(chain.slice(3), signer)) as { chainHeadSignature: string };
  return { sig: file.chainHeadSignature };
}
