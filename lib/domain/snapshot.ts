import type { SnapshotLocale } from './locales';
import type { ReadProblem } from './read-problems';

/**
 * What a read of a page is (DESIGN.md "Snapshot"): its types, lists, limits and subject keys, without zod.
 * The content script bundles this module (issue 12, item 2: no zod inside business.facebook.com); the zod
 * schemas that the background parses every report with are built from these lists and limits in
 * snapshot-schema.ts, which checks at compile time that its inferred types are these.
 */

/** Page kinds of DESIGN.md "Page kinds". `other` keeps the extension silent. */
export const pageKinds = [
  'people',
  'partners',
  'system-users',
  'asset',
  'invite-dialog',
  'add-partner-dialog',
  // Meta's own security signals (issue 15, item 5): Business info's two-factor requirement, Security Center.
  'business-info',
  'security-center',
  'other',
] as const;
export type PageKind = (typeof pageKinds)[number];

export const assetTypes = [
  'page',
  'ad-account',
  'catalog',
  'dataset',
  'instagram',
  'whatsapp',
  'app',
] as const;
export type AssetType = (typeof assetTypes)[number];

/** Canonical task concepts of LEXICON.md "Asset tasks" (the partial-access ones; full control is an access level). */
export const taskKeys = [
  'content',
  'community',
  'messages',
  'ads',
  'insights',
  'revenue',
  'campaigns',
  'performance',
  'mockups',
  'advertise',
  'use',
  'develop',
] as const;
export type TaskKey = (typeof taskKeys)[number];

export const portfolioAccesses = [
  'full-control',
  'partial',
  'basic',
  'apps-integrations',
  'finance',
  'unknown',
] as const;
export type PortfolioAccess = (typeof portfolioAccesses)[number];

export const assetAccesses = ['full', 'full-except-sensitive', 'partial'] as const;
export type AssetAccess = (typeof assetAccesses)[number];

export const readStatuses = ['ok', 'partial', 'unreadable'] as const;
export type ReadStatus = (typeof readStatuses)[number];

/** An ISO date (YYYY-MM-DD), as an end date is kept. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A partner's Business ID or a system user's ID, as the page shows them. */
export const PRINCIPAL_ID_PATTERN = /^\d{5,20}$/;
/** The business of a page (`business_id`). */
export const BUSINESS_ID_PATTERN = /^\d{1,20}$/;
/**
 * An e-mail address the snapshot keeps: the pattern zod's `email()` checks by default (zod 4's
 * `regexes.email`, a test holds them equal), so the page never sends an address the background refuses.
 */
export const EMAIL_PATTERN =
  // zod's own text of it, escapes and all, so that the test can compare the two.
  // eslint-disable-next-line no-useless-escape
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const EMAIL_MAX = 320;

/** The longest name a principal keeps: the reader cuts a longer one (a name is never a fact). */
export const PRINCIPAL_NAME_MAX = 500;
/** The longest business name a snapshot keeps: a longer one is not read (never cut into another name). */
export const BUSINESS_NAME_MAX = 200;
/** An asset's name and ID. */
export const ASSET_NAME_MAX = 500;
export const ASSET_ID_MAX = 64;
/** The most assets one principal holds in a snapshot. */
export const ASSETS_MAX = 10_000;
/** The most principals one snapshot holds: a longer list is read up to here and reported partial. */
export const PRINCIPALS_MAX = 20_000;
/** The longest page address a snapshot keeps, and its most read problems. */
export const URL_MAX = 4096;
export const READ_PROBLEMS_MAX = 100;
/** At most this many read problems in a snapshot as a page reports it (the first ones are kept). */
export const SENT_READ_PROBLEMS_MAX = 20;

export interface AssetGrant {
  type: AssetType;
  id?: string | undefined;
  name: string;
  access: AssetAccess;
  tasks: TaskKey[];
}

interface PrincipalBase {
  name: string;
  portfolioAccess?: PortfolioAccess | undefined;
  pending: boolean;
  isCurrentUser: boolean;
  /** The end date the page shows (ISO date). */
  temporaryUntil?: string | undefined;
  assets: AssetGrant[];
  /**
   * The name, e-mail address or ID was shown with hidden format characters (zero-width, bidi controls,
   * soft hyphen, …): they are removed from what is read, and the panel says the name contained them.
   */
  hiddenCharacters?: boolean | undefined;
  /**
   * The principal's detail pane was open and read: `assets` is everything it holds, and an empty list says
   * it holds none (issue 14: a list row, which shows no assets, leaves this out).
   */
  detail?: boolean | undefined;
}

export interface Person extends PrincipalBase {
  kind: 'person';
  email?: string | undefined;
}
export interface Partner extends PrincipalBase {
  kind: 'partner';
  businessId?: string | undefined;
}
export interface SystemUser extends PrincipalBase {
  kind: 'system-user';
  id?: string | undefined;
}
export type Principal = Person | Partner | SystemUser;

/**
 * Who must use two-factor authentication, as Business info › Business options sets it ("No one / Admins
 * only / Everyone"; research/meta-business-settings.md §3.4).
 */
export const twoFactorRequirements = ['no-one', 'admins', 'everyone'] as const;
export type TwoFactorRequirement = (typeof twoFactorRequirements)[number];

/** A person as Security Center lists them: the name, and the e-mail address where the list shows one. */
export interface ListedPerson {
  name: string;
  email?: string | undefined;
}

/**
 * What Meta itself says of the portfolio's security. A field is present only when its page showed it and
 * the reader understood it: an unknown wording is a read problem, never a guess.
 */
export interface SecuritySignals {
  twoFactorRequirement?: TwoFactorRequirement | undefined;
  /** Security Center's people without two-factor authentication. */
  withoutTwoFactor?: ListedPerson[] | undefined;
  /** Security Center's inactive people. */
  inactive?: ListedPerson[] | undefined;
}

/** The subject key of a person Security Center lists: the same as that person's on People. */
export const listedPersonKey = (p: ListedPerson): string =>
  p.email ? `person:${p.email.toLowerCase()}` : `person-name:${p.name}`;

export interface PageSnapshot {
  kind: PageKind;
  businessId?: string | undefined;
  url: string;
  locale: SnapshotLocale;
  readStatus: ReadStatus;
  readProblems: ReadProblem[];
  currentUser?: { name: string; email?: string | undefined } | undefined;
  /**
   * The portfolio's name where Business Settings shows it (the business switcher; issue 15): someone
   * else's text, shown as text and never matched as a word. Absent when the page does not show it.
   */
  businessName?: string | undefined;
  principals: Principal[];
  /** Meta's own security signals, on Business info and Security Center (issue 15, item 5). */
  security?: SecuritySignals | undefined;
}
export type Locale = PageSnapshot['locale'];

/**
 * The name the invite dialog's reader gives an invitee whose e-mail is not typed yet: a stable key
 * (`person-name:New invitation`), shown on screen in the admin's words (`displayName`).
 */
export const DRAFT_INVITEE_NAME = 'New invitation';

/**
 * The stable id of a principal across visits and in every record (DESIGN.md "Subject key").
 */
export function getSubjectKey(principal: Principal): string {
  switch (principal.kind) {
    case 'person':
      return principal.email ? `person:${principal.email.toLowerCase()}` : `person-name:${principal.name}`;
    case 'partner':
      return principal.businessId ? `partner:${principal.businessId}` : `partner-name:${principal.name}`;
    case 'system-user':
      return `system-user:${principal.id ?? principal.name}`;
  }
}
