import { knownRoles, knownTags, inputTypes } from './outline-words';

/**
 * The page's ARIA/landmark outline, for the diagnostics bundle of a page the reader did not fully understand
 * (lib/page/diagnostics.ts). The content script builds only this: known tag names, known ARIA roles and a
 * few attributes whose values are checked to be numbers or ARIA/HTML tokens; no text, no ids, no labels.
 * The rest of the bundle (the URL path, the query's keys, the read problems) is made by the background from
 * the snapshot it takes in (lib/platform/handlers/snapshots.ts), so that its code stays out of the page
 * (issue 12, item 2). The outline always fits `pageOutlineSchema` (lib/domain/messages.ts).
 */

// The bounds of pageOutlineSchema, kept with some room.
const MAX_LINES = 400;
const MAX_LINE = 300;
/** Outline lines are indented two spaces a level up to this depth, then the depth is written as a number. */
const MAX_INDENT = 40;
/** Elements nested deeper than this are not walked (the walk recurses; a page can nest without end). */
const MAX_NESTING = 1000;

/** HTML's (and inline SVG's) element names: any other tag name (a custom element's) is shown as `*`. */
const KNOWN_TAGS = new Set(knownTags);
/** WAI-ARIA 1.2 roles (and 1.3's image, comment, suggestion): any other role token is shown as `?`. */
const KNOWN_ROLES = new Set(knownRoles);

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

const integer = (value: string) => /^-?\d{1,7}$/.test(value);
const oneOf =
  (...tokens: string[]) =>
  (value: string) =>
    tokens.includes(value);

/** The attributes the outline keeps, each with the values it may show (any other value is shown as `?`). */
const KEPT_ATTRIBUTES: [string, (value: string) => boolean][] = [
  ['aria-level', integer],
  ['aria-rowcount', integer],
  ['aria-setsize', integer],
  ['aria-checked', oneOf('true', 'false', 'mixed')],
  ['aria-selected', oneOf('true', 'false')],
  ['aria-modal', oneOf('true', 'false')],
  ['type', oneOf(...inputTypes)],
];

function signature(el: Element): string | undefined {
  const role = el.getAttribute('role');
  const tag = el.tagName.toUpperCase();
  if (!role && !LANDMARK_TAGS.has(tag)) return undefined;
  const name = tag.toLowerCase();
  const roles = role
    ?.trim()
    .split(/\s+/)
    .slice(0, 3)
    .map((token) => (KNOWN_ROLES.has(token.toLowerCase()) ? token.toLowerCase() : '?'))
    .join(' ');
  const attrs = KEPT_ATTRIBUTES.filter(([a]) => el.hasAttribute(a)).map(([a, allowed]) => {
    const value = (el.getAttribute(a) ?? '').trim().toLowerCase();
    return `${a}=${allowed(value) ? value : '?'}`;
  });
  return [(KNOWN_TAGS.has(name) ? name : '*') + (roles ? `[role=${roles}]` : ''), ...attrs].join(' ');
}

function indent(depth: number): string {
  return depth <= MAX_INDENT ? '  '.repeat(depth) : `${'  '.repeat(MAX_INDENT)}(${depth}) `;
}

export function getOutline(root: Element, skip: readonly (Element | undefined)[] = []): string[] {
  const lines: string[] = [];
  // The last line is kept to say that the outline was cut.
  const push = (line: string) => {
    if (lines.length < MAX_LINES - 1) lines.push(line.slice(0, MAX_LINE));
    else if (lines.length === MAX_LINES - 1) lines.push(`… cut at ${MAX_LINES} lines`);
  };
  let cutDeep = false;
  const walk = (el: Element, depth: number, nesting: number) => {
    if (nesting > MAX_NESTING) {
      if (!cutDeep) push(`${indent(depth)}… nested deeper than ${MAX_NESTING} elements, left out`);
      cutDeep = true;
      return;
    }
    let previous: string | undefined;
    let repeats = 0;
    const flush = () => {
      if (repeats > 1) push(`${indent(depth)}… ×${repeats - 1} more alike`);
      repeats = 0;
    };
    for (const child of el.children) {
      if (skip.includes(child) || lines.length >= MAX_LINES) continue;
      const sig = signature(child);
      if (sig === undefined) {
        walk(child, depth, nesting + 1);
        continue;
      }
      if (sig === previous) {
        repeats++;
        continue;
      }
      flush();
      previous = sig;
      repeats = 1;
      push(`${indent(depth)}${sig}`);
      walk(child, depth + 1, nesting + 1);
    }
    flush();
  };
  walk(root, 0, 0);
  return lines;
}
