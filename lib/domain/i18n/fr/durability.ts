import type { durability as en } from '../en/durability';

/** Durabilité du registre : où est allé un export, ce que fait « Supprimer toutes les données ». */
export const durability: typeof en = {
  exportSaved: (file: string) =>
    `${file} est enregistré. Votre dernier export compte à partir de maintenant.`,
  exportDownloaded: (file: string) =>
    `${file} a été confié aux téléchargements du navigateur. Scopekeeper ne peut pas voir quand un téléchargement se termine : votre dernier export compte à partir du moment où le fichier a été confié.`,
  exportCancelled: 'Export annulé : aucun fichier n’a été écrit et votre dernier export est inchangé.',
  exportNotWritten: (why: string) =>
    `Le fichier n’a pas pu être écrit (${why}). Votre dernier export est inchangé.`,
  deleteWarning:
    'Supprimé de ce navigateur : chaque enregistrement d’accès et chaque décision (les vôtres et ceux importés), chaque checklist, ce qui a été lu sur les pages (instantanés, dates de première apparition), les rappels (envoyés, reportés, dates de revue), l’heure du dernier export et les commandes mémorisées. Conservé : vos paramètres, ainsi que l’identifiant du registre et la clé de signature de cette installation, pour que ce que vous enregistrez ensuite appartienne au même registre. Exportez d’abord pour garder une copie.',
  deleted:
    'Toutes les données du registre ont été supprimées. Conservé : vos paramètres, l’identifiant du registre et la clé de signature.',
};
