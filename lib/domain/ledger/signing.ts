import { canonicalJson, sha256Hex } from './canonical';
import { nextTask } from '../turn';
import { publicKeySchema, type Decision, type PublicKey } from './records';

/**
 * Authorship of the ledger (issue 11, item 4): each installation signs with a non-extractable ECDSA P-256
 * key (lib/ledger/keys.ts keeps it in IndexedDB). A decision's signature covers its hash (which covers
 * everything else in it); an export's covers its ledger id and chain head. Signatures are IEEE P1363
 * (r ‖ s, 64 bytes), as Web Crypto makes them, written in lower-case hex.
 */
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

const toHex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(hex.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);

/** The text an export's chain-head signature covers. */
export function chainSigningText(ledgerId: string, chainHead: string | null): string {
  return `scopekeeper-ledger chain head\n${ledgerId}\n${chainHead ?? 'empty'}`;
}

/** The text a decision's signature covers: its hash, under a label (never mistaken for a chain head). */
export function decisionSigningText(hash: string): string {
  return `scopekeeper-ledger decision\n${hash}`;
}

/**
 * The text one record's team signature covers (issue 16): a label with the record's kind, its author's
 * ledger and the record's canonical JSON. A team ledger document carries it (lib/domain/team-docs.ts), and
 * a file's `reviewSignatures` are of this text for each of its campaigns.
 */
export type SignedRecordKind = 'grant' | 'checklist' | 'review';
export function recordSigningText(kind: SignedRecordKind, author: string, record: unknown): string {
  return `scopekeeper-ledger team ${kind}\n${author}\n${canonicalJson(record)}`;
}

export async function signText(key: CryptoKey, text: string): Promise<string> {
  return toHex(await crypto.subtle.sign(SIGN, key, utf8(text)));
}

export async function importPublicKey(jwk: PublicKey): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { ...jwk, ext: true }, ECDSA, true, ['verify']);
}

export async function verifyText(key: CryptoKey, signature: string, text: string): Promise<boolean> {
  try {
    return await crypto.subtle.verify(SIGN, key, fromHex(signature), utf8(text));
  } catch {
    return false;
  }
}

/** Just the fields that define a public key, from an exported JWK. */
export function publicKeyOf(jwk: JsonWebKey): PublicKey {
  return publicKeySchema.parse(jwk);
}

export function sameKey(a: PublicKey | undefined, b: PublicKey | undefined): boolean {
  return !!a && !!b && a.x === b.x && a.y === b.y;
}

/** A short name for a key that an admin can compare by eye: the first 16 hex digits of its SHA-256. */
export async function keyFingerprint(jwk: PublicKey): Promise<string> {
  const hex = await sha256Hex(canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }));
  return hex.slice(0, 16).replace(/(.{4})(?!$)/g, '$1 ');
}

export interface Authorship {
  signed: number;
  valid: number;
  /** Decisions from before signing (no signature). */
  unsigned: number;
  /** The first decision whose signature does not verify, if any. */
  badAt?: string;
}

/**
 * Checks the signatures of decisions against a ledger's key (and the keys it had before, when the admin
 * accepted a new one), in parallel batches. A decision without a signature is counted as unsigned
 * (legacy), not as bad; a decision with one must verify by one of the keys.
 */
export async function checkSignatures(
  decisions: readonly Decision[],
  key: CryptoKey | undefined,
  earlierKeys: readonly CryptoKey[] = [],
  /** Told how many more signatures were checked, after each batch. */
  onChecked?: (count: number) => void,
): Promise<Authorship> {
  const verifyAny = async (sig: string, text: string) => {
    for (const k of [...(key ? [key] : []), ...earlierKeys]) if (await verifyText(k, sig, text)) return true;
    return false;
  };
  const out: Authorship = { signed: 0, valid: 0, unsigned: 0 };
  const BATCH = 512;
  for (let start = 0; start < decisions.length; start += BATCH) {
    const batch = decisions.slice(start, start + BATCH);
    const results = await Promise.all(
      batch.map((d) => (d.sig === undefined ? undefined : verifyAny(d.sig, decisionSigningText(d.hash)))),
    );
    onChecked?.(results.filter((r) => r !== undefined).length);
    await nextTask();
    for (const [i, result] of results.entries()) {
      if (result === undefined) out.unsigned++;
      else {
        out.signed++;
        if (result) out.valid++;
        else out.badAt ??= batch[i]!.id;
      }
    }
  }
  return out;
}

/**
 * The ends of the maximal runs of signed decisions (indices, in order): a signed decision followed by an
 * unsigned one, or the last decision when it is signed.
 */
export function signedRunEnds(decisions: readonly Pick<Decision, 'sig'>[]): number[] {
  const ends: number[] = [];
  for (let i = 0; i < decisions.length; i++)
    if (decisions[i]!.sig !== undefined && decisions[i + 1]?.sig === undefined) ends.push(i);
  return ends;
}

export interface RunAuthorship extends Authorship {
  /**
   * Signed decisions inside a run, not checked one by one: the run's last signature attests them through
   * the chain (see `checkRunSignatures`). Checked later, in the background (lib/ledger/signature-audit.ts).
   */
  attested: number;
}

/**
 * The signatures of a chain's new part, by the trust model of imports at scale (issue 12, item 5; the
 * lead's decision in session 9). What a decision's hash covers (chain.ts `hashDecision`): every field but
 * `hash` and `sig`, so its `prevHash` (and through it every earlier decision of the chain, whose hashes
 * the import recomputes, every one) and its `ledgerId`. Records carry no key id of their own: the key is
 * the ledger's (one per installation, DESIGN.md "The ledger"), chosen by the ledger id before any check,
 * and every signed decision of the new part must be by that one key. So a valid signature by that key on
 * the last decision of a run of consecutive signed decisions attests every earlier decision of the run:
 * the key signed a hash that commits to them. Only the runs' last signatures are verified here; a
 * decision inside a run whose own signature would not verify is accepted for its attested content, and
 * reported by the background check that verifies the rest after the import. Every hash and every link is
 * still verified, for every decision (chain.ts `verifyChain`), and the caller refuses the file unless
 * both pass. Without a key nothing is verified (counted, as before).
 */
export async function checkRunSignatures(
  decisions: readonly Decision[],
  key: CryptoKey | undefined,
  /** Told how many more signatures were checked or attested. */
  onChecked?: (count: number) => void,
): Promise<RunAuthorship> {
  let signed = 0;
  for (const d of decisions) if (d.sig !== undefined) signed++;
  const out: RunAuthorship = { signed, valid: 0, unsigned: decisions.length - signed, attested: 0 };
  if (!key) {
    onChecked?.(signed);
    return out;
  }
  const ends = signedRunEnds(decisions);
  const BATCH = 512;
  for (let start = 0; start < ends.length; start += BATCH) {
    const batch = ends.slice(start, start + BATCH);
    const results = await Promise.all(
      batch.map((i) => verifyText(key, decisions[i]!.sig!, decisionSigningText(decisions[i]!.hash))),
    );
    for (const [j, ok] of results.entries()) {
      if (ok) out.valid++;
      else out.badAt ??= decisions[batch[j]!]!.id;
    }
    onChecked?.(batch.length);
    if (out.badAt !== undefined) return out;
  }
  out.attested = signed - ends.length;
  onChecked?.(out.attested);
  return out;
}
