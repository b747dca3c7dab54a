import { fullControlHolders } from '../principals';
import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, quoted, words } from './words';

/** Exactly one person holds full control: losing that account locks everyone out (Meta advises two). */
export default defineRule({
  id: 'single-full-control',
  severity: 'high',
  scope: 'page',
  check(snapshot, context) {
    if (!context.peopleListComplete) return [];
    const full = fullControlHolders(snapshot.principals);
    return full.length === 1 ? [{ subject: getSubjectKey(full[0]!), principal: full[0]! }] : [];
  },
  text: {
    en: {
      message: (f) => `${f.principal.name} is the only person with full control of this portfolio.`,
      why: 'If that account is lost, hacked or its owner leaves, nobody can manage the portfolio any more. Meta advises at least two people with full control.',
      fix: (f) =>
        `In ${placeOf('en', f.principal)}, give ${quoted('en', words.en.fullControl)} to a second trusted person of your own organisation (not a third party).`,
    },
    sv: {
      message: (f) => `${f.principal.name} är den enda med full kontroll över portföljen.`,
      why: 'Om kontot förloras, kapas eller ägaren slutar kan ingen längre hantera portföljen. Meta rekommenderar minst två personer med full kontroll.',
      fix: (f) =>
        `I ${placeOf('sv', f.principal)}, ge ${quoted('sv', words.sv.fullControl)} till ytterligare en betrodd person i er egen organisation (inte en tredje part).`,
    },
    fr: {
      message: (f) => `${f.principal.name} est la seule personne avec le contrôle total de ce portefeuille.`,
      why: 'Si ce compte est perdu, piraté ou si cette personne part, plus personne ne peut gérer le portefeuille. Meta conseille au moins deux personnes avec le contrôle total.',
      fix: (f) =>
        `Dans ${placeOf('fr', f.principal)}, donnez ${quoted('fr', words.fr.fullControl)} à une deuxième personne de confiance de votre organisation (pas un tiers).`,
    },
  },
});
