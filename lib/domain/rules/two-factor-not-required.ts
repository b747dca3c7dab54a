import { businessSubject, defineBusinessRule } from './types';
import { businessOptionsPlace, requirementWord, twoFactorSettingWord } from './security-words';
import { quoted } from './words';

/**
 * The portfolio does not require two-factor authentication, as Business info › Business options sets it
 * (issue 15, item 5): high when it requires it of no one, low when of admins only, nothing when of everyone
 * or while the setting was never read. A finding about the business itself, not about a person.
 */
export default defineBusinessRule({
  id: 'two-factor-not-required',
  severity: 'high',
  scope: 'page',
  check(snapshot, context) {
    const requirement = context.security?.twoFactorRequirement?.value;
    if (requirement !== 'no-one' && requirement !== 'admins') return [];
    return [
      {
        subject: businessSubject(snapshot.businessId),
        severity: requirement === 'no-one' ? 'high' : 'low',
        facts: { requirement },
      },
    ];
  },
  text: {
    en: {
      message: (f) =>
        f.facts!.requirement === 'no-one'
          ? 'This business portfolio does not require two-factor authentication of anyone.'
          : 'This business portfolio requires two-factor authentication of admins only, not of everyone.',
      why: 'Most portfolio takeovers start with one stolen password. Two-factor authentication stops a stolen password alone from getting in; people without it, even with little access, can be used to phish the admins and run ads.',
      fix: () =>
        `In ${businessOptionsPlace('en')}, set ${quoted('en', twoFactorSettingWord('en'))} to ${quoted('en', requirementWord('en', 'everyone'))}. Tell people first: whoever has not turned it on loses access until they do.`,
    },
    sv: {
      message: (f) =>
        f.facts!.requirement === 'no-one'
          ? 'Företagsportföljen kräver inte tvåfaktorsautentisering av någon.'
          : 'Företagsportföljen kräver tvåfaktorsautentisering bara av administratörer, inte av alla.',
      why: 'De flesta kapningar av portföljer börjar med ett stulet lösenord. Med tvåfaktorsautentisering räcker inte ett stulet lösenord för att komma in; personer utan den, även med liten åtkomst, kan användas för att nätfiska administratörerna och köra annonser.',
      fix: () =>
        `I ${businessOptionsPlace('sv')}, sätt ${quoted('sv', twoFactorSettingWord('sv'))} till ${quoted('sv', requirementWord('sv', 'everyone'))}. Meddela alla först: den som inte har slagit på det förlorar åtkomsten tills hen gör det.`,
    },
    fr: {
      message: (f) =>
        f.facts!.requirement === 'no-one'
          ? 'Ce portefeuille business n’exige l’authentification à deux facteurs de personne.'
          : 'Ce portefeuille business n’exige l’authentification à deux facteurs que des administrateurs, pas de tout le monde.',
      why: 'La plupart des prises de contrôle d’un portefeuille commencent par un mot de passe volé. Avec l’authentification à deux facteurs, un mot de passe volé ne suffit plus\u00a0; les personnes sans elle, même avec peu d’accès, peuvent servir à hameçonner les administrateurs et à diffuser des publicités.',
      fix: () =>
        `Dans ${businessOptionsPlace('fr')}, réglez ${quoted('fr', twoFactorSettingWord('fr'))} sur ${quoted('fr', requirementWord('fr', 'everyone'))}. Prévenez d’abord les personnes\u00a0: qui ne l’a pas activée perd l’accès jusqu’à ce qu’elle le fasse.`,
    },
  },
});
