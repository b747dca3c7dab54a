import { browser } from 'wxt/browser';
import { fail, invalidRequest, problem, type Problem } from '../domain/problems';
import {
  protocol,
  type MessageName,
  type ParsedRequestOf,
  type Reply,
  type ResultOf,
  type SenderKind,
} from '../domain/protocol';
import { isTransferRef, PART_CHARS, type TransferLost, type TransferOffer } from '../domain/transfer';
import { onMessage } from './messaging';
import { Transfers } from './transfers';

/** Who sent a message, as far as the browser says: a content script of a tab, one of our pages, or other. */
export interface Sender {
  kind: 'content' | 'page' | 'other';
  tabId?: number;
  url?: string;
  /** The sender's frame in its tab (0: the top frame) and, in Chromium, its document's id. */
  frameId?: number;
  documentId?: string;
}

/** Asked before a `page` sender's message is handled: a problem refuses it (lib/platform/hub/panel-gate.ts). */
export type PageGate = (sender: Sender, message: MessageName) => Promise<Problem | undefined>;

export type Handler<N extends MessageName> = (
  data: ParsedRequestOf<N>,
  sender: Sender,
) => Promise<Reply<N>> | Reply<N>;

export const ok = <N extends MessageName>(value: ResultOf<N>): Reply<N> => ({ ok: true, value });

const BUSINESS_ORIGIN = 'https://business.facebook.com';

/**
 * Classifies a browser message sender. A content script runs in a Business Settings tab (its URL is on
 * business.facebook.com); an extension page has our own origin (the panel is one too, inside a tab).
 */
export function classifySender(
  sender: { id?: string; url?: string; tab?: { id?: number }; frameId?: number; documentId?: string },
  extensionBase: string,
  extensionId: string,
): Sender {
  const base = {
    ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
    ...(sender.url ? { url: sender.url } : {}),
    ...(sender.frameId !== undefined ? { frameId: sender.frameId } : {}),
    ...(typeof sender.documentId === 'string' ? { documentId: sender.documentId } : {}),
  };
  if (sender.id !== extensionId || !sender.url) return { kind: 'other', ...base };
  if (sender.url.startsWith(extensionBase)) return { kind: 'page', ...base };
  let origin: string | undefined;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    origin = undefined;
  }
  // Our content script runs in the top frame only (no allFrames): a frame's sender is someone else.
  return origin === BUSINESS_ORIGIN && sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0
    ? { kind: 'content', ...base }
    : { kind: 'other', ...base };
}

/**
 * The background's one entrance: each message is parsed with its request schema and its sender checked
 * against the protocol before a handler sees it; every refusal is one `Problem`. Independent of the
 * browser, so unit tests dispatch to it directly.
 */
export class Router {
  private handlers = new Map<MessageName, Handler<MessageName>>();
  /** Set by the hub: where an extension page's message may come from (a framed panel needs its token). */
  pageGate: PageGate | undefined;
  /** Requests and answers too large for one message travel in parts (lib/domain/transfer.ts). */
  readonly transfers = new Transfers();

  constructor() {
    this.handle('uploadPart', ({ transfer, index, count, text }) =>
      this.transfers.receive(transfer, index, count, text)
        ? ok<'uploadPart'>({})
        : fail('invalid-request', { field: 'transfer', issue: 'part' }),
    );
    this.handle('downloadPart', ({ transfer, index }) => {
      const text = this.transfers.part(transfer, index);
      return text === undefined
        ? fail('internal', { message: 'the answer is no longer there; ask again' })
        : ok<'downloadPart'>({ text });
    });
  }

  /**
   * A message as it comes over the wire: a reference to an upload is replaced by the upload (gone: the
   * page sends it again), and an answer too large for one message is offered in parts.
   */
  async receive(name: MessageName, data: unknown, sender: Sender): Promise<unknown> {
    // The sender is checked before an upload is touched: a refused sender cannot take one.
    const refused = await this.admit(name, sender);
    if (refused) return refused;
    let request = data;
    if (isTransferRef(data)) {
      const text = this.transfers.take(data.scopekeeperTransfer);
      if (text === undefined) return { scopekeeperTransferLost: true } satisfies TransferLost;
      try {
        request = JSON.parse(text) as unknown;
      } catch {
        return fail('invalid-request', { field: 'transfer', issue: 'json' });
      }
    }
    const reply = await this.run(name, request, sender);
    if (sender.kind !== 'page' || name === 'downloadPart') return reply;
    const text = JSON.stringify(reply);
    if (text.length <= PART_CHARS) return reply;
    const { id, parts } = this.transfers.offer(text);
    return { scopekeeperTransfer: id, parts } satisfies TransferOffer;
  }

  handle<N extends MessageName>(name: N, handler: Handler<N>): void {
    if (this.handlers.has(name)) throw new Error(`A handler for ${name} is already registered.`);
    this.handlers.set(name, handler as unknown as Handler<MessageName>);
  }

  has(name: MessageName): boolean {
    return this.handlers.has(name);
  }

  /** Whether a message may come from its sender (the protocol's sender kind, then the page gate): a refusal, or nothing. */
  private async admit(name: MessageName, sender: Sender): Promise<Reply<MessageName> | undefined> {
    const definition = protocol[name];
    if (!definition || !this.handlers.has(name)) return fail('unknown-message', { message: String(name) });
    const from = definition.from as SenderKind;
    if (sender.kind === 'other' || (from !== 'both' && from !== sender.kind))
      return fail('sender-not-allowed', { message: name });
    const refused = sender.kind === 'page' ? await this.pageGate?.(sender, name) : undefined;
    return refused ? { ok: false, error: refused } : undefined;
  }

  async dispatch<N extends MessageName>(name: N, data: unknown, sender: Sender): Promise<Reply<N>> {
    const refused = await this.admit(name, sender);
    return refused ? (refused as Reply<N>) : this.run(name, data, sender);
  }

  /** Parses and handles a message whose sender was admitted. */
  private async run<N extends MessageName>(name: N, data: unknown, sender: Sender): Promise<Reply<N>> {
    const definition = protocol[name];
    const handler = this.handlers.get(name);
    if (!definition || !handler) return fail('unknown-message', { message: String(name) });
    const parsed = definition.request.safeParse(data);
    if (!parsed.success) return { ok: false, error: invalidRequest(parsed.error) };
    try {
      return (await handler(parsed.data as ParsedRequestOf<MessageName>, sender)) as Reply<N>;
    } catch (error) {
      console.error(`Scopekeeper: ${name} failed`, error);
      return {
        ok: false,
        error: problem('internal', {
          message: error instanceof Error ? error.message.slice(0, 500) : 'failed',
        }),
      };
    }
  }

  /** Connects the router to the browser's messages (the background's entrypoint calls it once). */
  listen(): void {
    const base = browser.runtime.getURL('/');
    for (const name of this.handlers.keys()) {
      onMessage(
        name,
        ({ data, sender }) =>
          this.receive(name, data, classifySender(sender, base, browser.runtime.id)) as never,
      );
    }
  }
}
