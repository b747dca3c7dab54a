import {
  PRINCIPAL_NAME_MAX,
  type Partner,
  type Person,
  type PortfolioAccess,
  type Principal,
  type SystemUser,
} from '../../domain/snapshot';
import { parseDisplayedDate } from '../dates';
import { labelledBy, textPieces, type TextPiece } from '../dom';
import {
  accessOfNormal,
  idOfNormal,
  isEmailLabel,
  isIdLabelNormal,
  isPendingNormal,
  isYouNormal,
  splitYouMarker,
  temporaryRestOfNormal,
} from '../match';
import { findEmail, isEmail, normalizeText } from '../text';

/** What one row (or detail pane) says about a principal, before it is known which kind it is. */
export interface RowFacts {
  name?: string;
  email?: string;
  id?: string;
  access?: Exclude<PortfolioAccess, 'unknown'>;
  pending: boolean;
  you: boolean;
  temporaryUntil?: string;
  /** "Access expires …" was shown but its date could not be read. */
  unreadableDate?: string;
  /** The name, e-mail address or ID was written with hidden format characters (removed from the facts). */
  hidden: boolean;
  /**
   * The name's own text also held a "(you)" marker or an e-mail address. Names are written by other
   * people, so neither is taken from there (issue 10, item 3); the reader reports the row as partly read.
   */
  inName?: 'you' | 'email';
  /** The texts of the row other than its name (an asset page reads the holder's access from them). */
  rest: readonly string[];
}

/** Where a row's name is: the element(s) that hold exactly it, or the row's first text. */
export interface NameSource {
  /** Elements whose whole text is the name (a pane's heading, the target of a row's aria-labelledby). */
  elements?: readonly Element[];
  /** The cell under the Name column: its first text is the name. */
  cell?: Element;
}

function contains(elements: readonly Element[], node: Node): boolean {
  return elements.some((e) => e.contains(node));
}

/**
 * Reads a row or a pane: first its name, from where the name is (issue 10, item 3: the labelled element,
 * the Name cell, the pane's heading, or else the row's first text), then every other fact from the other
 * texts only: access label, e-mail, ID, pending badge, "(you)" badge, end date. A name that reads
 * "Full control", "Pending", "(you)" or "Business ID: 1234567" stays a name and changes no fact.
 */
export function readRowFacts(
  el: Element,
  locale: string,
  source: NameSource = {},
  given?: TextPiece[],
): RowFacts {
  const facts: RowFacts = { pending: false, you: false, hidden: false, rest: [] };
  const all = given ?? textPieces(el);
  const nameElements = source.elements?.length ? source.elements : labelledBy(el);
  let others: TextPiece[];
  let nameText: string | undefined;
  let nameHidden = false;
  if (nameElements.length > 0) {
    const pieces = nameElements.flatMap((e) => textPieces(e));
    nameText = pieces.map((p) => p.text).join(' ') || undefined;
    nameHidden = pieces.some((p) => p.hidden);
    others = all.filter((p) => !contains(nameElements, p.node));
  } else {
    const first = source.cell ? textPieces(source.cell)[0] : all[0];
    nameText = first?.text;
    nameHidden = first?.hidden ?? false;
    others = first ? all.filter((p) => p.node !== first.node) : all;
  }
  facts.rest = others.map((p) => p.text);
  readOtherFacts(facts, others.flatMap(splitPiece), el, locale);
  if (nameText !== undefined) takeName(facts, nameText, nameHidden);
  return facts;
}

/** The name, and what its own text may say: an address as the whole name is an invitee's address. */
function takeName(facts: RowFacts, text: string, hidden: boolean): void {
  facts.name = text;
  if (hidden) facts.hidden = true;
  if (isEmail(text)) {
    // Meta names a pending invitation by the invited address; an address shown elsewhere in the row wins.
    facts.email ??= text.trim();
    return;
  }
  if (splitYouMarker(text).marked) facts.inName = 'you';
  else if (findEmail(text)) facts.inName = 'email';
}

/**
 * Every fact the texts other than the name show. Each text is normalised once (the row reader's cost at
 * thousands of rows, issue 12): only a text with an `@` can be an address, and such a text is never the
 * "(you)" marker, so the address is looked for first and the other facts on the normalised text.
 */
