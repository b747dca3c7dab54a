/**
 * Canonical JSON for hashing decisions (issue "Decisions are a hash chain"): object keys sorted at every
 * level (by UTF-16 code units, as Array.prototype.sort does), no whitespace, arrays in order, no undefined
 * values (an undefined property is left out; an undefined array item, a function, a symbol, a bigint or a
 * non-finite number is refused, because JSON has no faithful form for it).
 */
export function canonicalJson(value: unknown): string {
  // The common case, what JSON.parse makes (an import's 100,000 decisions, issue 12, item 5): a copy with
  // its keys in order, written by the engine's own JSON.stringify, about 2.5 times as fast as the walk
  // below. The copy is made only when every value is one whose JSON.stringify form is the canonical one;
  // anything else (see `sortedPlainCopy`) takes the walk, which is the definition.
  const copy = sortedPlainCopy(value, 0);
  if (copy !== UNUSUAL) return JSON.stringify(copy);
  return canonicalWalk(value);
}

const UNUSUAL: unique symbol = Symbol('unusual');
const isOwnEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * `canonicalJson` of a record whose keys are known (an import's 100,000 decisions, issue 12, item 5):
 * `order` lists the keys written, sorted as `canonicalJson` sorts them, and `known` every key the record
 * may have (those not in `order` are left out). Its own top-level sort and copy are skipped. Undefined for
 * a record with any other key or any value the quick copy does not take: the caller then writes it with
 * `canonicalJson` (test/lib/domain/ledger/sha256.test.ts holds the two equal). As `canonicalJson` of
 * the record's copy, it writes the record's own enumerable keys only (none inherited, none hidden).
 */
export function canonicalJsonOf(
  record: Readonly<Record<string, unknown>>,
  order: readonly string[],
  known: ReadonlySet<string>,
): string | undefined {
  const proto = Object.getPrototypeOf(record) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  for (const key in record) if (!known.has(key)) return undefined;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of order) {
    const item = record[key];
    if (item === undefined || !isOwnEnumerable.call(record, key)) continue;
    const copy = sortedPlainCopy(item, 1);
    if (copy === UNUSUAL) return undefined;
    out[key] = copy;
  }
  return JSON.stringify(out);
}

/**
 * A copy of a plain JSON value with every object's keys inserted in sorted order (objects without a
 * prototype, so a `__proto__` key is an own key as JSON.parse makes it), or UNUSUAL for anything whose
 * JSON.stringify form could differ from the canonical one: a key that looks like an array index (an
 * engine lists those first, whatever their insertion order), a non-finite number, an array hole or an
 * undefined item, a value with a prototype other than Object's or Array's (a Date's toJSON), or a
 * function, symbol or bigint. An undefined property is left out, as the walk does.
 */
function sortedPlainCopy(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : UNUSUAL;
  if (typeof value !== 'object' || depth > 64) return UNUSUAL;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return UNUSUAL;
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return UNUSUAL;
      const item = sortedPlainCopy(value[i], depth + 1);
      if (item === UNUSUAL || item === undefined) return UNUSUAL;
      out[i] = item;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return UNUSUAL;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57) return UNUSUAL;
    const item = record[key];
    if (item === undefined) continue;
    const copy = sortedPlainCopy(item, depth + 1);
    if (copy === UNUSUAL) return UNUSUAL;
    out[key] = copy;
  }
  return out;
}

/** The definition: a walk that writes the canonical form of any value it has one for. */
function canonicalWalk(value: unknown): string {
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
          out += canonicalWalk(item);
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
        out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalWalk(item)}`;
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
