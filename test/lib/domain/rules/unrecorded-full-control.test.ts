import { describe, expect, it } from 'vitest';
import { analyse } from '@/lib/domain/rules';
import rule from '@/lib/domain/rules/unrecorded-full-control';
import type { OpenChange } from '@/lib/domain/open-change';
import { context, me, page, partner, person, run, snapshot } from './helpers';

const change = (c: Partial<OpenChange>): OpenChange => ({
  kind: 'portfolio-access-raised',
  to: 'full-control',
  firstSeen: '2026-11-20T10:00:00.000Z',
  page: 'people',
  url: 'https://business.facebook.com/latest/settings/business_users?business_id=1',
  fullControl: true,
  ...c,
});
const nils = person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control' });
const open = (entries: [string, OpenChange[]][]) => context({ ledger: { open: new Map(entries) } });

describe('unrecorded-full-control', () => {
  it('raises for someone who gained full control of the portfolio or an asset with no record', () => {
    const ctx = open([
      ['person:nils@byraab.se', [change({})]],
      [
        'partner:3228568050780001',
        [
          change({
            kind: 'asset-added',
            asset: { type: 'page', id: '2222', name: 'Sjöbod Café' },
            to: 'full',
          }),
        ],
      ],
    ]);
    const agency = partner('Byrå AB', '3228568050780001', [page('Sjöbod Café', 'full')]);
    expect(run(rule, snapshot([me, nils, agency]), ctx)).toEqual([
      ['person:nils@byraab.se', undefined],
      ['partner:3228568050780001', undefined],
    ]);
    const { findings } = analyse(snapshot([me, nils, agency]), undefined, ctx, 'sv', [rule]);
    expect(findings[0]).toMatchObject({ severity: 'high', subjectName: 'Nils Holm' });
    expect(findings[0]!.message).toBe(
      'Nils Holm (nils@byraab.se) fick full kontroll över företagsportföljen (sågs första gången 2026-11-20), och inget dokument godkänner det.',
    );
    expect(findings[1]!.message).toContain('”Sjöbod Café”');
  });

  it('does not raise for access short of full control, a new partner, or nobody on the page', () => {
    const ctx = open([
      ['person:nils@byraab.se', [change({ to: 'partial', fullControl: false })]],
      [
        'partner:3228568050780001',
        [change({ kind: 'principal-added', to: undefined }), change({ kind: 'asset-added', to: 'full' })],
      ],
      ['person:gone@evil.example', [change({})]],
    ]);
    expect(
      run(
        rule,
        snapshot([me, nils, partner('Byrå AB', '3228568050780001', [page('Sjöbod Café', 'full')])]),
        ctx,
      ),
    ).toEqual([]);
    expect(run(rule, snapshot([me, nils]))).toEqual([]);
  });
});
