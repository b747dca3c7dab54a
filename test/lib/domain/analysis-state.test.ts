import { describe, expect, it } from 'vitest';
import { AnalysisState, nextClockChange, ruleDependencies } from '@/lib/domain/analysis-state';
import { analyse, rules } from '@/lib/domain/rules';
import {
  defineRule,
  type LedgerFacts,
  type Rule,
  type RuleContext,
  type UiLocale,
} from '@/lib/domain/rules/types';
import { defaultSettings, type Settings } from '@/lib/domain/settings';
import { getSubjectKey, type AssetGrant, type PageSnapshot, type Principal } from '@/lib/domain/snapshot';
import type { OpenChange } from '@/lib/domain/open-change';
import { NOW, partner, person, snapshot, systemUser } from './rules/helpers';

const DAY = 24 * 60 * 60 * 1000;

/** A small deterministic PRNG, so a failing seed can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random businesses, contexts and histories of both, from one seed. */
function world(seed: number) {
  const random = mulberry32(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => random() < p;
  const domains = ['sjobod.se', 'byraab.se', 'gmail.com', 'hotmail.fr', 'sub.sjobod.se'];
  const partnerIds = ['3228568050780001', '3228568050780002', '3228568050780003'];
  const asset = (i: number): AssetGrant => ({
    type: pick(['page', 'ad-account', 'catalog'] as const),
    name: `Asset ${i}`,
    ...(chance(0.5) ? { id: String(100000 + i) } : {}),
    access: pick(['full', 'full-except-sensitive', 'partial'] as const),
    tasks: chance(0.5) ? ['content', 'insights'] : [],
  });
  const assets = () => Array.from({ length: chance(0.3) ? int(8) : 0 }, (_, i) => asset(i));
  let serial = 0;
  const fresh = (): Principal => {
    const n = serial++;
    const kind = int(10);
    if (kind < 7)
      return person(`Person ${n}`, `p${n}@${pick(domains)}`, {
        portfolioAccess: pick(['full-control', 'full-control', 'partial', 'basic', 'unknown'] as const),
        pending: chance(0.2),
        isCurrentUser: chance(0.05),
        assets: assets(),
        ...(chance(0.2) ? { temporaryUntil: '2026-12-10' } : {}),
      });
    if (kind < 9)
      return partner(`Partner ${n}`, chance(0.5) ? pick(partnerIds) + String(n) : pick(partnerIds), assets());
    return systemUser(`System ${n}`, String(500000 + n), { assets: assets() });
  };
  const change = (p: Principal): Principal => {
    switch (int(5)) {
      case 0:
        return { ...p, name: `${p.name}'` };
      case 1:
        return { ...p, pending: !p.pending };
      case 2:
        return { ...p, portfolioAccess: pick(['full-control', 'partial', 'basic'] as const) };
      case 3:
        return { ...p, assets: assets() };
      default:
        return { ...p, isCurrentUser: !p.isCurrentUser };
    }
  };
  const facts = (principals: Principal[]): LedgerFacts => {
    const subjects = principals.map(getSubjectKey);
    const pending = new Set(principals.filter((p) => p.pending).map(getSubjectKey));
    const grants = new Map<string, { endsAt?: string }>();
    const firstSeen = new Map<string, string>();
    const accepted = new Map<string, string>();
    const open = new Map<string, OpenChange[]>();
    for (const subject of subjects) {
      if (chance(0.15)) open.set(subject, openChanges());
      if (chance(0.3))
        grants.set(
          subject,
          chance(0.8)
            ? { endsAt: new Date(NOW.getTime() + (int(40) - 15) * DAY + int(DAY)).toISOString() }
            : {},
        );
      if (pending.has(subject) && chance(0.7))
        firstSeen.set(subject, new Date(NOW.getTime() - int(20) * DAY - int(DAY)).toISOString());
      if (chance(0.15))
        accepted.set(
          `${subject} ${pick(['pending-invite', 'undocumented-third-party', 'full-control-person', pick(rules).id])}`,
          new Date(NOW.getTime() + (int(6) - 3) * DAY).toISOString().slice(0, 10),
        );
    }
    return { grants, firstSeen, accepted, open };
  };
  /** Changes seen between visits that no record approves (the watch rules read them). */
  const openChanges = (): OpenChange[] =>
    Array.from({ length: 1 + int(2) }, () => ({
      kind: pick(['principal-added', 'portfolio-access-raised', 'asset-added', 'task-added'] as const),
      to: pick(['full-control', 'full', 'partial', 'ads']),
      firstSeen: new Date(NOW.getTime() - int(5) * DAY).toISOString(),
      page: 'people' as const,
      url: 'https://business.facebook.com/latest/settings/business_users?business_id=1',
      fullControl: chance(0.4),
    }));
  const settings = (): Settings => ({
    ...defaultSettings,
    ownDomains: chance(0.7) ? ['sjobod.se'] : [],
    approvedPartnerIds: chance(0.5) ? [pick(partnerIds)] : [],
    maxFullControl: 1 + int(4),
    maxPartnerAssets: 1 + int(5),
    stalePendingDays: 1 + int(7),
    disabledRules: chance(0.2) ? [pick(rules).id] : [],
  });
  return { random, int, pick, chance, fresh, change, facts, settings, openChanges };
}

describe('AnalysisState: the incremental analysis', () => {
  it('knows, for every page rule, what its findings depend on', () => {
    const pageRules = rules.filter((r) => r.scope === 'page').map((r) => r.id);
    expect(Object.keys(ruleDependencies).sort()).toEqual([...pageRules].sort());
  });

  it('finds exactly what the whole analysis finds, over random histories of the business and its context', () => {
    let compared = 0;
    let findings = 0;
    const raised = new Set<string>();
    for (let seed = 1; seed <= 20; seed += 1) {
      const w = world(seed);
      const state = new AnalysisState();
      let principals = Array.from({ length: w.int(40) }, w.fresh);
      let settings = w.settings();
      let now = NOW.getTime();
      let ledger = w.facts(principals);
      let locale: UiLocale = 'en';
      let peopleListComplete = true;
      // Meta's security signals: now and then Business info or Security Center is read again (a new
      // object), naming people of the business (by address or by name alone) and strangers.
      let security: RuleContext['security'];
      const listed = () =>
        Array.from({ length: w.int(4) }, () => {
          const p = w.chance(0.7) && principals.length > 0 ? w.pick(principals) : w.fresh();
          const email = p.kind === 'person' ? p.email : undefined;
          return email && w.chance(0.8) ? { name: p.name, email } : { name: p.name };
        });
      for (let step = 0; step < 50; step += 1) {
        // The page: rows added, changed, moved, removed; sometimes the same rows made again as new objects.
        const list = [...principals];
        for (let op = w.int(5); op > 0; op -= 1) {
          const kind = w.int(4);
          if (kind === 0 || list.length === 0) list.splice(w.int(list.length + 1), 0, w.fresh());
          else if (kind === 1) {
            const i = w.int(list.length);
            list[i] = w.change(list[i]!);
          } else if (kind === 2) {
            const [moved] = list.splice(w.int(list.length), 1);
            list.splice(w.int(list.length + 1), 0, moved!);
          } else list.splice(w.int(list.length), 1);
        }
        principals = w.chance(0.2) ? list.map((p) => structuredClone(p)) : list;
        // The context: the clock always moves a little, the rest now and then.
        const step = w.int(10);
        if (step < 4) now += w.int(60_000);
        else if (step < 6) now += w.int(6 * 60 * 60 * 1000);
        else if (step < 8) now += (w.int(4) - 1) * DAY + w.int(DAY);
        else if (step < 9 && Number.isFinite(nextClockChange(ledger, now)))
          // Right at the end of the span the analysis holds its clock-read findings for, or just before it.
          now = nextClockChange(ledger, now) - w.int(3);
        else {
          // Exactly on a step of a rule that reads the clock: an end date, whole days before it or after a
          // first sighting, a midnight.
          const ends = [...ledger.grants.values()].flatMap((g) => (g.endsAt ? [Date.parse(g.endsAt)] : []));
          const firsts = [...ledger.firstSeen.values()].map((f) => Date.parse(f));
          const at = w.pick([...ends, ...firsts, Math.floor(now / DAY) * DAY]);
          now = at + (ends.includes(at) ? -w.int(3) : w.int(3)) * DAY + (w.chance(0.3) ? w.pick([-1, 1]) : 0);
        }
        if (w.chance(0.15)) ledger = w.facts(principals);
        else if (w.chance(0.2)) {
          // One subject's facts change (a decision recorded, an invitation first seen).
          const subject = getSubjectKey(w.pick(principals.length ? principals : [w.fresh()]));
          const grants = new Map(ledger.grants);
          grants.set(subject, { endsAt: new Date(now + (w.int(20) - 5) * DAY).toISOString() });
          const firstSeen = new Map(ledger.firstSeen);
          if (w.chance(0.5)) firstSeen.set(subject, new Date(now - w.int(15) * DAY).toISOString());
          else firstSeen.delete(subject);
          // A change seen, or approved by a record made since.
          const open = new Map(ledger.open);
          if (w.chance(0.5)) open.set(subject, w.openChanges());
          else open.delete(subject);
          ledger = { ...ledger, grants, firstSeen, open };
        }
        if (w.chance(0.05)) settings = w.settings();
        if (w.chance(0.05)) locale = w.pick(['en', 'sv', 'fr'] as const);
        if (w.chance(0.05)) peopleListComplete = !peopleListComplete;
        if (w.chance(0.1))
          security = {
            twoFactorRequirement: { value: w.pick(['no-one', 'admins', 'everyone'] as const) },
            withoutTwoFactor: { people: listed() },
            inactive: { people: listed() },
          };
        const context: RuleContext = {
          settings,
          now: new Date(now),
          ownDomains: settings.ownDomains,
          ledger,
          peopleListComplete,
          ...(security ? { security } : {}),
        };
        const business: PageSnapshot = snapshot(principals);
        const dialog = w.chance(0.1) ? snapshot([w.fresh()], 'invite-dialog') : undefined;
        const expected = analyse(business, dialog, context, locale);
        expect(state.analyse(business, dialog, context, locale), `seed ${seed}, step ${step}`).toEqual(
          expected,
        );
        compared += 1;
        findings += expected.findings.length;
        for (const f of expected.findings) raised.add(f.ruleId);
      }
    }
    // The histories did raise findings, of every page rule.
    expect(compared).toBe(1000);
    expect(findings).toBeGreaterThan(5_000);
    const dialogRules = rules.filter((r) => r.scope === 'dialog').map((r) => r.id);
    expect([...raised].sort()).toEqual(rules.map((r) => r.id).sort());
    expect(dialogRules.length).toBeGreaterThan(0);
  });

  it('knows when a finding read against the clock may change next', () => {
    const none = { grants: new Map(), firstSeen: new Map(), accepted: new Map() };
    const end = Date.parse('2026-12-03T00:00:00Z');
    const grants = new Map([['person:a@byraab.se', { endsAt: '2026-12-03' }]]);
    const at = (now: number, facts: Partial<LedgerFacts>) => nextClockChange({ ...none, ...facts }, now);
    expect(at(end - 2.5 * DAY, { grants })).toBe(end - 2 * DAY);
    expect(at(end - 2 * DAY, { grants })).toBe(end - DAY);
    expect(at(end - 1, { grants })).toBe(end);
    expect(at(end, { grants })).toBe(Infinity);
    const first = Date.parse('2026-11-20T09:30:00Z');
    const firstSeen = new Map([['person:b@byraab.se', '2026-11-20T09:30:00.000Z']]);
    expect(at(first + 1.5 * DAY, { firstSeen })).toBe(first + 2 * DAY);
    expect(at(first + 2 * DAY, { firstSeen })).toBe(first + 3 * DAY);
    const accepted = new Map([['person:b@byraab.se pending-invite', '2026-11-30']]);
    expect(at(Date.parse('2026-11-28T12:00:00Z'), { accepted })).toBe(Date.parse('2026-11-29T00:00:00Z'));
    expect(at(end, none)).toBe(Infinity);
  });

  it('recomputes only the principals that changed', () => {
    let checks = 0;
    const counting: Rule[] = rules.map((rule) => ({
      ...rule,
      check: (s, c) => {
        checks += s.principals.length;
        return rule.check(s, c);
      },
    }));
    const state = new AnalysisState(counting);
    const many = Array.from({ length: 1000 }, (_, i) => person(`P ${i}`, `p${i}@byraab.se`));
    const context: RuleContext = {
      settings: defaultSettings,
      now: NOW,
      ownDomains: ['sjobod.se'],
      ledger: { grants: new Map(), firstSeen: new Map(), accepted: new Map() },
      peopleListComplete: true,
    };
    state.analyse(snapshot(many), undefined, context, 'en');
    checks = 0;
    const next = [...many];
    next[500] = { ...next[500]!, portfolioAccess: 'full-control' };
    const changed = state.analyse(snapshot(next), undefined, context, 'en');
    // The changed principal through every rule, and the one holder through the two holder rules.
    expect(checks).toBeLessThanOrEqual(rules.length + 2);
    expect(changed).toEqual(analyse(snapshot(next), undefined, context, 'en', counting));
    expect(changed.findings.map((f) => f.ruleId)).toContain('single-full-control');
    // The same rows again as new objects: nothing is recomputed.
    checks = 0;
    state.analyse(snapshot(next.map((p) => ({ ...p }))), undefined, context, 'en');
    expect(checks).toBe(0);
  });

  it('isolates a rule that throws on one principal exactly as the whole analysis does', () => {
    const fragile = defineRule({
      id: 'fragile',
      severity: 'low',
      scope: 'page',
      check: (s) =>
        s.principals.map((p) => {
          if (p.name === 'Trouble') throw new Error('cannot read Trouble');
          return { subject: getSubjectKey(p), principal: p };
        }),
      text: {
        en: { message: () => 'm', why: 'w', fix: () => 'f' },
        sv: { message: () => 'm', why: 'w', fix: () => 'f' },
        fr: { message: () => 'm', why: 'w', fix: () => 'f' },
      },
    });
    const ruleSet = [...rules, fragile];
    const state = new AnalysisState(ruleSet, { ...ruleDependencies, fragile: 'principal' });
    const context: RuleContext = {
      settings: defaultSettings,
      now: NOW,
      ownDomains: ['sjobod.se'],
      ledger: { grants: new Map(), firstSeen: new Map(), accepted: new Map() },
      peopleListComplete: true,
    };
    const a = person('A', 'a@byraab.se');
    const trouble = person('Trouble', 't@byraab.se');
    for (const list of [[a], [a, trouble], [a], [trouble, a, person('B', 'b@gmail.com')]]) {
      const expected = analyse(snapshot(list), undefined, context, 'en', ruleSet);
      expect(state.analyse(snapshot(list), undefined, context, 'en')).toEqual(expected);
    }
    expect(state.analyse(snapshot([trouble]), undefined, context, 'en').failedRules).toEqual([
      { ruleId: 'fragile', error: 'cannot read Trouble' },
    ]);
  });

  it('falls back to the whole analysis for a list whose subject keys are not unique', () => {
    const state = new AnalysisState();
    const context: RuleContext = {
      settings: defaultSettings,
      now: NOW,
      ownDomains: ['sjobod.se'],
      ledger: { grants: new Map(), firstSeen: new Map(), accepted: new Map() },
      peopleListComplete: true,
    };
    const twice = [person('X', 'x@gmail.com'), person('X again', 'x@gmail.com')];
    for (const list of [twice, [twice[0]!], twice]) {
      const expected = analyse(snapshot(list), undefined, context, 'en');
      expect(state.analyse(snapshot(list), undefined, context, 'en')).toEqual(expected);
    }
  });
});
