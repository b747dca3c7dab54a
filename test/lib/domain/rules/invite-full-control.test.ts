import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/invite-full-control';
import { page, partner, person, run, snapshot } from './helpers';

describe('invite-full-control', () => {
  it('raises for full control of the portfolio, of an asset, or every task of a Page', () => {
    const draft = person('new@agency.example', 'new@agency.example', {
      portfolioAccess: 'full-control',
      assets: [
        page('A', 'full'),
        page('B', 'partial', ['ads', 'community', 'content', 'insights', 'messages', 'revenue']),
      ],
    });
    expect(run(rule, snapshot([draft], 'invite-dialog'))).toEqual([
      ['person:new@agency.example', undefined],
      ['person:new@agency.example', 'A'],
      ['person:new@agency.example', 'B'],
    ]);
    expect(
      run(
        rule,
        snapshot(
          [partner('3228568050789999', '3228568050789999', [page('A', 'full')])],
          'add-partner-dialog',
        ),
      ),
    ).toHaveLength(1);
  });

  it('does not raise for partial access with some tasks', () => {
    const draft = person('new@agency.example', 'new@agency.example', {
      portfolioAccess: 'partial',
      assets: [page('A', 'partial', ['ads'])],
    });
    expect(run(rule, snapshot([draft], 'invite-dialog'))).toEqual([]);
  });
});
