import { z } from 'zod';

/**
 * A chosen file handed from the options page to the background worker by reference (issue 12, item 5):
 * posted to the extension's service worker (a Blob travels by reference, as a structured clone; its bytes
 * are read once, by the worker), instead of being copied into IndexedDB first and read back from there
 * (lib/ledger/uploads.ts, about a second each way for a file of 100,000 decisions). Where no service
 * worker runs the background (Firefox's event page), the page falls back on the IndexedDB copy.
 */
export const HANDOFF_MESSAGE = 'scopekeeper-handoff';
/** How long the page waits for the worker to say it holds the file before it falls back on IndexedDB. */
const HANDOFF_ACK_MS = 5000;

const handoffSchema = z.object({
  type: z.literal(HANDOFF_MESSAGE),
  id: z.string().uuid(),
  file: z.instanceof(Blob),
});

/** The page's side: the file's id once the background holds it, or undefined (fall back on IndexedDB). */
export async function handOver(file: Blob): Promise<string | undefined> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) return undefined;
  const worker = (await container.getRegistration().catch(() => undefined))?.active;
  if (!worker) return undefined;
  const id = crypto.randomUUID();
  const channel = new MessageChannel();
  const held = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), HANDOFF_ACK_MS);
    channel.port1.onmessage = (event: MessageEvent) => {
      clearTimeout(timer);
      resolve((event.data as { held?: unknown } | null)?.held === id);
    };
  });
  worker.postMessage({ type: HANDOFF_MESSAGE, id, file }, [channel.port2]);
  const ok = await held;
  channel.port1.close();
  return ok ? id : undefined;
}

/** At most this many handed files wait in the worker (each is taken by the preview that follows at once). */
const MAX_HANDED = 2;

/**
 * The background's side: files handed over by the extension's own pages, kept in memory by id until their
 * preview takes them (or `keepMs` passes). A stopped worker loses them: the preview then answers that the
 * file is gone, and the options page (components/ledger-admin.tsx), which still has the file, hands it
 * again through IndexedDB, which no stop loses.
 */
export class HandedFiles {
  private readonly files = new Map<string, { file: Blob; at: number }>();

  constructor(
    private readonly keepMs: number,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Listens for handed files in a service worker (a no-op elsewhere): only from the extension's own pages. */
  listen(scope: unknown = globalThis): void {
    const worker = scope as {
      addEventListener?: (type: 'message', listener: (event: MessageEvent) => void) => void;
      location?: { origin: string };
      registration?: unknown;
    };
    if (!worker.registration || typeof worker.addEventListener !== 'function') return;
    worker.addEventListener('message', (event) => {
      if (event.origin !== worker.location?.origin) return;
      const parsed = handoffSchema.safeParse(event.data);
      if (!parsed.success) return;
      this.keep(parsed.data.id, parsed.data.file);
      event.ports[0]?.postMessage({ held: parsed.data.id });
    });
  }

  keep(id: string, file: Blob): void {
    this.prune();
    while (this.files.size >= MAX_HANDED) this.files.delete(this.files.keys().next().value!);
    this.files.set(id, { file, at: this.clock() });
  }

  /** A handed file's text and size in bytes, forgotten at once; undefined when it is not (or no longer) here. */
  async take(id: string): Promise<{ text: string; bytes: number } | undefined> {
    this.prune();
    const handed = this.files.get(id);
    if (!handed) return undefined;
    this.files.delete(id);
    globalThis.performance?.mark?.('upload:take');
    const text = await handed.file.text();
    globalThis.performance?.mark?.('upload:read');
    return { text, bytes: handed.file.size };
  }

  private prune(): void {
    const cutoff = this.clock() - this.keepMs;
    for (const [id, handed] of this.files) if (handed.at < cutoff) this.files.delete(id);
  }
}
