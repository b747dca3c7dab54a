import { fullControlHolders } from './principals';
import { analyse, bySeverity, rules as allRules, runRule, type Analysis } from './rules';
import type { Finding, LedgerFacts, Rule, RuleContext, UiLocale } from './rules/types';
import { getSubjectKey, type PageSnapshot, type Principal } from './snapshot';

/**
 * What a page rule's findings depend on, read in each rule's `check` (issue 12, item 3):
 * - `principal`: one principal's findings depend on that principal and the context only, so the rule run
 *   on a snapshot of that principal alone finds exactly what it finds for them on the whole business;
 * - `full-control`: the findings depend only on the people holding full control (`fullControlHolders`)
 *   and the context, so the rule run on those people alone finds exactly what it finds on the business.
 * Within the context, a rule reads the clock only against the subject's own ledger facts (its grant's end
 * date, when its invitation was first seen, the review date of an acceptance). A rule not listed here is
 * run on the whole business every time: correct, only slower (the meta-test asks for every rule).
 * - `business`: the findings depend on the context only (Meta's security signals, `context.security`) and
 *   the business's ID and name, never on a principal: the rule is run on the business without its
 *   principals, every time (it reads no list, so that is cheap).
 * The `full-control` rules' findings are also recomputed when the security facts change (a new object:
 * the business view makes one only when Business info or Security Center is read).
 */
export type RuleDependency = 'principal' | 'full-control' | 'business';

export const ruleDependencies: Readonly<Record<string, RuleDependency>> = {
  'third-party-full-control': 'principal',
  'full-control-person': 'principal',
  'single-full-control': 'full-control',
  'too-many-full-control': 'full-control',
  'public-email-domain': 'principal',
  'pending-invite': 'principal',
  'stale-pending-invite': 'principal',
  'undocumented-third-party': 'principal',
  'no-expiry': 'principal',
  'expiring-soon': 'principal',
  'expired-access-present': 'principal',
  'broad-partner-scope': 'principal',
  'unapproved-partner': 'principal',
  'unrecorded-full-control': 'principal',
  'new-partner': 'principal',
  'unrecorded-access': 'principal',
  'admin-system-user': 'principal',
  'system-user-broad-scope': 'principal',
  'undocumented-system-user': 'principal',
  'two-factor-not-required': 'business',
  'person-without-two-factor': 'full-control',
  'inactive-person': 'business',
};

interface Entry {
  principal: Principal;
  /** The walk that last saw it (one subject seen twice in one walk: the list is not keyed). */
  seen: number;
  holdsFullControl: boolean;
  /** Per `principal` rule (by its index in `local`): its findings for this principal; undefined: it threw. */
  findings: (Finding[] | undefined)[];
  /** The indexes of the rules that found something (most principals have few or none). */
  hits: number[];
}

/**
 * The findings of one business kept between publishes: each principal's findings per rule, recomputed
 * only for the principals that changed since the last call (added, changed, removed, or whose ledger
 * facts changed or are read against a clock that moved), and the rules about full-control holders
 * recomputed only when a holder changed. Any other change of context (settings, own domains, the People
 * list's completeness, the language) starts over. `analyse` returns exactly what `rules/analyse` returns
 * for the same arguments (same findings in the same order, same failed rules): the whole-business run stays
 * the reference, and test/lib/domain/analysis-state.test.ts compares the two over random histories.
 *
 * Principals are values: whoever changes one makes a new object (every producer here does), so a
 * principal seen again by reference is unchanged; one seen as a new object is compared by value.
 */
export class AnalysisState {
  private readonly local: Rule[];
  private readonly holderRules: Rule[];
  private readonly businessRules: Rule[];
  /** The security facts the holder rules' findings were computed with (compared by reference). */
  private security: RuleContext['security'];
  private entries = new Map<string, Entry>();
  private walk = 0;
  private contextKey: string | undefined;
  private ledger: LedgerFacts | undefined;
  /** The span of time in which no finding read against the clock changes (see `nextClockChange`). */
  private clock: { from: number; until: number } | undefined;
  private holders: Entry[] = [];
  private holderFindings = new Map<string, { findings: Finding[]; failed: Analysis['failedRules'] }>();
  /** Per `principal` rule: how many principals it threw on (then it runs whole, as `analyse` would). */
  private failing: number[];
  private readonly keys = new WeakMap<Principal, string>();

  constructor(
    private readonly ruleSet: readonly Rule[] = allRules,
    dependencies: Readonly<Record<string, RuleDependency>> = ruleDependencies,
  ) {
    const page = ruleSet.filter((rule) => rule.scope === 'page');
    this.local = page.filter((rule) => dependencies[rule.id] === 'principal');
    this.holderRules = page.filter((rule) => dependencies[rule.id] === 'full-control');
    this.businessRules = page.filter((rule) => dependencies[rule.id] === 'business');
    this.failing = this.local.map(() => 0);
  }

