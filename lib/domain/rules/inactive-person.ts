import { listedPersonKey } from '../snapshot';
import { listedAsPerson, securityCenterPlace, securityListWord } from './security-words';
import { defineRule, type RawFinding } from './types';
import { placeOf, quoted, who, words } from './words';

/**
 * Someone Security Center lists among the inactive people (no login for a long while, 90 days by Meta's
 * advice; issue 15, item 5). Low: an unused account is still a way in, and one nobody would notice being
 * used. The findings depend on Security Center's list only (analysis-state.ts `business`).
 */
export default defineRule({
  id: 'inactive-person',
  severity: 'low',
  scope: 'page',
  check(_snapshot, context) {
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    for (const person of context.security?.inactive?.people ?? []) {
      const subject = listedPersonKey(person);
      if (seen.has(subject)) continue; // listed twice: one finding
      seen.add(subject);
      findings.push({ subject, principal: listedAsPerson(person) });
    }
    return findings;
  },
  text: {
    en: {
      message: (f) => `${who(f.principal)} is inactive but still has access (Security Center).`,
      why: 'An account nobody uses still opens the portfolio: if it is taken over, no one notices it acting. Access nobody needs is better removed and given again when it is needed.',
      fix: (f) =>
        `Check with ${f.principal.name} or their manager whether they still need access. If not, ${quoted('en', words.en.remove)} them in ${placeOf('en', f.principal)}, or use ${quoted('en', securityListWord('en', 'inactive'))} in ${securityCenterPlace('en')}.`,
    },
    sv: {
      message: (f) => `${who(f.principal)} är inaktiv men har fortfarande åtkomst (Säkerhetscenter).`,
      why: 'Ett konto som ingen använder öppnar ändå portföljen: kapas det märker ingen att det används. Åtkomst som ingen behöver tas hellre bort och ges igen när den behövs.',
      fix: (f) =>
        `Stäm av med ${f.principal.name} eller hens chef om åtkomsten fortfarande behövs. Om inte, välj ${quoted('sv', words.sv.remove)} i ${placeOf('sv', f.principal)}, eller använd ${quoted('sv', securityListWord('sv', 'inactive'))} i ${securityCenterPlace('sv')}.`,
    },
    fr: {
      message: (f) => `${who(f.principal)} est inactif mais a toujours accès (Centre de sécurité).`,
      why: 'Un compte que personne n’utilise ouvre toujours le portefeuille\u00a0: s’il est piraté, personne ne remarque qu’il agit. Mieux vaut retirer un accès dont personne n’a besoin et le redonner le jour où il le faut.',
      fix: (f) =>
        `Vérifiez auprès de ${f.principal.name} ou de son responsable si cet accès est encore nécessaire. Sinon, utilisez ${quoted('fr', words.fr.remove)} dans ${placeOf('fr', f.principal)}, ou ${quoted('fr', securityListWord('fr', 'inactive'))} dans ${securityCenterPlace('fr')}.`,
    },
  },
});
