import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, quoted, who, words } from './words';

/** The approved-partner list is not empty and a partner not on it has access. */
export default defineRule({
  id: 'unapproved-partner',
  severity: 'high',
  scope: 'page',
  check(snapshot, context) {
    const approved = new Set(context.settings.approvedPartnerIds);
    if (approved.size === 0) return [];
    return (
      snapshot.principals
        // A partner listed in Business Settings has been given something: being listed is having access.
        .filter((p) => p.kind === 'partner' && !(p.businessId && approved.has(p.businessId)))
        .map((principal) => ({ subject: getSubjectKey(principal), principal }))
    );
  },
  text: {
    en: {
      message: (f) => `${who(f.principal)} is not on your list of approved partners.`,
      why: 'Only partners you have vetted should reach your assets. An unknown Business ID may be a look-alike agency.',
      fix: (f) =>
        `Check who ${f.principal.name} is. If they should not be here, in ${placeOf('en', f.principal)} select them and ${quoted('en', words.en.remove)}; if they should, add their Business ID to the approved partners in Scopekeeper's settings.`,
    },
    sv: {
      message: (f) => `${who(f.principal)} finns inte på er lista över godkända partner.`,
      why: 'Bara partner ni har granskat ska nå era tillgångar. Ett okänt företags-ID kan vara en byrå som utger sig för att vara en annan.',
      fix: (f) =>
        `Kontrollera vem ${f.principal.name} är. Om de inte ska vara här: i ${placeOf('sv', f.principal)}, välj dem och ${quoted('sv', words.sv.remove)}; annars, lägg till deras företags-ID bland godkända partner i Scopekeepers inställningar.`,
    },
    fr: {
      message: (f) => `${who(f.principal)} ne figure pas sur votre liste de partenaires approuvés.`,
      why: 'Seuls les partenaires que vous avez vérifiés doivent atteindre vos éléments. Un ID d’entreprise inconnu peut être une agence qui en imite une autre.',
      fix: (f) =>
        `Vérifiez qui est ${f.principal.name}. S’il ne doit pas être là, dans ${placeOf('fr', f.principal)} sélectionnez-le et cliquez sur ${quoted('fr', words.fr.remove)} ; sinon, ajoutez son ID d’entreprise aux partenaires approuvés dans les paramètres de Scopekeeper.`,
    },
  },
});
