import type { ReadProblem } from '../domain/read-problems';
import type { PageSnapshot } from '../domain/snapshot';

/**
 * A diagnostics bundle for a page the reader did not understand: the URL path, the page kind, the read
 * problems and the page's ARIA/landmark outline. It holds no page text at all, so no names or e-mail
 * addresses: only tag names, roles, heading levels and counts.
 */
export interface Diagnostics {
  path: string;
  queryKeys: string[];
  kind: PageSnapshot['kind'];
  readStatus: PageSnapshot['readStatus'];
  readProblems: ReadProblem[];
  locale: PageSnapshot['locale'];
  outline: string[];
}

const LANDMARK_TAGS = new Set([
  'MAIN',
  'NAV',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'UL',
  'OL',
  'LI',
  'FORM',
  'DIALOG',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'INPUT',
]);
const KEPT_ATTRIBUTES = [
  'aria-level',
  'aria-rowcount',
  'aria-setsize',
  'aria-checked',
  'aria-selected',
  'aria-modal',
  'type',
];
const MAX_LINES = 400;

function signature(el: Element): string | undefined {
  const role = el.getAttribute('role');
  const tag = el.tagName.toUpperCase();
  if (!role && !LANDMARK_TAGS.has(tag)) return undefined;
  const attrs = KEPT_ATTRIBUTES.filter((a) => el.hasAttribute(a)).map(
    (a) => `${a}=${(el.getAttribute(a) ?? '').slice(0, 12)}`,
  );
  return [tag.toLowerCase() + (role ? `[role=${role.slice(0, 20)}]` : ''), ...attrs].join(' ');
}

export function getOutline(root: Element, skip: readonly (Element | undefined)[] = []): string[] {
  const lines: string[] = [];
  const walk = (el: Element, depth: number) => {
    let previous: string | undefined;
    let repeats = 0;
    const flush = () => {
      if (repeats > 1 && lines.length < MAX_LINES)
        lines.push(`${'  '.repeat(depth)}… ×${repeats - 1} more alike`);
      repeats = 0;
    };
    for (const child of el.children) {
      if (skip.includes(child) || lines.length >= MAX_LINES) continue;
      const sig = signature(child);
      if (sig === undefined) {
        walk(child, depth);
        continue;
      }
      if (sig === previous) {
        repeats++;
        continue;
      }
      flush();
      previous = sig;
      repeats = 1;
      lines.push(`${'  '.repeat(depth)}${sig}`);
      walk(child, depth + 1);
    }
    flush();
  };
  walk(root, 0);
  return lines;
}

const emailLike = /[^\s@]+@[^\s@]+/g;

function redactProblem(problem: ReadProblem): ReadProblem {
  if (!problem.facts) return problem;
  const facts = Object.fromEntries(
    Object.entries(problem.facts).map(([name, value]) => [
      name,
      typeof value === 'string' ? value.replace(emailLike, '[address]') : value,
    ]),
  );
  return { ...problem, facts };
}

export function buildDiagnostics(
  snapshot: PageSnapshot,
  root: Element,
  skip: readonly (Element | undefined)[] = [],
): Diagnostics {
  const url = new URL(snapshot.url);
  return {
    path: url.pathname,
    queryKeys: [...url.searchParams.keys()],
    kind: snapshot.kind,
    readStatus: snapshot.readStatus,
    // Problems are codes with facts; page text in their facts (a date, Meta's own notice) is redacted of addresses.
    readProblems: snapshot.readProblems.map(redactProblem),
    locale: snapshot.locale,
    outline: getOutline(root, skip),
  };
}
