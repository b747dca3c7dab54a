import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sealDecision, verifyChain } from '@/lib/domain/ledger/chain';
import { MAX_IMPORT_BYTES } from '@/lib/domain/ledger/import';
import type { Decision, DecisionBody } from '@/lib/domain/ledger/records';
import { openLedgerDb } from '@/lib/ledger/db';
import { LedgerStore } from '@/lib/ledger/store';
import { ledgerAdmin } from '@/lib/platform/ledger';

const N = 100_000;
const LEDGER = '3e1f6a2b-9c4d-4e8f-a1b2-c3d4e5f6a7b8';
const businesses = ['1203456789012345', '1203456789012346', '1203456789012347'];

/** A decision as an admin records them, of every action, with the payloads the panel writes. */
function body(i: number): Omit<DecisionBody, 'prevHash'> {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const subject =
    i % 3 === 0
      ? `partner:32285680507${String(i % 997).padStart(5, '0')}`
      : `person:colleague${i % 4001}@byraab.se`;
  const base = {
    id: crypto.randomUUID(),
    ledgerId: LEDGER,
    at: `2026-11-${day}T${String(i % 24).padStart(2, '0')}:15:00.000Z`,
    businessId: businesses[i % businesses.length]!,
    subject,
    decidedBy: 'anna.lindqvist@sjobod.se',
  };
  switch (i % 20) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
      return {
        ...base,
        action: 'grant',
        rationale: `Spring campaign ${i}: ads and insights on the café page, case SJ-${1000 + (i % 9000)}`,
        grantId: crypto.randomUUID(),
        after: {
          assets: [
            { type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['ads', 'insights'] },
            { type: 'ad-account', id: '9876543210', name: 'Sjöbod Ads', access: 'partial', tasks: ['ads'] },
          ],
          startsAt: `2026-11-${day}`,
          endsAt: `2027-01-${day}`,
        },
      };
    case 6:
    case 7:
    case 8:
    case 9:
      return {
        ...base,
        action: 'extend',
        rationale: 'The campaign runs another month; approved by Erik in the Monday meeting.',
        grantId: crypto.randomUUID(),
        before: { endsAt: `2027-01-${day}` },
        after: { endsAt: `2027-02-${day}` },
      };
    case 10:
    case 11:
    case 12:
    case 13:
      return {
        ...base,
        action: 'accept-finding',
        rationale: 'Agency manages the page for us under contract; reviewed quarterly.',
        after: { ruleId: 'third-party-full-control', reviewAt: '2027-03-01', assetName: 'Sjöbod Café' },
      };
    case 14:
    case 15:
    case 16:
      return {
        ...base,
        action: 'revoke',
        rationale: 'Contract ended.',
        grantId: crypto.randomUUID(),
        before: { endsAt: `2027-01-${day}` },
        after: { endsAt: `2026-11-${day}` },
      };
    case 17:
    case 18:
      return { ...base, action: 'keep', rationale: 'Still needed for the newsletter.' };
    default:
      return {
        ...base,
        action: 'note',
        rationale: 'Offboarding checklist finished.',
        after: {
          checklist: 'offboard-partner',
          runId: crypto.randomUUID(),
          steps: [
            'remove-partner',
            'remove-people',
            'remove-system-users',
            'remove-asset-roles',
            'verify',
          ].map((id) => ({ id, how: 'evidence', at: base.at })),
        },
      };
  }
}

describe('a large ledger round-trips through its own export and import', () => {
  it(`exports ${N.toLocaleString('en')} decisions compactly, under the import limit, and imports them back as the same chain`, async () => {
    const chain: Decision[] = [];
    for (let i = 0; i < N; i++) chain.push(await sealDecision(body(i), chain.at(-1)?.hash));

    // The ledger Scopekeeper holds: this installation's chain of N decisions.
    const name = `scale-a-${Math.random()}`;
    const raw = openLedgerDb(name);
    await raw.meta.put({ key: 'ledgerId', value: LEDGER });
    await raw.decisions.bulkAdd(chain.map((d, seq) => ({ ...d, seq })));
    raw.close();
    const source = new LedgerStore(name);

    const started = performance.now();
    const exported = await ledgerAdmin(source, { type: 'export' }, new Date('2026-11-30T06:00:00Z'));
    const exportMs = performance.now() - started;
    if (!exported.ok || exported.result.type !== 'export') throw new Error('export failed');
    const { json } = exported.result;
    const bytes = new TextEncoder().encode(json).length;
    const pretty = new TextEncoder().encode(JSON.stringify(JSON.parse(json), null, 2)).length;
    // Compact: no pretty printing (what a pretty-printed file of the same ledger would weigh, for the report).
    expect(json.includes('\n')).toBe(false);
    expect(bytes).toBeLessThan(MAX_IMPORT_BYTES);

    const target = new LedgerStore(`scale-b-${Math.random()}`);
    const importStarted = performance.now();
    const applied = await ledgerAdmin(
      target,
      { type: 'apply-import', text: json },
      new Date('2026-11-30T06:00:00Z'),
    );
    const importMs = performance.now() - importStarted;
    expect(applied).toMatchObject({ ok: true, result: { type: 'import', applied: true } });
    const back = await target.chain(LEDGER);
    expect(back).toHaveLength(N);
    expect(back.at(-1)?.hash).toBe(chain.at(-1)?.hash);
    expect(back).toEqual(chain);
    expect(await verifyChain(back)).toMatchObject({ ok: true, length: N });
    console.info(
      `export-scale: ${N} decisions, compact export ${(bytes / 1024 / 1024).toFixed(1)} MB ` +
        `(pretty-printed ${(pretty / 1024 / 1024).toFixed(1)} MB, limit ${MAX_IMPORT_BYTES / 1024 / 1024} MB), ` +
        `export ${Math.round(exportMs)} ms, plan + apply import ${Math.round(importMs)} ms (fake-indexeddb)`,
    );
    source.close();
    target.close();
  }, 600_000);
});
