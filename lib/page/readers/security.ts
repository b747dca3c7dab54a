import { readProblem } from '../../domain/read-problems';
import type { ListedPerson, TwoFactorRequirement } from '../../domain/snapshot';
import { headingLevel, isInChrome, textPieces } from '../dom';
import { allVariants, buildIndex, securityLists, twoFactor } from '../lexicon';
import type { ReadOutcome } from '../read-outcome';
import { isEmail, normalizeText } from '../text';
import * as selector from '../selectors';

/**
 * Meta's own security signals (issue 15, item 5; research/meta-business-settings.md §3.4). Facts come from
 * the element that carries them, never from a name: the two-factor requirement is the value of the control
 * the setting's words label (aria-label / aria-labelledby / <label>, or the one control beside a label of
 * those words); Security Center's people are the rows of the list under a title heading that is not inside
 * a row. A business named "Everyone" or a person named "Inactive users" is text elsewhere, never a control's
 * value or a title. An unknown wording is a read problem, never a guess; so is a title over content that is
 * not rows (people as plain cards): only a title with nothing after it is an empty list.
 */

const settingWords = allVariants(twoFactor.setting);
const requirementOf = buildIndex<TwoFactorRequirement>([
  [twoFactor['no-one'], 'no-one'],
  [twoFactor.admins, 'admins'],
  [twoFactor.everyone, 'everyone'],
]);
const listOf = buildIndex<'withoutTwoFactor' | 'inactive'>([
  [securityLists.withoutTwoFactor, 'withoutTwoFactor'],
  [securityLists.inactive, 'inactive'],
]);

const own = (el: Element) =>
  normalizeText(
    textPieces(el)
      .map((p) => p.text)
      .join(' '),
  );

/** The control's label, from its own markup (what associates a label with it on the page). */
function labelOf(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  const doc = el.ownerDocument;
  const byIds = ids
    ?.split(/\s+/)
    .map((id) => (id ? doc.getElementById(id) : null))
    .filter((x): x is HTMLElement => x !== null && !x.contains(el));
  if (byIds?.length) return byIds.map(own).join(' ');
  const label = el.getAttribute('aria-label');
  if (label) return normalizeText(label);
  const id = el.id;
  const byFor = id ? [...doc.querySelectorAll('label')].find((l) => l.htmlFor === id) : undefined;
  return byFor ? own(byFor) : '';
}

/** The shown choice of a control: a select's selected option, else the control's own text. */
function valueOf(el: Element): string {
  if (el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    const option = select.querySelector('option:checked') ?? select.options[select.selectedIndex];
    return option ? normalizeText(option.textContent ?? '') : '';
  }
  return own(el);
}

function readTwoFactor(main: ParentNode): ReadOutcome {
  const controls = [...main.querySelectorAll(selector.choices)].filter((el) => !isInChrome(el));
  let setting = controls.filter((el) => settingWords.includes(labelOf(el)));
  if (setting.length === 0) {
    // No label in the markup: the one control inside the nearest block around a text of the setting's words.
    const labels = [...main.querySelectorAll('label, span, div, dt, th, ' + selector.headings)].filter(
      (el) =>
        !isInChrome(el) &&
        !el.closest(selector.choices) &&
        settingWords.includes(own(el)) &&
        !el.querySelector(selector.choices),
    );
    setting = labels.flatMap((label) => {
      for (let block = label.parentElement; block && block !== main; block = block.parentElement) {
        const inside = controls.filter((c) => block.contains(c));
        if (inside.length > 0) return inside.length === 1 ? inside : [];
      }
      return [];
    });
  }
  const values = new Set(setting.map((el) => requirementOf.get(valueOf(el))));
  if (setting.length === 0)
    return { principals: [], problems: [readProblem('two-factor-not-found')], unreadable: true };
  const [value] = values;
  if (values.size !== 1 || value === undefined)
    return { principals: [], problems: [readProblem('two-factor-unknown')], unreadable: true };
  return { principals: [], problems: [], security: { twoFactorRequirement: value } };
}

