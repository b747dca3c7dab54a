import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { decisionSigningText, signText } from '@/lib/domain/ledger/signing';
import { LedgerStore } from '@/lib/ledger/store';
import { auditSignatures, SIGNATURE_AUDIT } from '@/lib/ledger/signature-audit';
import { OTHER_LEDGER } from '../domain/ledger/fixtures';
import { appendTo, makeSigner, signedExport, type Body } from '../domain/ledger/signing-fixtures';

/**
 * Issue 12, item 5: an import checks each run's last signature (it attests the run); the others are
 * checked after the import, in the background, and a bad one becomes the ledger's integrity note.
 */
const NOW = new Date('2026-11-28T12:00:00Z');
const stores: LedgerStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const note = (n: number): Body => ({
  at: '2026-11-20T10:00:00.000Z',
  businessId: '1203456789012345',
  subject: 'partner:3228568050780001',
  action: 'note',
  rationale: `Checked with the agency (${n})`,
  decidedBy: 'alice@byraab.se',
});

describe('the signature check after an import', () => {
  it('finds a bad signature inside a run that the import accepted, and says so with the colleague', async () => {
    const alice = await makeSigner();
    const mallory = await makeSigner();
    const chain = await appendTo(
      [],
      OTHER_LEDGER,
      Array.from({ length: 200 }, (_, i) => note(i)),
      alice,
    );
    // Decision 57's signature is Mallory's: the run's last signature (Alice's) still attests its content.
    chain[57] = {
      ...chain[57]!,
      sig: await signText(mallory.privateKey, decisionSigningText(chain[57]!.hash)),
    };
    const text = JSON.stringify(
      await signedExport(OTHER_LEDGER, [], new Map([[OTHER_LEDGER, chain]]), NOW, alice),
    );
    const store = new LedgerStore(`ledger-${Math.random()}`);
    stores.push(store);
    const applied = await store.applyImport(text, text.length, { now: NOW, maxGrantDays: 90 });
    expect(applied).toMatchObject({ ok: true, plan: { ledgers: [{ ledgerId: OTHER_LEDGER, adding: 200 }] } });
    await store.signatureAuditSettled();
    const colleagues = await store.colleagues();
    expect(colleagues).toEqual([
      expect.objectContaining({ ledgerId: OTHER_LEDGER, badSignature: chain[57]!.id }),
    ]);
    // The ledger's own check says the same.
    const verified = await store.verify();
    expect(verified[0]!.authorship.badAt).toBe(chain[57]!.id);
  });

  it('leaves no note for a file whose every signature holds', async () => {
    const alice = await makeSigner();
    const chain = await appendTo(
      [],
      OTHER_LEDGER,
      Array.from({ length: 30 }, (_, i) => note(i)),
      alice,
    );
    const text = JSON.stringify(
      await signedExport(OTHER_LEDGER, [], new Map([[OTHER_LEDGER, chain]]), NOW, alice),
    );
    const store = new LedgerStore(`ledger-${Math.random()}`);
    stores.push(store);
    expect(await store.applyImport(text, text.length, { now: NOW, maxGrantDays: 90 })).toMatchObject({
      ok: true,
    });
    await store.signatureAuditSettled();
    expect((await store.colleagues())[0]!.badSignature).toBeUndefined();
  });

  it('checks in small batches with a pause between, and counts every bad one', async () => {
    const alice = await makeSigner();
    const chain = await appendTo(
      [],
      OTHER_LEDGER,
      Array.from({ length: 10 }, (_, i) => note(i)),
      alice,
    );
    for (const i of [2, 7]) chain[i] = { ...chain[i]!, sig: chain[0]!.sig! };
    let pauses = 0;
    const key = await crypto.subtle.importKey(
      'jwk',
      { ...alice.publicKey, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
    const found = await auditSignatures(chain, key, { batch: 3, pause: async () => void pauses++ });
    expect(found).toEqual({ checked: 10, bad: [chain[2]!.id, chain[7]!.id], badCount: 2 });
    expect(pauses).toBe(3);
    expect(SIGNATURE_AUDIT).toBe('signatureAudit.');
  });
});
