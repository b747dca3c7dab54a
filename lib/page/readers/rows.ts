import type { Partner, Person, PortfolioAccess, Principal, SystemUser } from '../../domain/snapshot';
import { parseDisplayedDate } from '../dates';
import { textSegments } from '../dom';
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
}

/** Reads the text facts of a row or pane: name, e-mail, id, access label, pending, "(you)", end date. */
export function readRowFacts(el: Element, locale: string, stopAtHeadingLevel?: number): RowFacts {
  const facts: RowFacts = { pending: false, you: false };
  const segments = textSegments(el, stopAtHeadingLevel).flatMap(splitCombined);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const you = splitYouMarker(segment);
    if (you.marked) {
      facts.you = true;
      if (you.rest && !facts.name) facts.name = you.rest;
      continue;
    }
    if (isEmail(segment) || (isEmailLabel(segment.split(':')[0] ?? '') && findEmail(segment))) {
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
      facts.id ??= id;
      continue;
    }
    if (!facts.name && !isUiWord(segment) && !/^\d+$/.test(segment) && !segment.endsWith(':'))
      facts.name = segment;
  }
  return facts;
}

export function toPerson(facts: RowFacts): Person | undefined {
  const name = facts.name ?? facts.email;
  if (!name) return undefined;
  const person: Person = {
    kind: 'person',
    name,
    pending: facts.pending,
    isCurrentUser: facts.you,
    assets: [],
  };
  if (facts.email) person.email = facts.email;
  if (facts.access) person.portfolioAccess = facts.access;
  if (facts.temporaryUntil) person.temporaryUntil = facts.temporaryUntil;
  return person;
}

export function toPartner(facts: RowFacts): Partner | undefined {
  const name = facts.name ?? facts.id;
  if (!name) return undefined;
  const partner: Partner = {
    kind: 'partner',
    name,
    pending: facts.pending,
    isCurrentUser: false,
    assets: [],
  };
  if (facts.id) partner.businessId = facts.id;
  if (facts.access) partner.portfolioAccess = facts.access;
  if (facts.temporaryUntil) partner.temporaryUntil = facts.temporaryUntil;
  return partner;
}

export function toSystemUser(facts: RowFacts): SystemUser | undefined {
  const name = facts.name ?? facts.id;
  if (!name) return undefined;
  const user: SystemUser = { kind: 'system-user', name, pending: false, isCurrentUser: false, assets: [] };
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
