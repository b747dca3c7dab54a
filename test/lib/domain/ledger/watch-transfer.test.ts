import { describe, expect, it } from 'vitest';
import type { Baseline, PrincipalFacts } from '@/lib/domain/baseline';
import { catalogue } from '@/lib/domain/i18n';
import { uiLocales } from '@/lib/domain/locales';
import { listedChanges, MAX_LISTED_CHANGES, silencesSomething } from '@/lib/domain/ledger/admin';
import type { ChangeRow } from '@/lib/domain/ledger/export-file';
import {
  changeRowKey,
  checkWatchSize,
  mergeBaseline,
  newChangeRows,
  WATCH_LIMITS,
  watchForExport,
} from '@/lib/domain/ledger/watch-transfer';

const B = '1203456789012345';
const at = (d: number) => new Date(Date.UTC(2026, 10, d, 10)).toISOString();
const facts = (first: number, last: number, extra: Partial<PrincipalFacts> = {}): PrincipalFacts => ({
  kind: 'person',
  name: 'Someone',
  pending: false,
  portfolioAccess: 'basic',
  firstSeen: at(first),
  lastSeen: at(last),
  ...extra,
});
const baseline = (principals: Record<string, PrincipalFacts>, extra: Partial<Baseline> = {}): Baseline => ({
  businessId: B,
  principals,
  lists: {},
  assetPages: {},
  ...extra,
});
const row = (subject: string, d: number): ChangeRow => ({
  businessId: B,
  at: at(d),
  change: {
    kind: 'principal-added',
    subject,
    principalKind: 'person',
    name: subject,
    at: at(d),
    page: 'people',
    url: 'https://business.facebook.com/latest/settings/business_users',
  },
});

describe('merging a file’s baseline into ours (issue 13)', () => {
  it('takes the file’s for a business without one here', () => {
    const theirs = baseline({ 'person:a@x.example': facts(1, 2) }, { lists: { people: at(2) } });
    expect(mergeBaseline(undefined, theirs)).toEqual({ baseline: theirs, taken: 1, added: 1 });
  });

  it('keeps per principal the later facts with the earlier first sighting, and removes none of ours', () => {
    const ours = baseline(
      {
        'person:a@x.example': facts(3, 10, { portfolioAccess: 'basic' }),
        'person:b@x.example': facts(1, 20, { portfolioAccess: 'basic' }),
        'person:mine@x.example': facts(1, 20),
      },
      {
        lists: { people: at(20), partners: at(1) },
        assetPages: { 'page:1': { type: 'page', id: '1', name: 'Café', at: at(5) } },
      },
    );
    const theirs = baseline(
      {
        'person:a@x.example': facts(1, 15, { portfolioAccess: 'full-control' }),
        'person:b@x.example': facts(2, 12, { portfolioAccess: 'full-control' }),
        'person:new@x.example': facts(4, 15),
      },
      {
        lists: { people: at(15), partners: at(15), 'system-users': at(15) },
        assetPages: { 'page:1': { type: 'page', id: '1', name: 'Café AB', at: at(15) } },
      },
    );
    const { baseline: merged, taken, added } = mergeBaseline(ours, theirs);
    expect({ taken, added }).toEqual({ taken: 2, added: 1 });
    expect(merged.principals['person:a@x.example']).toEqual(
      facts(1, 15, { portfolioAccess: 'full-control' }),
    );
    expect(merged.principals['person:b@x.example']).toEqual(facts(1, 20, { portfolioAccess: 'basic' }));
    expect(Object.keys(merged.principals).sort()).toEqual([
      'person:a@x.example',
      'person:b@x.example',
      'person:mine@x.example',
      'person:new@x.example',
    ]);
    expect(merged.lists).toEqual({ people: at(20), partners: at(15), 'system-users': at(15) });
    expect(merged.assetPages['page:1']!.name).toBe('Café AB');
  });

  it('keeps a subject written "__proto__" as a key, never as a prototype', () => {
    // As JSON.parse makes it from a file: an own property named "__proto__".
    const theirs = JSON.parse(
      `{"businessId":"${B}","lists":{},"assetPages":{},"principals":{"__proto__":${JSON.stringify(facts(1, 2))}}}`,
    ) as Baseline;
    const merged = mergeBaseline(baseline({ 'person:a@x.example': facts(1, 2) }), theirs).baseline;
    expect(Object.getPrototypeOf(merged.principals)).toBe(Object.prototype);
    expect(Object.keys(merged.principals).sort()).toEqual(['__proto__', 'person:a@x.example']);
  });

  it('adds each change row once, identical rows of the file and of ours being one, none before the cutoff', () => {
    const held = new Set([changeRowKey(row('person:a@x.example', 5))]);
    const fresh = newChangeRows(
      [
        row('person:a@x.example', 5),
        row('person:b@x.example', 6),
        row('person:b@x.example', 6),
        row('person:c@x.example', 1),
      ],
      held,
      at(2),
    );
    expect(fresh.map((r) => r.change.subject)).toEqual(['person:b@x.example']);
  });
});

