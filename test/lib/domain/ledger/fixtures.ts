import { sealDecision } from '@/lib/domain/ledger/chain';
import type { Decision, GrantRecord } from '@/lib/domain/ledger/records';

export const LEDGER = '6f1c2b8e-6a53-4f0e-9a51-2c7e5d3f9b10';

export async function chainOf(n: number, ledgerId = LEDGER): Promise<Decision[]> {
  const out: Decision[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      await sealDecision(
        {
          id: `${ledgerId.slice(0, 8)}-d${i}`,
          ledgerId,
          at: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`,
          businessId: '1203456789012345',
          subject: 'partner:3228568050780001',
          action: i === 0 ? 'grant' : 'extend',
          rationale: `Case ${i}`,
          decidedBy: 'anna@sjobod.se',
        },
        out.at(-1)?.hash,
      ),
    );
  }
  return out;
}

export const OTHER_LEDGER = '0b9d4e2a-1c3f-4a5b-8d7e-9f0a1b2c3d4e';

export function grant(id: string, extra: Partial<GrantRecord> = {}): GrantRecord {
  return {
    id,
    businessId: '1203456789012345',
    subject: 'partner:3228568050780001',
    assets: [{ type: 'page', name: 'Sjöbod Café', access: 'partial', tasks: ['ads', 'insights'] }],
    case: 'Spring campaign',
    approver: 'anna@sjobod.se',
    startsAt: '2026-11-01',
    endsAt: '2027-01-31',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...extra,
  };
}
