import type { EvidenceCode } from '../../checklists/evidence-seen';
import type { ProblemCode } from '../../problems';
import { f, type Facts } from '../facts';
import { screens } from './screens';

export type Screens = typeof screens;

/**
 * Scopekeeper's own words in English: every screen (panel, popup, options), every outcome and problem,
 * the notifications. The other languages are typed by this one (`Catalogue`), so a missing or extra key
 * fails the build. Meta's words are not here: they live once in the lexicon.
 */
const chainBreak = {
  'other-ledger': 'it belongs to another ledger',
  'prev-hash': 'its prevHash does not name the decision before it',
  hash: 'its content does not match its hash (it was changed)',
};
const listName: Record<string, string> = {
  grants: 'Grant',
  decisions: 'Decision',
  checklistRuns: 'Checklist run',
};
type ProblemText = Record<ProblemCode, (facts?: Facts) => string>;
export type EvidenceText = Record<EvidenceCode, (facts?: Facts) => string>;

/** What a checklist step's evidence showed (lib/domain/checklists/evidence-seen.ts). */
const evidence: EvidenceText = {
  'case-recorded': () => 'The case was recorded when the checklist started.',
  'business-id-known': (x) => `Business ID ${f(x, 'businessId')}.`,
  'listed-pending': () => 'Listed as pending on People.',
  'listed-accepted-already': () => 'Listed on People (the invitation was accepted).',
  'listed-accepted': () => 'Listed on People without “pending”.',
  'least-role-assets': (x) => `No full control on ${f(x, 'count')} asset(s).`,
  'least-role-business': () => 'Listed without full control of the business.',
  'holds-assets': (x) => `Holds ${f(x, 'assets')}.`,
  'matches-record': (x) => `The ${f(x, 'count')} asset(s) shown match the record.`,
  'record-with-end-date': (x) => `Recorded until ${f(x, 'date')}.`,
  'partner-absent': () => 'No longer listed on Partners.',
  'people-absent': (x) => `None of the ${f(x, 'count')} person(s) is listed on People.`,
  'system-users-absent': (x) => `None of the ${f(x, 'count')} system user(s) is listed.`,
  'asset-roles-absent': () => 'No asset role of theirs is shown any more.',
  'removal-verified': () => 'The lists read in full show none of them.',
  'removal-verified-again': () => 'A week later the lists still show none of them.',
  'export-since-start': (x) => `Ledger exported ${f(x, 'date')}.`,
  'end-dates-set': (x) => `All ${f(x, 'count')} recorded grant(s) have an end date.`,
  'decision-since-start': () => 'Decisions were recorded during the review.',
};

export const en = {
  problems: {
    'invalid-request': (x?: Facts) =>
      `The request was refused: the field “${f(x, 'field')}” is missing or not valid.`,
    'sender-not-allowed': () => 'This change is accepted from Scopekeeper’s own pages only.',
    'unknown-message': () => 'Scopekeeper did not understand the request.',
    internal: (x) =>
      `Something went wrong in Scopekeeper (${f(x, 'message')}). Nothing was changed; try again.`,
    'snapshot-no-tab': () => 'Snapshots are only accepted from a tab.',
    'snapshot-other-origin': () => 'The snapshot names another site than its tab.',
    'snapshot-not-business': () => 'The snapshot is not from business.facebook.com.',
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
    'import-not-json': () =>
      'The file is not complete JSON (it may be truncated or not a Scopekeeper export).',
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
    'import-chain-head-wrong': () =>
      'The file’s chainHead is not the hash of its own ledger’s last decision.',
    'import-chain-head-missing': () => 'The file’s chainHead is missing.',
    'import-chain-conflict': (x) =>
      `Conflict: decision #${f(x, 'number')} of ledger ${f(x, 'ledgerId')} (${f(x, 'id')}) differs from the one already held (${f(x, 'held')}). A chain may only be extended, so nothing was imported.`,
    'import-decision-elsewhere': (x) => `Decision ${f(x, 'id')} is already held in another chain.`,
  } as ProblemText,
  chainBreak,
  evidence,
  notifications: {
    moreTitle: (n: number) => `${n} more reminders`,
    moreMessage: 'Open Scopekeeper from the toolbar to see everything that is due.',
  },
  ...screens,
};