describe('watch data within bounds (issue 13)', () => {
  it('refuses too many rows, businesses, principals or assets before parsing anything', () => {
    const many = (n: number) => Array.from({ length: n }, () => ({}));
    expect(checkWatchSize({ changes: many(WATCH_LIMITS.changes + 1) })?.error).toMatchObject({
      code: 'import-watch-too-large',
      facts: { list: 'changes', what: 'rows', limit: WATCH_LIMITS.changes },
    });
    expect(checkWatchSize({ baselines: many(WATCH_LIMITS.baselines + 1) })?.error).toMatchObject({
      facts: { what: 'businesses' },
    });
    const principals = Object.fromEntries(
      Array.from({ length: WATCH_LIMITS.principals + 1 }, (_, i) => [`person:p${i}@x.example`, {}]),
    );
    expect(checkWatchSize({ baselines: [{}, { businessId: B, principals }] })?.error).toMatchObject({
      facts: { list: 'baselines', number: 2, business: B, what: 'principals' },
    });
    const assets = Object.fromEntries(
      Array.from({ length: WATCH_LIMITS.assets + 1 }, (_, i) => [`page:${i}`, {}]),
    );
    expect(
      checkWatchSize({ baselines: [{ businessId: B, principals: { 'person:a@x.example': { assets } } }] })
        ?.error,
    ).toMatchObject({ facts: { what: 'assets' } });
    expect(
      checkWatchSize({ baselines: [{ businessId: B, principals: { x: { assets: {} } } }], changes: many(3) }),
    ).toBe(undefined);
  });

  it('exports the rows that parse, the latest changes within the limit, so the file always imports', () => {
    const rows = Array.from({ length: WATCH_LIMITS.changes + 2 }, (_, i) => ({
      ...row(`person:p${i}@x.example`, 1),
      at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    }));
    const { baselines, changes } = watchForExport(
      [
        { baseline: { businessId: B, principals: 'broken' } },
        { baseline: baseline({ 'person:a@x.example': facts(1, 2) }) },
      ],
      [{ businessId: B, at: at(1), change: { kind: 'made-admin' } }, ...rows.reverse()],
    );
    expect(baselines).toHaveLength(1);
    expect(changes).toHaveLength(WATCH_LIMITS.changes);
    expect(changes[0]!.change.subject).toBe('person:p2@x.example');
    expect(changes.at(-1)!.change.subject).toBe(`person:p${WATCH_LIMITS.changes + 1}@x.example`);
  });
});

describe('the preview of a file’s baselines (issue 13)', () => {
  it('lists every baseline replacement, like every change that can silence something', () => {
    expect(silencesSomething({ kind: 'baseline' })).toBe(true);
    const harmless = Array.from({ length: MAX_LISTED_CHANGES + 10 }, () => ({ kind: 'extend' }));
    const listed = listedChanges([...harmless, { kind: 'baseline' }, { kind: 'baseline' }]);
    expect(listed.filter((c) => c.kind === 'baseline')).toHaveLength(2);
    expect(listed).toHaveLength(MAX_LISTED_CHANGES);
  });

  it('says the counts and whose word the baselines are in every language', () => {
    const en = catalogue('en').watchTransfer;
    expect(en.counts(1, 0)).toBe('baselines of 1 business, 0 changes');
    for (const locale of uiLocales) {
      const w = catalogue(locale).watchTransfer;
      expect(w.counts(3, 12)).toMatch(/3.*12/);
      expect(w.baseline(B, true, 4, 1)).toContain(B);
      if (locale === 'en') continue;
      expect(w.counts(3, 12)).not.toBe(en.counts(3, 12));
      for (const status of ['ours', 'trusted', 'untrusted', 'unverified', 'keyChanged'] as const)
        expect(w.status[status], `${locale} ${status}`).not.toBe(en.status[status]);
    }
  });
});
