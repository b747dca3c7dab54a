import { browser } from 'wxt/browser';
import type { ContentProtocol, MessageName, MessagesFrom, Reply, RequestOf } from '../domain/protocol';

/**
 * The wire under the protocol (lib/domain/protocol.ts): one request, one answer, over the browser's own
 * runtime messages, typed from the protocol table. The background, the extension pages and the content
 * script all use this one module. It imports the protocol for its types only, and no polyfill (WXT's
 * `browser` is the browser's own), so the content script that uses it carries neither zod nor
 * webextension-polyfill (issue 12, item 2); the background's router (router.ts) and the extension pages'
 * API (page-api.ts) add the schemas.
 *
 * On the wire a request is `{ id, type, data, timestamp }` and its answer `{ res }` or `{ err: { name,
 * message } }`: the envelope of @webext-core/messaging, which this replaces, so that a page or script of
 * the earlier version and the end-to-end tests that speak it are still understood.
 */
type Wire = { [N in MessageName]: (data: RequestOf<N>) => Reply<N> } & ContentProtocol;
type WireName = keyof Wire;
type DataOf<N extends WireName> = Parameters<Wire[N]>[0];
type ReturnOf<N extends WireName> = ReturnType<Wire[N]>;

/** Who sent a message, as the browser says (runtime.MessageSender, the fields Scopekeeper reads). */
export interface WireSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

/** A request as a receiver gets it. */
export interface WireMessage<D> {
  id: number;
  type: string;
  data: D;
  timestamp: number;
  sender: WireSender;
}

type Listener = (message: unknown, sender: WireSender, sendResponse: (answer: unknown) => void) => unknown;

/** The part of the browser's API the wire uses (a unit test passes its own). */
export interface WireApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
  };
  tabs?: { sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown> };
}

/** Where a message to a tab goes: the tab, or one frame of it. */
export type WireTarget = number | { tabId: number; frameId?: number };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** An error as it crosses the wire (its name and message; no stack, nothing else of the receiver). */
function errorOf(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

export function createWire<M extends Record<string, (data: never) => unknown>>(api: () => WireApi) {
  type Name = keyof M & string;
  type Handler<N extends Name> = (message: WireMessage<Parameters<M[N]>[0]>) => unknown;
  const handlers = new Map<string, Handler<Name>>();
  let nextId = Math.floor(Math.random() * 10_000);
  let root: Listener | undefined;

  /**
   * The one listener of this context: a request of a type with a handler is answered (return `true` and
   * `sendResponse`, which Chromium and Firefox both keep the channel open for); anything else is left to
   * other listeners.
   */
  const listener: Listener = (message, sender, sendResponse) => {
    if (!isRecord(message) || typeof message.type !== 'string' || typeof message.timestamp !== 'number')
      return undefined;
    const handler = handlers.get(message.type);
    if (!handler) return undefined;
    Promise.resolve()
      .then(() => handler({ ...(message as Omit<WireMessage<never>, 'sender'>), sender }))
      .then(
        (res) => sendResponse({ res }),
        (error: unknown) => sendResponse({ err: errorOf(error) }),
      );
    return true;
  };

  return {
    /** Sends to the background and extension pages, or (with a target) to a tab's content script. */
    async sendMessage<N extends Name>(
      type: N,
      data: Parameters<M[N]>[0],
      target?: WireTarget,
    ): Promise<Awaited<ReturnType<M[N]>>> {
      const message = { id: nextId++, type, data, timestamp: Date.now() };
      const { runtime, tabs } = api();
      let answer: unknown;
      if (target === undefined) answer = await runtime.sendMessage(message);
      else {
        if (!tabs) throw new Error('No tabs to send to here.');
        const { tabId, frameId } =
          typeof target === 'number' ? { tabId: target, frameId: undefined } : target;
        answer = await tabs.sendMessage(tabId, message, frameId !== undefined ? { frameId } : undefined);
      }
      // Nobody answered (no receiver of this type there, or it did not answer).
      if (!isRecord(answer)) throw new Error('No response');
      if (answer.err != null) {
        const err = isRecord(answer.err) ? answer.err : {};
        const error = new Error(typeof err.message === 'string' ? err.message : 'The receiver failed');
        if (typeof err.name === 'string') error.name = err.name;
        throw error;
      }
      return answer.res as Awaited<ReturnType<M[N]>>;
    },

    /** Answers one type of request in this context (one handler per type); returns its removal. */
    onMessage<N extends Name>(type: N, handler: Handler<N>): () => void {
      if (handlers.has(type)) throw new Error(`Only one listener per context for ${type}.`);
      handlers.set(type, handler as Handler<Name>);
      if (!root) {
        root = listener;
        api().runtime.onMessage.addListener(root);
      }
      return () => {
        if (handlers.get(type) !== handler) return;
        handlers.delete(type);
        if (handlers.size === 0 && root) {
          api().runtime.onMessage.removeListener(root);
          root = undefined;
        }
      };
    },
  };
}

type ProtocolWire = { [N in WireName]: (data: DataOf<N>) => ReturnOf<N> };

const wire = createWire<ProtocolWire>(() => browser as unknown as WireApi);

export const sendMessage = wire.sendMessage;
export const onMessage = wire.onMessage;

/** What a content script may send: only the messages the protocol gives content scripts. */
export const sendFromContent = <N extends MessagesFrom<'content'>>(name: N, data: RequestOf<N>) =>
  (wire.sendMessage as (name: N, data: RequestOf<N>) => Promise<Reply<N>>)(name, data);

/** The long-lived connection over which the background pushes a tab's state to its panel. */
export const PANEL_PORT = 'scopekeeper-panel';

/** A panel's port is named with the token from its URL (`scopekeeper-panel:<token>`; none: empty). */
export const panelPortName = (token: string) => `${PANEL_PORT}:${token}`;

/** The token a panel port presents ('' when none); undefined when the port is not a panel's. */
export function panelTokenOfPort(name: string): string | undefined {
  if (name === PANEL_PORT) return '';
  return name.startsWith(`${PANEL_PORT}:`)
    ? name.slice(PANEL_PORT.length + 1, PANEL_PORT.length + 65)
    : undefined;
}
