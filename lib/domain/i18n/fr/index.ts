import type { EvidenceText } from '../en/index';
import type { Catalogue } from '../shape';
import { f } from '../facts';
import { screens } from './screens';

const listName: Record<string, string> = {
  grants: 'Fiche d’accès',
  decisions: 'Décision',
  checklistRuns: 'Liste de contrôle',
};
const chainBreak = {
  'other-ledger': 'elle appartient à un autre registre',
  'prev-hash': 'son prevHash ne désigne pas la décision précédente',
  hash: 'son contenu ne correspond pas à son hash (elle a été modifiée)',
};
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
};

/** Scopekeeper's own words in French (see en.ts). */
export const fr: Catalogue = {
  problems: {
    'invalid-request': (x) =>
      `La demande a été refusée : le champ « ${f(x, 'field')} » manque ou n’est pas valide.`,
    'sender-not-allowed': () => 'Cette modification n’est acceptée que depuis les pages de Scopekeeper.',
    'unknown-message': () => 'Scopekeeper n’a pas compris la demande.',
    internal: (x) =>
      `Un problème est survenu dans Scopekeeper (${f(x, 'message')}). Rien n’a été modifié ; réessayez.`,
    'snapshot-no-tab': () => 'Les instantanés ne sont acceptés que depuis un onglet.',
    'snapshot-other-origin': () => 'L’instantané désigne un autre site que son onglet.',
    'snapshot-not-business': () => 'L’instantané ne vient pas de business.facebook.com.',
    'grant-missing': () => 'Cette fiche d’accès n’existe plus.',
    'end-date-required': () => 'Une date de fin est obligatoire pour un tiers.',
    'end-before-start': () => 'La date de fin précède la date de début.',
    'end-beyond-max': (x) =>
      `La date de fin peut être au plus ${f(x, 'days')} jours après le début (${f(x, 'date')}).`,
    'extend-not-later': (x) => `La nouvelle date de fin doit être postérieure au ${f(x, 'date')}.`,
    'extend-beyond-max': (x) =>
      `Une prolongation peut aller au plus à ${f(x, 'days')} jours d’aujourd’hui (${f(x, 'date')}).`,
    'review-date-past': () => 'La date de revue doit être dans le futur.',
    'who-email': () => 'Saisissez l’adresse e-mail à laquelle l’invitation est envoyée.',
    'who-business-id': () => 'Saisissez l’ID d’entreprise du partenaire (5 à 20 chiffres).',
    'run-missing': () => 'Cette liste de contrôle n’existe plus.',
    'run-closed': () => 'Cette étape ne peut plus changer (la liste est terminée).',
    'run-already-finished': () => 'Cette liste de contrôle est déjà terminée.',
    'run-is-record': () => 'Une liste terminée fait partie du registre.',
    'steps-open': (x) => `Étapes encore ouvertes : ${f(x, 'steps')}.`,
    'import-too-large': (x) =>
      `Le fichier fait ${f(x, 'megabytes')} Mo ; la limite est de ${f(x, 'limit')} Mo.`,
    'import-not-json': () =>
      'Le fichier n’est pas un JSON complet (il est peut-être tronqué ou n’est pas un export Scopekeeper).',
    'import-not-export': () =>
      'Ce n’est pas un export de registre Scopekeeper (son « format » n’est pas « scopekeeper-ledger »).',
    'import-version': (x) =>
      `Cet export est en version ${f(x, 'version')} ; cette version de Scopekeeper lit la version 1.`,
    'import-invalid-record': (x) =>
      `${listName[f(x, 'list')] ?? 'Élément'} n° ${f(x, 'number')} ${f(x, 'id')} : ${f(x, 'field')} manque ou n’est pas valide (${f(x, 'issue')}).`,
    'import-invalid-file': (x) =>
      `Le champ ${f(x, 'field')} du fichier manque ou n’est pas valide (${f(x, 'issue')}).`,
    'import-repeated-id': (x) =>
      `${listName[f(x, 'list')] ?? 'Élément'} ${f(x, 'id')} figure deux fois dans le fichier.`,
    'import-chains-interleaved': () =>
      'Les décisions d’un même registre ne sont pas regroupées dans l’ordre.',
    'import-chain-broken': (x) =>
      `La chaîne du registre ${f(x, 'ledgerId')} est rompue à la décision ${f(x, 'id')} (n° ${f(x, 'number')} de ce registre) : ${chainBreak[f(x, 'reason') as keyof typeof chainBreak] ?? f(x, 'reason')}. Rien n’a été importé.`,
    'import-chain-head-wrong': () =>
      'Le chainHead du fichier n’est pas le hash de la dernière décision de son propre registre.',
    'import-chain-head-missing': () => 'Le chainHead du fichier manque.',
    'import-chain-conflict': (x) =>
      `Conflit : la décision n° ${f(x, 'number')} du registre ${f(x, 'ledgerId')} (${f(x, 'id')}) diffère de celle déjà enregistrée (${f(x, 'held')}). Une chaîne ne peut qu’être prolongée : rien n’a été importé.`,
    'import-decision-elsewhere': (x) => `La décision ${f(x, 'id')} figure déjà dans une autre chaîne.`,
  },
  chainBreak,
  evidence,
  notifications: {
    moreTitle: (n) => `${n} autres rappels`,
    moreMessage: 'Ouvrez Scopekeeper depuis la barre d’outils pour voir tout ce qui arrive à échéance.',
  },
  ...screens,
};
