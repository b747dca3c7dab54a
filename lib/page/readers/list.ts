import { assetKey } from '../../domain/principals';
import { readProblem, type ReadProblem } from '../../domain/read-problems';
import { getSubjectKey, PRINCIPALS_MAX, type Locale, type Principal } from '../../domain/snapshot';
import type { Anchor } from '../anchors';
import {
  elementText,
  findCards,
  findDetailPane,
  findRows,
  headingLevel,
  isInChrome,
  textSegments,
  type RowSet,
} from '../dom';
import { isColumnHeader, isNameColumn, isPendingSection, matchSection } from '../match';
import type { ReadOutcome } from '../read-outcome';
import type { RouteInfo } from '../routes';
import { normalizeText } from '../text';
import { readAssetSwitches } from './assets';
import { asPieces, paneTokens, startsAssets } from './pane';
import { hasEmptyState, isFiltered, isLoading } from './page-state';
import { readRowFacts, toPrincipal, type RowFacts } from './rows';
import * as selector from '../selectors';

/**
 * Where a row's name is, as far as its facts depend on anything outside the row: the page's language, the
 * index of the Name column (-1: none, the row's first text), or the card's title element.
 */
export interface RowContext {
  locale: string;
  column: number;
  title?: Element;
}

/**
 * Reads one row's facts (`read` does the reading). The watcher passes one that remembers the rows nothing
 * changed in (lib/page/row-cache.ts) and reads the others within a time budget; a row it leaves for a
 * later pass is `undefined`, unless `required`. The result is never mutated by the reader.
 */
export type RowRead = (
  row: Element,
  context: RowContext,
  read: () => RowFacts,
  required?: boolean,
) => RowFacts | undefined;

/** Reads every row now, remembering nothing. */
export const readEveryRow: RowRead = (_row, _context, read) => read();

/** A row's facts, read alone: exactly what a read of the whole list takes from that row. */
export function readListRow(row: Element, locale: string, title?: Element, cell?: Element): RowFacts {
  const facts = readRowFacts(row, locale, title ? { elements: [title] } : cell ? { cell } : {});
  // A list never looks at a row's other texts (an asset page's holders do), and the watcher remembers
  // every row's facts: at 5,000 rows those texts were a share of the heap the extension adds (issue 12).
  facts.rest = NO_TEXTS;
  return facts;
}

const NO_TEXTS: readonly string[] = Object.freeze([]);

/**
 * One principal per row's facts, and one pending copy of facts: the watcher remembers a row's facts, so an
 * unchanged row gives the very same principal read after read, and what follows (the report's diff, the
 * anchors' keys) takes it as unchanged at a glance instead of comparing it field by field (issue 12).
 * Nothing mutates them: the detail pane's facts go on a copy.
 */
const principalOf = new WeakMap<RowFacts, Principal | null>();
const pendingOf = new WeakMap<RowFacts, RowFacts>();
/** (A row's facts are remembered by one watcher, of one location: always read as rows of one kind.) */
function rowPrincipalOf(
  kind: 'people' | 'partners' | 'system-users',
  facts: RowFacts,
): Principal | undefined {
  let principal = principalOf.get(facts);
  if (principal === undefined)
    principalOf.set(facts, (principal = (isUnderstood(kind, facts) && toPrincipal(kind, facts)) || null));
  return principal ?? undefined;
}

/** The subject key of a principal, made once per principal (never mutated once read: see above). */
const keys = new WeakMap<Principal, string>();
export function subjectKeyOf(principal: Principal): string {
  let key = keys.get(principal);
  if (key === undefined) keys.set(principal, (key = getSubjectKey(principal)));
  return key;
}

/**
 * Some layouts list invitations apart, under a heading or in a list labelled "Pending invitations", with
 * no label on each row. Returns a test for "this row is in such a section" (always false when the page
 * has none, at no cost per row).
 */
function pendingSectionTest(
  marked: readonly Element[],
  allHeadings: readonly Element[],
): (row: Element) => boolean {
  // The label first: a walk up from each of thousands of labelled elements is the costlier test (issue 12).
  const labelled = marked.filter(
    (el) =>
      el.hasAttribute('aria-label') &&
      isPendingSection(el.getAttribute('aria-label') ?? '') &&
      !isInChrome(el),
  );
  const headings = allHeadings.filter((h) => !isInChrome(h));
  const pendingHeadings = new Set(headings.filter((h) => isPendingSection(elementText(h))));
  if (labelled.length === 0 && pendingHeadings.size === 0) return () => false;
  return (row) => {
    if (labelled.some((el) => el.contains(row))) return true;
    // The last heading before the row decides which section it is in.
    const before = headings.filter((h) => h.compareDocumentPosition(row) & 4 /* FOLLOWING */).at(-1);
    return before !== undefined && pendingHeadings.has(before);
  };
}