function readOtherFacts(facts: RowFacts, pieces: TextPiece[], el: Element, locale: string): void {
  for (let i = 0; i < pieces.length; i++) {
    const { text: segment, hidden } = pieces[i]!;
    if (
      segment.includes('@') &&
      (isEmail(segment) || (isEmailLabel(segment.split(':')[0] ?? '') && findEmail(segment)))
    ) {
      if (!facts.email && hidden) facts.hidden = true;
      facts.email ??= findEmail(segment);
      continue;
    }
    const normal = normalizeText(segment);
    if (isYouNormal(normal)) {
      facts.you = true;
      continue;
    }
    const access = accessOfNormal(normal);
    if (access) {
      facts.access ??= access;
      continue;
    }
    if (isPendingNormal(normal)) {
      facts.pending = true;
      continue;
    }
    const rest = temporaryRestOfNormal(normal);
    if (rest !== undefined) {
      const datetime = el.querySelector('time[datetime]')?.getAttribute('datetime');
      const fromTime = datetime ? parseDisplayedDate(datetime, locale) : undefined;
      // The date is in the same text or in the next piece (often a <time> or <span>).
      const candidate = rest || pieces[i + 1]?.text || '';
      const parsed = fromTime ?? parseDisplayedDate(candidate, locale);
      if (parsed) {
        facts.temporaryUntil = parsed;
        if (!rest) i++;
      } else if (candidate) facts.unreadableDate = candidate;
      continue;
    }
    // "Business ID" in one element and the number in the next, with no colon (LEXICON.md): the label
    // says nothing, the bare number is the ID.
    if (isIdLabelNormal(normal)) continue;
    const id = idOfNormal(normal);
    if (id) {
      if (!facts.id && hidden) facts.hidden = true;
      facts.id ??= id;
    }
  }
}

/** The flag of a principal whose name, e-mail or ID was shown with hidden characters. */
function hiddenFlag(facts: RowFacts): { hiddenCharacters?: true } {
  return facts.hidden ? { hiddenCharacters: true } : {};
}

export function toPerson(facts: RowFacts): Person | undefined {
  const name = (facts.name ?? facts.email)?.slice(0, PRINCIPAL_NAME_MAX);
  if (!name) return undefined;
  const person: Person = {
    kind: 'person',
    name,
    pending: facts.pending,
    isCurrentUser: facts.you,
    assets: [],
    ...hiddenFlag(facts),
  };
  if (facts.email) person.email = facts.email;
  if (facts.access) person.portfolioAccess = facts.access;
  if (facts.temporaryUntil) person.temporaryUntil = facts.temporaryUntil;
  return person;
}

export function toPartner(facts: RowFacts): Partner | undefined {
  const name = (facts.name ?? facts.id)?.slice(0, PRINCIPAL_NAME_MAX);
  if (!name) return undefined;
  const partner: Partner = {
    kind: 'partner',
    name,
    pending: facts.pending,
    isCurrentUser: false,
    assets: [],
    ...hiddenFlag(facts),
  };
  if (facts.id) partner.businessId = facts.id;
  if (facts.access) partner.portfolioAccess = facts.access;
  if (facts.temporaryUntil) partner.temporaryUntil = facts.temporaryUntil;
  return partner;
}

export function toSystemUser(facts: RowFacts): SystemUser | undefined {
  const name = (facts.name ?? facts.id)?.slice(0, PRINCIPAL_NAME_MAX);
  if (!name) return undefined;
  const user: SystemUser = {
    kind: 'system-user',
    name,
    pending: false,
    isCurrentUser: false,
    assets: [],
    ...hiddenFlag(facts),
  };
  if (facts.id) user.id = facts.id;
  if (facts.access) user.portfolioAccess = facts.access;
  return user;
}

/** A row's facts as the principal the section lists. */
export function toPrincipal(
  kind: 'people' | 'partners' | 'system-users',
  facts: RowFacts,
): Principal | undefined {
  return kind === 'people' ? toPerson(facts) : kind === 'partners' ? toPartner(facts) : toSystemUser(facts);
}

/** splitCombined on a piece: every part keeps whether its text node carried hidden characters. */
function splitPiece(piece: TextPiece): TextPiece | TextPiece[] {
  const { text } = piece;
  // Most texts hold one fact: no separator, and no address, or an address alone (a text without spaces
  // or "·", "•", "|" is never split; one that is an address as a whole stays whole).
  if (!/[@·•|–—-]/.test(text)) return piece;
  if (!/[\s·•|]/.test(text)) {
    const email = text.includes('@') ? findEmail(text) : undefined;
    if (email === undefined || email === text) return piece;
  }
  const parts = splitCombined(text);
  return parts.length === 1 && parts[0] === piece.text
    ? piece
    : parts.map((text) => ({ text, hidden: piece.hidden, node: piece.node }));
}

/**
 * Splits a text that carries several facts at once ("Nils Holm · nils@byraab.se", "Anna Berg
 * <anna@sjobod.se>", "nils@byraab.se · Partial access") into its pieces.
 */
function splitCombined(segment: string): string[] {
  if (!/[@·•|–—-]/.test(segment)) return [segment];
  const pieces = segment.split(/\s+[·•|–—-]\s+|\s*[·•|]\s*/).filter(Boolean);
  const out: string[] = [];
  for (const piece of pieces) {
    const email = findEmail(piece);
    if (!email || piece.trim() === email) {
      out.push(piece.trim());
      continue;
    }
    const [before = '', after = ''] = piece.split(email);
    const tidy = (text: string) =>
      text
        .replace(/[<>[\],;]/g, ' ')
        .replace(/\(\s*\)/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    for (const part of [tidy(before), email, tidy(after)]) if (part) out.push(part);
  }
  return out;
}
