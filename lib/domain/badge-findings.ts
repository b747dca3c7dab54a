import type { Finding } from './rules/types';

/**
 * What the page's badges and live warnings draw of a finding: no "why" and no subject name (the panel has
 * them; the finding's own sentence names the subject). The fix stays: a live warning shows it, and a row
 * inside a dialog-like pane is drawn as one. Accepted findings get no badge, so they are not sent at all.
 * Every copy the page keeps is in the page's own memory (issue 12).
 */
export type BadgeFinding = Pick<Finding, 'ruleId' | 'severity' | 'subject' | 'message' | 'fix'> &
  Partial<Pick<Finding, 'asset'>>;

export function badgeFindings(findings: readonly Finding[]): BadgeFinding[] {
  return findings
    .filter((f) => !f.accepted)
    .map(({ ruleId, severity, subject, message, asset, fix }) => ({
      ruleId,
      severity,
      subject,
      message,
      fix,
      ...(asset ? { asset } : {}),
    }));
}
