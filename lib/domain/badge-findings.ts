import type { Finding } from './rules/types';

/**
 * What the page's badges and live warnings draw of a finding: no "why" and no subject name (the panel has
 * them; the finding's own sentence names the subject), and the fix only where a live warning shows it (a
 * dialog). Accepted findings get no badge, so they are not sent at all.
 * A 5,000-person People page's findings are about a third of their full size this way, and every copy
 * the page keeps is in the page's own memory (issue 12).
 */
export type BadgeFinding = Pick<Finding, 'ruleId' | 'severity' | 'subject' | 'message'> &
  Partial<Pick<Finding, 'asset' | 'fix'>>;

export function badgeFindings(findings: readonly Finding[], withFix: boolean): BadgeFinding[] {
  return findings
    .filter((f) => !f.accepted)
    .map(({ ruleId, severity, subject, message, asset, fix }) => ({
      ruleId,
      severity,
      subject,
      message,
      ...(asset ? { asset } : {}),
      ...(withFix ? { fix } : {}),
    }));
}
