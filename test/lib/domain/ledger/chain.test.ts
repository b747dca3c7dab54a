import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '@/lib/domain/ledger/canonical';
import { hashDecision, verifyChain } from '@/lib/domain/ledger/chain';
import { GENESIS_HASH } from '@/lib/domain/ledger/records';
import { chainOf, LEDGER } from './fixtures';

describe('canonical JSON', () => {
  it.each([
    [{ b: 1, a: [{ d: undefined, c: 'x' }], e: null }, '{"a":[{"c":"x"}],"b":1,"e":null}'],
    [{ z: { y: { x: true } }, é: 'ü', A: 1.5 }, '{"A":1.5,"z":{"y":{"x":true}},"é":"ü"}'],
    [['b', 'a', { '2': 2, '10': 10 }], '["b","a",{"10":10,"2":2}]'],
    ['line\nquote"', '"line\\nquote\\""'],
    [{ emoji: '😀', ctl: '\u0001' }, '{"ctl":"\\u0001","emoji":"😀"}'],
  ])('writes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('refuses what JSON cannot say faithfully', () => {
    expect(() => canonicalJson([undefined])).toThrow();
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });

  it('hashes with SHA-256 as lower-case hex (NIST "abc" vector)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes a decision as SHA-256 of its canonical JSON without hash (fixed vector)', async () => {
    const body = {
      id: 'd1',
      ledgerId: LEDGER,
      at: '2026-11-28T12:00:00.000Z',
      businessId: '1203456789012345',
      subject: 'person:nils@byraab.se',
      action: 'grant' as const,
      rationale: 'Spring campaign',
      decidedBy: 'anna@sjobod.se',
      prevHash: GENESIS_HASH,
    };
    const canonical =
      '{"action":"grant","at":"2026-11-28T12:00:00.000Z","businessId":"1203456789012345","decidedBy":"anna@sjobod.se","id":"d1","ledgerId":"6f1c2b8e-6a53-4f0e-9a51-2c7e5d3f9b10","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","rationale":"Spring campaign","subject":"person:nils@byraab.se"}';
    expect(canonicalJson(body)).toBe(canonical);
    expect(await hashDecision(body)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });
});

describe('the decision chain', () => {
  it('links each decision to the one before, from 64 zeros', async () => {
    const chain = await chainOf(3);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(await verifyChain(chain)).toEqual({ ok: true, head: chain[2]!.hash, length: 3 });
    expect(await verifyChain([])).toEqual({ ok: true, head: undefined, length: 0 });
  });

  it('names where a tampered, reordered or cut chain breaks', async () => {
    const chain = await chainOf(4);
    const edited = chain.map((d, i) => (i === 2 ? { ...d, rationale: 'changed afterwards' } : d));
    expect(await verifyChain(edited)).toMatchObject({
      ok: false,
      index: 2,
      decisionId: chain[2]!.id,
      reason: 'hash',
    });
    expect(await verifyChain([chain[0]!, chain[2]!, chain[1]!])).toMatchObject({ ok: false, index: 1 });
    expect(await verifyChain(chain.slice(1))).toMatchObject({
      ok: false,
      index: 0,
      reason: 'prev-hash',
    });
  });
});
