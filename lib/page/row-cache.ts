import { labelledBy } from './dom';
import type { RowContext, RowRead } from './readers/list';
import type { RowFacts } from './readers/rows';

interface Entry extends RowContext {
  facts: RowFacts;
}

/** A row the last pass left unread (over its time budget), with how to read it. */
interface Deferred {
  row: Element;
  context: RowContext;
  read: () => RowFacts;
}

/**
 * What the watcher remembers of a list's rows (issue 12, item 1): each row's facts, kept until a mutation
 * inside the row (or of the row itself) forgets them. Reading a row's text is what costs at thousands of
 * rows; finding the rows and putting the list together again is cheap, and is done on every read, so the
 * result is exactly what a fresh read of the whole page gives.
 *
 * A row's facts depend only on its own subtree and its context (the page's language, the Name column, the
 * card's title inside it): a row named by an element outside it (aria-labelledby) is never remembered.
 */
export interface RowCache {
  /**
   * A RowRead for one pass: remembered rows are taken as they are; others are read while `hasTime()` says
   * so (at least one per pass), and left for `readDeferred` after that.
   */
  reader(hasTime?: () => boolean): RowRead;
  /** Reads rows the last pass left, while `hasTime()` says so; false once none is left. */
  readDeferred(hasTime: () => boolean): boolean;
  /** Forgets the rows these nodes are in, or are (the targets of mutation records). */
  touch(targets: Iterable<Node>): void;
  /** Forgets every row. */
  clear(): void;
  /** How many rows were read (not taken from memory) since the cache was made. */
  readonly reads: number;
}

export function createRowCache(): RowCache {
  let entries = new WeakMap<Element, Entry>();
  let deferred: Deferred[] = [];
  let reads = 0;
  const fits = (entry: Entry | undefined, context: RowContext) =>
    entry !== undefined &&
    entry.locale === context.locale &&
    entry.column === context.column &&
    entry.title === context.title;
  const readAndKeep = (row: Element, context: RowContext, read: () => RowFacts): RowFacts => {
    reads++;
    const facts = read();
    if (labelledBy(row).every((label) => row.contains(label))) entries.set(row, { ...context, facts });
    return facts;
  };
  return {
    reader(hasTime = () => true) {
      deferred = [];
      let readNow = 0;
      return (row, context, read, required) => {
        const entry = entries.get(row);
        if (fits(entry, context)) return entry!.facts;
        if (!required && readNow > 0 && !hasTime()) {
          deferred.push({ row, context, read });
          return undefined;
        }
        readNow++;
        return readAndKeep(row, context, read);
      };
    },
    readDeferred(hasTime) {
      let i = 0;
      while (i < deferred.length && (i === 0 || hasTime())) {
        const { row, context, read } = deferred[i++]!;
        // A row gone from the page, or read meanwhile, is not read again here.
        if (row.isConnected && !fits(entries.get(row), context)) readAndKeep(row, context, read);
      }
      deferred = deferred.slice(i);
      return deferred.length > 0;
    },
    touch(targets) {
      const seen = new Set<Node>();
      for (const target of targets) {
        // Every element from the changed node up: the row it is in (or is) forgets its facts. The walk
        // stops where an earlier target's walk went, so a burst of changes costs one walk per branch.
        for (let node: Node | null = target; node && !seen.has(node); node = node.parentNode) {
          seen.add(node);
          if (node.nodeType === 1) entries.delete(node as Element);
        }
      }
    },
    clear() {
      entries = new WeakMap();
      deferred = [];
    },
    get reads() {
      return reads;
    },
  };
}
