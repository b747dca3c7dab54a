import { browser } from 'wxt/browser';
import { pickUiLocale, type UiLocale } from '../domain/locales';
import { keyedMessages, parseReply, type MessagesFrom, type Reply, type RequestOf } from '../domain/protocol';
import {
  isTransferLost,
  isTransferOffer,
  PART_CHARS,
  splitParts,
  type TransferRef,
} from '../domain/transfer';
import { sendMessage } from './messaging';

/** What an extension page (panel, popup, options) may ask the background, typed by the protocol. */
export type Ask = <N extends MessagesFrom<'page'>>(name: N, data: RequestOf<N>) => Promise<Reply<N>>;

/** How often a keyed command is sent again when its answer is lost (the worker stopped under it). */
const RETRIES = 4;
const RETRY_MS = 400;

const keyed = new Set<string>(keyedMessages);

const sendOne = (name: string, data: unknown) =>
  (sendMessage as (n: string, d: unknown) => Promise<unknown>)(name, data);

/** A reply that must be there: a refusal or nothing (the worker restarted between parts) throws. */
async function sendPart(name: 'uploadPart' | 'downloadPart', data: unknown): Promise<unknown> {
  const reply = (await sendOne(name, data)) as { ok?: boolean; value?: unknown } | undefined;
  if (reply?.ok !== true) throw new Error(`${name} lost`);
  return reply.value;
}

/**
 * Sends once; a lost answer (no worker, a worker stopped under the message) throws. A request or answer
 * too large for one message (Chromium's 64 MiB) travels in parts (lib/domain/transfer.ts); parts lost to
 * a restarted worker throw too, so the whole is sent again.
 */
async function send(name: string, data: unknown): Promise<unknown> {
  const text = JSON.stringify(data);
  let wire = data;
  if (text.length > PART_CHARS) {
    const transfer = crypto.randomUUID();
    const parts = splitParts(text);
    for (const [index, part] of parts.entries())
      await sendPart('uploadPart', { transfer, index, count: parts.length, text: part });
    wire = { scopekeeperTransfer: transfer } satisfies TransferRef;
  }
  const reply = await sendOne(name, wire);
  if (isTransferLost(reply)) throw new Error('the request was lost with a restarted worker');
  if (!isTransferOffer(reply)) return reply;
  const parts: string[] = [];
  for (let index = 0; index < reply.parts; index += 1) {
    const part = (await sendPart('downloadPart', { transfer: reply.scopekeeperTransfer, index })) as {
      text?: unknown;
    };
    if (typeof part?.text !== 'string') throw new Error('downloadPart lost');
    parts.push(part.text);
  }
  return JSON.parse(parts.join('')) as unknown;
}

/**
 * Sends a request from an extension page and checks the answer's shape; a lost worker is a problem too.
 * A command that writes (protocol.ts `keyedMessages`) gets its idempotency key here, once per call (one
 * call is one user action), and is sent again with the same key when its answer is lost: the background
 * answers a key it already carried out with its first answer, so the retry never writes twice.
 */
export const ask: Ask = async (name, data) => {
  const request =
    keyed.has(name) && typeof data === 'object' && data !== null && !('commandKey' in data)
      ? { ...data, commandKey: crypto.randomUUID() }
      : data;
  let lost: unknown;
  for (let attempt = 0; attempt <= (keyed.has(name) ? RETRIES : 0); attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_MS * attempt));
    try {
      return parseReply(name, await send(name, request));
    } catch (error) {
      lost = error;
    }
  }
  return {
    ok: false,
    error: {
      code: 'internal',
      facts: { message: lost instanceof Error ? lost.message.slice(0, 500) : 'no answer' },
    },
  };
};

/** The tab the popup was opened over (its id only: the "tabs" permission is not needed for that). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The admin's language on Scopekeeper's pages: the browser's, when Scopekeeper speaks it. */
export function uiLocale(): UiLocale {
  return pickUiLocale(browser.i18n?.getUILanguage?.());
}
