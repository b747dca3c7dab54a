import { assetKey } from '../../domain/principals';
import { readProblem, type ReadProblem } from '../../domain/read-problems';
import { getSubjectKey, type Locale, type Principal } from '../../domain/snapshot';
import type { Anchor } from '../anchors';
import {
  elementPiece,
  elementText,
  findDetailPane,
  findRows,
  HEADING_SELECTOR,
  headingLevel,
  isInChrome,
  textSegments,
} from '../dom';
import { isColumnHeader, isPendingSection } from '../match';
import type { ReadOutcome } from '../read-outcome';
import type { RouteInfo } from '../routes';
import { normalizeText } from '../text';
import { readAssetSwitches } from './assets';
import { hasEmptyState, isLoading } from './page-state';
import { readRowFacts, toPrincipal, type RowFacts } from './rows';

/**
 * Some layouts list invitations apart, under a heading or in a list labelled "Pending invitations", with
 * no label on each row. Returns a test for "this row is in such a section" (always false when the page
 * has none, at no cost per row).
 */
function pendingSectionTest(main: ParentNode): (row: Element) => boolean {
  const labelled = [...main.querySelectorAll('[aria-label]')].filter(
    (el) => !isInChrome(el) && isPendingSection(el.getAttribute('aria-label') ?? ''),
  );
  const headings = [...main.querySelectorAll(HEADING_SELECTOR)].filter((h) => !isInChrome(h));
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
 * A row or pane is about a principal only when it shows what identifies one: an e-mail address or an
 * access level for a person, a Business ID for a partner, a role or an id for a system user. A name alone
 * could be any heading.
 */
function isUnderstood(kind: 'people' | 'partners' | 'system-users', facts: RowFacts): boolean {
  if (kind === 'people') return facts.email !== undefined || facts.access !== undefined;
  if (kind === 'partners') return facts.id !== undefined;
  return facts.access !== undefined || facts.id !== undefined;
}

function sameSubject(a: Principal, b: Principal): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'person' && b.kind === 'person' && a.email && b.email)
    return a.email.toLowerCase() === b.email.toLowerCase();
  if (a.kind === 'partner' && b.kind === 'partner' && a.businessId && b.businessId)
    return a.businessId === b.businessId;
  if (a.kind === 'system-user' && b.kind === 'system-user' && a.id && b.id) return a.id === b.id;
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
): ReadOutcome {
  const problems: ReadProblem[] = [];
  const list = findRows(main);
  const pane = findDetailPane(main, list);
  const principals: Principal[] = [];
  let missingAccess = 0;
  let notUnderstood = 0;
  const inPendingSection = pendingSectionTest(main);
  const rowPrincipal = new Map<Element, Principal>();
  let paneTarget: { principal: Principal; headings: Element[]; paneOnly: Element | undefined } | undefined;
  for (const row of list.rows) {
    const facts = readRowFacts(row, locale);
    if (facts.unreadableDate)
      problems.push(readProblem('end-date-unreadable', { sample: facts.unreadableDate.slice(0, 40) }));
    if (inPendingSection(row)) facts.pending = true;
    const principal = isUnderstood(kind, facts) ? toPrincipal(kind, facts) : undefined;
    if (!principal) {
      // A header row written with ordinary cells ("Name", "Access") is not a principal, nor a problem.
      if (!textSegments(row).every(isColumnHeader)) notUnderstood++;
      continue;
    }
    if (kind !== 'partners' && !facts.access) missingAccess++;
    principals.push(principal);
    rowPrincipal.set(row, principal);
  }

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
  if (notUnderstood > 0)
    problems.push(readProblem('rows-not-understood', { count: notUnderstood, total: list.rows.length }));
  if (missingAccess > 0)
    problems.push(readProblem('no-access-level', { count: missingAccess, section: kind }));
  if (list.declaredCount !== undefined && list.declaredCount > list.rows.length) {
    problems.push(readProblem('list-partly-loaded', { count: list.rows.length, total: list.declaredCount }));
  }

  if (pane) {
    const facts = readRowFacts(pane, locale, 3);
    const paneHeading = [...pane.querySelectorAll(HEADING_SELECTOR)].find((h) => headingLevel(h) === 2);
    if (paneHeading) {
      const heading = elementPiece(paneHeading);
      facts.name = heading.text;
      if (heading.hidden) facts.hidden = true;
    }
    const { assets, headings, unknownLabels } = readAssetSwitches(pane);
    if (unknownLabels.length > 0)
      problems.push(readProblem('unknown-switch-labels', { count: unknownLabels.length }));
    const fromPane = isUnderstood(kind, facts) ? toPrincipal(kind, facts) : undefined;
    if (fromPane) {
      const selected = list.rows.find(
        (row) => row.getAttribute('aria-selected') === 'true' || row.getAttribute('aria-current') === 'true',
      );
      const match =
        principals.find((p) => sameSubject(p, fromPane)) ??
        (selected ? rowPrincipal.get(selected) : undefined);
      if (match) {
        paneTarget = { principal: match, headings, paneOnly: undefined };
        match.assets = assets;
        if (match.kind === 'person' && fromPane.kind === 'person') match.email ??= fromPane.email;
        if (match.kind === 'partner' && fromPane.kind === 'partner') match.businessId ??= fromPane.businessId;
        if (match.kind === 'system-user' && fromPane.kind === 'system-user') match.id ??= fromPane.id;
        match.temporaryUntil ??= fromPane.temporaryUntil;
        match.portfolioAccess ??= fromPane.portfolioAccess;
        if (fromPane.hiddenCharacters) match.hiddenCharacters = true;
      } else {
        fromPane.assets = assets;
        principals.push(fromPane);
        paneTarget = { principal: fromPane, headings, paneOnly: paneHeading ?? pane };
      }
    } else if (route.selectedId) {
      problems.push(readProblem('detail-pane-unreadable'));
    }
  }
  // Anchors are keyed by subject once the pane has filled in what the row lacked (an e-mail address).
  const anchors: Anchor[] = [...rowPrincipal].map(([row, p]) => ({
    subject: getSubjectKey(p),
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
