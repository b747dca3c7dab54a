import type { ProblemCode, ReportProblemCode } from '../../problems';
import { f, type Facts } from '../facts';

export type ProblemText = Record<ProblemCode, (facts?: Facts) => string>;
export type ReportProblemText = Pick<ProblemText, ReportProblemCode>;

const listName: Record<string, string> = {
  grants: 'Grant',
  decisions: 'Decision',
  checklistRuns: 'Checklist run',
  baselines: 'Baseline of business',
  changes: 'Change',
};
const watchSize: Record<string, string> = {
  businesses: 'businesses',
  rows: 'change rows',
  principals: 'principals',
  assets: 'assets of one principal',
  'asset-pages': 'asset pages',
};
export const chainBreak = {
  'other-ledger': 'it belongs to another ledger',
  'prev-hash': 'its prevHash does not name the decision before it',
  hash: 'its content does not match its hash (it was changed)',
};

/**
 * The problems the background can answer a page's report of what it read with (`ReportProblemCode`): the
 * content script says them on the page (lib/domain/i18n/on-page.ts) and carries no other problem's words.
 */
export const reportProblems: ReportProblemText = {
  'invalid-request': (x?: Facts) =>
    `The request was refused: the field “${f(x, 'field')}” is missing or not valid.`,
  'sender-not-allowed': () => 'This change is accepted from Scopekeeper’s own pages only.',
  'unknown-message': () => 'Scopekeeper did not understand the request.',
  internal: (x) =>
    `Something went wrong in Scopekeeper (${f(x, 'message')}). Nothing was changed; try again.`,
  'snapshot-no-tab': () => 'Snapshots are only accepted from a tab.',
  'snapshot-other-origin': () => 'The snapshot names another site than its tab.',
  'snapshot-not-business': () => 'The snapshot is not from business.facebook.com.',
};

/**
 * Every problem (lib/domain/problems.ts) in English. Its own module, so that the content script can say why
 * the background refused what it read without carrying the words of every screen (lib/domain/i18n/on-page.ts).
 */
