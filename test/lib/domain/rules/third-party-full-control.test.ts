import { describe, expect, it } from 'vitest';
import rule from '@/lib/domain/rules/third-party-full-control';
import { context, me, page, partner, person, run, snapshot } from './helpers';

describe('third-party-full-control', () => {
  it('raises for a person outside the own domains with full control of the portfolio or an asset', () => {
    const nils = person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control', assets: [page()] });
    expect(run(rule, snapshot([me, nils]))).toEqual([
      ['person:nils@byraab.se', undefined],
      ['person:nils@byraab.se', 'Sjöbod Café'],
    ]);
  });

  it('raises for a partner with full control of an asset', () => {
    expect(
      run(rule, snapshot([partner('Byrå AB', '3228568050780001', [page('Sjöbod Café', 'full')])])),
    ).toEqual([['partner:3228568050780001', 'Sjöbod Café']]);
  });

  it('does not raise for own people, partial access or "everything except sensitive actions"', () => {
    const maja = person('Maja Ek', 'maja@sjobod.se', { portfolioAccess: 'full-control', assets: [page()] });
    const byra = partner('Byrå AB', '3228568050780001', [
      page('Sjöbod Café', 'full-except-sensitive'),
      page('Other', 'partial', ['ads']),
    ]);
    expect(run(rule, snapshot([me, maja, byra]))).toEqual([]);
  });

  it('does not guess when the own domains are unknown', () => {
    const nils = person('Nils Holm', 'nils@byraab.se', { portfolioAccess: 'full-control' });
    expect(run(rule, snapshot([nils]), context({ ownDomains: [] }))).toEqual([]);
  });

  it('names the least role in its fix: the tasks used elsewhere, else the usual minimum', () => {
    const nils = person('Nils Holm', 'nils@byraab.se', {
      assets: [page('Sjöbod Café', 'full'), page('Other Page', 'partial', ['ads', 'content'])],
    });
    const text = rule.text.en.fix({
      subject: 'person:nils@byraab.se',
      principal: nils,
      asset: nils.assets[0],
    });
    expect(text).toBe(
      'In Business settings › Users › People, select Nils Holm, then on “Sjöbod Café” switch off “Everything” and keep only “Ads” and “Content”.',
    );
  });
});
