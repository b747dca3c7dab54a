import { describe, expect, it } from 'vitest';
import { analyse } from '@/lib/domain/rules';
import rule from '@/lib/domain/rules/person-without-two-factor';
import type { ListedPerson } from '@/lib/domain/snapshot';
import { context, me, person, run, snapshot } from './helpers';

const withoutTwoFactor = (people: ListedPerson[]) => context({ security: { withoutTwoFactor: { people } } });
const severities = (people: ListedPerson[], principals = [me]) =>
  analyse(snapshot(principals), undefined, withoutTwoFactor(people), 'en', [rule]).findings.map(
    (f) => `${f.subject} ${f.severity}`,
  );

describe('person-without-two-factor', () => {
  it('raises for each person Security Center lists: medium, high for a full-control holder by e-mail', () => {
    const nils = person('Nils Holm', 'nils@byraab.se');
    expect(
      severities(
        [
          { name: 'Nils Holm', email: 'nils@byraab.se' },
          // The address as the list shows it, in other case: the same person as on People.
          { name: 'Anna Berg', email: 'Anna@Sjobod.se' },
          { name: 'Stranger' },
        ],
        [me, nils],
      ),
    ).toEqual(['person:anna@sjobod.se high', 'person:nils@byraab.se medium', 'person-name:Stranger medium']);
    const findings = analyse(
      snapshot([me]),
      undefined,
      withoutTwoFactor([{ name: 'Anna Berg', email: 'anna@sjobod.se' }]),
      'en',
      [rule],
    ).findings;
    expect(findings[0]!.message).toBe(
      'Anna Berg (anna@sjobod.se) has full control of the business portfolio and no two-factor authentication (Security Center).',
    );
    // Listed twice: one finding.
    expect(run(rule, snapshot([me]), withoutTwoFactor([{ name: 'X' }, { name: 'X' }]))).toEqual([
      ['person-name:X', undefined],
    ]);
  });

  it('does not raise without the list, or with it empty; names never make a severity high', () => {
    expect(run(rule, snapshot([me]))).toEqual([]);
    expect(run(rule, snapshot([me]), withoutTwoFactor([]))).toEqual([]);
    // An admin named "Admin", and someone else listed by that name alone (or with another address):
    // the name proves nothing, so the finding stays medium.
    const admin = person('Admin', 'boss@sjobod.se', { portfolioAccess: 'full-control' });
    expect(
      severities(
        [
          { name: 'Admin' },
          { name: 'Everyone' },
          { name: 'Anna Berg' },
          { name: 'Admin', email: 'admin@gmail.com' },
        ],
        [me, admin],
      ),
    ).toEqual([
      'person-name:Admin medium',
      'person-name:Everyone medium',
      'person-name:Anna Berg medium',
      'person:admin@gmail.com medium',
    ]);
    // A pending invitee with full control does not hold it yet.
    const invited = person('Lisa', 'lisa@sjobod.se', { portfolioAccess: 'full-control', pending: true });
    expect(severities([{ name: 'Lisa', email: 'lisa@sjobod.se' }], [me, invited])).toEqual([
      'person:lisa@sjobod.se medium',
    ]);
  });
});
