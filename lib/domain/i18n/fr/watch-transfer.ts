import type { watchTransfer as en } from '../en/watch-transfer';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

/** Les mots des états de référence et du journal des changements d’un import (voir en/watch-transfer.ts). */
export const watchTransfer: typeof en = {
  counts: (businesses, changes) =>
    `états de référence de ${businesses} ${plural(businesses, 'entreprise', 'entreprises')}, ${changes} ${plural(changes, 'changement', 'changements')}`,
  heading: (businesses, changes, fresh) =>
    `États de référence de ${businesses} ${plural(businesses, 'entreprise', 'entreprises')} et ${changes} ${plural(changes, 'changement', 'changements')} (${fresh} absents d’ici)`,
  status: {
    ours: 'Ce sont les vôtres (signés avec votre clé) : ils seront fusionnés avec ce que Scopekeeper sait ici.',
    trusted: 'Ils viennent d’un collègue de confiance (signés avec sa clé) : ils seront fusionnés.',
    untrusted:
      'Ils viennent d’un collègue à qui vous ne faites pas confiance : ils ne sont pas appliqués, sauf si vous lui faites confiance. Un état de référence décide qui compte comme nouveau à la prochaine lecture : celui d’un fichier non fiable pourrait cacher un intrus.',
    unverified:
      'Ils ne sont pas signés par une clé que vous détenez ou à laquelle vous faites confiance : ils ne sont pas appliqués. Seules vos propres sauvegardes et les fichiers de collègues de confiance peuvent fixer ce qui est connu ici.',
    keyChanged:
      'Ce registre est maintenant signé avec une autre clé : ils ne sont appliqués que si vous acceptez la nouvelle clé (et faites confiance à ce collègue).',
  },
  baseline: (business, replaces, taken, added) =>
    replaces
      ? `fusionne l’état de référence de l’entreprise ${business} : les faits de ${taken} ${plural(taken, 'titulaire', 'titulaires')} viennent du fichier (${added} inconnus ici) et ne seront pas signalés comme nouveaux à la prochaine lecture`
      : `reprend l’état de référence de l’entreprise ${business} (${taken} ${plural(taken, 'titulaire', 'titulaires')}) : aucun ne sera signalé comme nouveau à la prochaine lecture`,
  notApplied: 'non appliqué',
  applied: 'états de référence et changements fusionnés',
  skipped:
    'états de référence et changements non appliqués (ni les vôtres, ni ceux d’un collègue de confiance)',
};
