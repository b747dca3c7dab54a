import type { GrantRecord } from './ledger/records';

/**
 * The versions of a grant edited in two places, compared for the admin (issue 16, item 2). Without zod: the
 * panel shows the comparison, and the panel's code goes without zod (issue 12, item 4).
 */

/** The parts of a grant an admin compares, in the order shown. */
export const comparedFields = [
  'assets',
  'startsAt',
  'endsAt',
  'case',
  'ticket',
  'approver',
  'notes',
] as const;
export type ComparedField = (typeof comparedFields)[number];

/** One field's value as compared: assets by type, name, access and tasks (sorted), not by order. */
function comparable(grant: GrantRecord, field: ComparedField): string {
  if (field === 'assets')
    return JSON.stringify(
      grant.assets
        .map((a) => [a.type, a.id ?? '', a.name, a.access, [...a.tasks].sort()])
        .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)),
    );
  return grant[field] ?? '';
}

/** The fields in which the versions are not all the same (the ones to highlight). */
export function getGrantDifferences(grants: readonly GrantRecord[]): Set<ComparedField> {
  const out = new Set<ComparedField>();
  for (const field of comparedFields) {
    const values = new Set(grants.map((g) => comparable(g, field)));
    if (values.size > 1) out.add(field);
  }
  return out;
}