  /** What `analyse(business, dialog, context, locale, ruleSet)` returns, computed from what changed. */
  analyse(
    business: PageSnapshot,
    dialog: PageSnapshot | undefined,
    context: RuleContext,
    locale: UiLocale,
  ): Analysis {
    const contextKey = JSON.stringify([
      context.settings,
      context.ownDomains,
      context.peopleListComplete,
      locale,
    ]);
    if (contextKey !== this.contextKey) this.reset(contextKey);
    const disabled = new Set(context.settings.disabledRules);
    const dirty = this.dirtySubjects(context);
    const walked = this.update(business, context, locale, disabled, dirty);
    if (!walked) {
      // One subject key twice (a report that is not keyed): the whole run, and start over next time.
      this.reset(undefined);
      return analyse(business, dialog, context, locale, this.ruleSet);
    }
    const { order, holdersChanged } = walked;
    if (holdersChanged || context.security !== this.security) this.holderFindings.clear();
    this.security = context.security;
    // Each rule's findings in the business's order, from the principals that have any.
    const byRule: Finding[][] = this.local.map(() => []);
    for (const entry of order)
      for (const index of entry.hits)
        for (const finding of entry.findings[index]!) byRule[index]!.push(finding);

    const findings: Finding[] = [];
    const failedRules: Analysis['failedRules'] = [];
    for (const rule of this.ruleSet) {
      if (disabled.has(rule.id)) continue;
      if (rule.scope === 'dialog') {
        if (dialog) runRule(rule, dialog, context, locale, findings, failedRules);
        continue;
      }
      const index = this.local.indexOf(rule);
      if (index >= 0 && this.failing[index] === 0) {
        for (const finding of byRule[index]!) findings.push(finding);
      } else if (index < 0 && this.holderRules.includes(rule)) {
        let kept = this.holderFindings.get(rule.id);
        if (!kept) {
          kept = { findings: [], failed: [] };
          const holders = { ...business, principals: this.holders.map((e) => e.principal) };
          runRule(rule, holders, context, locale, kept.findings, kept.failed);
          this.holderFindings.set(rule.id, kept);
        }
        for (const finding of kept.findings) findings.push(finding);
        failedRules.push(...kept.failed);
      } else if (index < 0 && this.businessRules.includes(rule))
        runRule(rule, { ...business, principals: [] }, context, locale, findings, failedRules);
      else runRule(rule, business, context, locale, findings, failedRules);
    }
    return { findings: bySeverity(findings), failedRules };
  }

  private reset(contextKey: string | undefined): void {
    this.contextKey = contextKey;
    this.entries.clear();
    this.holders = [];
    this.holderFindings.clear();
    this.security = undefined;
    this.ledger = undefined;
    this.clock = undefined;
    this.failing = this.local.map(() => 0);
  }

  /** The subjects whose ledger facts changed, and those read against the clock when it moved. */
  private dirtySubjects(context: RuleContext): Set<string> {
    const dirty = new Set<string>();
    const before = this.ledger;
    const facts = context.ledger;
    if (before) {
      changedKeys(before.grants, facts.grants, (a, b) => a.endsAt === b.endsAt, dirty);
      changedKeys(before.firstSeen, facts.firstSeen, (a, b) => a === b, dirty);
      const accepted = new Set<string>();
      changedKeys(before.accepted ?? new Map(), facts.accepted ?? new Map(), (a, b) => a === b, accepted);
      for (const key of accepted) dirty.add(subjectOfAcceptance(key));
      changedKeys(before.open ?? new Map(), facts.open ?? new Map(), (a, b) => a === b, dirty);
    }
    const now = context.now.getTime();
    const clock = this.clock;
    const left = clock !== undefined && !(now >= clock.from && now < clock.until);
    if (left) {
      for (const [subject, grant] of facts.grants) if (grant.endsAt) dirty.add(subject);
      for (const subject of facts.firstSeen.keys()) dirty.add(subject);
      for (const key of facts.accepted?.keys() ?? []) dirty.add(subjectOfAcceptance(key));
    }
    const sameFacts =
      before !== undefined &&
      before.grants === facts.grants &&
      before.firstSeen === facts.firstSeen &&
      before.accepted === facts.accepted &&
      before.open === facts.open;
    if (!clock || left || !sameFacts) this.clock = { from: now, until: nextClockChange(facts, now) };
    this.ledger = facts;
    return dirty;
  }