/** The person of a list row: the first text outside its buttons that is not an address, and its address. */
function personOf(row: Element): ListedPerson | undefined {
  const texts = textPieces(row)
    .filter((p) => !p.node.parentElement?.closest(selector.clickables))
    .map((p) => p.text);
  const name = texts.find((t) => !isEmail(t));
  const email = texts.find(isEmail);
  return name ? { name, ...(email ? { email: email.trim() } : {}) } : undefined;
}

/** Whether visible text follows the title (within its section, or the page in flat markup) before the next
 * heading, not in a row, of the title's level or above. */
function contentAfter(title: Element, section: Element, main: ParentNode): boolean {
  const level = headingLevel(title)!;
  const scope = section === title ? (main as Element) : section;
  for (const piece of textPieces(scope)) {
    const el = piece.node.parentElement;
    if (!el || title.contains(el) || !(title.compareDocumentPosition(piece.node) & 4) || isInChrome(el))
      continue;
    const heading = el.closest(selector.headings);
    if (
      heading &&
      !heading.closest(selector.rowLikes) &&
      headingLevel(heading)! <= level &&
      scope.contains(heading)
    )
      return false;
    return true;
  }
  return false;
}

function readSecurityCenter(main: ParentNode): ReadOutcome {
  const titles = [...main.querySelectorAll(selector.headings)].filter(
    (h) => !isInChrome(h) && !h.closest(selector.rowLikes) && listOf.has(own(h)),
  );
  const unreadable = {
    principals: [],
    problems: [readProblem('security-lists-not-found')],
    unreadable: true,
  };
  if (titles.length === 0) return unreadable;
  // The lists are peers, drawn alike: titles at different heading levels or depths mean one is a name.
  const shape = (h: Element) => {
    let depth = 0;
    for (let el: Element | null = h; el && el !== main; el = el.parentElement) depth++;
    return `${headingLevel(h)} ${depth}`;
  };
  if (new Set(titles.map(shape)).size > 1) return unreadable;
  const security: NonNullable<ReadOutcome['security']> = {};
  for (const title of titles) {
    // The title's section: the nearest block around it that holds no other title; in flat markup (titles
    // and lists side by side), the blocks after it up to the next title.
    let section: Element = title;
    while (
      section !== main &&
      section.parentElement &&
      !titles.some((t) => t !== title && section.parentElement!.contains(t))
    )
      section = section.parentElement;
    // Only a section without rows of its own reaches on; it stops at any other section's heading (one not
    // in a row), known or not: "Limit number of users with full control" lists holders, not these people.
    const blocks = [section];
    const heads = (el: Element) =>
      [el, ...el.querySelectorAll(selector.headings)].some(
        (h) => h.matches(selector.headings) && !h.closest(selector.rowLikes),
      );
    if (!section.querySelector(selector.rowLikes))
      for (
        let next = section === main ? null : section.nextElementSibling;
        next && !heads(next);
        next = next.nextElementSibling
      )
        blocks.push(next);
    const rows = blocks.flatMap((block) => [...block.querySelectorAll(selector.rowLikes)]);
    // No rows: any text after the title, up to the next heading of its level or above, is content the
    // reader cannot read as people (Security Center's empty-state words are not known): unreadable.
    if (rows.length === 0 && contentAfter(title, section, main)) return unreadable;
    const people = rows
      .filter(
        (row) => !row.parentElement?.closest(selector.rowLikes) && !row.querySelector(selector.columnHeaders),
      )
      .map(personOf)
      .filter((p): p is ListedPerson => p !== undefined);
    const key = listOf.get(own(title))!;
    security[key] = [...(security[key] ?? []), ...people];
  }
  return { principals: [], problems: [], security };
}

/** Reads Business info's two-factor requirement, or Security Center's lists of people. */
export function readSecurity(kind: 'business-info' | 'security-center', main: ParentNode): ReadOutcome {
  return kind === 'business-info' ? readTwoFactor(main) : readSecurityCenter(main);
}
