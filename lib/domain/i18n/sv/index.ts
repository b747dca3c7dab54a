import type { EvidenceText } from '../en/index';
import type { Catalogue } from '../shape';
import { f } from '../facts';
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

// Counts go at the end or in brackets, so that one wording fits one and many.
const evidence: EvidenceText = {
  'case-recorded': () => 'Ärendet dokumenterades när checklistan startades.',
  'business-id-known': (x) => `Företags-ID ${f(x, 'businessId')}.`,
  'listed-pending': () => 'Visas som väntande under Personer.',
  'listed-accepted-already': () => 'Visas under Personer (inbjudan har accepterats).',
  'listed-accepted': () => 'Visas under Personer utan ”väntande”.',
  'least-role-assets': (x) => `Tillgångar utan full kontroll: ${f(x, 'count')}.`,
  'least-role-business': () => 'Visas utan full kontroll över företaget.',
  'holds-assets': (x) => `Har åtkomst till ${f(x, 'assets')}.`,
  'matches-record': (x) => `Tillgångarna som visas stämmer med posten (${f(x, 'count')}).`,
  'record-with-end-date': (x) => `Dokumenterad till ${f(x, 'date')}.`,
  'partner-absent': () => 'Visas inte längre under Partner.',
  'people-absent': (x) => `Ingen av de namngivna personerna visas under Personer (${f(x, 'count')}).`,
  'system-users-absent': (x) => `Ingen av de namngivna systemanvändarna visas längre (${f(x, 'count')}).`,
  'asset-roles-absent': () => 'Ingen av deras roller för tillgångar visas längre.',
  'removal-verified': () => 'Listorna, lästa i sin helhet, visar ingen av dem.',
  'removal-verified-again': () => 'En vecka senare visar listorna fortfarande ingen av dem.',
  'export-since-start': (x) => `Liggaren exporterades ${f(x, 'date')}.`,
  'end-dates-set': (x) => `Alla dokumenterade åtkomster har ett slutdatum (${f(x, 'count')}).`,
  'decision-since-start': () => 'Beslut registrerades under granskningen.',
  'unknown-listed': (x) => `Hittade vid starten, med åtkomst som ingen post godkänner: ${f(x, 'count')}.`,
  'partners-absent': (x) => `Ingen av de namngivna partnerna visas under Partner (${f(x, 'count')}).`,
  'unknown-absent': (x) => `Listorna, lästa i sin helhet, visar ingen av de okända (${f(x, 'count')}).`,
  'incident-documented': (x) => `Det som hände registrerades ${f(x, 'date')}.`,
  'review-decided': (x) =>
    `Åtkomstgranskningen har ett beslut för var och en av sina åtkomster (${f(x, 'count')}).`,
  'review-removals-verified': (x) =>
    `Varje borttagning som beslutades i granskningen (${f(x, 'count')}) syntes borta på sidan.`,
  'review-report': (x) => `Granskningens rapport togs fram ${f(x, 'date')}.`,
};

/** Scopekeeper's own words in Swedish (see en.ts). */
export const sv: Catalogue = {
  problems,
  chainBreak,
  evidence,
  notifications: {
    moreTitle: (n) => `${n} påminnelser till`,
    moreMessage: 'Öppna Scopekeeper i verktygsfältet för att se allt som förfaller.',
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