  /** Brings every principal's findings up to date; undefined when a subject key comes twice. */
  private update(
    business: PageSnapshot,
    context: RuleContext,
    locale: UiLocale,
    disabled: ReadonlySet<string>,
    dirty: ReadonlySet<string>,
  ): { order: Entry[]; holdersChanged: boolean } | undefined {
    const walk = ++this.walk;
    const { principals } = business;
    const order = new Array<Entry>(principals.length);
    const holders: Entry[] = [];
    let holdersChanged = this.holderFindings.size === 0;
    const one: PageSnapshot = { ...business, principals: [] };
    const evaluate = (entry: Entry, principal: Principal) => {
      const held = entry.holdsFullControl;
      this.count(entry, -1);
      entry.principal = principal;
      entry.holdsFullControl = fullControlHolders([principal]).length === 1;
      one.principals = [principal];
      entry.hits = [];
      entry.findings = this.local.map((rule, index) => {
        if (disabled.has(rule.id)) return [];
        const findings: Finding[] = [];
        const failed: Analysis['failedRules'] = [];
        runRule(rule, one, context, locale, findings, failed);
        if (failed.length > 0) return undefined;
        if (findings.length > 0) entry.hits.push(index);
        return findings;
      });
      this.count(entry, +1);
      if (held || entry.holdsFullControl) holdersChanged = true;
    };
    for (let i = 0; i < principals.length; i += 1) {
      const principal = principals[i]!;
      const key = this.keyOf(principal);
      let entry = this.entries.get(key);
      if (entry?.seen === walk) return undefined;
      if (!entry) {
        entry = { principal, seen: walk, holdsFullControl: false, findings: [], hits: [] };
        this.entries.set(key, entry);
        evaluate(entry, principal);
      } else if (dirty.has(key)) evaluate(entry, principal);
      else if (entry.principal !== principal) {
        if (sameValue(entry.principal, principal)) entry.principal = principal;
        else evaluate(entry, principal);
      }
      entry.seen = walk;
      order[i] = entry;
      if (entry.holdsFullControl) holders.push(entry);
    }
    if (this.entries.size !== principals.length)
      for (const [key, entry] of this.entries)
        if (entry.seen !== walk) {
          this.count(entry, -1);
          this.entries.delete(key);
        }
    // The holders in the business's order: another set or another order is another finding list.
    if (holders.length !== this.holders.length || holders.some((e, i) => e !== this.holders[i]))
      holdersChanged = true;
    this.holders = holders;
    return { order, holdersChanged };
  }

  private count(entry: Entry, by: 1 | -1): void {
    entry.findings.forEach((findings, i) => {
      if (findings === undefined) this.failing[i]! += by;
    });
  }

  private keyOf(principal: Principal): string {
    let key = this.keys.get(principal);
    if (key === undefined) this.keys.set(principal, (key = getSubjectKey(principal)));
    return key;
  }
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The first instant after `now` at which a finding read against the clock may change. The rules that read
 * it do so only against a subject's own ledger facts, at these steps: `expired-access-present` at the end
 * date, `expiring-soon` when the days left (rounded up) change, i.e. whole days before the end date,
 * `stale-pending-invite` when the whole days since the invitation was first seen change, and an acceptance
 * (rules/index.ts) at UTC midnight, when today's date passes its review date. A rule that reads the clock
 * otherwise must add its steps here (the property test of the incremental analysis moves the clock).
 */
export function nextClockChange(facts: LedgerFacts, now: number): number {
  let until = Infinity;
  for (const grant of facts.grants.values()) {
    const end = grant.endsAt ? Date.parse(grant.endsAt) : NaN;
    if (Number.isNaN(end) || now >= end) continue; // expired for good, never expiring again
    until = Math.min(until, end - (Math.ceil((end - now) / DAY) - 1) * DAY);
  }
  for (const first of facts.firstSeen.values()) {
    const since = Date.parse(first);
    if (!Number.isNaN(since)) until = Math.min(until, since + (Math.floor((now - since) / DAY) + 1) * DAY);
  }
  if (facts.accepted && facts.accepted.size > 0) until = Math.min(until, (Math.floor(now / DAY) + 1) * DAY);
  return until;
}

/** An acceptance is keyed `${subject} ${ruleId}`; a rule id has no space, a subject key may. */
const subjectOfAcceptance = (key: string) => key.slice(0, key.lastIndexOf(' '));

function changedKeys<V>(
  before: ReadonlyMap<string, V>,
  after: ReadonlyMap<string, V>,
  same: (a: V, b: V) => boolean,
  into: Set<string>,
): void {
  if (before === after) return;
  for (const [key, value] of after) {
    if (!before.has(key) || !same(before.get(key)!, value)) into.add(key);
  }
  for (const key of before.keys()) if (!after.has(key)) into.add(key);
}

/** Two JSON-like values (a principal as validated) are equal field by field. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
