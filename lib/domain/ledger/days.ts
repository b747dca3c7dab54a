const DAY = 24 * 60 * 60 * 1000;

/**
 * An ISO date `days` later (earlier when negative). In a module without zod: the panel's forms use it, and the
 * panel carries no zod (issue 12, item 4); commands.ts re-exports it.
 */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
