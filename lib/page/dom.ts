import { cleanDisplayText, hasHiddenCharacters, stripHiddenCharacters } from './text';
import * as selector from './selectors';

/**
 * DOM walking for the readers: roles and structure, never class names. Every function takes a
 * ParentNode and tolerates any markup.
 */

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/** Not shown, or not page text: `hidden`, `aria-hidden`, scripts, styles, templates, SVG. */
export function isHidden(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    SKIP_TAGS.has(el.tagName.toUpperCase())
  );
}

/** The visible text pieces of an element, in document order, one per text node (cleaned, non-empty). */
export function textSegments(root: Element): string[] {
  const out: string[] = [];
  visitText(root, (raw) => {
    const text = cleanDisplayText(raw);
    if (text) out.push(text);
  });
  return out;
}

/** A piece of text as textSegments gives it, and whether the page wrote it with hidden characters. */
export interface TextPiece {
  text: string;
  hidden: boolean;
  /** The text node it was read from (which element holds which fact: issue 10, item 3). */
  node: Node;
}

/** textSegments, each with whether its text node carried hidden format characters (text.ts). */
export function textPieces(root: Element): TextPiece[] {
  const out: TextPiece[] = [];
  visitText(root, (raw, node) => {
    // Printable ASCII (most page text) has no hidden characters, and only its spaces to fold.
    if (PLAIN.test(raw)) {
      const text = raw.includes('  ') ? raw.replace(/ {2,}/g, ' ').trim() : raw.trim();
      if (text) out.push({ text, hidden: false, node });
      return;
    }
    const text = cleanDisplayText(raw);
    if (text) out.push({ text, hidden: hasHiddenCharacters(raw), node });
  });
  return out;
}

const PLAIN = /^[\x20-\x7e]*$/;

/** Calls `visit` with the raw value of every visible text node of an element, in document order. */
function visitText(root: Element, visit: (raw: string, node: Node) => void) {
  // Fast path for the common row: nothing hidden or skipped inside: a native text walker.
  if (root.querySelector(selector.notPlainText) === null) {
    const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node.nodeValue ?? '', node);
    return;
  }
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        visit(child.nodeValue ?? '', child);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (isHidden(el)) continue;
        if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') continue;
        walk(el);
      }
    }
  };
  walk(root);
}

export function isInChrome(el: Element): boolean {
  return el.closest(selector.pageChrome) !== null;
}

/** The main content region: role=main, <main>, or the body. */
export function findMain(root: ParentNode): ParentNode {
  return root.querySelector('[role="main"], main') ?? (root as Document).body ?? root;
}

export interface RowSet {
  rows: Element[];
  /** How many rows the list says it has (aria-rowcount, aria-setsize), when it says so. */
  declaredCount?: number;
  structure: 'grid' | 'table' | 'list' | 'cards' | 'none';
  /** For cards: the heading that names each card (the row's name is read from it). */
  names?: Map<Element, Element>;
}

/**
 * Rows of the main list, whatever its structure: ARIA grid/table rows, <table> rows or list items.
 * Header rows (column headers only) and rows inside navigation or dialogs are left out.
 */
/**
 * The elements inside `scope` that hold an element matching `pattern` (strictly inside them), found by
 * one walk up from each match: equal to asking `el.querySelector(pattern) !== null` of each, at the cost
 * of one search of the scope.
 */
function holders(scope: ParentNode, pattern: string): Set<Node> {
  const out = new Set<Node>();
  for (const match of scope.querySelectorAll(pattern))
    for (let node = match.parentNode; node && node !== scope && !out.has(node); node = node.parentNode)
      out.add(node);
  return out;
}

export function findRows(scope: ParentNode, exclude?: Element): RowSet {
  // Chrome (nav, dialogs) inside the scope is found once; rows are then checked against those few.
  const chrome = [...scope.querySelectorAll(selector.pageChrome)];
  const scopeInChrome = (scope as Element).closest?.(selector.pageChrome) != null;
  const usable = (el: Element) =>
    !scopeInChrome && !chrome.some((c) => c.contains(el)) && !(exclude && exclude.contains(el));
  const ariaRows = [...scope.querySelectorAll('[role="row"]')];
  // Rows that hold a column header are header rows: found from the few headers up, not by a search in each row.
  const headerRows = ariaRows.length > 0 ? holders(scope, selector.columnHeaders) : undefined;
  const bodyRows = ariaRows.filter((row) => usable(row) && !headerRows!.has(row));
  if (bodyRows.length > 0) {
    const grid = bodyRows[0]!.closest('[role="grid"], [role="table"], [role="treegrid"]');
    const declared = Number(grid?.getAttribute('aria-rowcount'));
    const headerCount = grid ? (grid.querySelector('[role="columnheader"]') ? 1 : 0) : 0;
    return {
      rows: bodyRows,
      declaredCount: Number.isFinite(declared) && declared > 0 ? declared - headerCount : undefined,
      structure: 'grid',
    };
  }
  const trs = [...scope.querySelectorAll('tr')];
  const withCells = trs.length > 0 ? holders(scope, 'td') : undefined;
  const tableRows = trs.filter((row) => usable(row) && withCells!.has(row));
  if (tableRows.length > 0) return { rows: tableRows, structure: 'table' };
  const all = [...scope.querySelectorAll('[role="listitem"], li')];
  const outer = all.length > 0 ? holders(scope, '[role="listitem"], li') : undefined;
  const items = all.filter((item) => usable(item) && !outer!.has(item));
  if (items.length > 0) {
    const declared = Number(items[0]!.getAttribute('aria-setsize'));
    return {
      rows: items,
      declaredCount: Number.isFinite(declared) && declared > 0 ? declared : undefined,
      structure: 'list',
    };
  }
  return { rows: [], structure: 'none' };
}

