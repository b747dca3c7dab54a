import { describe, expect, it } from 'vitest';
import { snapshotDeltaSchema, type SnapshotDelta } from '@/lib/domain/messages';
import { applyDelta, type DeltaBase } from '@/lib/domain/snapshot-delta';
import { getSubjectKey, type PageSnapshot, type Principal } from '@/lib/domain/snapshot';
import { person, snapshot } from './rules/helpers';

const STREAM = '0123456789abcdef';
const p = (n: number, extra: Partial<Principal> = {}) =>
  person(`Person ${n}`, `p${n}@example.com`, extra as never) as Principal;
const base = (principals: Principal[], seq = 1): DeltaBase => ({
  snapshot: snapshot(principals),
  stream: STREAM,
  seq,
});
const header = (s: PageSnapshot) => {
  const { principals: _principals, ...rest } = s;
  return rest;
};
const delta = (s: PageSnapshot, d: Partial<SnapshotDelta>): SnapshotDelta => ({
  stream: STREAM,
  seq: 2,
  header: header(s),
  count: 0,
  upsert: [],
  remove: [],
  ...d,
});

describe('applyDelta', () => {
  const b = base([p(1), p(2), p(3)]);

  it('adds, changes, moves and removes principals in page order', () => {
    const changed = p(2, { portfolioAccess: 'full-control' });
    const result = applyDelta(
      b,
      delta(b.snapshot, {
        count: 3,
        upsert: [
          { at: 0, principal: changed },
          { at: 2, principal: p(4) },
        ],
        remove: [getSubjectKey(p(3))],
      }),
    );
    expect(result).toEqual({ ok: true, snapshot: snapshot([changed, p(1), p(4)]) });
    // The base is never changed.
    expect(b.snapshot.principals).toEqual([p(1), p(2), p(3)]);
  });

  it('takes the header whole', () => {
    const result = applyDelta(
      b,
      delta(b.snapshot, { header: { ...header(b.snapshot), readStatus: 'partial' }, count: 3 }),
    );
    expect(result.ok && result.snapshot.readStatus).toBe('partial');
    expect(result.ok && result.snapshot.principals).toEqual([p(1), p(2), p(3)]);
  });

  it('refuses what does not follow the report held, or does not add up', () => {
    const d = (x: Partial<SnapshotDelta>) => applyDelta(b, delta(b.snapshot, { count: 3, ...x }));
    const reason = (r: ReturnType<typeof applyDelta>) => (r.ok ? 'applied' : r.reason);
    expect(reason(applyDelta({ snapshot: b.snapshot }, delta(b.snapshot, { count: 3 })))).toBe('no-base');
    expect(reason(d({ stream: 'fedcba9876543210' }))).toBe('other-stream');
    expect(reason(d({ seq: 3 }))).toBe('gap');
    expect(reason(d({ seq: 1 }))).toBe('gap');
    expect(reason(d({ header: { ...header(b.snapshot), kind: 'partners' } }))).toBe('other-page');
    expect(reason(d({ header: { ...header(b.snapshot), businessId: '42' } }))).toBe('other-page');
    expect(reason(d({ count: 2, remove: ['person:nobody@example.com'] }))).toBe('unknown-key');
    const k1 = getSubjectKey(p(1));
    expect(reason(d({ count: 1, remove: [k1, k1] }))).toBe('duplicate-key');
    expect(reason(d({ count: 3, remove: [k1], upsert: [{ at: 0, principal: p(1) }] }))).toBe('duplicate-key');
    expect(
      reason(
        d({
          count: 3,
          upsert: [
            { at: 0, principal: p(1) },
            { at: 1, principal: p(1) },
          ],
        }),
      ),
    ).toBe('duplicate-key');
    expect(
      reason(
        d({
          count: 4,
          upsert: [
            { at: 1, principal: p(4) },
            { at: 1, principal: p(5) },
          ],
        }),
      ),
    ).toBe('bad-position');
    expect(reason(d({ count: 4, upsert: [{ at: 4, principal: p(4) }] }))).toBe('bad-position');
    expect(reason(d({ count: 4 }))).toBe('count-mismatch');
    expect(reason(d({ count: 2 }))).toBe('count-mismatch');
    expect(reason(d({ count: 3, upsert: [{ at: 0, principal: p(4) }] }))).toBe('count-mismatch');
    const twice = base([p(1), p(1)]);
    expect(reason(applyDelta(twice, delta(twice.snapshot, { count: 2 })))).toBe('base-not-unique');
  });

  it('follows the page through random adds, changes, moves and removes (seeded)', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const random = mulberry32(seed);
      const int = (n: number) => Math.floor(random() * n);
      let next = 0;
      let page: Principal[] = Array.from({ length: int(30) }, () => p(next++));
      let held: DeltaBase = base(page, 1);
      for (let step = 0; step < 60; step += 1) {
        const before = new Set(page.map(getSubjectKey));
        const touched = new Set<string>();
        const list = [...page];
        for (let op = int(6); op > 0; op -= 1) {
          const kind = int(4);
          if (kind === 0 || list.length === 0) {
            const added = p(next++);
            list.splice(int(list.length + 1), 0, added);
            touched.add(getSubjectKey(added));
          } else if (kind === 1) {
            const i = int(list.length);
            list[i] = { ...list[i]!, name: `${list[i]!.name}'`, pending: random() < 0.5 };
            touched.add(getSubjectKey(list[i]!));
          } else if (kind === 2) {
            const [moved] = list.splice(int(list.length), 1);
            list.splice(int(list.length + 1), 0, moved!);
            touched.add(getSubjectKey(moved!));
          } else {
            list.splice(int(list.length), 1);
          }
        }
        const keys = new Set(list.map(getSubjectKey));
        const d = snapshotDeltaSchema.parse(
          delta(held.snapshot, {
            seq: held.seq! + 1,
            count: list.length,
            upsert: list.flatMap((principal, at) =>
              touched.has(getSubjectKey(principal)) ? [{ at, principal }] : [],
            ),
            remove: [...before].filter((key) => !keys.has(key)),
          }),
        );
        const result = applyDelta(held, d);
        page = list;
        expect(result).toEqual({ ok: true, snapshot: snapshot(page) });
        if (result.ok) held = { snapshot: result.snapshot, stream: STREAM, seq: d.seq };
      }
    }
  });
});

/** A small deterministic PRNG, so a failing seed can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('applyDelta on a delta the background found unfit', () => {
  it('refuses it, whatever else it says (the page then sends its whole read)', () => {
    const b = base([p(1), p(2)]);
    expect(applyDelta(b, { ...delta(b.snapshot, { count: 2 }), unfit: true })).toEqual({
      ok: false,
      reason: 'unfit',
    });
    expect(applyDelta(b, delta(b.snapshot, { count: 2 })).ok).toBe(true);
  });
});