/**
 * The cell under the Name column of a grid or table, when the list has column headers and one of them is
 * the Name column (issue 10, item 3: the name is read from its column, whatever comes before it).
 */
function nameCellFinder(list: RowSet): { column: number; cell: (row: Element) => Element | undefined } {
  const none = { column: -1, cell: () => undefined };
  const first = list.rows[0];
  const table = first?.closest(selector.tables);
  if (!table) return none;
  const headers = [...table.querySelectorAll(selector.columnHeaders)];
  const index = headers.findIndex((h) => isNameColumn(elementText(h)));
  if (index <= 0) return none; // no Name column, or it is the first: the row's first text
  return {
    // The number of columns matters too: a row with another number of cells is read by its first text.
    column: index * 1000 + headers.length,
    cell: (row) => {
      const cells = [...row.querySelectorAll(selector.gridCells)].filter(
        (c) => c.parentElement?.closest('[role="row"], tr') === row,
      );
      return cells.length === headers.length ? cells[index] : undefined;
    },
  };
}

/**
 * The cards of a list built without list roles (see findCards): the group whose cards are most often
 * understood as principals of the section, leaving out a detail pane's own blocks (they follow its title,
 * a level-2 heading, inside the same container).
 */
function pickCards(
  kind: 'people' | 'partners' | 'system-users',
  main: ParentNode,
  locale: Locale,
  rowRead: RowRead,
): RowSet | undefined {
  let best: { set: RowSet; understood: number } | undefined;
  for (const set of findCards(main)) {
    const first = set.rows[0]!;
    // A pane's blocks follow its title (a level-2 heading naming the selected principal) within the
    // pane, and carry its switches: neither is a list of principals.
    if (set.rows.some((row) => row.querySelector(selector.controls) !== null)) continue;
    let inPane = false;
    for (
      let el = first.parentElement;
      el && el !== main && !el.matches('[role="main"], main, body');
      el = el.parentElement
    ) {
      inPane = [...el.querySelectorAll(selector.headings)].some(
        (h) =>
          headingLevel(h) === 2 &&
          h.compareDocumentPosition(first) & 4 /* FOLLOWING */ &&
          matchSection(elementText(h)) === undefined &&
          !isPendingSection(elementText(h)),
      );
      if (inPane) break;
    }
    if (inPane) continue;
    let understood = 0;
    for (const row of set.rows.slice(0, 20)) {
      const title = set.names?.get(row);
      const facts = rowRead(row, { locale, column: -1, title }, () => readListRow(row, locale, title), true);
      if (facts && isUnderstood(kind, facts)) understood++;
    }
    if (understood > 0 && (!best || understood > best.understood)) best = { set, understood };
  }
  return best?.set;
}

/**
 * A row or pane is about a principal only when it shows what identifies one: an e-mail address or an
 * access level for a person, a Business ID for a partner, a role or an id for a system user. A name alone
 * could be any heading.
 */
function isUnderstood(kind: 'people' | 'partners' | 'system-users', facts: RowFacts): boolean {
  if (kind === 'people') return facts.email !== undefined || facts.access !== undefined;
  if (kind === 'partners') return facts.id !== undefined;
  return facts.access !== undefined || facts.id !== undefined;
}

/** What identifies a principal when the page shows it: an address, a Business ID or an ID. */
function keyOf(p: Principal): string | undefined {
  if (p.kind === 'person') return p.email?.toLowerCase();
  return p.kind === 'partner' ? p.businessId : p.id;
}

/** Both show what identifies them and it is not the same: two different principals. */
function keysDiffer(a: Principal, b: Principal): boolean {
  const [ka, kb] = [keyOf(a), keyOf(b)];
  return a.kind !== b.kind || (ka !== undefined && kb !== undefined && ka !== kb);
}

/** The same principal: by what identifies both, or else by name. */
function sameSubject(a: Principal, b: Principal): boolean {
  if (a.kind !== b.kind) return false;
  const [ka, kb] = [keyOf(a), keyOf(b)];
  if (ka !== undefined && kb !== undefined) return ka === kb;
  return normalizeText(a.name) === normalizeText(b.name);
}

