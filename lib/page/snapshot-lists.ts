/**
 * The lists of a snapshot's values the page itself needs (lib/domain/snapshot.ts): the page kinds, which the
 * diagnostics outline names. Data only: the content script's build reads them from `_locales` with the
 * reader's words (page-data.ts); everything else imports them from lib/domain. (The other lists went with
 * the check of what the page sends, now the background's: lib/domain/snapshot-normalize.ts.)
 */
export { pageKinds } from '../domain/snapshot';
