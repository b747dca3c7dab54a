import type { importProgress as en } from '../en/import-progress';

/** La barre de progression d’une importation, sur la page des options. */
export const importProgress: typeof en = {
  label: 'Progression de l’importation',
  reading: (done: string, total: string) => `Lecture du fichier : ${done} sur ${total} Mo`,
  checking: (done: string, total: string) =>
    `Vérification des empreintes et des signatures : ${done} sur ${total}`,
  writing: (done: string, total: string) => `Écriture des décisions : ${done} sur ${total}`,
  sending: 'Transmission du fichier à l’arrière-plan de Scopekeeper…',
  listed: (shown: string, total: string) => `${shown} affichés sur ${total}.`,
  showMore: (more: string) => `Afficher ${more} de plus`,
  counts: (accepts: string, revokes: string, extends_: string) =>
    `${accepts} constats acceptés, ${revokes} révocations, ${extends_} prolongations`,
};
