/**
 * The steps still open; a run can be finished when there are none. In a module without zod: the panel shows
 * checklists and carries no zod (issue 12, item 4); runs.ts re-exports it.
 */
export function openSteps(run: { steps: readonly { id: string; done: boolean }[] }): string[] {
  return run.steps.filter((s) => !s.done).map((s) => s.id);
}
