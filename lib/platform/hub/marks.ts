/** Marks kept at most in the worker's performance buffer (a worker may live as long as its tabs). */
const MAX_MARKS = 200;

/**
 * A performance mark in the service worker, for the timeline `BENCH_DEBUG=1 npm run bench` prints (README,
 * Performance): when a tab's state was computed and sent, relative to the page's last row.
 */
export function markTime(name: string, detail: Record<string, number>): void {
  if (performance.getEntriesByType('mark').length >= MAX_MARKS) performance.clearMarks();
  performance.mark(name, { detail });
}
