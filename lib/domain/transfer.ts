/**
 * Chromium refuses an extension message over 64 MiB ("Message exceeded maximum allowed size of 64MiB"),
 * and a ledger Scopekeeper holds can export to more than that (100,000 realistic decisions are ~62 MB of
 * JSON, more once escaped into a message). A request or an answer larger than one part travels in parts:
 * the page sends `uploadPart`s and then the message with a reference in place of its data; the background
 * answers with an offer, and the page fetches the answer's parts with `downloadPart`. Parts are kept in the
 * worker's memory only: a worker stopped in the middle loses them, and the page sends the whole again.
 */

/** Characters per part: even all escaped (\uXXXX is 6 bytes) a part stays well under the limit. */
export const PART_CHARS = 8 * 1024 * 1024;
/** At most this many parts (512 MiB of text): far above the import limit. */
export const MAX_PARTS = 64;

/** In place of a request's data: "the data is the upload with this id". */
export interface TransferRef {
  scopekeeperTransfer: string;
}
/** In place of an answer: "the answer waits in this many parts". */
export interface TransferOffer {
  scopekeeperTransfer: string;
  parts: number;
}
/** The upload a reference named is gone (the worker restarted): send it all again. */
export interface TransferLost {
  scopekeeperTransferLost: true;
}

export const isTransferRef = (value: unknown): value is TransferRef =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<TransferRef>).scopekeeperTransfer === 'string' &&
  !('parts' in value);

export const isTransferOffer = (value: unknown): value is TransferOffer =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<TransferOffer>).scopekeeperTransfer === 'string' &&
  Number.isInteger((value as Partial<TransferOffer>).parts);

export const isTransferLost = (value: unknown): value is TransferLost =>
  typeof value === 'object' &&
  value !== null &&
  (value as Partial<TransferLost>).scopekeeperTransferLost === true;

/** A text in parts of at most `PART_CHARS` characters. */
export function splitParts(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += PART_CHARS)
    parts.push(text.slice(start, start + PART_CHARS));
  return parts.length > 0 ? parts : [''];
}
