import { fullControlHolders } from '../principals';
import { getSubjectKey, listedPersonKey } from '../snapshot';
import { listedAsPerson, requirementWord, securityCenterPlace, businessOptionsPlace } from './security-words';
import { defineRule, type RawFinding } from './types';
import { placeOf, quoted, who, words } from './words';

/**
 * Someone Security Center lists among the people without two-factor authentication (issue 15, item 5).
 * Medium; high when that person holds full control of the portfolio in the business view.
 *
 * Full control is matched by e-mail address only, as People keys a person (`listedPersonKey` is
 * `getSubjectKey`'s key for a person). Names are chosen by other people: someone may call themselves after
 * an admin, or "Admin". A person the list shows by name alone stays medium, even when an admin bears that
 * name: a name is never proof of who holds full control. The findings depend only on the list and on the
 * full-control holders (analysis-state.ts `full-control`), each worded from what the list showed.
 */
export default defineRule({
  id: 'person-without-two-factor',
  severity: 'medium',
  scope: 'page',
  check(snapshot, context) {
    const listed = context.security?.withoutTwoFactor?.people ?? [];
    if (listed.length === 0) return [];
    const holders = new Set(
      fullControlHolders(snapshot.principals)
        .filter((p) => p.email)
        .map(getSubjectKey),
    );
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    for (const person of listed) {
      const subject = listedPersonKey(person);
      if (seen.has(subject)) continue; // listed twice: one finding
      seen.add(subject);
      const fullControl = person.email !== undefined && holders.has(subject);
      findings.push({
        subject,
        principal: listedAsPerson(person),
        severity: fullControl ? 'high' : 'medium',
        facts: { fullControl: fullControl ? 1 : 0 },
      });
    }
    return findings;
  },
  text: {
    en: {
      message: (f) =>
        f.facts!.fullControl
          ? `${who(f.principal)} has full control of the business portfolio and no two-factor authentication (Security Center).`
          : `${who(f.principal)} has no two-factor authentication (Security Center).`,
      why: 'Without two-factor authentication, a stolen or guessed password is enough to act as this person in the portfolio. With full control, that is the whole portfolio: its admins, partners, ad accounts and payment methods.',
      fix: (f) =>
        `Ask ${f.principal.name} to turn on two-factor authentication for their account. To make it a rule for everyone, in ${businessOptionsPlace('en')} require it of ${quoted('en', requirementWord('en', 'everyone'))}. If they no longer need access, ${quoted('en', words.en.remove)} them in ${placeOf('en', f.principal)} (${securityCenterPlace('en')} lists them too).`,
    },
    sv: {
      message: (f) =>
        f.facts!.fullControl
          ? `${who(f.principal)} har full kontroll över företagsportföljen och ingen tvåfaktorsautentisering (Säkerhetscenter).`
          : `${who(f.principal)} har ingen tvåfaktorsautentisering (Säkerhetscenter).`,
      why: 'Utan tvåfaktorsautentisering räcker ett stulet eller gissat lösenord för att agera som den här personen i portföljen. Med full kontroll gäller det hela portföljen: administratörer, partner, annonskonton och betalningsmetoder.',
      fix: (f) =>
        `Be ${f.principal.name} att slå på tvåfaktorsautentisering för sitt konto. För att kräva det av alla, välj ${quoted('sv', requirementWord('sv', 'everyone'))} i ${businessOptionsPlace('sv')}. Om hen inte längre behöver åtkomst, välj ${quoted('sv', words.sv.remove)} i ${placeOf('sv', f.principal)} (hen listas också i ${securityCenterPlace('sv')}).`,
    },
    fr: {
      message: (f) =>
        f.facts!.fullControl
          ? `${who(f.principal)} a le contrôle total du portefeuille business et pas d’authentification à deux facteurs (Centre de sécurité).`
          : `${who(f.principal)} n’a pas d’authentification à deux facteurs (Centre de sécurité).`,
      why: 'Sans authentification à deux facteurs, un mot de passe volé ou deviné suffit pour agir comme cette personne dans le portefeuille. Avec le contrôle total, c’est tout le portefeuille\u00a0: ses administrateurs, partenaires, comptes publicitaires et moyens de paiement.',
      fix: (f) =>
        `Demandez à ${f.principal.name} d’activer l’authentification à deux facteurs sur son compte. Pour l’exiger de tous, choisissez ${quoted('fr', requirementWord('fr', 'everyone'))} dans ${businessOptionsPlace('fr')}. Si cette personne n’a plus besoin d’accès, utilisez ${quoted('fr', words.fr.remove)} dans ${placeOf('fr', f.principal)} (elle figure aussi dans ${securityCenterPlace('fr')}).`,
    },
  },
});
