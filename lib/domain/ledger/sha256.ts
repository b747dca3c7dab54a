/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, synchronous, for hashing many small texts in a row (issue 12,
 * item 5). An import verifies the hash of every decision of a file: 100,000 `crypto.subtle.digest` calls
 * are 100,000 promises and trips to Web Crypto's thread, which on a busy machine took tens of seconds;
 * this hashes the same texts on the calling thread with no allocation per text. It runs under the
 * extension's CSP (no eval, no `new Function`). Web Crypto stays for everything else (canonical.ts
 * `sha256Hex`); test/lib/domain/ledger/sha256.test.ts holds the two side by side.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const INITIAL = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** A hasher with its buffers kept between texts: make one per batch of texts, not one per text. */
export class Sha256 {
  private readonly w = new Int32Array(64);
  private readonly h = new Int32Array(8);
  private readonly encoder = new TextEncoder();
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);

  /** SHA-256 of the text's UTF-8 bytes, as lower-case hex (as canonical.ts `sha256Hex`). */
  hex(text: string): string {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; room for the padding (at most 72 bytes) after it.
    const room = text.length * 3 + 72;
    if (room > this.bytes.length) {
      this.bytes = new Uint8Array(Math.max(room, this.bytes.length * 2));
      this.view = new DataView(this.bytes.buffer);
    }
    const { written } = this.encoder.encodeInto(text, this.bytes);
    return this.digest(written);
  }

  /** Pads the `length` bytes in the buffer and hashes them. */
  private digest(length: number): string {
    const bytes = this.bytes;
    const view = this.view;
    // Padding: 0x80, zeros, then the length in bits as a 64-bit big-endian number, to a multiple of 64.
    const padded = (((length + 8) >> 6) + 1) << 6;
    bytes[length] = 0x80;
    bytes.fill(0, length + 1, padded - 8);
    const bits = length * 8;
    view.setUint32(padded - 8, Math.floor(bits / 0x100000000));
    view.setUint32(padded - 4, bits >>> 0);
    const h = this.h;
    h.set(INITIAL);
    const w = this.w;
    for (let offset = 0; offset < padded; offset += 64) {
      for (let t = 0; t < 16; t++) w[t] = view.getInt32(offset + t * 4);
      for (let t = 16; t < 64; t++) {
        const a = w[t - 15]!;
        const b = w[t - 2]!;
        const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
        const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
        w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
      }
      let a = h[0]!;
      let b = h[1]!;
      let c = h[2]!;
      let d = h[3]!;
      let e = h[4]!;
      let f = h[5]!;
      let g = h[6]!;
      let k = h[7]!;
      for (let t = 0; t < 64; t++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const ch = (e & f) ^ (~e & g);
        const t1 = (k + S1 + ch + K[t]! + w[t]!) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const maj = (a & b) ^ (a & c) ^ (b & c);
        const t2 = (S0 + maj) | 0;
        k = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      h[0] = (h[0]! + a) | 0;
      h[1] = (h[1]! + b) | 0;
      h[2] = (h[2]! + c) | 0;
      h[3] = (h[3]! + d) | 0;
      h[4] = (h[4]! + e) | 0;
      h[5] = (h[5]! + f) | 0;
      h[6] = (h[6]! + g) | 0;
      h[7] = (h[7]! + k) | 0;
    }
    let hex = '';
    for (let i = 0; i < 8; i++) {
      const v = h[i]!;
      hex += HEX[(v >>> 24) & 0xff]! + HEX[(v >>> 16) & 0xff]! + HEX[(v >>> 8) & 0xff]! + HEX[v & 0xff]!;
    }
    return hex;
  }
}
