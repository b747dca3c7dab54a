import {
  PRINCIPAL_NAME_MAX,
  type Partner,
  type Person,
  type PortfolioAccess,
  type Principal,
  type SystemUser,
} from '../../domain/snapshot';
import { parseDisplayedDate } from '../dates';
import { textPieces, type TextPiece } from '../dom';
import {
  isEmailLabel,
  isPendingLabel,
  isUiWord,
  matchPortfolioAccess,
  readIdText,
  splitYouMarker,
  stripTemporaryAccess,
} from '../match';
import { findEmail, isEmail } from '../text';

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
}

/** Reads the text facts of a row or pane: name, e-mail, id, access label, pending, "(you)", end date. */
export function readRowFacts(el: Element, locale: string, stopAtHeadingLevel?: number): RowFacts {
  const facts: RowFacts = { pending: false, you: false, hidden: false };
  const pieces = textPieces(el, stopAtHeadingLevel).flatMap(splitPiece);
  const segments = pieces.map((p) => p.text);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    // What identifies the principal (name, e-mail, ID) is kept without hidden characters, and flagged.
    const identifies = () => {
      if (pieces[i]!.hidden) facts.hidden = true;
    };
    const you = splitYouMarker(segment);
    if (you.marked) {
      facts.you = true;
      if (you.rest && !facts.name) {
        facts.name = you.rest;
        identifies();
      }
      continue;
    }
    if (isEmail(segment) || (isEmailLabel(segment.split(':')[0] ?? '') && findEmail(segment))) {
      if (!facts.email) identifies();
      facts.email ??= findEmail(segment);
      // A row or pane that leads with the address shows it as the name: someone invited by e-mail whose
      // name Meta does not know yet. Without this, the next free text (a status such as "Active") would
      // be taken for the name.
      if (i === 0 && isEmail(segment)) facts.name ??= segment;
      continue;
    }
    const access = matchPortfolioAccess(segment);
    if (access) {
      facts.access ??= access;
      continue;
    }
    if (isPendingLabel(segment)) {
      facts.pending = true;
      continue;
    }
    const rest = stripTemporaryAccess(segment);
    if (rest !== undefined) {
      const datetime = el.querySelector('time[datetime]')?.getAttribute('datetime');
      const fromTime = datetime ? parseDisplayedDate(datetime, locale) : undefined;
      // The date is in the same text or in the next piece (often a <time> or <span>).
      const candidate = rest || segments[i + 1] || '';
      const parsed = fromTime ?? parseDisplayedDate(candidate, locale);
      if (parsed) {
        facts.temporaryUntil = parsed;
        if (!rest) i++;
      } else if (candidate) facts.unreadableDate = candidate;
      continue;
    }
    const id = readIdText(segment);
    if (id) {
      if (!facts.id) identifies();
      facts.id ??= id;
      continue;
    }
    if (!facts.name && !isUiWord(segment) && !/^\d+$/.test(segment) && !segment.endsWith(':')) {
      facts.name = segment;
      identifies();
    }
  }
  return facts;
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
function splitPiece(piece: TextPiece): TextPiece[] {
  const parts = splitCombined(piece.text);
  return parts.length === 1 && parts[0] === piece.text
    ? [piece]
    : parts.map((text) => ({ text, hidden: piece.hidden }));
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
