import type { Finding } from './rules/types';

/**
 * What the page's badges and live warnings draw of a finding: no "why" and no subject name (the panel has
 * them; the finding's own sentence names the subject), and the fix only where a live warning may show it:
 * findings of a dialog, and of a principal read on its detail pane (a pane can be a dialog, whose rows
 * are drawn as live warnings). Accepted findings get no badge, so they are not sent at all. Every copy the
 * page keeps is in the page's own memory: on a 5,000-person list, the fixes alone would be 0.9 MB (issue 12).
 */
export type BadgeFinding = Pick<Finding, 'ruleId' | 'severity' | 'subject' | 'message'> &
  Partial<Pick<Finding, 'asset' | 'fix'>>;

export function badgeFindings(
  findings: readonly Finding[],
  withFix: (subject: string) => boolean,
  /**
   * Drawn as findings are, after them: an access review's removals still to switch off
   * (lib/domain/review/follow-ups.ts `followUpBadges`), so the page needs no code of its own for them.
   */
  also: readonly BadgeFinding[] = [],
): BadgeFinding[] {
  const out: BadgeFinding[] = findings
    .filter((f) => !f.accepted)
    .map(({ ruleId, severity, subject, message, asset, fix }) => ({
      ruleId,
      severity,
      subject,
      message,
      ...(asset ? { asset } : {}),
      ...(withFix(subject) ? { fix } : {}),
    }));
  return also.length > 0 ? [...out, ...also] : out;
}

/**
 * Findings sent to a page in one message at most (about 0.4 MB at 5,000 people). The browser delivers a
 * message to a content script in one task of the page's main thread: the whole list of a 5,000-person
 * People page (11,000 findings, 2.2 MB) held it for 50-115 ms here, its parts 10-20 ms each (issue 12).
 */
export const FINDINGS_PART = 2000;

/** A list of findings in the parts it is sent in: at least one part (an empty list is sent too). */
export function findingParts<T>(findings: readonly T[], size = FINDINGS_PART): T[][] {
  const parts: T[][] = [];
  for (let at = 0; at < findings.length || at === 0; at += size) parts.push(findings.slice(at, at + size));
  return parts;
}
