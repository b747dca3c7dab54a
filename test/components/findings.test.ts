import { describe, expect, it } from 'vitest';
import { groupFindings } from '@/components/findings';
import type { Finding } from '@/lib/domain/rules/types';

const f = (subject: string, ruleId: string, severity: Finding['severity']): Finding => ({
  ruleId,
  severity,
  subject,
  subjectName: subject,
  message: 'm',
  why: 'w',
  fix: 'f',
});

describe('groupFindings', () => {
  it('groups by subject: live dialog warnings first, then this page, each by its worst finding', () => {
    const findings = [
      f('person:a', 'pending-invite', 'low'),
      f('partner:b', 'no-expiry', 'medium'),
      f('person:c', 'third-party-full-control', 'high'),
      f('person:a', 'public-email-domain', 'medium'),
      f('person:new', 'invite-no-expiry', 'medium'),
    ];
    const groups = groupFindings(findings, new Set(['person:a', 'partner:b']));
    expect(groups.map((g) => g.subject)).toEqual(['person:new', 'person:a', 'partner:b', 'person:c']);
    expect(groups[1]!.findings.map((x) => x.severity)).toEqual(['medium', 'low']);
    expect(groupFindings(findings).map((g) => g.subject)).toEqual([
      'person:new',
      'person:c',
      'person:a',
      'partner:b',
    ]);
  });
});
