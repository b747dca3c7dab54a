import type { SnapshotDelta, SnapshotReport } from '../domain/messages';
import type { PageSnapshot, Principal } from '../domain/snapshot';
import { subjectKeyOf } from './readers/list';

/** What goes to the background for one read: the whole read, or what changed since the last message. */
export type Outgoing = { kind: 'full'; report: SnapshotReport } | { kind: 'delta'; delta: SnapshotDelta };

/**
 * Numbers a page load's reports and turns each read into what the background needs to know of it
 * (lib/domain/messages.ts `snapshotDeltaSchema`, issue 12 item 1): the whole read when the stream starts
 * or restarts, else the principals that changed (compared one at a time, by subject key) and the page's
 * own fields. Nothing when nothing changed.
 */
export interface ReportStream {
  /** What to send for this read; undefined when it says what the last message already said. */
  next(snapshot: PageSnapshot, outline?: () => string[] | undefined): Outgoing | undefined;
  /** The latest read as a full report with the next number (the background asked for it, or lost it). */
  full(): Outgoing | undefined;
  /** The next read goes in full (a new location, or the background did not take the last message). */
  restart(): void;
  /**
   * The last message was not taken in: the next read goes whole, but only once it differs from that
   * message (as before deltas, a refused read is not sent again until the page changes).
   */
  retake(): void;
  /** This background takes no deltas: every later read goes in full. */
  noDeltas(): void;
}

interface Sent {
  keys: string[];
  byKey: Map<string, Principal>;
  header: string;
}

export function createReportStream(random: () => string = randomStream): ReportStream {
  const stream = random();
  let seq = 0;
  let sent: Sent | undefined;
  let deltas = true;
  let whole = false;
  let latest: { snapshot: PageSnapshot; outline: () => string[] | undefined } | undefined;

  const fullOf = (snapshot: PageSnapshot, describe: () => string[] | undefined, keys: string[]): Outgoing => {
    const outline = describe();
    // Keys that are not unique cannot be compared one by one: the read after such a one goes whole too.
    whole = false;
    sent =
      new Set(keys).size === keys.length
        ? {
            keys,
            byKey: new Map(keys.map((k, i) => [k, snapshot.principals[i]!])),
            header: headerOf(snapshot),
          }
        : undefined;
    return {
      kind: 'full',
      report: { snapshot, ...(outline ? { outline } : {}), stream, seq: ++seq },
    };
  };

  return {
    next(snapshot, describe = () => undefined) {
      // The outline of an unreadable page is built only when it is sent, and once.
      let built: { value: string[] | undefined } | undefined;
      const outlineOnce = () => (built ??= { value: describe() }).value;
      latest = { snapshot, outline: outlineOnce };
      const keys = snapshot.principals.map(subjectKeyOf);
      if (!sent || new Set(keys).size !== keys.length) return fullOf(snapshot, outlineOnce, keys);
      const header = headerOf(snapshot);
      const changes = diff(sent, snapshot.principals, keys);
      if (header === sent.header && changes.upsert.length === 0 && changes.remove.length === 0)
        return undefined;
      if (!deltas || whole) return fullOf(snapshot, outlineOnce, keys);
      sent = { keys, byKey: new Map(keys.map((k, i) => [k, snapshot.principals[i]!])), header };
      const { principals: _all, ...fields } = snapshot;
      const outline = outlineOnce();
      return {
        kind: 'delta',
        delta: {
          stream,
          seq: ++seq,
          header: fields,
          count: snapshot.principals.length,
          upsert: changes.upsert,
          remove: changes.remove,
          ...(outline ? { outline } : {}),
        },
      };
    },
    full() {
      if (!latest) return undefined;
      return fullOf(latest.snapshot, latest.outline, latest.snapshot.principals.map(subjectKeyOf));
    },
    restart() {
      sent = undefined;
    },
    retake() {
      whole = true;
    },
    noDeltas() {
      deltas = false;
      sent = undefined;
    },
  };
}

/** A new stream name: 32 hex digits. */
function randomStream(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The page's own fields, for comparison (small: never the principals). */
function headerOf(snapshot: PageSnapshot): string {
  const { principals: _all, ...fields } = snapshot;
  return JSON.stringify(fields);
}

/**
 * The principals to upsert and the subject keys to remove so that the last list becomes `next` (see
 * `snapshotDeltaSchema`): changed or new principals, and those whose place among the others changed (the
 * others are the longest run of unchanged principals that kept their order).
 */
function diff(
  last: Sent,
  next: Principal[],
  keys: string[],
): { upsert: SnapshotDelta['upsert']; remove: string[] } {
  const oldIndex = new Map(last.keys.map((k, i) => [k, i]));
  const upsert: SnapshotDelta['upsert'] = [];
  // The unchanged principals, as (index in next, index in last).
  const kept: { at: number; was: number }[] = [];
  next.forEach((principal, at) => {
    const before = last.byKey.get(keys[at]!);
    if (before === undefined || !sameValue(before, principal)) upsert.push({ at, principal });
    else kept.push({ at, was: oldIndex.get(keys[at]!)! });
  });
  // Those outside the longest increasing run of old places moved: they are upserted at their new place.
  const stays = longestIncreasing(kept.map((k) => k.was));
  kept.forEach((k, i) => {
    if (!stays.has(i)) upsert.push({ at: k.at, principal: next[k.at]! });
  });
  upsert.sort((a, b) => a.at - b.at);
  const now = new Set(keys);
  return { upsert, remove: last.keys.filter((k) => !now.has(k)) };
}

/** The indices (into `values`) of one longest strictly increasing subsequence (patience sorting). */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = []; // index into values of the smallest tail of each length
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) out.add(i);
  return out;
}

/** Deep equality of JSON-like values (a principal: strings, numbers, booleans, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka)
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
