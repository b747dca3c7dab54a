import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/expired-access-present';
import { context, me, person, run, snapshot } from './helpers';

const omar = person('Omar', 'omar@pixelverket.fr');
const ended = context({
  ledger: { grants: new Map([['person:omar@pixelverket.fr', { endsAt: '2026-11-01' }]]) },
});

describe('expired-access-present', () => {
  it('raises when the recorded end date has passed and the page still shows access', () => {
    expect(run(rule, snapshot([me, omar]), ended)).toEqual([['person:omar@pixelverket.fr', undefined]]);
  });

  it('does not raise before the date or when the page shows no access', () => {
    const later = context({
      ledger: { grants: new Map([['person:omar@pixelverket.fr', { endsAt: '2026-12-24' }]]) },
    });
    expect(run(rule, snapshot([me, omar]), later)).toEqual([]);
    expect(run(rule, snapshot([me, { ...omar, portfolioAccess: undefined }]), ended)).toEqual([]);
  });
});
