import { sealDecision } from '@/lib/domain/ledger/chain';
import { buildExport } from '@/lib/domain/ledger/export';
import type { Decision, DecisionBody, ExportFile, GrantRecord, PublicKey } from '@/lib/domain/ledger/records';
import { chainSigningText, decisionSigningText, publicKeyOf, signText } from '@/lib/domain/ledger/signing';

/** A signing installation for tests: a key pair (extractable only so tests can make two alike). */
export interface TestSigner {
  privateKey: CryptoKey;
  publicKey: PublicKey;
}

export async function makeSigner(): Promise<TestSigner> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  return {
    privateKey: pair.privateKey,
    publicKey: publicKeyOf(await crypto.subtle.exportKey('jwk', pair.publicKey)),
  };
}

export type Body = Omit<DecisionBody, 'prevHash' | 'ledgerId' | 'id'> & { id?: string };

/** Seals (and signs, given a signer) decisions onto a chain, as an installation appends them. */
export async function appendTo(
  chain: Decision[],
  ledgerId: string,
  bodies: readonly Body[],
  signer?: TestSigner,
): Promise<Decision[]> {
  const out = [...chain];
  for (const [i, { id, ...body }] of bodies.entries()) {
    const sealed = await sealDecision(
      { ...body, id: id ?? `${ledgerId.slice(0, 8)}-x${out.length}-${i}`, ledgerId },
      out.at(-1)?.hash,
    );
    out.push(
      signer
        ? { ...sealed, sig: await signText(signer.privateKey, decisionSigningText(sealed.hash)) }
        : sealed,
    );
  }
  return out;
}

/** An export as a signing installation writes it. */
export async function signedExport(
  ledgerId: string,
  grants: GrantRecord[],
  chains: Map<string, Decision[]>,
  now: Date,
  signer: TestSigner,
  ledgerKeys?: Record<string, PublicKey>,
): Promise<ExportFile> {
  const file = buildExport(ledgerId, grants, chains, now);
  return {
    ...file,
    publicKey: signer.publicKey,
    chainHeadSignature: await signText(signer.privateKey, chainSigningText(ledgerId, file.chainHead)),
    ...(ledgerKeys ? { ledgerKeys } : {}),
  };
}