/**
 * Reads People, Partners or System users: the rows of the list, and the detail pane of the selected one
 * (its assets and tasks, and what its row lacks).
 */
export function readPrincipalList(
  kind: 'people' | 'partners' | 'system-users',
  route: RouteInfo,
  main: ParentNode,
  locale: Locale,
  rowRead: RowRead = readEveryRow,
): ReadOutcome {
  const problems: ReadProblem[] = [];
  const rowList = findRows(main);
  const list = rowList.rows.length > 0 ? rowList : (pickCards(kind, main, locale, rowRead) ?? rowList);
  const principals: Principal[] = [];
  let missingAccess = 0;
  let notUnderstood = 0;
  // Headings and labelled elements, found in one walk of the page (at thousands of rows each walk counts).
  const marked = [...main.querySelectorAll(`[aria-label], ${selector.headings}`)];
  const pageHeadings = marked.filter((el) => el.matches(selector.headings));
  const inPendingSection = pendingSectionTest(marked, pageHeadings);
  const rowPrincipal = new Map<Element, Principal>();
  let paneTarget: { principal: Principal; headings: Element[]; paneOnly: Element | undefined } | undefined;
  let youInName = 0;
  let emailInName = 0;
  const noteNameFacts = (facts: RowFacts) => {
    if (facts.inName === 'you') youInName++;
    if (facts.inName === 'email') emailInName++;
  };
  const nameCell = nameCellFinder(list);
  const rows = list.rows.length > PRINCIPALS_MAX ? list.rows.slice(0, PRINCIPALS_MAX) : list.rows;
  if (rows.length < list.rows.length)
    problems.push(readProblem('list-over-limit', { count: rows.length, total: list.rows.length }));
  let deferred = 0;
  for (const row of rows) {
    const title = list.names?.get(row);
    const read = rowRead(row, { locale, column: title ? -1 : nameCell.column, title }, () =>
      readListRow(row, locale, title, title ? undefined : nameCell.cell(row)),
    );
    if (!read) {
      deferred++;
      continue;
    }
    // The facts may be remembered for the next read: a row in a pending section is marked on a copy.
    let facts = read;
    if (!read.pending && inPendingSection(row)) {
      facts = pendingOf.get(read) ?? { ...read, pending: true };
      pendingOf.set(read, facts);
    }
    noteNameFacts(facts);
    if (facts.unreadableDate)
      problems.push(readProblem('end-date-unreadable', { sample: facts.unreadableDate.slice(0, 40) }));
    const principal = rowPrincipalOf(kind, facts);
    if (!principal) {
      // A header row written with ordinary cells ("Name", "Access") is not a principal, nor a problem.
      if (!textSegments(row).every(isColumnHeader)) notUnderstood++;
      continue;
    }
    if (kind !== 'partners' && !facts.access) missingAccess++;
    principals.push(principal);
    rowPrincipal.set(row, principal);
  }

  if (deferred > 0) {
    // Read in slices (lib/page/watch.ts): what is read so far goes out first, as a list partly loaded; the
    // detail pane waits for the rows it belongs to.
    problems.push(readProblem('list-partly-loaded', { count: rows.length - deferred, total: rows.length }));
    const anchors: Anchor[] = [...rowPrincipal].map(([row, p]) => ({
      subject: subjectKeyOf(p),
      role: 'row',
      element: row,
    }));
    return { principals, problems, anchors, deferred };
  }
  const pane = findDetailPane(main, list, pageHeadings);
  if (list.rows.length === 0 && !pane) {
    if (isLoading(main)) return { principals, problems: [readProblem('list-loading', { section: kind })] };
    if (kind !== 'people' && hasEmptyState(main)) return { principals, problems };
    return {
      principals,
      problems: [readProblem('no-list', { section: kind })],
      unreadable: true,
    };
  }
  if (list.rows.length > 0 && principals.length === 0) {
    return {
      principals,
      problems: [readProblem('no-rows-understood', { total: list.rows.length })],
      unreadable: true,
    };
  }
  // A search narrows the list: what it does not show is not known to be gone.
  if (isFiltered(main)) problems.push(readProblem('list-filtered', { section: kind }));
  if (notUnderstood > 0)
    problems.push(readProblem('rows-not-understood', { count: notUnderstood, total: list.rows.length }));
  if (missingAccess > 0)
    problems.push(readProblem('no-access-level', { count: missingAccess, section: kind }));
  if (list.declaredCount !== undefined && list.declaredCount > list.rows.length) {
    problems.push(readProblem('list-partly-loaded', { count: list.rows.length, total: list.declaredCount }));
  }

  if (pane) {
    const paneHeading = [...pane.querySelectorAll(selector.headings)].find((h) => headingLevel(h) === 2);
    // The pane's own facts come before its first asset-type label or section title; its assets after.
    const tokens = paneTokens(pane);
    let split = tokens.findIndex(
      (t) => startsAssets(t) && !(paneHeading && t.kind === 'text' && paneHeading.contains(t.node)),
    );
    if (split === -1) split = tokens.length;
    const facts = readRowFacts(
      pane,
      locale,
      paneHeading ? { elements: [paneHeading] } : {},
      asPieces(tokens.slice(0, split)),
    );
    const { assets, headings, unknownLabels } = readAssetSwitches(pane, undefined, tokens.slice(split));
    if (unknownLabels.length > 0)
      problems.push(readProblem('unknown-switch-labels', { count: unknownLabels.length }));
    const understood = isUnderstood(kind, facts);
    const fromPane = facts.name || understood ? toPrincipal(kind, facts) : undefined;
    let match: Principal | undefined;
    if (fromPane) {
      const selected = list.rows.find(
        (row) => row.getAttribute('aria-selected') === 'true' || row.getAttribute('aria-current') === 'true',
      );
      const selectedPrincipal = selected ? rowPrincipal.get(selected) : undefined;
      const same = principals.filter((p) => sameSubject(p, fromPane));
      // One row is the pane's subject; when several share its name, the selected one; never a row
      // whose address or ID says it is someone else.
      match =
        same.length === 1
          ? same[0]
          : selectedPrincipal &&
              (same.includes(selectedPrincipal) ||
                (same.length === 0 && !keysDiffer(selectedPrincipal, fromPane)))
            ? selectedPrincipal
            : undefined;
    }
    if (fromPane && (match || understood)) {
      if (match) {
        // On a copy: the row's own principal is remembered for the next read.
        const row = match;
        match = { ...row, assets };
        principals[principals.indexOf(row)] = match;
        for (const [element, p] of rowPrincipal) if (p === row) rowPrincipal.set(element, match);
        paneTarget = { principal: match, headings, paneOnly: undefined };
        if (match.kind === 'person' && fromPane.kind === 'person') match.email ??= fromPane.email;
        if (match.kind === 'partner' && fromPane.kind === 'partner') match.businessId ??= fromPane.businessId;
        if (match.kind === 'system-user' && fromPane.kind === 'system-user') match.id ??= fromPane.id;
        match.temporaryUntil ??= fromPane.temporaryUntil;
        match.portfolioAccess ??= fromPane.portfolioAccess;
        if (fromPane.hiddenCharacters) match.hiddenCharacters = true;
      } else {
        // Only a pane that is no row's counts its name's own facts: a row already counted them.
        noteNameFacts(facts);
        fromPane.assets = assets;
        principals.push(fromPane);
        paneTarget = { principal: fromPane, headings, paneOnly: paneHeading ?? pane };
      }
      // Its assets were read in full, even none (issue 14), unless the pane is still filling in.
      if (!isLoading(pane)) paneTarget.principal.detail = true;
    } else if (route.selectedId) {
      problems.push(readProblem('detail-pane-unreadable'));
    }
  }
  if (youInName > 0) problems.unshift(readProblem('you-marker-in-name', { count: youInName }));
  if (emailInName > 0) problems.push(readProblem('email-in-name', { count: emailInName }));
  // Anchors are keyed by subject once the pane has filled in what the row lacked (an e-mail address).
  const anchors: Anchor[] = [...rowPrincipal].map(([row, p]) => ({
    subject: subjectKeyOf(p),
    role: 'row',
    element: row,
  }));
  if (paneTarget) {
    const subject = getSubjectKey(paneTarget.principal);
    if (paneTarget.paneOnly) anchors.push({ subject, role: 'row', element: paneTarget.paneOnly });
    paneTarget.principal.assets.forEach((asset, i) => {
      const heading = paneTarget!.headings[i];
      if (heading) anchors.push({ subject, role: 'asset', assetKey: assetKey(asset), element: heading });
    });
  }
  return { principals, problems, anchors };
}
