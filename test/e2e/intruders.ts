import type { SandboxPortfolio } from '../sandbox/portfolio';

/** The admin a takeover adds in the end-to-end tests (issue 13): full control of the portfolio. */
export const INTRUDER = {
  id: '61000000000099',
  name: 'Mallory Vance',
  email: 'mallory@evil.example',
} as const;
/** The partner a takeover adds: full control of the portfolio's first asset. */
export const INTRUDER_PARTNER = { businessId: '3228568050780099', name: 'Shady Ads Ltd' } as const;

/** The sandbox as a takeover left it between two visits: the admin, and the partner when asked for. */
export function withIntruders(
  sample: SandboxPortfolio,
  { partner = false }: { partner?: boolean } = {},
): SandboxPortfolio {
  const hijacked = structuredClone(sample);
  hijacked.people.push({ ...INTRUDER, access: 'full-control', pending: false, assets: [] });
  if (partner)
    hijacked.partners.push({
      ...INTRUDER_PARTNER,
      assets: [{ asset: hijacked.assets[0]!.id, full: true, tasks: [] }],
    });
  return hijacked;
}
