// A tab's state as the panel receives it, for a business of any size: principals of every kind and the
// findings the real rules raise on them. Used by the panel's component tests and scripts/bench/panel-page.ts.
import { analyse } from '@/lib/domain/rules';
import { emptyLedgerFacts } from '@/lib/domain/rules/types';
import { defaultSettings } from '@/lib/domain/settings';
import type { AssetGrant, PageSnapshot, Principal } from '@/lib/domain/snapshot';
import { tabStateSchema, type TabState } from '@/lib/domain/ui-state';

export const BUSINESS_ID = '1203456789012345';

const page = (i: number, access: AssetGrant['access']): AssetGrant => ({
  type: 'page',
  name: `Page ${i}`,
  access,
  tasks: access === 'partial' ? ['content', 'messages'] : [],
});

/** The i-th principal: mostly people (some outside the portfolio, some pending), partners, system users. */
export function principalAt(i: number): Principal {
  if (i === 0)
    return {
      kind: 'person',
      name: 'Anna Berg',
      email: 'anna@sjobod.se',
      portfolioAccess: 'full-control',
      pending: false,
      isCurrentUser: true,
      assets: [],
    };
  if (i % 20 === 7)
    return {
      kind: 'partner',
      name: `Agency ${i}`,
      businessId: String(3228568050780000 + i),
      pending: false,
      isCurrentUser: false,
      assets: [page(i, 'full'), page(i + 1, 'partial')],
    };
  if (i % 50 === 13)
    return {
      kind: 'system-user',
      name: `Feed bot ${i}`,
      id: String(61550000000000 + i),
      pending: false,
      isCurrentUser: false,
      assets: [page(i, 'partial')],
    };
  const domain = i % 5 === 0 ? 'gmail.com' : i % 3 === 0 ? 'agency.example' : 'sjobod.se';
  return {
    kind: 'person',
    name: `Person ${i}`,
    email: `person${i}@${domain}`,
    portfolioAccess: i % 97 === 1 ? 'full-control' : i % 4 === 0 ? 'partial' : 'basic',
    pending: i % 11 === 0,
    isCurrentUser: false,
    assets: i % 4 === 0 ? [page(i, 'partial')] : [],
  };
}

/** The findings the real rules raise on a People page of `n` principals, in full (with why and fix). */
export function panelAnalysis(n: number, change = 0) {
  const principals = Array.from({ length: n }, (_, i) => principalAt(i));
  // A later state: one principal's access changed (what a re-read of a page usually brings).
  if (change > 0 && n > 2) principals[2] = { ...principals[2]!, pending: !principals[2]!.pending };
  const snapshot: PageSnapshot = {
    kind: 'people',
    businessId: BUSINESS_ID,
    url: `https://business.facebook.com/latest/settings/business_users?business_id=${BUSINESS_ID}`,
    locale: 'en',
    readStatus: 'ok',
    readProblems: [],
    principals,
  };
  const analysis = analyse(
    snapshot,
    undefined,
    {
      settings: defaultSettings,
      now: new Date('2026-11-28T12:00:00Z'),
      ownDomains: ['sjobod.se'],
      ledger: emptyLedgerFacts,
      peopleListComplete: true,
    },
    'en',
  );
  return { snapshot, ...analysis };
}

/**
 * The state the background would send for a People page of `n` principals (findings by the real rules, as the
 * panel gets them: without why and fix).
 */
export function panelState(n: number, change = 0): TabState {
  const { snapshot, findings, failedRules } = panelAnalysis(n, change);
  return tabStateSchema.parse({ snapshot, findings, failedRules, locale: 'en' });
}