export const problems: ProblemText = {
  ...reportProblems,
  'grant-missing': () => 'That grant record no longer exists.',
  'end-date-required': () => 'An end date is required for a third party.',
  'end-before-start': () => 'The end date is before the start date.',
  'end-beyond-max': (x) =>
    `The end date may be at most ${f(x, 'days')} days after the start (${f(x, 'date')}).`,
  'extend-not-later': (x) => `The new end date must be after ${f(x, 'date')}.`,
  'extend-beyond-max': (x) =>
    `An extension may reach at most ${f(x, 'days')} days from today (${f(x, 'date')}).`,
  'review-date-past': () => 'The review date must be in the future.',
  'who-email': () => 'Enter the e-mail address the invitation goes to.',
  'who-business-id': () => 'Enter the partner’s Business ID (5 to 20 digits).',
  'run-missing': () => 'That checklist no longer exists.',
  'run-closed': () => 'That step cannot change (the checklist is finished).',
  'run-already-finished': () => 'That checklist is already finished.',
  'run-is-record': () => 'A finished checklist is part of the record.',
  'steps-open': (x) => `Steps still open: ${f(x, 'steps')}.`,
  'import-too-large': (x) => `The file is ${f(x, 'megabytes')} MB; the limit is ${f(x, 'limit')} MB.`,
  'import-not-json': () => 'The file is not complete JSON (it may be truncated or not a Scopekeeper export).',
  'import-not-export': () =>
    'This is not a Scopekeeper ledger export (its "format" is not "scopekeeper-ledger").',
  'import-version': (x) => `This export has version ${f(x, 'version')}; this Scopekeeper reads version 1.`,
  'import-invalid-record': (x) =>
    `${listName[f(x, 'list')] ?? 'Record'} #${f(x, 'number')} ${f(x, 'id')}: ${f(x, 'field')} is missing or not valid (${f(x, 'issue')}).`,
  'import-invalid-file': (x) => `The file’s ${f(x, 'field')} is missing or not valid (${f(x, 'issue')}).`,
  'import-repeated-id': (x) =>
    `${listName[f(x, 'list')] ?? 'Record'} ${f(x, 'id')} appears twice in the file.`,
  'import-chains-interleaved': () => 'The decisions of one ledger are not listed together, in order.',
  'import-chain-broken': (x) =>
    `The chain of ledger ${f(x, 'ledgerId')} breaks at decision ${f(x, 'id')} (#${f(x, 'number')} of that ledger): ${chainBreak[f(x, 'reason') as keyof typeof chainBreak] ?? f(x, 'reason')}. Nothing was imported.`,
  'import-chain-head-wrong': () => 'The file’s chainHead is not the hash of its own ledger’s last decision.',
  'import-chain-head-missing': () => 'The file’s chainHead is missing.',
  'import-chain-conflict': (x) =>
    `Conflict: decision #${f(x, 'number')} of ledger ${f(x, 'ledgerId')} (${f(x, 'id')}) differs from the one already held (${f(x, 'held')}). A chain may only be extended, so nothing was imported.`,
  'import-chain-gap': (x) =>
    `The file continues ledger ${f(x, 'ledgerId')} from a decision this installation does not hold (before ${f(x, 'id')}): import that ledger’s earlier decisions first. Nothing was imported.`,
  'import-decision-elsewhere': (x) => `Decision ${f(x, 'id')} is already held in another chain.`,
  'review-beyond-max': (x) =>
    `A finding may be accepted for at most ${f(x, 'days')} days (until ${f(x, 'date')}); review it again then.`,
  'import-time-future': (x) =>
    `${listName[f(x, 'list')] ?? 'The file'} ${f(x, 'id')}: ${f(x, 'field')} is ${f(x, 'value')}, later than now. Nothing was imported.`,
  'import-date-far': (x) =>
    `${listName[f(x, 'list')] ?? 'Record'} ${f(x, 'id')}: ${f(x, 'field')} is ${f(x, 'value')}, after ${f(x, 'limit')}. Nothing was imported.`,
  'import-review-beyond-max': (x) =>
    `Decision ${f(x, 'id')} accepts a finding until ${f(x, 'date')}, longer than the maximum of ${f(x, 'days')} days (${f(x, 'cap')}). Nothing was imported.`,
  'import-signature-missing': (x) =>
    `Decision ${f(x, 'id')} of ledger ${f(x, 'ledgerId')} is not signed, though that ledger signs its decisions. Nothing was imported.`,
  'import-own-chain-forged': (x) =>
    `The file adds decision ${f(x, 'id')} to this installation’s own ledger, but this installation did not sign it. Nothing was imported.`,
  'import-signature-bad': (x) =>
    `The signature of decision ${f(x, 'id')} of ledger ${f(x, 'ledgerId')} does not match its key. Nothing was imported.`,
  'import-chain-head-signature': () =>
    'The file’s chain head is not signed by the key the file carries. Nothing was imported.',
  'panel-not-ours': () =>
    'This panel was not opened by Scopekeeper on this page: it is shown nothing and can change nothing.',
  'undo-unavailable': () =>
    'This can no longer be undone (it changed since, or Scopekeeper restarted). Change it by hand.',
  'import-invalid-watch': (x) =>
    `${f(x, 'list') === 'changes' ? 'Change' : 'Baseline'} #${f(x, 'number')} (business ${f(x, 'business')}): ${f(x, 'field')} is missing or not valid (${f(x, 'issue')}). Nothing was imported.`,
  'import-watch-too-large': (x) =>
    `The file’s baselines and changes are too large: ${f(x, 'count')} ${watchSize[f(x, 'what')] ?? f(x, 'what')} (at most ${f(x, 'limit')})${f(x, 'business') !== '-' ? ` in the baseline of business ${f(x, 'business')}` : ''}. Nothing was imported.`,
  'import-watch-signature': () =>
    'The file’s baselines and changes are not signed by the key the file carries (they were changed after the export). Nothing was imported.',
  'review-missing': () => 'This access review no longer exists.',
  'review-open-exists': () => 'An access review of this business is already open: finish it first.',
  'review-finished': () => 'This access review is signed off: its decisions can no longer change.',
  'review-unknown-item': () => 'This access is not in the review’s scope.',
  'review-rationale-required': () => 'Say why: a reduce or a revoke needs a rationale.',
  'review-reduce-empty': () => 'Say what to remove: tasks, assets or a lower access.',
  'review-undecided-items': (x) =>
    `${f(x, 'count')} accesses have no decision yet: decide each before signing off.`,
  'review-changed': () => 'The review changed meanwhile (another tab, or a page read). Try again.',
  'import-preview-gone': () =>
    'The file’s preview is no longer there (it was imported or cancelled, it expired, or Scopekeeper restarted). Choose the file again. Nothing was imported.',
};
