import { describe, expect, it } from 'vitest';
import { analyse } from '@/lib/domain/rules';
import rule from '@/lib/domain/rules/new-partner';
import type { OpenChange } from '@/lib/domain/open-change';
import { context, me, page, partner, run, snapshot } from './helpers';

const added: OpenChange = {
  kind: 'principal-added',
  firstSeen: '2026-11-20T10:00:00.000Z',
  page: 'partners',
  url: 'https://business.facebook.com/latest/settings/partners?business_id=1',
  fullControl: false,
};
const open = (entries: [string, OpenChange[]][]) => context({ ledger: { open: new Map(entries) } });

describe('new-partner', () => {
  it('raises for a partner added since the last visit with no record, high when it holds full control', () => {
    const ctx = open([
      ['partner:3228568050780001', [added]],
      ['partner:9999900000', [added]],
    ]);
    const known = partner('Byrå AB', '3228568050780001', [page('Sjöbod Café', 'partial', ['content'])]);
    const unknown = partner('Unknown Ltd', '9999900000', [page('Sjöbod Café', 'full')]);
    expect(run(rule, snapshot([me, known, unknown], 'partners'), ctx)).toEqual([
      ['partner:9999900000', undefined],
      ['partner:3228568050780001', undefined],
    ]);
    const { findings } = analyse(snapshot([me, known, unknown], 'partners'), undefined, ctx, 'en', [rule]);
    expect(findings.map((f) => [f.subject, f.severity])).toEqual([
      ['partner:9999900000', 'high'],
      ['partner:3228568050780001', 'medium'],
    ]);
    expect(findings[0]!.message).toBe(
      'Unknown Ltd (ID 9999900000) was added as a partner (first seen 2026-11-20), and no record approves it. It holds full control.',
    );
  });

  it('does not raise for a partner known before whose access changed, nor for a person', () => {
    const raised: OpenChange = { ...added, kind: 'asset-added', to: 'full', fullControl: true };
    const ctx = open([
      ['partner:3228568050780001', [raised]],
      ['person:anna@sjobod.se', [added]],
    ]);
    expect(
      run(rule, snapshot([me, partner('Byrå AB', '3228568050780001', [page('Sjöbod Café', 'full')])]), ctx),
    ).toEqual([]);
  });
});
