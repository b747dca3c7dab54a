import { describe, expect, it } from 'vitest';
import { badgeFindings, FINDINGS_PART, findingParts } from '@/lib/domain/badge-findings';
import type { Finding } from '@/lib/domain/rules/types';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'third-party-full-control',
  severity: 'high',
  subject: 'partner:1',
  subjectName: 'Agency',
  asset: { type: 'page', name: 'Page 1' },
  message: 'Agency has full control of Page 1.',
  why: 'Full control lets them add or remove anyone.',
  fix: 'Switch off “Everything”.',
  ...over,
});

describe('what the page is sent of the findings (issue 12)', () => {
  it('keeps what badges draw, drops "why" and the subject’s name, and the fix where no live warning shows it', () => {
    const onPane = (subject: string) => subject === 'partner:2';
    expect(badgeFindings([finding(), finding({ subject: 'partner:2' })], onPane)).toEqual([
      {
        ruleId: 'third-party-full-control',
        severity: 'high',
        subject: 'partner:1',
        asset: { type: 'page', name: 'Page 1' },
        message: 'Agency has full control of Page 1.',
      },
      {
        ruleId: 'third-party-full-control',
        severity: 'high',
        subject: 'partner:2',
        asset: { type: 'page', name: 'Page 1' },
        message: 'Agency has full control of Page 1.',
        fix: 'Switch off “Everything”.',
      },
    ]);
    const { asset: _asset, ...portfolio } = finding();
    expect(badgeFindings([portfolio], () => true)[0]).not.toHaveProperty('asset');
  });

  it('sends no accepted finding (it gets no badge until its review date)', () => {
    expect(
      badgeFindings(
        [finding({ accepted: { until: '2027-01-01' } }), finding({ subject: 'partner:2' })],
        () => true,
      ).map((f) => f.subject),
    ).toEqual(['partner:2']);
  });

  it('sends a long list in parts of FINDINGS_PART at most, in order, and an empty list as one empty part', () => {
    const list = Array.from({ length: FINDINGS_PART * 2 + 1 }, (_, i) => i);
    const parts = findingParts(list);
    expect(parts.map((part) => part.length)).toEqual([FINDINGS_PART, FINDINGS_PART, 1]);
    expect(parts.flat()).toEqual(list);
    expect(findingParts(list.slice(0, FINDINGS_PART))).toHaveLength(1);
    expect(findingParts([])).toEqual([[]]);
  });
});
