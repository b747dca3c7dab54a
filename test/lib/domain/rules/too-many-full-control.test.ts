import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/too-many-full-control';
import { context, me, person, run, snapshot } from './helpers';

const admins = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    person(`Admin ${i}`, `a${i}@sjobod.se`, { portfolioAccess: 'full-control' }),
  );

describe('too-many-full-control', () => {
  it('raises for each holder other than you when more than the limit hold full control', () => {
    const found = run(rule, snapshot([me, ...admins(5)]));
    expect(found).toHaveLength(5);
    expect(found.map(([s]) => s)).not.toContain('person:anna@sjobod.se');
  });

  it('does not raise at the limit, and follows the setting', () => {
    expect(run(rule, snapshot([me, ...admins(4)]))).toEqual([]);
    expect(
      run(rule, snapshot([me, ...admins(4)]), context({ settings: { maxFullControl: 3 } })),
    ).toHaveLength(4);
  });
});
