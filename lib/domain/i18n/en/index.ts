import type { EvidenceCode } from '../../checklists/evidence-seen';
import { f, type Facts } from '../facts';
import { chainBreak, problems } from './problems';
import { ledgerTrust } from './ledger-trust';
import { panelSafety } from './panel-safety';
import { watch } from './watch';
import { review } from './review';
import { panelLists } from './panel-lists';
import { durability } from './durability';
import { importProgress } from './import-progress';
import { incident } from './incident';
import { watchTransfer } from './watch-transfer';
import { screens } from './screens';
import { changes } from './changes';
import { overview } from './overview';
import { reviewReport } from './review-report';
import { teamLedger } from './team-ledger';
import { teamAdmin } from './team-admin';

export type Screens = typeof screens;

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
  'unknown-listed': (x) => `Found at the start: ${f(x, 'count')} with access that no record approves.`,
  'partners-absent': (x) => `None of the ${f(x, 'count')} partner(s) is listed on Partners.`,
  'unknown-absent': (x) => `The lists read in full show none of the ${f(x, 'count')} unknown one(s).`,
  'incident-documented': (x) => `What happened was recorded on ${f(x, 'date')}.`,
  'review-decided': (x) => `The access review has a decision for each of its ${f(x, 'count')} access(es).`,
  'review-removals-verified': (x) =>
    `Every removal decided in the access review (${f(x, 'count')}) was seen gone on the page.`,
  'review-report': (x) => `The access review’s report was produced ${f(x, 'date')}.`,
};

/**
 * Scopekeeper's own words in English: every screen (panel, popup, options), every outcome and problem,
 * the notifications. The other languages are typed by this one (`Catalogue`), so a missing or extra key
 * fails the build. Meta's words are not here: they live once in the lexicon.
 */
export const en = {
  problems,
  chainBreak,
  evidence,
  notifications: {
    moreTitle: (n: number) => `${n} more reminders`,
    moreMessage: 'Open Scopekeeper from the toolbar to see everything that is due.',
  },
  ...screens,
  ledgerTrust,
  panelSafety,
  watch,
  review,
  panelLists,
  durability,
  importProgress,
  changes,
  overview,
  reviewReport,
  incident,
  watchTransfer,
  teamLedger,
  teamAdmin,
};
