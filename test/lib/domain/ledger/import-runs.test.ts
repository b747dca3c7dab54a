import { beforeAll, describe, expect, it } from 'vitest';
import { sealDecision } from '@/lib/domain/ledger/chain';
import { planImport, type ImportCheck, type LedgerContents } from '@/lib/domain/ledger/import';
import type { Decision, PublicKey } from '@/lib/domain/ledger/records';
import { decisionSigningText, signedRunEnds, signText } from '@/lib/domain/ledger/signing';
import { describeProblem } from '@/lib/domain/i18n';
import { LEDGER, OTHER_LEDGER } from './fixtures';
import { appendTo, makeSigner, signedExport, type Body, type TestSigner } from './signing-fixtures';

/**
 * The trust model of imports at scale (issue 12, item 5; signing.ts `checkRunSignatures`): every hash and
 * link is verified, and of each run of signed decisions the last signature, which attests the rest.
 */
const NOW = new Date('2026-11-28T12:00:00Z');
const MINE = '11111111-2222-4333-8444-555555555555';
const B = '1203456789012345';

const english = (r: ImportCheck) => (r.ok ? 'ok' : describeProblem('en', r.error));

let alice: TestSigner;
let bob: TestSigner;
let me: TestSigner;
let mallory: TestSigner;
beforeAll(async () => {
  [alice, bob, me, mallory] = await Promise.all([makeSigner(), makeSigner(), makeSigner(), makeSigner()]);
});

const pin = (entries: [string, PublicKey][]) =>
  new Map(entries.map(([id, key]) => [id, { key, firstSeenAt: '2026-10-01T00:00:00.000Z' }]));

function holding(extra: Partial<LedgerContents> = {}): LedgerContents {
  return {
    ledgerId: MINE,
    grants: new Map(),
    chains: new Map(),
    own: { key: me.publicKey, legacyHead: null },
    ...extra,
  };
}

const note = (n: number): Body => ({
  at: '2026-11-20T10:00:00.000Z',
  businessId: B,
  subject: 'partner:3228568050780001',
  action: 'note',
  rationale: `Checked with the agency (${n})`,
  decidedBy: 'anna@sjobod.se',
});
const notes = (n: number) => Array.from({ length: n }, (_, i) => note(i));

const plan = (file: unknown, current = holding()) => {
  const text = JSON.stringify(file);
  return planImport(text, text.length, current, { now: NOW, maxGrantDays: 90 });
};

/** Alice's export of her own chain (her key travels in the file). */
async function aliceFile(chain: Decision[]) {
  return JSON.parse(JSON.stringify(await signedExport(LEDGER, [], new Map([[LEDGER, chain]]), NOW, alice)));
}

/** Re-seals a chain from `from` on (after a change), keeping each decision's signature as it was. */
async function reseal(chain: Decision[], from: number): Promise<Decision[]> {
  const out = chain.slice(0, from);
  for (const d of chain.slice(from)) {
    const { hash: _h, sig, prevHash: _p, ...body } = d;
    const sealed = await sealDecision(body, out.at(-1)?.hash);
    out.push(sig === undefined ? sealed : { ...sealed, sig });
  }
  return out;
}

const signAs = async (signer: TestSigner, d: Decision): Promise<Decision> => ({
  ...d,
  sig: await signText(signer.privateKey, decisionSigningText(d.hash)),
});

