import type { Catalogue } from '../shape';

/** The incident response checklist's words in French (see en/incident.ts). */
export const incident: Catalogue['incident'] = {
  unknown: 'Accès inconnus',
  nothingUnrecorded:
    'Rien de non enregistré n’a été trouvé au démarrage de cette liste : vérifiez les listes vous-même et cochez les étapes à la main.',
  noneOfKind: 'Aucun trouvé au démarrage de la liste de contrôle.',
  holders: 'Contrôle total au démarrage de la liste de contrôle',
  noHolders:
    'Scopekeeper n’avait lu personne avec le contrôle total : ouvrez Personnes pour voir qui le détient.',
  whatHappened: 'Ce qui s’est passé',
  placeholder: 'Ce qui s’est passé, quand cela a été découvert, ce qui a été retiré et changé.',
  record: 'Enregistrer dans le registre',
  recorded: 'Enregistré dans le registre.',
};
