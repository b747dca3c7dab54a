// Bundled into a page by scripts/bench/import-parts.ts: where an import of a large file spends its time.
import { sealDecision, verifyChain } from '../../lib/domain/ledger/chain';
import { canonicalJson } from '../../lib/domain/ledger/canonical';
import { parseExportFile } from '../../lib/domain/ledger/import';
import type { Decision } from '../../lib/domain/ledger/records';
import {
  chainSigningText,
  checkSignatures,
  decisionSigningText,
  publicKeyOf,
  signText,
} from '../../lib/domain/ledger/signing';
import { LedgerStore } from '../../lib/ledger/store';
import { ledgerAdmin } from '../../lib/platform/ledger';

const LEDGER = '3e1f6a2b-9c4d-4e8f-a1b2-c3d4e5f6a7b8';

async function time<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/** A colleague's file of `n` decisions, each signed when `signed` (as Scopekeeper writes them now). */
async function file(n: number, signed: boolean): Promise<string> {
  const key = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const chain: Decision[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const d = await sealDecision(
      {
        id: crypto.randomUUID(),
        ledgerId: LEDGER,
        at: `2026-11-${day}T${String(i % 24).padStart(2, '0')}:15:00.000Z`,
        businessId: ['1203456789012345', '1203456789012346', '1203456789012347'][i % 3]!,
        subject:
          i % 3 === 0
            ? `partner:32285680507${String(i % 997).padStart(5, '0')}`
            : `person:c${i % 4001}@byraab.se`,
        decidedBy: 'anna.lindqvist@sjobod.se',
        action: 'extend',
        rationale: `Spring campaign ${i}: ads and insights on the café page, case SJ-${1000 + (i % 9000)}`,
        grantId: crypto.randomUUID(),
        before: { endsAt: `2027-01-${day}` },
        after: { endsAt: `2027-02-${day}` },
      },
      chain.at(-1)?.hash,
    );
    chain.push(d);
  }
  if (signed)
    for (let i = 0; i < chain.length; i += 1000)
      await Promise.all(
        chain.slice(i, i + 1000).map(async (d, k) => {
          chain[i + k] = { ...d, sig: await signText(key.privateKey, decisionSigningText(d.hash)) };
        }),
      );
  const head = chain.at(-1)!.hash;
  return JSON.stringify({
    format: 'scopekeeper-ledger',
    version: 1,
    ledgerId: LEDGER,
    exportedAt: new Date().toISOString(),
    grants: [],
    decisions: chain,
    chainHead: head,
    checklistRuns: [],
    ...(signed
      ? {
          publicKey: publicKeyOf(await crypto.subtle.exportKey('jwk', key.publicKey)),
          chainHeadSignature: await signText(key.privateKey, chainSigningText(LEDGER, head)),
        }
      : {}),
  });
}

export async function benchImportParts(n: number, signed: boolean) {
  const text = await file(n, signed);
  const out: Record<string, number> = { mb: text.length / 1024 / 1024 };
  const [parseMs, raw] = await time(() => JSON.parse(text) as { decisions: Decision[] });
  out.parseMs = parseMs;
  const [validateMs] = await time(() => parseExportFile(raw));
  out.validateMs = validateMs;
  const [canonicalMs] = await time(() => {
    for (const { hash: _h, sig: _s, ...rest } of raw.decisions) canonicalJson(rest);
  });
  out.canonicalMs = canonicalMs;
  const [hashMs] = await time(() => verifyChain(raw.decisions));
  out.hashMs = hashMs;
  if (signed) {
    const key = await crypto.subtle.importKey(
      'jwk',
      { ...(JSON.parse(text) as { publicKey: JsonWebKey }).publicKey, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
    out.signaturesMs = (await time(() => checkSignatures(raw.decisions, key)))[0];
  }
  const target = new LedgerStore(`parts-${Date.now()}`);
  const now = new Date();
  const [previewMs, preview] = await time(() => ledgerAdmin(target, { type: 'plan-import', text }, now));
  if (!preview.ok) throw new Error(preview.error.code);
  // The import's own checks again, after the preview (its parse and hashes are kept from the preview).
  out.recheckMs = (await time(() => target.planImport(text, text.length, { now })))[0];
  const request = { type: 'apply-import' as const, text, trust: [], acceptKeys: [] };
  const [applyMs, result] = await time(() => ledgerAdmin(target, request, now));
  if (!result.ok) throw new Error(result.error.code);
  Object.assign(out, { previewMs, applyMs });
  const [chainMs, chain] = await time(() => target.chain(LEDGER));
  if (chain.length !== n) throw new Error(`${chain.length} of ${n}`);
  out.readChainMs = chainMs;
  target.close();
  return out;
}

(globalThis as unknown as { __benchImportParts: typeof benchImportParts }).__benchImportParts =
  benchImportParts;
