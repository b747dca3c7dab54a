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
    'Supprimé de ce navigateur : chaque enregistrement d’accès et chaque décision (les vôtres et ceux importés), chaque checklist, ce qui a été lu sur les pages (instantanés, dates de première apparition), les rappels (envoyés, reportés, dates de revue), l’heure du dernier export, les commandes mémorisées, ainsi que l’identifiant du registre et la clé de signature de cette installation. Ce que vous enregistrez ensuite forme un nouveau registre sous une nouvelle clé, que vos collègues voient comme un nouveau collègue à qui faire confiance ; un export fait avant s’importe ici comme un autre registre (cochez « Faire confiance à ce collègue » dans son aperçu pour que ses acceptations et ses références comptent). Avec le registre d’équipe activé, la copie de la base de l’équipe dans ce navigateur est supprimée aussi, mais le serveur de l’équipe garde tout ce qu’il détient, vos enregistrements antérieurs compris, et la prochaine synchronisation les ramène ici comme ceux d’un collègue : désactivez d’abord le registre d’équipe si rien ne doit en rester dans ce navigateur. Conservé : vos paramètres. Exportez d’abord pour garder une copie.',
  deleted:
    'Toutes les données du registre ont été supprimées. Cette installation a maintenant un nouvel identifiant de registre et une nouvelle clé de signature. Conservé : vos paramètres.',
};
