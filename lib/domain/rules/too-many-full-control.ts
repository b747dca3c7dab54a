import { fullControlHolders } from '../principals';
import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, quoted, words } from './words';

/** More people hold full control than the settings allow (default 5). One finding per extra holder. */
export default defineRule({
  id: 'too-many-full-control',
  severity: 'medium',
  scope: 'page',
  check(snapshot, context) {
    if (!context.peopleListComplete) return [];
    const full = fullControlHolders(snapshot.principals);
    if (full.length <= context.settings.maxFullControl) return [];
    // The current user is never the one to demote; the others are each a candidate.
    return full
      .filter((p) => !p.isCurrentUser)
      .map((principal) => ({
        subject: getSubjectKey(principal),
        principal,
        facts: { count: full.length, max: context.settings.maxFullControl },
      }));
  },
  text: {
    en: {
      message: (f) =>
        `${f.facts!.count} people have full control (your limit is ${f.facts!.max}); ${f.principal.name} is one of them.`,
      why: 'Each extra person with full control is one more account that can take the whole portfolio if it is compromised.',
      fix: (f) =>
        `Decide who really runs the portfolio. For ${f.principal.name}, in ${placeOf('en', f.principal)} switch ${quoted('en', words.en.fullControl)} to ${quoted('en', words.en.partialAccess)} if they do not.`,
    },
    sv: {
      message: (f) =>
        `${f.facts!.count} personer har full kontroll (er gräns är ${f.facts!.max}); ${f.principal.name} är en av dem.`,
      why: 'Varje extra person med full kontroll är ett konto till som kan ta hela portföljen om det kapas.',
      fix: (f) =>
        `Bestäm vilka som verkligen sköter portföljen. För ${f.principal.name}: i ${placeOf('sv', f.principal)}, byt ${quoted('sv', words.sv.fullControl)} till ${quoted('sv', words.sv.partialAccess)} om hen inte gör det.`,
    },
    fr: {
      message: (f) =>
        `${f.facts!.count} personnes ont le contrôle total (votre limite est ${f.facts!.max}) ; ${f.principal.name} en fait partie.`,
      why: 'Chaque personne de plus avec le contrôle total est un compte de plus qui peut prendre tout le portefeuille s’il est compromis.',
      fix: (f) =>
        `Décidez qui gère vraiment le portefeuille. Pour ${f.principal.name}, dans ${placeOf('fr', f.principal)}, passez de ${quoted('fr', words.fr.fullControl)} à ${quoted('fr', words.fr.partialAccess)} si ce n’est pas le cas.`,
    },
  },
});
