import type { ImportChangeView } from '../domain/ledger/admin';

/** How long a previewed file waits for the admin's "Import" (the page keeps the worker awake meanwhile). */
export const PREVIEW_KEEP_MS = 15 * 60_000;
/** At most this many previewed files are kept (each up to the import limit): a newer one pushes out the oldest. */
export const MAX_PREVIEWS = 2;

/** A preview's change lists beyond their first rows, and the names read for them (issue 12, item 5). */
export interface PreviewLists {
  lists: ReadonlyMap<string, readonly ImportChangeView[]>;
  names: Readonly<Record<string, string>>;
}

interface Previewed {
  text: string;
  lists?: PreviewLists;
  /** The file's size in bytes, as its preview counted it (not counted again for its import). */
  bytes?: number;
  at: number;
}

/**
 * The files the options page had previewed (issue 12, item 5): the page sends a file once, for its
 * preview, and its import names the preview instead of sending the file again. In the worker's memory
 * only: at most `MAX_PREVIEWS`, each for `PREVIEW_KEEP_MS` after its preview; an import takes its file
 * (a second import of the same preview finds nothing), a cancel drops it, a stopped worker loses them all.
 */
export class PreviewedImports {
  private readonly kept = new Map<string, Previewed>();

  constructor(private readonly clock: () => number = () => Date.now()) {}

  private prune(): void {
    const cutoff = this.clock() - PREVIEW_KEEP_MS;
    for (const [id, previewed] of this.kept) if (previewed.at < cutoff) this.kept.delete(id);
  }

  /** Keeps a previewed file; its id. */
  keep(text: string, bytes?: number, lists?: PreviewLists): string {
    this.prune();
    while (this.kept.size >= MAX_PREVIEWS) this.kept.delete(this.kept.keys().next().value!);
    const id = crypto.randomUUID();
    this.kept.set(id, {
      text,
      ...(bytes !== undefined ? { bytes } : {}),
      ...(lists ? { lists } : {}),
      at: this.clock(),
    });
    return id;
  }

  /**
   * Rows `from` to `from + count` of a kept preview's change list, with the names read for their subjects;
   * undefined when the preview is unknown, expired or taken.
   */
  changes(
    id: string,
    list: string,
    from: number,
    count: number,
  ): { changes: ImportChangeView[]; names: Record<string, string> } | undefined {
    this.prune();
    const previewed = this.kept.get(id);
    if (!previewed) return undefined;
    const changes = (previewed.lists?.lists.get(list) ?? []).slice(from, from + count);
    return { changes, names: namesOf(changes, previewed.lists?.names ?? {}) };
  }

  /** Whether a preview is still kept. */
  has(id: string): boolean {
    this.prune();
    return this.kept.has(id);
  }

  /** A previewed file for its import, forgotten at once; undefined when it is unknown or expired. */
  take(id: string): { text: string; bytes?: number } | undefined {
    this.prune();
    const previewed = this.kept.get(id);
    this.kept.delete(id);
    return (
      previewed && {
        text: previewed.text,
        ...(previewed.bytes !== undefined ? { bytes: previewed.bytes } : {}),
      }
    );
  }

  /** The admin cancelled the preview (or chose another file). */
  drop(id: string): void {
    this.kept.delete(id);
  }

  get size(): number {
    return this.kept.size;
  }
}

/** The names, of those read, for these changes' subjects (keyed `businessId subject`). */
export function namesOf(
  changes: readonly ImportChangeView[],
  names: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const change of changes) {
    if (!('subject' in change)) continue;
    const key = `${change.businessId} ${change.subject}`;
    if (Object.hasOwn(names, key)) out[key] = names[key]!;
  }
  return out;
}
