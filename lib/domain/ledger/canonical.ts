/**
 * Canonical JSON for hashing decisions (issue "Decisions are a hash chain"): object keys sorted at every
 * level (by UTF-16 code units, as Array.prototype.sort does), no whitespace, arrays in order, no undefined
 * values (an undefined property is left out; an undefined array item, a function, a symbol, a bigint or a
 * non-finite number is refused, because JSON has no faithful form for it).
 */
export function canonicalJson(value: unknown): string {
  // Loops and one string per level rather than map/filter/join: an import of 100,000 decisions canonicalises
  // every one of them (issue 12, item 5). The output is the same, byte for byte (canonical.test.ts).
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no form for a non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          // A hole (a sparse array) is written as nothing, as Array.prototype.map and join did.
          if (!(i in value)) continue;
          const item: unknown = value[i];
          if (item === undefined)
            throw new TypeError('canonical JSON has no form for an undefined array item');
          out += canonicalJson(item);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** SHA-256 of a text's UTF-8 bytes, as lower-case hex (Web Crypto). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const b of digest) hex += HEX[b]!;
  return hex;
}
