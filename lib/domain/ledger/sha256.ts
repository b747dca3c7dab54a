/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, for hashing many small texts at once (issue 12, item 5): an
 * import of 100,000 decisions hashes each one, and Web Crypto's `digest` costs a round trip to its thread
 * per call (measured in Chromium: about 70 µs a decision on a busy machine, 7-12 s for 100,000), while a
 * decision's canonical JSON is about 500 bytes (10 blocks). The output is Web Crypto's, byte for byte:
 * test/lib/domain/ledger/sha256.test.ts compares the two on texts of every length around the block edges,
 * on non-ASCII text and on decisions.
 */

/** The first `count` primes. */
function primes(count: number): number[] {
  const out: number[] = [];
  for (let n = 2; out.length < count; n++) if (out.every((p) => n % p !== 0)) out.push(n);
  return out;
}

/** The first 32 bits of the fractional part of a root (FIPS 180-4, 4.2.2 and 5.3.3). */
const fraction32 = (root: number) => Math.floor((root - Math.floor(root)) * 0x100000000) | 0;

const K = Int32Array.from(primes(64), (p) => fraction32(Math.cbrt(p)));
const H0 = Int32Array.from(primes(8), (p) => fraction32(Math.sqrt(p)));

const encoder = new TextEncoder();
const w = new Int32Array(64);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 of a text's UTF-8 bytes, as lower-case hex. */
export function sha256HexSync(text: string): string {
  const bytes = encoder.encode(text);
  const length = bytes.length;
  // The message, a 1 bit, zeros, and its length in bits as 64 bits: a whole number of 64-byte blocks.
  const padded = new Uint8Array(((length + 9 + 63) >>> 6) << 6);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = length * 8;
  view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(padded.length - 4, bits >>> 0);
  let [h0, h1, h2, h3, h4, h5, h6, h7] = H0 as unknown as number[];
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
      const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0!;
    let b = h1!;
    let c = h2!;
    let d = h3!;
    let e = h4!;
    let f = h5!;
    let g = h6!;
    let h = h7!;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0! + a) | 0;
    h1 = (h1! + b) | 0;
    h2 = (h2! + c) | 0;
    h3 = (h3! + d) | 0;
    h4 = (h4! + e) | 0;
    h5 = (h5! + f) | 0;
    h6 = (h6! + g) | 0;
    h7 = (h7! + h) | 0;
  }
  let out = '';
  for (const word of [h0!, h1!, h2!, h3!, h4!, h5!, h6!, h7!])
    out +=
      HEX[(word >>> 24) & 255]! + HEX[(word >>> 16) & 255]! + HEX[(word >>> 8) & 255]! + HEX[word & 255]!;
  return out;
}
