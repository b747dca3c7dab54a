import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, quoted, who, words } from './words';

const DAY = 24 * 60 * 60 * 1000;

/** An invitation has been pending longer than the settings allow, counted from when Scopekeeper first saw it. */
export default defineRule({
  id: 'stale-pending-invite',
  severity: 'medium',
  scope: 'page',
  check(snapshot, context) {
    return snapshot.principals.flatMap((principal) => {
      if (!principal.pending) return [];
      const subject = getSubjectKey(principal);
      const first = context.ledger.firstSeen.get(subject);
      if (!first) return [];
      const days = Math.floor((context.now.getTime() - Date.parse(first)) / DAY);
      return days > context.settings.stalePendingDays ? [{ subject, principal, facts: { days } }] : [];
    });
  },
  text: {
    en: {
      message: (f) => `The invitation to ${who(f.principal)} has been pending for ${f.facts!.days} days.`,
      why: 'An invitation nobody accepts is either unwanted or went to the wrong address; left open, it is access waiting for anyone who gets into that mailbox.',
      fix: (f) =>
        `In ${placeOf('en', f.principal)}, select ${f.principal.name} and ${quoted('en', words.en.cancelInvite)}. Invite again only once the case and the address are confirmed.`,
    },
    sv: {
      message: (f) => `Inbjudan till ${who(f.principal)} har väntat i ${f.facts!.days} dagar.`,
      why: 'En inbjudan som ingen accepterar är oönskad eller skickad till fel adress; öppen är den åtkomst som väntar på den som kommer åt brevlådan.',
      fix: (f) =>
        `I ${placeOf('sv', f.principal)}, välj ${f.principal.name} och ${quoted('sv', words.sv.cancelInvite)}. Bjud in igen först när uppdraget och adressen är bekräftade.`,
    },
    fr: {
      message: (f) =>
        `L’invitation envoyée à ${who(f.principal)} est en attente depuis ${f.facts!.days} jours.`,
      why: 'Une invitation que personne n’accepte est soit inutile, soit envoyée à la mauvaise adresse ; ouverte, c’est un accès qui attend quiconque entre dans cette boîte.',
      fix: (f) =>
        `Dans ${placeOf('fr', f.principal)}, sélectionnez ${f.principal.name} et ${quoted('fr', words.fr.cancelInvite)}. Ne réinvitez qu’une fois la mission et l’adresse confirmées.`,
    },
  },
});
