import type { Screens } from '../en/index';

/** What the content script says on the page itself, in French (see en/on-page.ts). */
export const onPage: Screens['onPage'] = {
  refused: (reason) =>
    `Scopekeeper n’a pas pu prendre en compte ce qu’il a lu sur cette page : ses constats ici peuvent manquer ou être périmés. ${reason}`,
  tooLarge: 'Ce qui a été lu dépasse ce que Scopekeeper peut prendre en compte en une fois.',
  invalid: (field) => `Ce qui a été lu n’a pas passé les contrôles de Scopekeeper (à « ${field} »).`,
  unreachable:
    'Scopekeeper ne joint plus le reste de l’extension (elle a été mise à jour, rechargée ou arrêtée) : ses constats ici peuvent manquer ou être périmés. Rechargez la page pour la relire.',
  dismiss: 'Fermer',
};
