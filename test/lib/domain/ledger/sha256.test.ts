import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '@/lib/domain/ledger/canonical';
import { hashDecision, hashDecisionWith, verifyChain } from '@/lib/domain/ledger/chain';
import { Sha256 } from '@/lib/domain/ledger/sha256';
import { chainOf } from './fixtures';

const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('SHA-256 on the calling thread (issue 12, item 5)', () => {
  it('gives the standard test vectors', () => {
    const h = new Sha256();
    expect(h.hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(h.hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(h.hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches Node and Web Crypto at every length around the block edges, in UTF-8, one hasher for all', async () => {
    const h = new Sha256();
    const texts: string[] = [];
    for (let n = 0; n < 200; n++) texts.push('a'.repeat(n));
    // Two-, three- and four-byte characters, a lone surrogate (U+FFFD), and a text that outgrows the buffer.
    texts.push('Sjöbod Café', '東京の代理店', '🙂 emoji 🙂', 'lone \ud800 surrogate', 'x'.repeat(70_000));
    texts.push('ö'.repeat(30_000), 'Sjöbod'.repeat(5));
    for (const text of texts) {
      expect(h.hex(text), `length ${text.length}`).toBe(node(text));
    }
    for (const text of texts.slice(-7)) expect(h.hex(text)).toBe(await sha256Hex(text));
  });

  it('hashes a decision as hashDecision does, and verifyChain still names a tampered one', async () => {
    const chain = await chainOf(300);
    const h = new Sha256();
    for (const d of chain.slice(0, 20)) expect(hashDecisionWith(h, d)).toBe(await hashDecision(d));
    // The decision's own keys are written without their copy and sort: the same text whatever they hold,
    // whatever order they come in, and for a record with another key or an unusual value (the walk).
    const [first] = chain;
    const bodies: Record<string, unknown>[] = [
      JSON.parse(JSON.stringify(first)),
      // Signed, nothing unusual: the quick way, the signature left out as the hash is.
      { ...JSON.parse(JSON.stringify(first)), sig: 'b'.repeat(86) },
      Object.fromEntries(Object.entries(first!).reverse()),
      {
        ...first,
        sig: 'a'.repeat(86),
        grantId: undefined,
        before: { '10': 1, '9': [2, { b: 'ö', a: null }] },
      },
      { ...first, after: { endsAt: '2027-01-01', note: '😀 "quoted"\n' }, extra: 'not hashed the quick way' },
      { ...first, after: { when: new Date(0) } },
      { ...first, after: { n: Number.MAX_VALUE, m: -0 } },
      Object.assign(Object.create(null) as object, first),
    ];
    for (const body of bodies) {
      const { hash: _h, sig: _s, ...rest } = body;
      expect(hashDecisionWith(h, body as never)).toBe(node(canonicalJson(rest)));
    }
    // What a copy of the decision would not hold is not hashed either: a key hidden or inherited.
    const hidden = JSON.parse(JSON.stringify(first)) as Record<string, unknown>;
    Object.defineProperty(hidden, 'rationale', { value: 'hidden', enumerable: false });
    const inherited = Object.assign(Object.create({ grantId: 'inherited' }) as object, first);
    for (const body of [hidden, inherited]) {
      const { hash: _h, sig: _s, ...rest } = body as Record<string, unknown>;
      expect(hashDecisionWith(h, body as never)).toBe(node(canonicalJson(rest)));
    }
    let told = 0;
    expect(await verifyChain(chain, (n) => (told += n))).toMatchObject({ ok: true, length: 300 });
    expect(told).toBe(300);
    const edited = chain.map((d, i) => (i === 250 ? { ...d, rationale: 'changed' } : d));
    expect(await verifyChain(edited)).toMatchObject({ ok: false, index: 250, reason: 'hash' });
  });
});

describe('canonical JSON, the quick way and the walk alike', () => {
  it('writes what JSON.parse makes the same either way, keys sorted at every level', () => {
    const cases: [unknown, string][] = [
      [
        JSON.parse('{"b":1,"a":{"d":[3,{"z":null,"y":true}],"c":"ö"}}'),
        '{"a":{"c":"ö","d":[3,{"y":true,"z":null}]},"b":1}',
      ],
      // A `__proto__` key from JSON.parse is an own key, kept in its place.
      [JSON.parse('{"z":1,"__proto__":{"x":2},"a":3}'), '{"__proto__":{"x":2},"a":3,"z":1}'],
      // Keys that look like array indices sort as strings ("10" before "9"), not as an engine lists them.
      [JSON.parse('{"9":"a","10":"b","x":"c"}'), '{"10":"b","9":"a","x":"c"}'],
      [
        { a: undefined, b: -0, c: 1e21, d: 'say "hi"\n\u2028' },
        '{"b":0,"c":1e+21,"d":"say \\"hi\\"\\n\u2028"}',
      ],
      [[], '[]'],
      [{}, '{}'],
      ['x', '"x"'],
    ];
    for (const [value, expected] of cases) expect(canonicalJson(value)).toBe(expected);
  });

  it('keeps the walk’s answer for what JSON would write otherwise', () => {
    // A Date has no keys of its own for the walk (JSON.stringify would call its toJSON).
    expect(canonicalJson({ at: new Date(0) })).toBe('{"at":{}}');
    // A hole is written as nothing by the walk (JSON.stringify writes null).
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([1, , 2])).toBe('[1,,2]');
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson([undefined])).toThrow();
    expect(() => canonicalJson({ big: 1n })).toThrow();
  });
});
