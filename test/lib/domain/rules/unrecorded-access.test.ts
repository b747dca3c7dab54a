import { describe, expect, it } from 'vitest';
import { analyse } from '@/lib/domain/rules';
import rule from '@/lib/domain/rules/unrecorded-access';
import type { OpenChange } from '@/lib/domain/open-change';
import { context, me, person, run, snapshot, systemUser } from './helpers';

const change = (c: Partial<OpenChange>): OpenChange => ({
  kind: 'principal-added',
  firstSeen: '2026-11-20T10:00:00.000Z',
  page: 'people',
  url: 'https://business.facebook.com/latest/settings/business_users?business_id=1',
  fullControl: false,
  ...c,
});
const nils = person('Nils Holm', 'nils@byraab.se');
const open = (entries: [string, OpenChange[]][]) => context({ ledger: { open: new Map(entries) } });

describe('unrecorded-access', () => {
  it('raises for access given since the last visit that no record approves, naming the first change', () => {
    const ads = { type: 'ad-account' as const, id: '1111', name: 'Sjöbod Ads' };
    const ctx = open([
      ['person:nils@byraab.se', [change({}), change({ kind: 'task-added', asset: ads, to: 'insights' })]],
      ['system-user:61550000', [change({ kind: 'end-date-removed', from: '2026-12-01' })]],
    ]);
    const bot = systemUser('Conversions API', '61550000');
    expect(run(rule, snapshot([me, nils, bot]), ctx)).toEqual([
      ['person:nils@byraab.se', undefined],
      ['system-user:61550000', undefined],
    ]);
    const { findings } = analyse(snapshot([me, nils, bot]), undefined, ctx, 'en', [rule]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        'medium',
        'Nils Holm (nils@byraab.se) was added (first seen 2026-11-20), and no record approves it. One more change of theirs is unrecorded.',
      ],
      [
        'medium',
        'Conversions API lost the end date of their access (first seen 2026-11-20), and no record approves it.',
      ],
    ]);
    const fr = analyse(snapshot([me, nils]), undefined, ctx, 'fr', [rule]).findings[0]!;
    expect(fr.message).toContain('a reçu un accès (vu pour la première fois le 2026-11-20)');
  });

  it('does not raise for full control (its own rule), nor without open changes', () => {
    const ctx = open([['person:nils@byraab.se', [change({ fullControl: true })]]]);
    expect(run(rule, snapshot([me, nils]), ctx)).toEqual([]);
    expect(run(rule, snapshot([me, nils]))).toEqual([]);
  });
});
