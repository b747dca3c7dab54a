import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, who } from './words';

/** A partner holds access to more assets than the settings allow (default 5). */
export default defineRule({
  id: 'broad-partner-scope',
  severity: 'medium',
  scope: 'page',
  check(snapshot, context) {
    return snapshot.principals
      .filter((p) => p.kind === 'partner' && p.assets.length > context.settings.maxPartnerAssets)
      .map((principal) => ({
        subject: getSubjectKey(principal),
        principal,
        facts: { count: principal.assets.length, max: context.settings.maxPartnerAssets },
      }));
  },
  text: {
    en: {
      message: (f) =>
        `${who(f.principal)} has access to ${f.facts!.count} assets (your limit is ${f.facts!.max}).`,
      why: 'One partner across many assets means one compromised agency account reaches all of them. Share per case, one asset group at a time.',
      fix: (f) =>
        `In ${placeOf('en', f.principal)}, select ${f.principal.name} and remove the assets their current case does not need.`,
    },
    sv: {
      message: (f) =>
        `${who(f.principal)} har åtkomst till ${f.facts!.count} tillgångar (er gräns är ${f.facts!.max}).`,
      why: 'En partner på många tillgångar betyder att ett kapat byråkonto når alla. Dela per uppdrag, en tillgångsgrupp i taget.',
      fix: (f) =>
        `I ${placeOf('sv', f.principal)}, välj ${f.principal.name} och ta bort de tillgångar som det aktuella uppdraget inte behöver.`,
    },
    fr: {
      message: (f) =>
        `${who(f.principal)} a accès à ${f.facts!.count} éléments (votre limite est ${f.facts!.max}).`,
      why: 'Un partenaire sur de nombreux éléments signifie qu’un compte d’agence compromis les atteint tous. Partagez par mission, un groupe d’éléments à la fois.',
      fix: (f) =>
        `Dans ${placeOf('fr', f.principal)}, sélectionnez ${f.principal.name} et retirez les éléments dont sa mission actuelle n’a pas besoin.`,
    },
  },
});
