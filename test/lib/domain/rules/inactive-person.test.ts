import { describe, expect, it } from 'vitest';
import { analyse } from '@/lib/domain/rules';
import rule from '@/lib/domain/rules/inactive-person';
import type { ListedPerson } from '@/lib/domain/snapshot';
import { context, me, run, snapshot } from './helpers';

const inactive = (people: ListedPerson[]) => context({ security: { inactive: { people } } });

describe('inactive-person', () => {
  it('raises, low, for each inactive person Security Center lists, keyed as People keys them', () => {
    const ctx = inactive([{ name: 'Old Contractor', email: 'Old@Byraab.se' }, { name: 'Everyone' }]);
    expect(run(rule, snapshot([me]), ctx)).toEqual([
      ['person:old@byraab.se', undefined],
      ['person-name:Everyone', undefined],
    ]);
    const findings = analyse(snapshot([me]), undefined, ctx, 'fr', [rule]).findings;
    expect(findings.map((f) => f.severity)).toEqual(['low', 'low']);
    expect(findings[1]!.message).toBe('Everyone est inactif mais a toujours accès (Centre de sécurité).');
    expect(findings[1]!.subjectName).toBe('Everyone');
  });

  it('does not raise without the list, with it empty, or for the other list', () => {
    expect(run(rule, snapshot([me]))).toEqual([]);
    expect(run(rule, snapshot([me]), inactive([]))).toEqual([]);
    expect(
      run(rule, snapshot([me]), context({ security: { withoutTwoFactor: { people: [{ name: 'Nils' }] } } })),
    ).toEqual([]);
  });
});
