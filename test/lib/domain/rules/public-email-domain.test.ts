import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/public-email-domain';
import { me, person, run, snapshot } from './helpers';

describe('public-email-domain', () => {
  it('raises for consumer domains, including any-TLD families', () => {
    const people = [
      'lisa@gmail.com',
      'a@hotmail.se',
      'b@yahoo.co.uk',
      'c@proton.me',
      'd@live.fr',
      'e@GMX.de',
    ].map((e) => person(e, e));
    expect(run(rule, snapshot([me, ...people])).map(([s]) => s)).toEqual(
      people.map((p) => `person:${p.email!.toLowerCase()}`),
    );
  });

  it('does not raise for work domains, look-alikes or people without an address', () => {
    const people = [
      person('x', 'x@sjobod.se'),
      person('y', 'y@gmail.company.com'),
      person('z', 'z@mygmail.com'),
      { ...person('n', 'n@a.se'), email: undefined },
    ];
    expect(run(rule, snapshot([me, ...people]))).toEqual([]);
  });
});
