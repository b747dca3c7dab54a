import { canonicalJson, canonicalJsonOf, sha256Hex } from './canonical';
import type { ChainBreak } from './admin';
import { DECISION_KEYS } from './fast-records';
import { Sha256 } from './sha256';
import { nextTask } from '../turn';
import { GENESIS_HASH, type Decision, type DecisionBody } from './records';

/** hash = SHA-256 of the canonical JSON of the decision without its hash (and without its signature). */
export async function hashDecision(body: DecisionBody): Promise<string> {
  const { hash: _ignored, sig: _unsigned, ...rest } = body as DecisionBody & { hash?: string; sig?: string };
  return sha256Hex(canonicalJson(rest));
}

/** Seals a decision onto the end of a chain: its prevHash is the chain's head (64 zeros for the first). */
export async function sealDecision(
  body: Omit<DecisionBody, 'prevHash'>,
  head: string | undefined,
): Promise<Decision> {
  const withPrev: DecisionBody = { ...body, prevHash: head ?? GENESIS_HASH };
  return { ...withPrev, hash: await hashDecision(withPrev) };
}

export type ChainCheck =
  | { ok: true; head: string | undefined; length: number }
  | { ok: false; index: number; decisionId: string; reason: ChainBreak };

/** A decision's hashed keys (all it may have but its hash and signature), sorted as canonical JSON sorts them. */
const HASHED_KEYS = [...DECISION_KEYS].filter((key) => key !== 'hash' && key !== 'sig').sort();

/**
 * `hashDecision`, on the calling thread (sha256.ts): for checking many decisions in a row. A decision of
 * the known keys is written without the copy and sort of its own keys (canonical.ts `canonicalJsonOf`).
 */
export function hashDecisionWith(hasher: Sha256, body: DecisionBody): string {
  const quick = canonicalJsonOf(body as unknown as Record<string, unknown>, HASHED_KEYS, DECISION_KEYS);
  if (quick !== undefined) return hasher.hex(quick);
  const { hash: _ignored, sig: _unsigned, ...rest } = body as DecisionBody & { hash?: string; sig?: string };
  return hasher.hex(canonicalJson(rest));
}

/**
 * How long verifyChain hashes before it lets the worker's other messages (progress polls) through; it does
 * at least every 1,024 decisions (a turn costs about a millisecond).
 */
const SLICE_MS = 40;

/**
 * Verifies one ledger's chain, in order: every hash recomputes and every prevHash names the previous hash.
 * Hashed on this thread with one hasher (sha256.ts: in Chromium 4 to 6 times as fast as a Web Crypto call
 * per decision, measured at 100,000), in slices of at most about 40 ms, each followed by a task's turn for the
 * worker's messages.
 */
export async function verifyChain(
  decisions: readonly Decision[],
  /** Told how many more decisions were hashed, after each slice. */
  onHashed?: (count: number) => void,
  /**
   * Where the decisions sit in their chain, when not at its start: the hash held at the position before
   * the first (already verified) and that first one's position (the one reported when it breaks).
   */
  start: { prevHash: string; index: number } = { prevHash: GENESIS_HASH, index: 0 },
): Promise<ChainCheck> {
  let previous = start.prevHash;
  const at = (index: number) => start.index + index;
  const ledgerId = decisions[0]?.ledgerId;
  const hasher = new Sha256();
  let told = 0;
  let sliceStart = Date.now();
  for (let index = 0; index < decisions.length; index++) {
    const decision = decisions[index]!;
    if (decision.ledgerId !== ledgerId)
      return { ok: false, index: at(index), decisionId: decision.id, reason: 'other-ledger' };
    if (decision.prevHash !== previous)
      return { ok: false, index: at(index), decisionId: decision.id, reason: 'prev-hash' };
    if (hashDecisionWith(hasher, decision) !== decision.hash)
      return { ok: false, index: at(index), decisionId: decision.id, reason: 'hash' };
    previous = decision.hash;
    if ((index & 1023) === 1023 || ((index & 63) === 63 && Date.now() - sliceStart > SLICE_MS)) {
      onHashed?.(index + 1 - told);
      told = index + 1;
      // A task's turn for the worker's messages (the options page's progress polls wait behind the hashes).
      await nextTask();
      sliceStart = Date.now();
    }
  }
  onHashed?.(decisions.length - told);
  return { ok: true, head: decisions.length > 0 ? previous : undefined, length: decisions.length };
}

/** Splits decisions into chains by ledger, keeping each chain's order. */
export function chainsByLedger(decisions: readonly Decision[]): Map<string, Decision[]> {
  const chains = new Map<string, Decision[]>();
  for (const decision of decisions) {
    const chain = chains.get(decision.ledgerId);
    if (chain) chain.push(decision);
    else chains.set(decision.ledgerId, [decision]);
  }
  return chains;
}
