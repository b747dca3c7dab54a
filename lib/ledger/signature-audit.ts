import { z } from 'zod';
import type { Decision } from '../domain/ledger/records';
import { decisionSigningText, verifyText } from '../domain/ledger/signing';

/**
 * The signatures an import did not check one by one (issue 12, item 5): an import verifies every hash and
 * link, and of each run of signed decisions the last signature, which attests the rest of the run through
 * the chain (lib/domain/ledger/signing.ts `checkRunSignatures`). The others are verified here after the
 * import, a small batch at a time with a pause between (a service worker has no requestIdleCallback), and
 * a bad one is kept as an integrity note on the ledger (meta `signatureAudit.<ledgerId>`), shown with the
 * colleague in the options page; the ledger's "Verify" checks every signature as always.
 */
export const SIGNATURE_AUDIT = 'signatureAudit.';

export const signatureAuditSchema = z.object({
  at: z.string(),
  checked: z.number().int(),
  /** The first bad ones, in chain order (at most 100), and how many in all. */
  bad: z.array(z.string()).max(100),
  badCount: z.number().int(),
});
export type SignatureAudit = z.infer<typeof signatureAuditSchema>;

/** Verifies each signed decision's signature by `key`, `batch` at a time with `pause` between. */
export async function auditSignatures(
  decisions: readonly Decision[],
  key: CryptoKey,
  { batch = 64, pause = () => new Promise<void>((resolve) => setTimeout(resolve, 20)) } = {},
): Promise<{ checked: number; bad: string[]; badCount: number }> {
  const signed = decisions.filter((d) => d.sig !== undefined);
  const bad: string[] = [];
  let badCount = 0;
  for (let start = 0; start < signed.length; start += batch) {
    const part = signed.slice(start, start + batch);
    const results = await Promise.all(part.map((d) => verifyText(key, d.sig!, decisionSigningText(d.hash))));
    for (const [i, ok] of results.entries()) {
      if (ok) continue;
      badCount++;
      if (bad.length < 100) bad.push(part[i]!.id);
    }
    if (start + batch < signed.length) await pause();
  }
  return { checked: signed.length, bad, badCount };
}
