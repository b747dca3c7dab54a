import { getEmailDomain, isConsumerDomain } from '../principals';
import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, quoted, who, words } from './words';

/** A person uses a consumer e-mail address (gmail.com, hotmail.*, …), which the business does not control. */
export default defineRule({
  id: 'public-email-domain',
  severity: 'medium',
  scope: 'page',
  check(snapshot) {
    return snapshot.principals
      .filter((p) => p.kind === 'person' && !p.isCurrentUser)
      .flatMap((principal) => {
        const domain = principal.kind === 'person' ? getEmailDomain(principal.email) : undefined;
        return domain && isConsumerDomain(domain)
          ? [{ subject: getSubjectKey(principal), principal, facts: { domain } }]
          : [];
      });
  },
  text: {
    en: {
      message: (f) => `${who(f.principal)} uses a personal ${f.facts!.domain} address.`,
      why: 'Nobody at the business controls a personal mailbox: you cannot enforce its security or take it back when the person leaves. Security Center flags the same.',
      fix: (f) =>
        `Invite ${f.principal.name} again with their work address, then in ${placeOf('en', f.principal)} select the ${f.facts!.domain} entry and ${quoted('en', words.en.remove)} it.`,
    },
    sv: {
      message: (f) => `${who(f.principal)} använder en privat ${f.facts!.domain}-adress.`,
      why: 'Ingen på företaget kontrollerar en privat brevlåda: ni kan inte styra dess säkerhet eller ta tillbaka den när personen slutar.',
      fix: (f) =>
        `Bjud in ${f.principal.name} igen med jobbadressen, välj sedan ${f.facts!.domain}-posten i ${placeOf('sv', f.principal)} och ${quoted('sv', words.sv.remove)}.`,
    },
    fr: {
      message: (f) => `${who(f.principal)} utilise une adresse personnelle ${f.facts!.domain}.`,
      why: 'Personne dans l’entreprise ne contrôle une boîte personnelle : vous ne pouvez ni imposer sa sécurité ni la récupérer au départ de la personne.',
      fix: (f) =>
        `Invitez de nouveau ${f.principal.name} avec son adresse professionnelle, puis dans ${placeOf('fr', f.principal)} sélectionnez l’entrée ${f.facts!.domain} et cliquez sur ${quoted('fr', words.fr.remove)}.`,
    },
  },
});
