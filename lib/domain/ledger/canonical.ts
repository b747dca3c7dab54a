/**
 * Canonical JSON for hashing decisions (issue "Decisions are a hash chain"): object keys sorted at every
 * level (by UTF-16 code units, as Array.prototype.sort does), no whitespace, arrays in order, no undefined
 * values (an undefined property is left out; an undefined array item, a function, a symbol, a bigint or a
 * non-finite number is refused, because JSON has no faithful form for it).
 */
export function canonicalJson(value: unknown): string {
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
        return `[${value
          .map((item) => {
            if (item === undefined)
              throw new TypeError('canonical JSON has no form for an undefined array item');
            return canonicalJson(item);
          })
          .join(',')}]`;
      }
      const entries = Object.keys(value as object)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
      return `{${entries.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}

/** SHA-256 of a text's UTF-8 bytes, as lower-case hex (Web Crypto). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
