import { MAX_PARTS, PART_CHARS, splitParts } from '../domain/transfer';

interface Pending {
  parts: (string | undefined)[];
  at: number;
}

/** How long parts wait for the rest of their transfer (a page sends or fetches them one after another). */
const KEEP_MS = 2 * 60_000;

/**
 * The background's side of large messages (lib/domain/transfer.ts): uploads being received and answers
 * waiting to be fetched, in memory, each for two minutes at most.
 */
export class Transfers {
  private uploads = new Map<string, Pending>();
  private downloads = new Map<string, Pending>();

  constructor(private readonly clock: () => number = () => Date.now()) {}

  private prune(): void {
    const cutoff = this.clock() - KEEP_MS;
    for (const map of [this.uploads, this.downloads])
      for (const [id, pending] of map) if (pending.at < cutoff) map.delete(id);
  }

  /** One part of an upload; false when it does not fit the transfer it claims to be part of. */
  receive(id: string, index: number, count: number, text: string): boolean {
    this.prune();
    if (count > MAX_PARTS || index >= count || text.length > PART_CHARS) return false;
    const pending = this.uploads.get(id) ?? {
      parts: new Array<string | undefined>(count).fill(undefined),
      at: 0,
    };
    if (pending.parts.length !== count) return false;
    pending.parts[index] = text;
    pending.at = this.clock();
    this.uploads.set(id, pending);
    return true;
  }

  /** An upload's whole text, once every part came (and then forgotten); undefined when it is incomplete. */
  take(id: string): string | undefined {
    const pending = this.uploads.get(id);
    this.uploads.delete(id);
    if (!pending || pending.parts.some((p) => p === undefined)) return undefined;
    return pending.parts.join('');
  }

  /** Keeps a large answer for the page to fetch in parts: its id and number of parts. */
  offer(text: string): { id: string; parts: number } {
    this.prune();
    const id = crypto.randomUUID();
    const parts = splitParts(text);
    this.downloads.set(id, { parts, at: this.clock() });
    return { id, parts: parts.length };
  }

  /** One part of an offered answer; the last fetch forgets it. */
  part(id: string, index: number): string | undefined {
    const pending = this.downloads.get(id);
    const text = pending?.parts[index];
    if (pending && index === pending.parts.length - 1) this.downloads.delete(id);
    return text;
  }
}
