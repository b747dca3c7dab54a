import type { ProblemText, ReportProblemText } from '../en/problems';
import { f } from '../facts';

const listName: Record<string, string> = {
  grants: 'Fiche d’accès',
  decisions: 'Décision',
  checklistRuns: 'Liste de contrôle',
  baselines: 'État de référence de l’entreprise',
  changes: 'Changement',
};
const watchSize: Record<string, string> = {
  businesses: 'entreprises',
  rows: 'lignes de changements',
  principals: 'personnes et partenaires',
  assets: 'actifs d’un même titulaire',
  'asset-pages': 'pages d’actifs',
};
export const chainBreak = {
  'other-ledger': 'elle appartient à un autre registre',
  'prev-hash': 'son prevHash ne désigne pas la décision précédente',
  hash: 'son contenu ne correspond pas à son hash (elle a été modifiée)',
};

/** The problems a page's report can be answered with (see en/problems.ts). */
export const reportProblems: ReportProblemText = {
  'invalid-request': (x) =>
    `La demande a été refusée : le champ « ${f(x, 'field')} » manque ou n’est pas valide.`,
  'sender-not-allowed': () => 'Cette modification n’est acceptée que depuis les pages de Scopekeeper.',
  'unknown-message': () => 'Scopekeeper n’a pas compris la demande.',
  internal: (x) =>
    `Un problème est survenu dans Scopekeeper (${f(x, 'message')}). Rien n’a été modifié ; réessayez.`,
  'snapshot-no-tab': () => 'Les instantanés ne sont acceptés que depuis un onglet.',
  'snapshot-other-origin': () => 'L’instantané désigne un autre site que son onglet.',
  'snapshot-not-business': () => 'L’instantané ne vient pas de business.facebook.com.',
};

/** Every problem in French (see en/problems.ts). */
export const problems: ProblemText = {
  ...reportProblems,
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
  'import-chains-interleaved': () => 'Les décisions d’un même registre ne sont pas regroupées dans l’ordre.',
  'import-chain-broken': (x) =>
    `La chaîne du registre ${f(x, 'ledgerId')} est rompue à la décision ${f(x, 'id')} (n° ${f(x, 'number')} de ce registre) : ${chainBreak[f(x, 'reason') as keyof typeof chainBreak] ?? f(x, 'reason')}. Rien n’a été importé.`,
  'import-chain-head-wrong': () =>
    'Le chainHead du fichier n’est pas le hash de la dernière décision de son propre registre.',
  'import-chain-head-missing': () => 'Le chainHead du fichier manque.',
  'import-chain-conflict': (x) =>
    `Conflit : la décision n° ${f(x, 'number')} du registre ${f(x, 'ledgerId')} (${f(x, 'id')}) diffère de celle déjà enregistrée (${f(x, 'held')}). Une chaîne ne peut qu’être prolongée : rien n’a été importé.`,
  'import-chain-gap': (x) =>
    `Le fichier prolonge le registre ${f(x, 'ledgerId')} à partir d’une décision que cette installation n’a pas (avant ${f(x, 'id')}) : importez d’abord les décisions antérieures de ce registre. Rien n’a été importé.`,
  'import-decision-elsewhere': (x) => `La décision ${f(x, 'id')} figure déjà dans une autre chaîne.`,
  'review-beyond-max': (x) =>
    `Un constat peut être accepté pour ${f(x, 'days')} jours au plus (jusqu’au ${f(x, 'date')}) ; revoyez-le alors.`,
  'import-time-future': (x) =>
    `${listName[f(x, 'list')] ?? 'Le fichier'} ${f(x, 'id')} : ${f(x, 'field')} vaut ${f(x, 'value')}, plus tard que maintenant. Rien n’a été importé.`,
  'import-date-far': (x) =>
    `${listName[f(x, 'list')] ?? 'Enregistrement'} ${f(x, 'id')} : ${f(x, 'field')} vaut ${f(x, 'value')}, après le ${f(x, 'limit')}. Rien n’a été importé.`,
  'import-review-beyond-max': (x) =>
    `La décision ${f(x, 'id')} accepte un constat jusqu’au ${f(x, 'date')}, plus que le maximum de ${f(x, 'days')} jours (${f(x, 'cap')}). Rien n’a été importé.`,
  'import-signature-missing': (x) =>
    `La décision ${f(x, 'id')} du registre ${f(x, 'ledgerId')} n’est pas signée, alors que ce registre signe ses décisions. Rien n’a été importé.`,
  'import-own-chain-forged': (x) =>
    `Le fichier ajoute la décision ${f(x, 'id')} au registre de cette installation, mais cette installation ne l’a pas signée. Rien n’a été importé.`,
  'import-signature-bad': (x) =>
    `La signature de la décision ${f(x, 'id')} du registre ${f(x, 'ledgerId')} ne correspond pas à sa clé. Rien n’a été importé.`,
  'import-chain-head-signature': () =>
    'La tête de chaîne du fichier n’est pas signée par la clé que porte le fichier. Rien n’a été importé.',
  'panel-not-ours': () =>
    'Ce panneau n’a pas été ouvert par Scopekeeper sur cette page : il n’affiche rien et ne peut rien modifier.',
  'undo-unavailable': () =>
    'Cette action ne peut plus être annulée (elle a changé depuis, ou Scopekeeper a redémarré). Modifiez-la à la main.',
  'import-invalid-watch': (x) =>
    `${f(x, 'list') === 'changes' ? 'Changement' : 'État de référence'} n° ${f(x, 'number')} (entreprise ${f(x, 'business')}) : ${f(x, 'field')} manque ou n’est pas valide (${f(x, 'issue')}). Rien n’a été importé.`,
  'import-watch-too-large': (x) =>
    `Les états de référence et changements du fichier sont trop volumineux : ${f(x, 'count')} ${watchSize[f(x, 'what')] ?? f(x, 'what')} (au plus ${f(x, 'limit')})${f(x, 'business') !== '-' ? ` dans l’état de référence de l’entreprise ${f(x, 'business')}` : ''}. Rien n’a été importé.`,
  'import-watch-signature': () =>
    'Les états de référence et changements du fichier ne sont pas signés par la clé que porte le fichier (ils ont été modifiés après l’export). Rien n’a été importé.',
  'review-missing': () => 'Cette revue des accès n’existe plus.',
  'review-open-exists': () =>
    'Une revue des accès de cette entreprise est déjà ouverte : terminez-la d’abord.',
  'review-finished': () => 'Cette revue des accès est validée : ses décisions ne peuvent plus changer.',
  'review-unknown-item': () => 'Cet accès ne fait pas partie de la revue.',
  'review-rationale-required': () =>
    'Dites pourquoi : une réduction ou une révocation demande une justification.',
  'review-reduce-empty': () => 'Dites quoi retirer : des tâches, des ressources ou un accès moindre.',
  'review-undecided-items': (x) =>
    `${f(x, 'count')} accès n’ont pas encore de décision : décidez de chacun avant de valider.`,
  'review-changed': () =>
    'La revue a changé entre-temps (un autre onglet ou une lecture de page). Réessayez.',
  'import-preview-gone': () =>
    'L’aperçu du fichier n’est plus disponible (il a été importé ou annulé, il a expiré, ou Scopekeeper a redémarré). Choisissez à nouveau le fichier. Rien n’a été importé.',
};