describe('signature runs', () => {
  it('finds the ends of the runs of signed decisions', () => {
    const s = { sig: 'x' };
    const u = {};
    expect(signedRunEnds([])).toEqual([]);
    expect(signedRunEnds([s])).toEqual([0]);
    expect(signedRunEnds([u, s, s, u, s, u])).toEqual([2, 4]);
    expect(signedRunEnds([u, u])).toEqual([]);
  });

  it('accepts a run whose inner signatures are not checked one by one, and counts them as attested', async () => {
    const chain = await appendTo([], LEDGER, notes(4), alice);
    // A signature inside the run that would not verify: its content is attested by the last one.
    chain[1] = { ...chain[1]!, sig: chain[0]!.sig! };
    const check = await plan(await aliceFile(chain), holding());
    expect(english(check)).toBe('ok');
    if (check.ok) expect(check.plan.ledgers[0]).toMatchObject({ signed: 4, unsigned: 0, key: 'new' });
  });

  it('refuses a bad signature on a single-decision file', async () => {
    const file = await aliceFile(await appendTo([], LEDGER, notes(1), alice));
    file.decisions[0].sig = (await signAs(mallory, file.decisions[0])).sig;
    // The chain head's own signature is still Alice's: only the decision's is bad.
    expect(english(await plan(file))).toMatch(/signature of decision .* does not match its key/);
  });

  it('refuses a tampered decision inside a run (its hash)', async () => {
    const file = await aliceFile(await appendTo([], LEDGER, notes(5), alice));
    file.decisions[2].rationale = 'Approved by the CEO';
    expect(english(await plan(file))).toMatch(/breaks at decision .*#3.*hash/);
    // Re-sealed after the change (every later hash recomputed), Alice's last signature no longer matches.
    const resealed = await aliceFile(await reseal(file.decisions as Decision[], 2));
    expect(english(await plan(resealed))).toMatch(/signature of decision .*-4 .* does not match its key/);
  });

  it('refuses a run whose last signature is tampered', async () => {
    const file = await aliceFile(await appendTo([], LEDGER, notes(5), alice));
    const last = file.decisions[4];
    last.sig = `${last.sig.slice(0, 127)}${last.sig.endsWith('0') ? '1' : '0'}`;
    expect(english(await plan(file))).toMatch(/signature of decision .*-4 .* does not match its key/);
  });

  it('needs the last signature of each run when a file holds two keys’ chains', async () => {
    const bobs = await appendTo([], OTHER_LEDGER, notes(3), bob);
    const alices = await appendTo([], LEDGER, notes(3), alice);
    const file = async (b: Decision[], a: Decision[]) =>
      JSON.parse(
        JSON.stringify(
          await signedExport(
            LEDGER,
            [],
            new Map([
              [LEDGER, a],
              [OTHER_LEDGER, b],
            ]),
            NOW,
            alice,
          ),
        ),
      );
    const current = holding({ pinnedKeys: pin([[OTHER_LEDGER, bob.publicKey]]) });
    const both = await plan(await file(bobs, alices), current);
    expect(english(both)).toBe('ok');
    if (both.ok)
      expect(both.plan.ledgers.map((l) => [l.ledgerId, l.key, l.signed])).toEqual([
        [LEDGER, 'new', 3],
        [OTHER_LEDGER, 'known', 3],
      ]);
    // Bob's run's end signed by Alice: refused, though Alice's own run is fine.
    const bobsForged = [...bobs.slice(0, 2), await signAs(alice, bobs[2]!)];
    expect(english(await plan(await file(bobsForged, alices), current))).toMatch(
      new RegExp(`signature of decision ${bobs[2]!.id} of ledger ${OTHER_LEDGER} does not match`),
    );
    // Alice's run's end signed by Bob: refused, though Bob's run is fine.
    const alicesForged = [...alices.slice(0, 2), await signAs(bob, alices[2]!)];
    expect(english(await plan(await file(bobs, alicesForged), current))).toMatch(
      new RegExp(`signature of decision ${alices[2]!.id} of ledger ${LEDGER} does not match`),
    );
  });

  it('refuses a record another key inserts into a run, unless that key is the one the admin accepts', async () => {
    const alices = await appendTo([], LEDGER, notes(4), alice);
    const current = holding({ pinnedKeys: pin([[LEDGER, alice.publicKey]]) });
    // Mallory's decision in the middle of Alice's run, signed by Mallory, the rest re-linked to it and
    // Alice's signatures kept: the run's end no longer verifies by Alice's key.
    const [inserted] = await appendTo(alices.slice(0, 2), LEDGER, [note(99)], mallory).then((c) =>
      c.slice(2),
    );
    const middle = await reseal([...alices.slice(0, 2), inserted!, ...alices.slice(2)], 3);
    expect(english(await plan(await aliceFile(middle), current))).toMatch(
      /signature of decision .* does not match its key/,
    );
    // Re-signed by Mallory from her decision on: the run's end is Mallory's, not Alice's.
    const resigned = [...middle.slice(0, 2)];
    for (const d of middle.slice(2)) resigned.push(await signAs(mallory, d));
    expect(english(await plan(await aliceFile(resigned), current))).toMatch(
      /signature of decision .* does not match its key/,
    );
    // At the end of Alice's run, in a file that Alice signed: refused.
    const appended = await appendTo(alices, LEDGER, [note(99)], mallory);
    expect(english(await plan(await aliceFile(appended), current))).toMatch(
      /signature of decision .* does not match its key/,
    );
    // The same chain in a file signed by Mallory's key: its signatures hold, but the key is not the one
    // first seen for Alice's ledger; the import holds that ledger back unless the admin accepts it
    // (lib/ledger/store.ts applyImport, test/lib/ledger/trust.test.ts).
    const malloryFile = JSON.parse(
      JSON.stringify(await signedExport(LEDGER, [], new Map([[LEDGER, resigned]]), NOW, mallory)),
    );
    const check = await plan(malloryFile, current);
    expect(check).toMatchObject({ ok: true, plan: { ledgers: [{ ledgerId: LEDGER, key: 'changed' }] } });
  });

  it('verifies the last signature of each run in our own chain, and refuses one we did not sign', async () => {
    const ours = await appendTo([], MINE, notes(4), me);
    const mine = (chain: Decision[]) => signedExport(MINE, [], new Map([[MINE, chain]]), NOW, me);
    expect(english(await plan(await mine(ours)))).toBe('ok');
    const forgedEnd = [...ours.slice(0, 3), await signAs(mallory, ours[3]!)];
    expect(english(await plan(await mine(forgedEnd)))).toMatch(/did not sign it/);
  });
});
