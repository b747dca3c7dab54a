import type { SecurityFacts } from '../business-view';
import type { Settings } from '../settings';
import type { AssetGrant, PageSnapshot, Principal } from '../snapshot';
import type { OpenChanges } from '../open-change';

export type Severity = 'high' | 'medium' | 'low';
import type { UiLocale } from '../locales';

// The list of languages is declared once, in lib/domain/locales.ts.
export { uiLocales, type UiLocale } from '../locales';

/** What the ledger knows, as the rules need it (empty until the ledger lands). */
export interface LedgerFacts {
  /** Grant records by subject key, with their recorded end date. */
  grants: ReadonlyMap<string, { endsAt?: string }>;
  /** When a pending invitation was first seen, by subject key (ISO date-time). */
  firstSeen: ReadonlyMap<string, string>;
  /** Findings accepted with a recorded decision, by `${subject} ${ruleId}`: the review date. */
  accepted?: ReadonlyMap<string, string>;
  /** Changes seen between visits that no record approves, by subject key (issue 13). */
  open?: OpenChanges;
}

export const emptyLedgerFacts: LedgerFacts = { grants: new Map(), firstSeen: new Map(), accepted: new Map() };

export interface RuleContext {
  settings: Settings;
  now: Date;
  /** The portfolio's own e-mail domains, resolved (settings, else the current user's domain). */
  ownDomains: readonly string[];
  ledger: LedgerFacts;
  /** The People list was read in full: counts over people can be trusted. */
  peopleListComplete: boolean;
  /** Meta's own security signals as last read for the business (Business info, Security Center). */
  security?: SecurityFacts | undefined;
}

/** One finding before it is put into words: who, what, and the facts the words need. */
export interface RawFinding {
  subject: string;
  principal: Principal;
  asset?: AssetGrant;
  facts?: Record<string, string | number>;
  /** This finding's severity where the rule's depends on the facts (`new-partner`). */
  severity?: Severity;
}

/**
 * A finding about the business itself, not about one of its principals (issue 15, item 5: the two-factor
 * requirement): its subject is `business:<id>` (`businessSubject`) and it has no row on the page.
 */
export interface BusinessFinding {
  subject: string;
  principal?: undefined;
  asset?: undefined;
  facts?: Record<string, string | number>;
  severity?: Severity;
}

/** Any finding a rule makes: about a principal, or about the business. */
export type AnyRawFinding = RawFinding | BusinessFinding;

export interface RuleText<F extends AnyRawFinding = RawFinding> {
  message(f: F): string;
  why: string;
  fix(f: F): string;
}

export interface Rule<F extends AnyRawFinding = AnyRawFinding> {
  id: string;
  severity: Severity;
  /** `page`: the business as read across pages; `dialog`: an open invite or add-partner dialog. */
  scope: 'page' | 'dialog';
  check(snapshot: PageSnapshot, context: RuleContext): F[];
  text: Record<UiLocale, RuleText<F>>;
}

/** The subject of a finding about the business itself, not about one of its principals. */
export const businessSubject = (businessId: string | undefined): string => `business:${businessId ?? ''}`;

/** Severities in order, the most severe first (here, not in the index: the panel sorts by it without loading the rules). */
export const severityRank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** A finding about the business itself (no principal, no row on the page to anchor it to). */
export const isBusinessSubject = (subject: string): boolean => subject.startsWith('business:');

/** A rule whose findings are each about one principal. */
export function defineRule(rule: Rule<RawFinding>): Rule {
  return rule as Rule;
}

/** A rule whose findings are about the business itself (`businessSubject`), not one principal. */
export function defineBusinessRule(rule: Rule<BusinessFinding>): Rule {
  return rule as Rule;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  subject: string;
  subjectName: string;
  asset?: { type: AssetGrant['type']; id?: string; name: string };
  message: string;
  why: string;
  fix: string;
  /** Accepted with a recorded decision: shown muted until the review date, then it returns. */
  accepted?: { until: string };
}
