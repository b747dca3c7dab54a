import { sealDecision } from '@/lib/domain/ledger/chain';
import type { Decision, DecisionBody } from '@/lib/domain/ledger/records';

export const LARGE_LEDGER = '3e1f6a2b-9c4d-4e8f-a1b2-c3d4e5f6a7b8';
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
    ledgerId: LARGE_LEDGER,
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
        after: { ruleId: 'third-party-full-control', reviewAt: '2027-01-15', assetName: 'Sjöbod Café' },
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

/** A chain of `n` such decisions, sealed in order (about 10 s for 100,000). */
export async function largeChain(n: number): Promise<Decision[]> {
  const chain: Decision[] = [];
  for (let i = 0; i < n; i++) chain.push(await sealDecision(body(i), chain.at(-1)?.hash));
  return chain;
}
