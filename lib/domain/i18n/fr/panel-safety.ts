import type { Catalogue } from '../shape';

/** The panel's safety words in French (see en/panel-safety.ts). */
export const panelSafety: Catalogue['panelSafety'] = {
  notOursTitle: 'Ce panneau n’a pas été ouvert par Scopekeeper',
  notOursText:
    'Scopekeeper n’affiche son panneau que là où il l’a placé lui-même dans Business Settings. Cette copie a été placée ici par la page ou par autre chose : elle n’affiche rien et ne peut rien modifier. Rechargez la page pour retrouver le panneau de Scopekeeper.',
  cancel: 'Annuler',
  confirmDiscard: (checklist, who, ticked) =>
    `Abandonner la liste de contrôle « ${checklist} » pour ${who} ? Ses ${ticked} étape(s) cochée(s) sont supprimées. Rien n’est consigné dans le registre, et c’est irréversible.`,
  confirmDiscardButton: 'Abandonner la liste de contrôle',
  confirmFinish: (checklist, who) =>
    `Terminer la liste de contrôle « ${checklist} » pour ${who} ? Une décision qui la consigne est ajoutée au registre.`,
  confirmFinishRevokes: (grants, who, others) =>
    `Consigne la révocation de ${grants} accès pour ${who}${others > 0 ? ` et ${others} personne(s) ou utilisateur(s) système lié(s)` : ''}, qui prennent fin aujourd’hui, et ajoute les décisions au registre. C’est irréversible.`,
  confirmFinishButton: 'Terminer et consigner',
  counting: 'Décompte des accès consignés…',
  ticked: (step) => `« ${step} » cochée.`,
  unticked: (step) => `« ${step} » décochée.`,
  snoozed: (label, days) => `${label} : rappel reporté de ${days === 1 ? '1 jour' : `${days} jours`}.`,
  undo: 'Annuler l’action',
  undone: 'Action annulée.',
};
