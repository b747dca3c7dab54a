import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, quoted, who, words } from './words';

/** An invitation is still pending. */
export default defineRule({
  id: 'pending-invite',
  severity: 'low',
  scope: 'page',
  check(snapshot) {
    return snapshot.principals
      .filter((p) => p.pending)
      .map((principal) => ({ subject: getSubjectKey(principal), principal }));
  },
  text: {
    en: {
      message: (f) => `The invitation to ${who(f.principal)} is still pending.`,
      why: 'A pending invitation can be accepted by whoever controls that mailbox, at any time, with the access it grants.',
      fix: (f) =>
        `Confirm ${f.principal.name} expects it. If not, in ${placeOf('en', f.principal)} use ${quoted('en', words.en.cancelInvite)}; if they did not get it, ${quoted('en', words.en.resend)}.`,
    },
    sv: {
      message: (f) => `Inbjudan till ${who(f.principal)} väntar fortfarande.`,
      why: 'En väntande inbjudan kan när som helst accepteras av den som har tillgång till brevlådan, med den åtkomst den ger.',
      fix: (f) =>
        `Bekräfta att ${f.principal.name} väntar på den. Om inte: i ${placeOf('sv', f.principal)}, ${quoted('sv', words.sv.cancelInvite)}; om den inte kommit fram, ${quoted('sv', words.sv.resend)}.`,
    },
    fr: {
      message: (f) => `L’invitation envoyée à ${who(f.principal)} est toujours en attente.`,
      why: 'Une invitation en attente peut être acceptée à tout moment par qui contrôle cette boîte, avec l’accès qu’elle donne.',
      fix: (f) =>
        `Vérifiez que ${f.principal.name} l’attend. Sinon, dans ${placeOf('fr', f.principal)}, ${quoted('fr', words.fr.cancelInvite)} ; si elle n’est pas arrivée, ${quoted('fr', words.fr.resend)}.`,
    },
  },
});
