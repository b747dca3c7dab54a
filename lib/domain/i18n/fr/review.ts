import type { Catalogue } from '../shape';

/** Les mots du panneau pour les revues des accès (issue 14). */
export const review: Catalogue['review'] = {
  title: 'Revue des accès',
  start: 'Lancer une revue des accès',
  popupHint:
    'Décidez de chaque accès dans le panneau, sur Personnes, Partenaires ou Utilisateurs système de cette entreprise.',
  popupStarted:
    'La revue est ouverte : décidez de chaque accès dans le panneau, sur Personnes, Partenaires ou Utilisateurs système.',
  startHint:
    'Fige chaque personne, partenaire et utilisateur système que Scopekeeper a lus ici, avec chacun de leurs accès, pour une décision sur chacun.',
  progress: (decided: number, items: number) => `${decided} accès décidés sur ${items}`,
  completeness: (met: number, all: number) => `${met} pages sur ${all} lues en entier depuis le début`,
  complete: 'Périmètre complet : chaque page requise a été lue en entier depuis le début.',
  incomplete: 'Périmètre pas encore complet. Ouvrez ces pages et laissez-les se charger en entier :',
  list: { people: 'Personnes', partners: 'Partenaires', 'system-users': 'Utilisateurs système' },
  detail: (name: string) => `${name} : ouvrez ses détails`,
  delta: { new: 'Nouveau', changed: 'Modifié', unchanged: '' },
  removedSince: (n: number) => `${n} accès disparus depuis la dernière revue.`,
  portfolio: 'Portefeuille business',
  pending: 'en attente',
  level: {
    'full-control': 'Contrôle total',
    partial: 'Accès partiel',
    basic: 'Accès de base',
    'apps-integrations': 'Apps et intégrations',
    finance: 'Finances',
    unknown: 'Accès non affiché',
  },
  access: { full: 'Contrôle total', 'full-except-sensitive': 'Total, sauf sensible', partial: 'Partiel' },
  grant: (text: string, until: string | undefined) =>
    until ? `Enregistré : ${text} (jusqu’au ${until})` : `Enregistré : ${text}`,
  noGrant: 'Aucun accès enregistré',
  accepted: (rules: string) => `Alertes acceptées : ${rules}`,
  keep: 'Garder',
  reduce: 'Réduire',
  revoke: 'Révoquer',
  decided: { keep: 'Gardé', reduce: 'À réduire', revoke: 'À révoquer' },
  by: (who: string, date: string) => `par ${who}, ${date}`,
  rationale: 'Pourquoi',
  removeTasks: 'Tâches à retirer',
  lowerTo: 'Abaisser à',
  save: 'Enregistrer la décision',
  cancel: 'Annuler',
  select: 'Sélectionner',
  keepSelected: (n: number) => `Garder la sélection (${n})`,
  verified: (date: string, page: string) => `Retiré, vérifié le ${date} sur ${page}`,
  waiting: 'Désactivez-le dans les paramètres de l’entreprise : la prochaine lecture de la page le vérifie.',
  overdue: 'Toujours présent après 7 jours.',
  more: (n: number) => `${n} autres accès non affichés.`,
  signOffTitle: 'Valider',
  reviewer: 'Réviseur',
  role: 'Rôle',
  signOff: 'Valider la revue',
  finished: (who: string, role: string, date: string) => `Validée par ${who} (${role}), le ${date}.`,
  unverified: (n: number) => `${n} retrait(s) pas encore vérifié(s) sur la page.`,
  openReport: 'Le rapport pour l’auditeur (imprimer ou enregistrer en PDF)',
  report: 'Produire le rapport',
  reportHash: (hash: string) => `SHA-256 du rapport : ${hash}`,
  downloadCsv: 'Télécharger la liste (CSV)',
  downloadJson: 'Télécharger le rapport (JSON)',
  startPage: {
    title: 'Revue des accès',
    noBusiness:
      'Aucune entreprise n’est indiquée : ouvrez cette page depuis un rappel ou depuis la fenêtre de l’extension.',
    starting: 'Lancement de la revue des accès…',
    started: (date: string) =>
      `La revue des accès a commencé le ${date} : chaque personne, partenaire et utilisateur système lu ici en fait partie.`,
    resumed: (date: string) =>
      `Une revue des accès de cette entreprise est déjà ouverte (commencée le ${date}) : poursuivez-la.`,
    business: (id: string) => `ID d’entreprise ${id}`,
    decideHint:
      'Décidez de chaque accès dans le panneau, sur Personnes, Partenaires ou Utilisateurs système de cette entreprise.',
    openSettings: 'Ouvrir les paramètres de l’entreprise pour décider',
  },
  followUp: {
    revoke: (what: string) => `Revue des accès : révoquer ${what}`,
    reduce: (what: string, change: string) => `Revue des accès : réduire ${what} (${change})`,
    overdue: 'toujours présent après 7 jours',
    onPage: 'À retirer sur cette page',
    onPageHint:
      'Décidé dans cette revue et toujours affiché ici. Retirez-le dans les paramètres de l’entreprise ; la lecture suivante le vérifie.',
  },
  imported: {
    heading: (n: number) => `Revues des accès dans le fichier (${n}), reprises avec ses états de référence :`,
    campaign: (business: string, date: string, decided: number, items: number) =>
      `${business}, commencée le ${date} : ${decided} accès décidés sur ${items}`,
    open: 'ouverte',
    signed: (who: string) => `signée par ${who}`,
  },
};
