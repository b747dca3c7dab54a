import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/expiring-soon';
import { context, me, person, run, snapshot } from './helpers';

const omar = person('Omar', 'omar@pixelverket.fr');
const ending = (endsAt: string) =>
  context({ ledger: { grants: new Map([['person:omar@pixelverket.fr', { endsAt }]]) } });

describe('expiring-soon', () => {
  it('raises when the recorded end date is within the lead time', () => {
    expect(run(rule, snapshot([me, omar]), ending('2026-12-03'))).toEqual([
      ['person:omar@pixelverket.fr', undefined],
    ]);
  });

  it('does not raise further ahead, after the date, or without a record', () => {
    expect(run(rule, snapshot([me, omar]), ending('2027-01-15'))).toEqual([]);
    expect(run(rule, snapshot([me, omar]), ending('2026-11-01'))).toEqual([]);
    // The end date is the day access stops: on that day it is expired (expired-access-present), not expiring.
    expect(run(rule, snapshot([me, omar]), ending('2026-11-28'))).toEqual([]);
    expect(run(rule, snapshot([me, omar]))).toEqual([]);
  });
});
