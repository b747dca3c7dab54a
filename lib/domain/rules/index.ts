import { catalogue, displayName } from '../i18n/words';
import type { PageSnapshot } from '../snapshot';
import adminSystemUser from './admin-system-user';
import broadPartnerScope from './broad-partner-scope';
import expiredAccessPresent from './expired-access-present';
import expiringSoon from './expiring-soon';
import fullControlPerson from './full-control-person';
import inviteFullControl from './invite-full-control';
import inviteNoExpiry from './invite-no-expiry';
import noExpiry from './no-expiry';
import pendingInvite from './pending-invite';
import publicEmailDomain from './public-email-domain';
import singleFullControl from './single-full-control';
import stalePendingInvite from './stale-pending-invite';
import thirdPartyFullControl from './third-party-full-control';
import tooManyFullControl from './too-many-full-control';
import { severityRank, type Finding, type Rule, type RuleContext, type UiLocale } from './types';
import undocumentedThirdParty from './undocumented-third-party';
import unapprovedPartner from './unapproved-partner';
import newPartner from './new-partner';
import unrecordedAccess from './unrecorded-access';
import unrecordedFullControl from './unrecorded-full-control';
import systemUserBroadScope from './system-user-broad-scope';
import undocumentedSystemUser from './undocumented-system-user';
import twoFactorNotRequired from './two-factor-not-required';
import personWithoutTwoFactor from './person-without-two-factor';
import inactivePerson from './inactive-person';

/** Every rule, by its public id (DESIGN.md "Rules"). */
export const rules: readonly Rule[] = [
  unrecordedFullControl,
  newPartner,
  unrecordedAccess,
  thirdPartyFullControl,
  fullControlPerson,
  singleFullControl,
  tooManyFullControl,
  publicEmailDomain,
  pendingInvite,
  stalePendingInvite,
  undocumentedThirdParty,
  noExpiry,
  expiringSoon,
  expiredAccessPresent,
  broadPartnerScope,
  unapprovedPartner,
  adminSystemUser,
  systemUserBroadScope,
  undocumentedSystemUser,
  twoFactorNotRequired,
  personWithoutTwoFactor,
  inactivePerson,
  inviteFullControl,
  inviteNoExpiry,
];

export { severityRank };

export interface Analysis {
  findings: Finding[];
  /** Rules that threw: they are isolated, the others still ran. */
  failedRules: { ruleId: string; error: string }[];
}

/**
 * Runs every enabled rule: `page` rules on the business as read across pages, `dialog` rules on the open
 * dialog (when there is one). A rule that throws is isolated and reported; the others still run.
 */
export function analyse(
  business: PageSnapshot,
  dialog: PageSnapshot | undefined,
  context: RuleContext,
  locale: UiLocale,
  ruleSet: readonly Rule[] = rules,
): Analysis {
  const findings: Finding[] = [];
  const failedRules: Analysis['failedRules'] = [];
  const disabled = new Set(context.settings.disabledRules);
  for (const rule of ruleSet) {
    if (disabled.has(rule.id)) continue;
    const snapshot = rule.scope === 'dialog' ? dialog : business;
    if (snapshot) runRule(rule, snapshot, context, locale, findings, failedRules);
  }
  return { findings: bySeverity(findings), failedRules };
}

/**
 * One rule on one snapshot, its findings put into words and appended to `findings`; a rule that throws is
 * appended to `failedRules` (with the findings it made before it threw, as `analyse` always did).
 */
export function runRule(
  rule: Rule,
  snapshot: PageSnapshot,
  context: RuleContext,
  locale: UiLocale,
  findings: Finding[],
  failedRules: Analysis['failedRules'],
): void {
  try {
    const text = rule.text[locale];
    for (const raw of rule.check(snapshot, context)) {
      findings.push({
        ruleId: rule.id,
        severity: raw.severity ?? rule.severity,
        subject: raw.subject,
        subjectName: raw.principal ? displayName(locale, raw.principal) : businessName(locale, snapshot),
        ...(raw.asset
          ? {
              asset: {
                type: raw.asset.type,
                name: raw.asset.name,
                ...(raw.asset.id ? { id: raw.asset.id } : {}),
              },
            }
          : {}),
        message: text.message(raw),
        why: text.why,
        fix: text.fix(raw),
        ...acceptance(context, raw.subject, rule.id),
      });
    }
  } catch (error) {
    failedRules.push({ ruleId: rule.id, error: error instanceof Error ? error.message : String(error) });
  }
}

/** The findings most severe first, in their order within a severity (a stable sort, in one pass). */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  const buckets: Finding[][] = [[], [], []];
  for (const finding of findings) buckets[severityRank[finding.severity]]!.push(finding);
  return buckets.flat();
}

/** How a finding about the business itself names it: the name the page showed, else its ID. */
function businessName(locale: UiLocale, snapshot: PageSnapshot): string {
  return snapshot.businessName ?? catalogue(locale).panelLists.businessSubject(snapshot.businessId ?? '');
}

function acceptance(context: RuleContext, subject: string, ruleId: string): { accepted?: { until: string } } {
  const until = context.ledger.accepted?.get(`${subject} ${ruleId}`);
  return until && until >= context.now.toISOString().slice(0, 10) ? { accepted: { until } } : {};
}

export { pickUiLocale } from '../locales';
