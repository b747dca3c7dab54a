import type { Catalogue } from '../shape';

/** Les mots du panneau pour la surveillance des changements (issue 13). */
export const watch: Catalogue['watch'] = {
  changesTitle: 'Changements depuis votre dernière visite',
  unrecordedCount: (n: number) =>
    n === 1
      ? '1 changement qu’aucun enregistrement n’approuve.'
      : `${n} changements qu’aucun enregistrement n’approuve.`,
  firstSeen: (date: string, page: string) => `Vu pour la première fois le ${date} sur ${page}`,
  approve: 'C’était approuvé',
  approveHere:
    'Enregistrez qui l’a approuvé et jusqu’à quand : l’alerte disparaît quand la fiche est enregistrée.',
  approvalCase: (what: string, date: string) =>
    `Approuvé après coup : ${what} (vu pour la première fois le ${date})`,
  startIncident: 'Lancer la réponse à incident',
  incidentHere:
    'Quelqu’un est entré sans enregistrement. La liste de contrôle d’incident ci-dessous vous guide pour le retirer et sécuriser l’entreprise.',
  allChanges: 'Tous les changements de cette entreprise',
  more: (n: number) => `${n} de plus dans la liste complète.`,
};
