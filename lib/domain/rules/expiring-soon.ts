import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { who } from './words';

const DAY = 24 * 60 * 60 * 1000;

/** A recorded end date falls within the reminder lead time. */
export default defineRule({
  id: 'expiring-soon',
  severity: 'low',
  scope: 'page',
  check(snapshot, context) {
    return snapshot.principals.flatMap((principal) => {
      const subject = getSubjectKey(principal);
      const endsAt = context.ledger.grants.get(subject)?.endsAt;
      if (!endsAt) return [];
      // An end date is the day the access stops (from its start): once there, it is expired, not expiring.
      const left = Date.parse(endsAt) - context.now.getTime();
      const days = Math.ceil(left / DAY);
      return left > 0 && days <= context.settings.expiryLeadDays
        ? [{ subject, principal, facts: { endsAt: endsAt.slice(0, 10), days } }]
        : [];
    });
  },
  text: {
    en: {
      message: (f) =>
        `The recorded access of ${who(f.principal)} ends on ${f.facts!.endsAt} (in ${f.facts!.days} days).`,
      why: 'Deciding before the date keeps access from lapsing in the middle of work, or from quietly staying on after it.',
      fix: (f) =>
        `Ask whether the work with ${f.principal.name} goes on. If it does, use “Extend” with the reason; if not, plan the removal for ${f.facts!.endsAt}.`,
    },
    sv: {
      message: (f) =>
        `Den dokumenterade åtkomsten för ${who(f.principal)} upphör ${f.facts!.endsAt} (om ${f.facts!.days} dagar).`,
      why: 'Att besluta före datumet hindrar att åtkomsten upphör mitt i arbetet, eller tyst finns kvar efteråt.',
      fix: (f) =>
        `Fråga om arbetet med ${f.principal.name} fortsätter. Om ja, använd ”Förläng” med skälet; om nej, planera borttagningen till ${f.facts!.endsAt}.`,
    },
    fr: {
      message: (f) =>
        `L’accès consigné de ${who(f.principal)} prend fin le ${f.facts!.endsAt} (dans ${f.facts!.days} jours).`,
      why: 'Décider avant la date évite que l’accès ne cesse en pleine mission, ou qu’il ne reste discrètement ensuite.',
      fix: (f) =>
        `Demandez si la mission de ${f.principal.name} continue. Si oui, utilisez « Prolonger » avec la raison ; sinon, prévoyez le retrait pour le ${f.facts!.endsAt}.`,
    },
  },
});
