import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256HexSync } from '@/lib/domain/ledger/sha256';
import { canonicalJson } from '@/lib/domain/ledger/canonical';
import { chainOf, LEDGER } from './fixtures';

const webCrypto = async (text: string) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('hex');

describe('SHA-256 in TypeScript (issue 12, item 5: an import hashes 100,000 decisions)', () => {
  it('gives the NIST vectors', () => {
    expect(sha256HexSync('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexSync('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('is Web Crypto’s digest, byte for byte, at every length around the block edges and on non-ASCII text', async () => {
    const texts: string[] = [];
    for (let n = 0; n <= 200; n++) texts.push('x'.repeat(n));
    for (const n of [447, 448, 511, 512, 1000, 4095, 4096, 70_000]) texts.push('é'.repeat(n));
    texts.push('😀 Sjöbod Café, ÅÄÖ åäö, ß, 中文, \u0000 \u2028', 'line\nquote"');
    for (const text of texts) {
      expect(sha256HexSync(text), `length ${text.length}`).toBe(await webCrypto(text));
      expect(sha256HexSync(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('hashes decisions as Web Crypto does', async () => {
    const chain = await chainOf(25, LEDGER);
    expect(chain).toHaveLength(25);
    for (const d of chain) {
      const { hash: _hash, sig: _sig, ...body } = d;
      const text = canonicalJson(body);
      expect(sha256HexSync(text)).toBe(await webCrypto(text));
      expect(sha256HexSync(text)).toBe(d.hash);
    }
  });
});
