import { analyse } from '@/lib/domain/rules';
import { emptyLedgerFacts, type LedgerFacts, type Rule, type RuleContext } from '@/lib/domain/rules/types';
import { defaultSettings, type Settings } from '@/lib/domain/settings';
import type { AssetGrant, PageSnapshot, Partner, Person, Principal, SystemUser } from '@/lib/domain/snapshot';

export const NOW = new Date('2026-11-28T12:00:00Z');

export function person(name: string, email: string, extra: Partial<Person> = {}): Person {
  return {
    kind: 'person',
    name,
    email,
    pending: false,
    isCurrentUser: false,
    assets: [],
    portfolioAccess: 'basic',
    ...extra,
  };
}

export function partner(
  name: string,
  businessId: string,
  assets: AssetGrant[] = [],
  extra: Partial<Partner> = {},
): Partner {
  return { kind: 'partner', name, businessId, pending: false, isCurrentUser: false, assets, ...extra };
}

export function systemUser(name: string, id: string, extra: Partial<SystemUser> = {}): SystemUser {
  return { kind: 'system-user', name, id, pending: false, isCurrentUser: false, assets: [], ...extra };
}

export const page = (
  name = 'Sjöbod Café',
  access: AssetGrant['access'] = 'full',
  tasks: AssetGrant['tasks'] = [],
): AssetGrant => ({
  type: 'page',
  name,
  access,
  tasks,
});

export const me = person('Anna Berg', 'anna@sjobod.se', {
  isCurrentUser: true,
  portfolioAccess: 'full-control',
});

export function snapshot(principals: Principal[], kind: PageSnapshot['kind'] = 'people'): PageSnapshot {
  return {
    kind,
    businessId: '1203456789012345',
    url: 'https://business.facebook.com/latest/settings/business_users?business_id=1203456789012345',
    locale: 'en',
    readStatus: 'ok',
    readProblems: [],
    principals,
  };
}

export function context(
  overrides: Partial<Omit<RuleContext, 'settings' | 'ledger'>> & {
    settings?: Partial<Settings>;
    ledger?: Partial<LedgerFacts>;
  } = {},
): RuleContext {
  return {
    now: NOW,
    ownDomains: ['sjobod.se'],
    peopleListComplete: true,
    ...overrides,
    settings: { ...defaultSettings, ...overrides.settings },
    ledger: { ...emptyLedgerFacts, ...overrides.ledger },
  };
}

/** Runs one rule as the engine does (in English) and returns its findings as [subject, asset name]. */
export function run(
  rule: Rule,
  snap: PageSnapshot,
  ctx: RuleContext = context(),
): [string, string | undefined][] {
  const dialog = rule.scope === 'dialog' ? snap : undefined;
  const { findings, failedRules } = analyse(snap, dialog, ctx, 'en', [rule]);
  if (failedRules.length > 0) throw new Error(failedRules[0]!.error);
  return findings.map((f) => [f.subject, f.asset?.name]);
}
