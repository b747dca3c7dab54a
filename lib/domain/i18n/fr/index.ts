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
  'case-recorded': () => 'Le besoin a été noté au démarrage de la liste de contrôle.',
  'business-id-known': (x) => `ID d’entreprise ${f(x, 'businessId')}.`,
  'listed-pending': () => 'Apparaît en attente dans Personnes.',
  'listed-accepted-already': () => 'Apparaît dans Personnes (l’invitation a été acceptée).',
  'listed-accepted': () => 'Apparaît dans Personnes sans « en attente ».',
  'least-role-assets': (x) => `Ressources sans contrôle total : ${f(x, 'count')}.`,
  'least-role-business': () => 'Apparaît sans contrôle total de l’entreprise.',
  'holds-assets': (x) => `A accès à ${f(x, 'assets')}.`,
  'matches-record': (x) => `Les ressources affichées correspondent à l’enregistrement (${f(x, 'count')}).`,
  'record-with-end-date': (x) => `Enregistré jusqu’au ${f(x, 'date')}.`,
  'partner-absent': () => 'N’apparaît plus dans Partenaires.',
  'people-absent': (x) => `Aucune des personnes désignées n’apparaît dans Personnes (${f(x, 'count')}).`,
  'system-users-absent': (x) => `Aucun des utilisateurs système désignés n’apparaît plus (${f(x, 'count')}).`,
  'asset-roles-absent': () => 'Plus aucun de leurs rôles sur des ressources n’apparaît.',
  'removal-verified': () => 'Les listes, lues en entier, n’en montrent aucun.',
  'removal-verified-again': () => 'Une semaine plus tard, les listes n’en montrent toujours aucun.',
  'export-since-start': (x) => `Registre exporté le ${f(x, 'date')}.`,
  'end-dates-set': (x) => `Tous les accès enregistrés ont une date de fin (${f(x, 'count')}).`,
  'decision-since-start': () => 'Des décisions ont été enregistrées pendant la revue.',
  'unknown-listed': (x) =>
    `Trouvés au démarrage, avec un accès qu’aucun enregistrement n’approuve : ${f(x, 'count')}.`,
  'partners-absent': (x) => `Aucun des partenaires désignés n’apparaît dans Partenaires (${f(x, 'count')}).`,
  'unknown-absent': (x) => `Les listes, lues en entier, ne montrent aucun des inconnus (${f(x, 'count')}).`,
  'incident-documented': (x) => `Ce qui s’est passé a été enregistré le ${f(x, 'date')}.`,
  'review-decided': (x) => `La revue des accès a une décision pour chacun de ses accès (${f(x, 'count')}).`,
  'review-removals-verified': (x) =>
    `Chaque retrait décidé dans la revue (${f(x, 'count')}) a été vu disparu sur la page.`,
  'review-report': (x) => `Le rapport de la revue a été produit le ${f(x, 'date')}.`,
};

/** Scopekeeper's own words in French (see en.ts). */
export const fr: Catalogue = {
  problems,
  chainBreak,
  evidence,
  notifications: {
    moreTitle: (n) => `${n} autres rappels`,
    moreMessage: 'Ouvrez Scopekeeper depuis la barre d’outils pour voir tout ce qui arrive à échéance.',
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
