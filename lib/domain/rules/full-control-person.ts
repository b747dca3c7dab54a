import { fullControlHolders } from '../principals';
import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, quoted, who, words } from './words';

/** A person other than the current user holds full control of the portfolio. */
export default defineRule({
  id: 'full-control-person',
  severity: 'medium',
  scope: 'page',
  check(snapshot) {
    return fullControlHolders(snapshot.principals)
      .filter((p) => !p.isCurrentUser)
      .map((principal) => ({ subject: getSubjectKey(principal), principal }));
  },
  text: {
    en: {
      message: (f) => `${who(f.principal)} has full control of the business portfolio.`,
      why: 'Every person with full control can change or remove anyone and anything. Keep full control to the few who run the portfolio, and give everyone else partial access.',
      fix: (f) =>
        `If ${f.principal.name} does not run the portfolio, in ${placeOf('en', f.principal)} select them and switch ${quoted('en', words.en.fullControl)} to ${quoted('en', words.en.partialAccess)}. If they do, record why.`,
    },
    sv: {
      message: (f) => `${who(f.principal)} har full kontroll över företagsportföljen.`,
      why: 'Alla med full kontroll kan ändra eller ta bort vem och vad som helst. Begränsa full kontroll till de få som sköter portföljen och ge alla andra delvis åtkomst.',
      fix: (f) =>
        `Om ${f.principal.name} inte sköter portföljen: i ${placeOf('sv', f.principal)}, välj personen och byt ${quoted('sv', words.sv.fullControl)} till ${quoted('sv', words.sv.partialAccess)}. Om hen gör det, dokumentera varför.`,
    },
    fr: {
      message: (f) => `${who(f.principal)} a le contrôle total du portefeuille business.`,
      why: 'Toute personne avec le contrôle total peut modifier ou retirer n’importe qui et n’importe quoi. Réservez-le aux quelques personnes qui gèrent le portefeuille et donnez aux autres un accès partiel.',
      fix: (f) =>
        `Si ${f.principal.name} ne gère pas le portefeuille, dans ${placeOf('fr', f.principal)} sélectionnez cette personne et passez de ${quoted('fr', words.fr.fullControl)} à ${quoted('fr', words.fr.partialAccess)}. Sinon, consignez pourquoi.`,
    },
  },
});
