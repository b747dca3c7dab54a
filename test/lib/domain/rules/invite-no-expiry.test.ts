import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/invite-no-expiry';
import { partner, person, run, snapshot } from './helpers';

describe('invite-no-expiry', () => {
  it('raises for an invitation with no temporary-access end date', () => {
    expect(
      run(rule, snapshot([person('new@agency.example', 'new@agency.example')], 'invite-dialog')),
    ).toEqual([['person:new@agency.example', undefined]]);
  });

  it('does not raise with an end date, or in the add-partner dialog', () => {
    expect(
      run(
        rule,
        snapshot([person('n', 'n@agency.example', { temporaryUntil: '2027-01-31' })], 'invite-dialog'),
      ),
    ).toEqual([]);
    expect(run(rule, snapshot([partner('p', '3228568050789999')], 'add-partner-dialog'))).toEqual([]);
  });
});