/**
 * Rows of a list built with no list roles at all: cards, each titled by a heading (Meta's name and
 * subtitle pairing, `role="heading"` of level 3 or 4, research/meta-markup-evidence.md). A card is the
 * largest block around its heading that holds no other heading like it; the cards of one list are
 * siblings. Returns every such group, largest first: the reader keeps the first whose cards it
 * understands. Headings in navigation, dialogs or an explicit side pane are left out.
 */
export function findCards(scope: ParentNode): RowSet[] {
  const headings = [...scope.querySelectorAll(selector.headings)].filter(
    (h) => (headingLevel(h) ?? 0) >= 3 && !h.closest(selector.chromeOrAside),
  );
  const look = (h: Element) =>
    `${h.tagName}|${h.getAttribute('aria-level') ?? ''}|${h.getAttribute('class') ?? ''}`;
  const byLook = new Map<string, Element[]>();
  for (const h of headings) byLook.set(look(h), [...(byLook.get(look(h)) ?? []), h]);
  const groups = new Map<Element, { rows: Element[]; names: Map<Element, Element> }>();
  for (const same of byLook.values()) {
    // How many headings of this look each ancestor holds: one walk up from each heading (linear).
    const holds = new Map<Element, number>();
    for (const heading of same)
      for (let el = heading.parentElement; el && el !== scope; el = el.parentElement)
        holds.set(el, (holds.get(el) ?? 0) + 1);
    for (const heading of same) {
      let card = heading;
      for (let parent = card.parentElement; parent && parent !== scope; parent = parent.parentElement) {
        if ((holds.get(parent) ?? 0) > 1 || parent.matches('[role="main"], main, body')) break;
        card = parent;
      }
      const container = card.parentElement;
      if (!container) continue;
      const group = groups.get(container) ?? { rows: [] as Element[], names: new Map<Element, Element>() };
      group.rows.push(card);
      group.names.set(card, heading);
      groups.set(container, group);
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.rows.length - a.rows.length)
    .map((g) => ({ rows: g.rows, names: g.names, structure: 'cards' as const }));
}

export function headingLevel(el: Element): number | undefined {
  const tag = el.tagName.toUpperCase();
  if (/^H[1-6]$/.test(tag)) return Number(tag[1]);
  if (el.getAttribute('role') === 'heading') {
    const level = Number(el.getAttribute('aria-level'));
    return Number.isFinite(level) && level > 0 ? level : 2;
  }
  return undefined;
}

export function elementText(el: Element): string {
  return textSegments(el).join(' ');
}

/**
 * The detail pane of the selected person, partner, system user or asset: the largest subtree around its
 * level-2 heading that does not contain the list. Returns undefined when the page shows no detail pane.
 */
export function findDetailPane(
  scope: ParentNode,
  list: RowSet,
  /** The scope's headings, when the caller has them already (each query walks the whole list). */
  scopeHeadings?: readonly Element[],
): Element | undefined {
  const explicit = [...scope.querySelectorAll('[role="complementary"], aside')].find((el) => !isInChrome(el));
  if (explicit) return explicit;
  const firstRow = list.rows[0];
  const headings = (scopeHeadings ?? [...scope.querySelectorAll(selector.headings)]).filter(
    (h) =>
      headingLevel(h) === 2 &&
      !isInChrome(h) &&
      !(firstRow && h.contains(firstRow)) &&
      !list.rows.some((r) => r.contains(h)),
  );
  const heading = headings[0];
  if (!heading) return undefined;
  let pane: Element = heading;
  while (
    pane.parentElement &&
    !(firstRow && pane.parentElement.contains(firstRow)) &&
    pane.parentElement !== scope
  ) {
    if (pane.parentElement.matches('[role="main"], main, body')) break;
    pane = pane.parentElement;
  }
  return pane;
}

/**
 * The elements an element's aria-labelledby names (that exist, and are not the element itself or around
 * it): a control's label, or a list row's name (Meta's list rows, research/meta-markup-evidence.md).
 */
export function labelledBy(el: Element): Element[] {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return [];
  const doc = el.ownerDocument;
  return ids
    .split(/\s+/)
    .map((id) => (id ? doc.getElementById(id) : null))
    .filter((x): x is HTMLElement => x !== null && x !== el && !x.contains(el));
}

/** The text of the elements an element's aria-labelledby names, or '' when it names none that exist. */
export function labelledByText(el: Element): string {
  return labelledBy(el).map(elementText).join(' ');
}

/** The accessible name of a control: aria-label, aria-labelledby, or its <label>. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return cleanDisplayText(label);
  const labelledBy = labelledByText(el);
  if (labelledBy) return labelledBy;
  const wrapping = el.closest('label');
  if (wrapping) return elementText(wrapping);
  const id = el.getAttribute('id');
  if (id) {
    const byFor = [...el.ownerDocument.querySelectorAll('label')].find((l) => l.getAttribute('for') === id);
    if (byFor) return elementText(byFor);
  }
  return '';
}

export function isChecked(el: Element): boolean {
  const aria = el.getAttribute('aria-checked');
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked || aria === 'true';
  return aria === 'true';
}

/** What a field holds, without hidden format characters (an address pasted from a message can carry them). */
export function inputValue(el: Element): string {
  return stripHiddenCharacters(rawInputValue(el));
}

/** What a field holds, as typed or pasted. */
export function rawInputValue(el: Element): string {
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA'
    ? (el as HTMLInputElement).value
    : (el.textContent ?? '');
}
