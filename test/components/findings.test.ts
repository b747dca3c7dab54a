import { describe, expect, it } from 'vitest';
import { groupByRule, subjectFindings } from '@/components/findings';
import type { Finding } from '@/lib/domain/rules/types';

const f = (subject: string, ruleId: string, severity: Finding['severity'], accepted = false): Finding => ({
  ruleId,
  severity,
  subject,
  subjectName: subject,
  message: 'm',
  why: 'w',
  fix: 'f',
  ...(accepted ? { accepted: { until: '2027-01-01' } } : {}),
});

const findings = [
  f('person:a', 'pending-invite', 'low'),
  f('partner:b', 'no-expiry', 'medium'),
  f('person:c', 'third-party-full-control', 'high'),
  f('person:a', 'public-email-domain', 'medium'),
  f('person:d', 'public-email-domain', 'medium', true),
  f('person:e', 'public-email-domain', 'medium'),
  f('person:new', 'invite-no-expiry', 'medium'),
];

describe('groupByRule', () => {
  it('groups by rule: live dialog warnings first, then by severity, then the largest group', () => {
    const groups = groupByRule(findings);
    expect(groups.map((g) => `${g.ruleId} ${g.severity} ${g.findings.length}`)).toEqual([
      'invite-no-expiry medium 1',
      'third-party-full-control high 1',
      'public-email-domain medium 3',
      'no-expiry medium 1',
      'pending-invite low 1',
    ]);
    // Open findings before accepted ones, otherwise in the order given.
    expect(groups[2]!.findings.map((x) => x.subject)).toEqual(['person:a', 'person:e', 'person:d']);
    expect(groups[2]!.accepted).toBe(1);
  });

  it('takes a rule raised at several severities at its most severe', () => {
    const [group] = groupByRule([
      f('partner:x', 'new-partner', 'medium'),
      f('partner:y', 'new-partner', 'high'),
    ]);
    expect(group!.severity).toBe('high');
  });
});

describe('subjectFindings', () => {
  it('gives one subject its findings, the most severe first', () => {
    expect(subjectFindings(findings, 'person:a')!.findings.map((x) => x.ruleId)).toEqual([
      'public-email-domain',
      'pending-invite',
    ]);
    expect(subjectFindings(findings, 'person:zz')).toBeUndefined();
  });
});
