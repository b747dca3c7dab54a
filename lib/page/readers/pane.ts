import { cleanDisplayText, hasHiddenCharacters } from '../text';
import { headingLevel, isHidden, type TextPiece } from '../dom';
import { isPaneSection, matchAssetType, matchSection } from '../match';
import * as selector from '../selectors';

/**
 * A detail pane or dialog as a stream of what it shows, in document order: texts (one per element that
 * carries it) and controls (switches, checkboxes). Readers then find facts by meaning in that stream, not
 * by one layout (issue 10, item 1): Meta's panes may give an asset-type label as a heading of any level,
 * a plain text block, a `summary` or a tab, and an asset's name as a heading, bold text or a text block.
 */
export type PaneToken =
  | {
      kind: 'text';
      text: string;
      hidden: boolean;
      node: Node;
      /** The element that carries the text: its heading, its bold element, or its parent. */
      carrier: Element;
      /** How the carrier looks, to tell a name from a description beside it (see `signature`). */
      signature: string;
      /** A heading or bold text: a strong sign of a name. */
      strong: boolean;
      /** The text labels or describes a control (a `<label>`, an aria-labelledby/-describedby target). */
      ofControl: boolean;
    }
  | { kind: 'control'; el: Element };

const BOLD_TAGS = new Set(['B', 'STRONG']);

/**
 * How an element looks, structurally: tag, role, level and class of the element and of its parent.
 * Meta's classes are generated and change with every build, so they are never looked up; but within one
 * page, two asset names are drawn by the same component and look the same, while a description or a
 * switch's note beside them looks different.
 */
function signature(el: Element): string {
  const one = (e: Element | null) =>
    e
      ? `${e.tagName}|${e.getAttribute('role') ?? ''}|${e.getAttribute('aria-level') ?? ''}|${e.getAttribute('class') ?? ''}`
      : '';
  return `${one(el)}>${one(el.parentElement)}`;
}

/** Elements whose text belongs to a control: what aria-labelledby and aria-describedby name. */
function controlTexts(root: Element): Set<Element> {
  const out = new Set<Element>();
  const doc = root.ownerDocument;
  for (const control of root.querySelectorAll(selector.controls)) {
    for (const attr of ['aria-labelledby', 'aria-describedby']) {
      for (const id of (control.getAttribute(attr) ?? '').split(/\s+/)) {
        const target = id ? doc.getElementById(id) : null;
        if (target && !target.contains(control)) out.add(target);
      }
    }
  }
  return out;
}

/**
 * The stream of a pane or dialog. A heading's or bold element's text is one token however many text nodes
 * it has; any other text node is its own token (a "(you)" badge beside a name stays apart from it).
 */
export function paneTokens(root: Element): PaneToken[] {
  const tokens: PaneToken[] = [];
  const ofControls = controlTexts(root);
  // A text belongs to a control when it sits in a <label> or in an element a control names: one walk up.
  const isOfControl = (el: Element) => {
    for (let at: Element | null = el; at && at !== root.parentElement; at = at.parentElement)
      if (at.tagName === 'LABEL' || ofControls.has(at)) return true;
    return false;
  };
  const walk = (node: Element, block: Element | undefined) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const raw = child.nodeValue ?? '';
        const text = cleanDisplayText(raw);
        if (!text) continue;
        const carrier = block ?? node;
        const last = tokens.at(-1);
        if (block && last?.kind === 'text' && last.carrier === block) {
          // Another text node of the same heading: one name.
          last.text = `${last.text} ${text}`;
          last.hidden ||= hasHiddenCharacters(raw);
          continue;
        }
        tokens.push({
          kind: 'text',
          text,
          hidden: hasHiddenCharacters(raw),
          node: child,
          carrier,
          signature: signature(carrier),
          strong: block !== undefined,
          ofControl: isOfControl(carrier),
        });
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (isHidden(el) || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') continue;
        if (el.matches(selector.controls)) {
          tokens.push({ kind: 'control', el });
          if (el.tagName === 'INPUT') continue;
        }
        if (el.tagName === 'INPUT') continue;
        const strong = headingLevel(el) !== undefined || BOLD_TAGS.has(el.tagName.toUpperCase());
        walk(el, block ?? (strong ? el : undefined));
      }
    }
  };
  walk(root, undefined);
  return tokens;
}

/** A token that starts the assets of a pane: an asset-type label or a section title ("Assigned assets"). */
export function startsAssets(token: PaneToken): boolean {
  return (
    token.kind === 'text' &&
    (matchAssetType(token.text) !== undefined ||
      isPaneSection(token.text) ||
      (headingLevel(token.carrier) ?? 0) >= 3)
  );
}

/** A section title that ends a group of assets (People, Partners, "People from this partner"). */
export function endsAssets(text: string): boolean {
  return isPaneSection(text) || matchSection(text) !== undefined;
}

/** Text tokens as the row reader takes them. */
export function asPieces(tokens: PaneToken[]): TextPiece[] {
  return tokens.flatMap((t) => (t.kind === 'text' ? [{ text: t.text, hidden: t.hidden, node: t.node }] : []));
}
