import { browser } from 'wxt/browser';
import { pickUiLocale, type UiLocale } from '../domain/locales';
import type { MessageName, MessagesFrom, Reply, RequestOf } from '../domain/protocol';
import { keyedMessages } from '../domain/protocol-keys';
import {
  isTransferLost,
  isTransferOffer,
  PART_CHARS,
  splitParts,
  type TransferRef,
} from '../domain/transfer';
import { sendMessage } from './messaging';

/**
 * How an extension page asks the background, without the protocol's schemas (issue 12, item 4): the options,
 * overview and review pages check each answer with zod (page-api.ts); the panel, which loads on the admin's
 * page and must be there with the rows, trusts its background's answers as it trusts its states
 * (panel-connection.ts) and carries no zod.
 */

/** What an extension page (panel, popup, options) may ask the background, typed by the protocol. */
export type Ask = <N extends MessagesFrom<'page'>>(name: N, data: RequestOf<N>) => Promise<Reply<N>>;

/** What a page makes of an answer: checked (page-api.ts) or taken as the background's own (the panel). */
export type ReadReply = <N extends MessageName>(name: N, raw: unknown) => Reply<N>;

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
 * Sends a request from an extension page and reads the answer with `read`; a lost worker is a problem too.
 * A command that writes (`keyedMessages`) gets its idempotency key here, once per call (one call is one user
 * action), and is sent again with the same key when its answer is lost: the background answers a key it
 * already carried out with its first answer, so the retry never writes twice.
 */
export function createAsk(read: ReadReply): Ask {
  return async (name, data) => {
    const request =
      keyed.has(name) && typeof data === 'object' && data !== null && !('commandKey' in data)
        ? { ...data, commandKey: crypto.randomUUID() }
        : data;
    let lost: unknown;
    for (let attempt = 0; attempt <= (keyed.has(name) ? RETRIES : 0); attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_MS * attempt));
      try {
        return read(name, await send(name, request));
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
}

/**
 * An answer from the background taken as it is, its envelope checked by hand (the panel's). Only the
 * extension's own contexts answer an extension page's runtime message (a page cannot), and the background
 * typed it by the protocol; anything but an envelope is an internal problem, as the checked path says.
 */
export const trustReply: ReadReply = (name, raw) => {
  const reply = raw as { ok?: unknown; value?: unknown; error?: { code?: unknown } } | null | undefined;
  if (reply?.ok === true && 'value' in reply) return reply as Reply<typeof name>;
  if (reply?.ok === false && typeof reply.error?.code === 'string') return reply as Reply<typeof name>;
  return { ok: false, error: { code: 'internal', facts: { message: `unexpected answer to ${name}` } } };
};

/** The admin's language on Scopekeeper's pages: the browser's, when Scopekeeper speaks it. */
export function uiLocale(): UiLocale {
  return pickUiLocale(browser.i18n?.getUILanguage?.());
}
