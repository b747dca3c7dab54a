import type { teamAdmin as en } from '../en/team-admin';

/** Les conflits et documents refusés du registre d’équipe (ticket 16), en français (voir en/team-admin.ts). */
export const teamAdmin: typeof en = {
  conflict: {
    marker:
      'Modifiée à deux endroits : les deux versions sont gardées jusqu’à ce que vous en choisissiez une.',
    compare: 'Comparer et choisir',
    hide: 'Masquer les versions',
    loading: 'Chargement des versions…',
    versionsOf: (subject) => `Versions de l’attribution pour ${subject}`,
    version: (n) => `Version n° ${n}`,
    you: 'Vous (ce navigateur)',
    colleague: (fingerprint, ledgerId, trusted) =>
      `Un collègue (${fingerprint ? `clé ${fingerprint}` : `registre ${ledgerId}`}${trusted ? ', de confiance' : ', pas encore de confiance'})`,
    field: {
      assets: 'Ressources et rôles',
      startsAt: 'Début',
      endsAt: 'Date de fin',
      case: 'Besoin (pourquoi)',
      ticket: 'Ticket',
      approver: 'Approuvé par',
      notes: 'Notes',
    },
    differs: 'diffère',
    none: '—',
    noTasks: 'aucune tâche',
    keep: 'Garder cette version',
    keepHint:
      'La version que vous gardez devient l’attribution partout ; une décision dans votre registre consigne ce choix.',
    resolved: 'Résolu : la version choisie est gardée, et une décision consigne votre choix.',
    gone: 'Cette attribution n’est plus en conflit : elle a été résolue entre-temps.',
    off: 'Le registre d’équipe est désactivé : il n’y a rien à résoudre ici.',
  },
  records: {
    runMarker:
      'Cette liste de contrôle a été modifiée à deux endroits : les deux versions sont gardées jusqu’à ce que vous en choisissiez une.',
    campaignMarker:
      'Cette revue des accès a été modifiée à deux endroits : les deux versions sont gardées jusqu’à ce que vous en choisissiez une.',
    runVersionsOf: (title, who) => `Versions de la liste de contrôle « ${title} » pour ${who}`,
    campaignVersionsOf: (started) => `Versions de la revue des accès commencée le ${started}`,
    status: 'État',
    case: 'Besoin (pourquoi)',
    open: 'En cours',
    closed: 'Terminée',
    finished: (when) => `Terminée le ${when}`,
    ticked: (when, how) => `Cochée le ${when} (${how})`,
    notTicked: 'Pas cochée',
    notInVersion: 'Absente de cette version',
    signedOff: (reviewer, role, when) => `Validée par ${reviewer} (${role}) le ${when}`,
    answers: 'Réponses',
    answerCounts: (keep, reduce, revoke, undecided) =>
      `garder ${keep} · réduire ${reduce} · retirer ${revoke} · non décidé ${undecided}`,
    answered: (kind, rationale, reviewer) =>
      rationale ? `${kind} : « ${rationale} » (${reviewer})` : `${kind} (${reviewer})`,
    undecided: 'Non décidé',
    verified: (when) => `retrait vérifié le ${when}`,
    sameItems: (n) => `${n} autres accès ont la même réponse dans toutes les versions.`,
    moreItems: (n) => `${n} accès de plus ont des réponses différentes (non listés ici).`,
    keepHint:
      'La version que vous gardez devient l’enregistrement partout ; une décision dans votre registre consigne ce choix.',
    gone: 'Cet enregistrement n’est plus en conflit : il a été résolu entre-temps.',
  },
  recordConflicts: {
    title: 'Listes de contrôle et revues des accès modifiées à deux endroits',
    intro:
      'La même liste de contrôle ou revue des accès a été modifiée dans deux navigateurs avant leur synchronisation. Les deux versions sont gardées ; aucune ne compte comme choisie tant qu’un administrateur n’en a pas gardé une.',
    none: 'Aucune liste de contrôle ni revue des accès n’est en conflit.',
    runRow: (title, who, businessId, versions) =>
      `Liste de contrôle « ${title} » pour ${who} (entreprise ${businessId}) : ${versions} versions`,
    campaignRow: (started, businessId, versions) =>
      `Revue des accès commencée le ${started} (entreprise ${businessId}) : ${versions} versions`,
  },
  conflicts: {
    title: 'Attributions modifiées à deux endroits',
    intro:
      'La même attribution a été modifiée dans deux navigateurs avant leur synchronisation. Les deux versions sont gardées ; aucune ne compte comme choisie tant qu’un administrateur n’en a pas gardé une.',
    none: 'Aucune attribution n’est en conflit.',
    row: (subject, businessId, versions) => `${subject} (entreprise ${businessId}) : ${versions} versions`,
  },
  quarantine: {
    title: 'Documents refusés venant du serveur',
    intro:
      'Des documents qui n’ont pas passé les contrôles qu’un fichier importé passe. Ils n’ont jamais été appliqués ; votre registre n’en est pas modifié.',
    none: 'Aucun document venant du serveur n’a été refusé.',
    more: (shown, total) => `Les ${shown} derniers sur ${total} sont listés.`,
    when: (when) => `Refusé le ${when}`,
    whenUnknown: 'Refusé avant que cette version n’en note la date',
    document: (id) => `Document reçu ${id}`,
    reason: {
      malformed: 'Ce n’est pas un enregistrement Scopekeeper : sa forme n’est pas valide.',
      'wrong-id': 'Son identifiant ne correspond pas à son contenu.',
      unsigned: 'Il ne porte aucune signature de son auteur.',
      'bad-signature':
        'Sa signature ne correspond pas à la clé de son auteur : il a été modifié après avoir été signé.',
      'changed-decision':
        'C’est une décision déjà consignée ici (la vôtre ou celle d’un collègue), modifiée sur le serveur. Une décision ne change jamais : celle consignée ici reste telle quelle.',
      'refused-by-import':
        'Les enregistrements de son auteur n’ont pas passé les contrôles qu’un fichier importé passe : aucun n’a été appliqué.',
      'incomplete-chain':
        'C’est la tête du registre d’un collègue qui nomme des décisions que le serveur n’a pas (pas encore toutes envoyées, supprimées là-bas, ou la tête modifiée) : rien de ce collègue après la dernière décision détenue ici n’est appliqué tant qu’elles ne sont pas arrivées.',
      'too-many-versions':
        'Le serveur détient plus de versions de cet enregistrement qu’une équipe n’en fait (les administrateurs d’une équipe modifient un enregistrement à quelques endroits au plus) : aucune n’est appliquée ni proposée au choix.',
    },
    problem: (text) => `Le contrôle a trouvé : ${text}`,
  },
};
