import { holdsAccess } from '../principals';
import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, quoted, who, words } from './words';

/** A recorded end date has passed and the page still shows the access. */
export default defineRule({
  id: 'expired-access-present',
  severity: 'high',
  scope: 'page',
  check(snapshot, context) {
    return snapshot.principals.flatMap((principal) => {
      const subject = getSubjectKey(principal);
      const endsAt = context.ledger.grants.get(subject)?.endsAt;
      if (
        !endsAt ||
        Date.parse(endsAt) > context.now.getTime() ||
        !(holdsAccess(principal) || principal.pending)
      )
        return [];
      return [{ subject, principal, facts: { endsAt: endsAt.slice(0, 10) } }];
    });
  },
  text: {
    en: {
      message: (f) => `${who(f.principal)} still has access that was recorded to end on ${f.facts!.endsAt}.`,
      why: 'Access past its end date is exactly what least privilege forbids: the work is over and the door is still open.',
      fix: (f) =>
        `In ${placeOf('en', f.principal)}, select ${f.principal.name} and ${quoted('en', words.en.remove)} them (and their assets), then use “Record revocation”. If the work goes on, use “Extend” with the reason.`,
    },
    sv: {
      message: (f) =>
        `${who(f.principal)} har fortfarande åtkomst som enligt dokumentationen upphörde ${f.facts!.endsAt}.`,
      why: 'Åtkomst efter slutdatum är precis det minsta behörighet förbjuder: arbetet är slut och dörren står öppen.',
      fix: (f) =>
        `I ${placeOf('sv', f.principal)}, välj ${f.principal.name} och ${quoted('sv', words.sv.remove)} (även tillgångarna), använd sedan ”Registrera återkallande”. Fortsätter arbetet, använd ”Förläng” med skälet.`,
    },
    fr: {
      message: (f) =>
        `${who(f.principal)} a toujours un accès dont la fin était consignée au ${f.facts!.endsAt}.`,
      why: 'Un accès au-delà de sa date de fin est exactement ce que le moindre privilège interdit : la mission est finie et la porte reste ouverte.',
      fix: (f) =>
        `Dans ${placeOf('fr', f.principal)}, sélectionnez ${f.principal.name} et cliquez sur ${quoted('fr', words.fr.remove)} (éléments compris), puis « Consigner la révocation ». Si la mission continue, « Prolonger » avec la raison.`,
    },
  },
});
