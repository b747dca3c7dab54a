import { canonicalJson, sha256Hex } from './canonical';
import type { ChainBreak } from './admin';
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

/**
 * Verifies one ledger's chain, in order: every hash recomputes and every prevHash names the previous hash.
 * Hashes are computed in parallel batches (Web Crypto is asynchronous); the links are checked in order.
 */
export async function verifyChain(
  decisions: readonly Decision[],
  /** Told how many more decisions were hashed, after each batch. */
  onHashed?: (count: number) => void,
): Promise<ChainCheck> {
  let previous = GENESIS_HASH;
  const ledgerId = decisions[0]?.ledgerId;
  const BATCH = 512;
  for (let start = 0; start < decisions.length; start += BATCH) {
    const batch = decisions.slice(start, start + BATCH);
    const expected = await Promise.all(batch.map((d) => hashDecision(d)));
    onHashed?.(batch.length);
    // A task's turn for the worker's messages (the options page's progress polls wait behind the hashes).
    await nextTask();
    for (const [offset, decision] of batch.entries()) {
      const index = start + offset;
      if (decision.ledgerId !== ledgerId) {
        return {
          ok: false,
          index,
          decisionId: decision.id,
          reason: 'other-ledger',
        };
      }
      if (decision.prevHash !== previous) {
        return {
          ok: false,
          index,
          decisionId: decision.id,
          reason: 'prev-hash',
        };
      }
      if (expected[offset] !== decision.hash) {
        return {
          ok: false,
          index,
          decisionId: decision.id,
          reason: 'hash',
        };
      }
      previous = decision.hash;
    }
  }
  return { ok: true, head: decisions.length > 0 ? previous : undefined, length: decisions.length };
}

/** Resolves in a later task: messages waiting for the worker are handled first. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
