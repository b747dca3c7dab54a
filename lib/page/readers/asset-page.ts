import { readProblem, type ReadProblem } from '../../domain/read-problems';
import { getSubjectKey, type Locale, type Principal } from '../../domain/snapshot';
import type { Anchor } from '../anchors';
import { elementText, findCards, findRows, headingLevel, isInChrome } from '../dom';
import { matchSection } from '../match';
import type { ReadOutcome } from '../read-outcome';
import type { RouteInfo } from '../routes';
import { readAccessText } from './assets';
import { isLoading } from './page-state';
import { readRowFacts, toPrincipal } from './rows';
import * as selector from '../selectors';

/**
 * Reads an asset page: the selected asset's name heading and the People / Partners sections that list
 * who holds it, with each holder's access to it.
 */
export function readAssetPage(route: RouteInfo, main: ParentNode, locale: Locale): ReadOutcome {
  // The selected asset's details: a name heading, then People / Partners sections listing its holders.
  const headings = [...main.querySelectorAll(selector.headings)].filter((h) => !isInChrome(h));
  const sections = headings
    .map((heading) => ({ heading, section: matchSection(elementText(heading)) }))
    .filter(
      (s): s is { heading: Element; section: 'people' | 'partners' | 'system-users' } =>
        s.section !== undefined,
    );
  const first = sections[0];
  if (!first) {
    if (isLoading(main)) return { principals: [], problems: [readProblem('asset-list-loading')] };
    if (!route.selectedId) return { principals: [], problems: [readProblem('no-asset-selected')] };
    return {
      principals: [],
      problems: [readProblem('asset-no-sections')],
      unreadable: true,
    };
  }
  const isNameHeading = (h: Element) =>
    (headingLevel(h) ?? 9) <= 2 && matchSection(elementText(h)) === undefined;
  let pane: Element = first.heading;
  while (
    pane.parentElement &&
    ![...pane.parentElement.querySelectorAll(selector.headings)].some(isNameHeading)
  ) {
    pane = pane.parentElement;
  }
  pane = pane.parentElement ?? pane;
  const nameHeading = [...pane.querySelectorAll(selector.headings)]
    .filter((h) => isNameHeading(h) && h.compareDocumentPosition(first.heading) & 4 /* FOLLOWING */)
    .at(-1);
  const assetName = nameHeading ? elementText(nameHeading) : undefined;
  if (!assetName) return { principals: [], problems: [readProblem('asset-no-name')], unreadable: true };

  const type = route.assetType ?? 'page';
  let rows = findRows(pane).rows;
  const titles = new Map<Element, Element>();
  if (rows.length === 0) {
    // Holders written as cards (a heading per holder, no list roles): every group of them, in page order,
    // but not the sections' own blocks.
    const holdsSection = (el: Element) => sections.some((s) => el.contains(s.heading));
    for (const set of findCards(pane)) {
      for (const [row, title] of set.names ?? []) {
        if (sections.some((s) => s.heading === title || title.contains(s.heading))) continue;
        // A section's only holder climbs to the section itself: keep it below the section's title.
        let card = row;
        if (holdsSection(row)) {
          card = title;
          while (card.parentElement && card.parentElement !== row && !holdsSection(card.parentElement))
            card = card.parentElement;
        }
        titles.set(card, title);
      }
    }
    rows = [...titles.keys()].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  }
  const problems: ReadProblem[] = [];
  const principals: Principal[] = [];
  const anchors: Anchor[] = [];
  let unknownAccess = 0;
  for (const row of rows) {
    // The section a row belongs to is the last section heading before it.
    const section = sections
      .filter((s) => s.heading.compareDocumentPosition(row) & 4 /* FOLLOWING */)
      .at(-1)?.section;
    if (!section) continue;
    const title = titles.get(row);
    const facts = readRowFacts(row, locale, title ? { elements: [title] } : {});
    const principal = toPrincipal(section, facts);
    if (!principal) continue;
    // The holder's access is read from the row's other texts, never from the name.
    const access = facts.rest.map((s) => readAccessText(s, type)).find((a) => a !== undefined);
    if (!access) {
      unknownAccess++;
      continue;
    }
    delete principal.portfolioAccess;
    principal.assets = [
      { type, ...(route.selectedId ? { id: route.selectedId } : {}), name: assetName, ...access },
    ];
    principals.push(principal);
    anchors.push({ subject: getSubjectKey(principal), role: 'row', element: row });
  }
  if (unknownAccess > 0) problems.push(readProblem('asset-access-unknown', { count: unknownAccess }));
  return { principals, problems, anchors };
}
