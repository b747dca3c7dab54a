import type { ReadProblem } from '../domain/read-problems';
import type { PageSnapshot } from '../domain/snapshot';
import { getOutline } from './outline';
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
 * - the outline (outline.ts, the one part the content script builds) holds known tag names, known ARIA roles and a few attributes whose values are checked to be
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

/**
 * The bundle of a snapshot, from the outline the content script built (outline.ts): the background makes the
 * rest from the snapshot it took in (lib/platform/handlers/snapshots.ts), so this code stays out of the page.
 */
export function completeDiagnostics(snapshot: PageSnapshot, outline: readonly string[]): Diagnostics {
  const url = new URL(snapshot.url);
  return {
    path: getDiagnosticPath(url.pathname),
    queryKeys: getDiagnosticQueryKeys(url.searchParams),
    kind: snapshot.kind,
    readStatus: snapshot.readStatus,
    readProblems: snapshot.readProblems.slice(0, 100).map(describeProblemFacts),
    locale: snapshot.locale,
    outline: [...outline],
  };
}

/** The bundle of a snapshot and the page it was read from, made in one place (as the background makes it). */
export function buildDiagnostics(
  snapshot: PageSnapshot,
  root: Element,
  skip: readonly (Element | undefined)[] = [],
): Diagnostics {
  return completeDiagnostics(snapshot, getOutline(root, skip));
}
