import type { Catalogue } from '../shape';

/** L’aperçu d’un import, les collègues et les signatures en français (voir en/ledger-trust.ts). */
export const ledgerTrust: Catalogue['ledgerTrust'] = {
  changesLabel: 'Ce que cet import change',
  accept: (rule, who, asset, until, by) =>
    `accepte ${rule} pour ${who}${asset ? ` (${asset})` : ''} jusqu’au ${until} (par ${by}) : ce constat n’est plus affiché d’ici là`,
  revoke: (who, on, by, grants) =>
    `enregistre la révocation de ${who} le ${on} (par ${by})${grants > 0 ? ` : les rappels des accès s’arrêtent (${grants})` : ''}`,
  extend: (who, endsAt, by) => `enregistre la prolongation de ${who} jusqu’au ${endsAt} (par ${by})`,
  addGrant: (who, assets, endsAt, silences) =>
    `ajoute un accès pour ${who}${assets ? ` (${assets})` : ''} ${endsAt ? `se terminant le ${endsAt}` : 'sans date de fin'}${silences ? ` : ${silences} n’est plus affiché pour lui` : ''}`,
  capped: (from, days) =>
    `le fichier indique ${from}, plus que le maximum de ${days} jours : il est importé plafonné`,
  waits: 'ne prend effet que si vous faites confiance à ce collègue',
  more: (n) => `et d’autres changements (${n})`,
  nothingChanges: 'Rien qui change un constat, un rappel ou une date de fin.',
  yourLedger: (n) => `Votre registre : nouvelles décisions (${n})`,
  colleague: (id, n) => `Registre du collègue ${id} : nouvelles décisions (${n})`,
  signatures: (signed, unsigned) => `signées : ${signed}, non signées (d’avant la signature) : ${unsigned}`,
  key: {
    ours: (fp) => `signé avec votre clé ${fp}`,
    new: (fp) => `clé ${fp}, vue pour la première fois : elle sera retenue pour ce collègue`,
    known: (fp) => `clé ${fp}, celle vue la première fois`,
    changed: (fp, old) =>
      `Attention : ce registre est maintenant signé avec une autre clé (${fp}) que celle vue la première fois (${old}). Ses décisions sont retenues sauf si vous acceptez la nouvelle clé.`,
    none: 'aucune clé : ses décisions ne peuvent être attribuées',
  },
  acceptKey: 'Accepter la nouvelle clé de ce registre',
  trustLapsed: (fp) =>
    `Vous faisiez confiance à ce collègue avant qu’aucune clé ne soit connue pour son registre. Ce fichier apporte sa première clé (${fp}), et votre confiance ne passe pas d’elle-même à une clé : faites-lui de nouveau confiance seulement si cette clé est la sienne.`,
  silencing: (n) =>
    `Décisions qui masquent un constat ou mettent fin à un accès : ${n}. Elles ne prennent effet que si vous faites confiance à ce collègue ; sinon elles sont conservées et ignorées.`,
  trust: 'Faire confiance à ce collègue : ses acceptations et révocations prennent effet',
  trusted: 'Un collègue de confiance : ses acceptations et révocations prennent effet.',
  heldBack: (id) =>
    `registre ${id} retenu (sa clé a changé) : aucune de ses décisions, ni les accès et listes de contrôle de son fichier, n’a été ajoutée`,
  colleaguesTitle: 'Collègues de confiance',
  colleaguesIntro: (fp) =>
    `Votre clé est ${fp}. Les acceptations et révocations d’un collègue ne prennent effet ici que tant que vous lui faites confiance.`,
  noColleagues: 'Aucun collègue pour l’instant.',
  colleagueRow: (id, fp, since) =>
    `Registre ${id}${fp ? `, clé ${fp}` : ''}${since ? `, de confiance depuis le ${since.slice(0, 10)}` : ', pas de confiance'}`,
  startTrusting: 'Faire confiance',
  stopTrusting: 'Ne plus faire confiance',
  integrity: (n) => `intégrité : empreintes intactes (${n} décisions)`,
  integrityBroken: (id, number, reason) =>
    `intégrité : rompue à la décision ${id} (n° ${number}) : ${reason}`,
  authorship: (valid, signed, fp, unsigned) =>
    `auteur : signatures valides ${valid} sur ${signed}${fp ? ` (clé ${fp})` : ''}, non signées d’avant la signature : ${unsigned}`,
  authorshipBad: (id) => `auteur : la signature de la décision ${id} ne correspond pas à la clé`,
  authorshipUnknown: (signed, unsigned) =>
    `auteur : aucune clé connue pour ce registre (signées : ${signed}, non signées : ${unsigned})`,
};
