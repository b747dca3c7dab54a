import type { ReadProblem } from '../domain/read-problems';
import type { PageSnapshot } from '../domain/snapshot';
import { knownRoles, knownTags, inputTypes } from './outline-words';
import { routeWords } from './routes';
import { pageKinds } from './snapshot-lists';

/**
 * A diagnostics bundle for a page the reader did not fully understand: the URL path, the query's keys, the
 * page kind, the read problems and the page's ARIA/landmark outline. It carries no names, e-mail addresses
 * or IDs (issue 10, item 5), and says so by construction rather than by redacting what it recognises:
 * - the path keeps only the words of Business Settings routes (`routeWords`); every other segment becomes
 *   its kind (`{id}`, `{email}`, `{word}`), so the IDs of classic URLs (/settings/people/<id>) never show;
 * - query keys are kept only when shaped like a parameter name (`business_id`), never their values;
 * - read problems keep their code and numeric facts; a string fact is kept only when it is one of our own
 *   words (a page kind, a kind of principal), any other (a sample of page text, Meta's notice, an error
 *   message) is described by its length and character classes, never quoted;
 * - the outline holds known tag names, known ARIA roles and a few attributes whose values are checked to be
 *   numbers or ARIA/HTML tokens; no text, no ids, no labels.
 * The bundle also always fits `diagnosticsSchema` (lib/domain/messages.ts), whatever the page's size or
 * depth: the background refuses a report that does not.
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

// The bounds of diagnosticsSchema, kept with some room.
const MAX_PATH = 2000;
const MAX_PATH_SEGMENTS = 40;
const MAX_QUERY_KEYS = 50;
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

/** What kind of thing a text is, without a character of it: `{id}`, `{email}` or `{word}`. */
function kindOfText(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // Not percent-encoded text: judged as it is.
  }
  if (decoded.includes('@')) return '{email}';
  if (/\d/.test(decoded)) return '{id}';
  return '{word}';
}

/** The URL path with every segment that is not a Business Settings route word replaced by its kind. */
export function getDiagnosticPath(pathname: string): string {
  const segments = pathname.split('/');
  const kept = segments
    .slice(0, MAX_PATH_SEGMENTS + 1)
    .map((segment) => (segment === '' || routeWords.has(segment) ? segment : kindOfText(segment)));
  const path = kept.join('/') + (segments.length > kept.length ? '/…' : '');
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path;
}

/** The query's keys, when shaped like a parameter name; an other key (an ID, an address) becomes its kind. */
export function getDiagnosticQueryKeys(params: URLSearchParams): string[] {
  const keys = new Set<string>();
  for (const key of params.keys()) {
    keys.add(/^[a-z]{1,30}(?:_[a-z]{1,30}){0,5}$/.test(key) ? key : kindOfText(key));
    if (keys.size >= MAX_QUERY_KEYS) break;
  }
  return [...keys];
}

/** Our own words that a string fact may hold (a list's section, a kind of principal): kept as they are. */
const OWN_WORDS = new Set<string>([...pageKinds, 'person', 'partner', 'system-user']);

/** A string fact as its length and the classes of its characters, never its characters. */
export function describeText(text: string): string {
  const classes = [
    [/\p{L}/u, 'letters'],
    [/\p{N}/u, 'digits'],
    [/\s/u, 'spaces'],
    [/@/u, 'at signs'],
    [/[\p{P}\p{S}]/u, 'punctuation'],
    [/[\p{C}]/u, 'control or format characters'],
  ] as const;
  const found = classes.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
  const length = [...text].length;
  return `<text: ${length} character${length === 1 ? '' : 's'}${found.length ? `; ${found.join(', ')}` : ''}>`;
}

function describeProblemFacts(problem: ReadProblem): ReadProblem {
  if (!problem.facts) return problem;
  const facts = Object.fromEntries(
    Object.entries(problem.facts).map(([name, value]) => [
      name,
      typeof value === 'string' && !OWN_WORDS.has(value) ? describeText(value) : value,
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
    path: getDiagnosticPath(url.pathname),
    queryKeys: getDiagnosticQueryKeys(url.searchParams),
    kind: snapshot.kind,
    readStatus: snapshot.readStatus,
    readProblems: snapshot.readProblems.slice(0, 100).map(describeProblemFacts),
    locale: snapshot.locale,
    outline: getOutline(root, skip),
  };
}
