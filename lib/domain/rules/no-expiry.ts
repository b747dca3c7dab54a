import { holdsAccess, isThirdParty } from '../principals';
import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, quoted, who, words } from './words';

/** A third party has access and neither the ledger nor the page gives an end date. */
export default defineRule({
  id: 'no-expiry',
  severity: 'medium',
  scope: 'page',
  check(snapshot, context) {
    return snapshot.principals
      .filter((p) => isThirdParty(p, context.ownDomains) === 'yes' && holdsAccess(p) && !p.temporaryUntil)
      .map((principal) => ({ subject: getSubjectKey(principal), principal }))
      .filter((f) => !context.ledger.grants.get(f.subject)?.endsAt);
  },
  text: {
    en: {
      message: (f) => `${who(f.principal)} has access with no end date.`,
      why: 'Access without an end date outlives the work it was given for. Third-party access should end when the assignment does.',
      fix: (f) =>
        f.principal.kind === 'person'
          ? `In ${placeOf('en', f.principal)}, select ${f.principal.name}, turn on ${quoted('en', words.en.temporaryAccess)} and set the date the work ends; or record an end date with “Document access”.`
          : `Record the date the work with ${f.principal.name} ends with “Document access” in this panel; Scopekeeper will remind you to remove them in ${placeOf('en', f.principal)}.`,
    },
    sv: {
      message: (f) => `${who(f.principal)} har åtkomst utan slutdatum.`,
      why: 'Åtkomst utan slutdatum lever kvar efter uppdraget. En tredje parts åtkomst ska upphöra när uppdraget gör det.',
      fix: (f) =>
        f.principal.kind === 'person'
          ? `I ${placeOf('sv', f.principal)}, välj ${f.principal.name}, slå på ${quoted('sv', words.sv.temporaryAccess)} och ange när uppdraget slutar; eller ange ett slutdatum med ”Dokumentera åtkomst”.`
          : `Ange när uppdraget med ${f.principal.name} slutar med ”Dokumentera åtkomst” i den här panelen; Scopekeeper påminner dig om att ta bort dem i ${placeOf('sv', f.principal)}.`,
    },
    fr: {
      message: (f) => `${who(f.principal)} a un accès sans date de fin.`,
      why: 'Un accès sans date de fin survit à la mission pour laquelle il a été donné. L’accès d’un tiers doit finir avec sa mission.',
      fix: (f) =>
        f.principal.kind === 'person'
          ? `Dans ${placeOf('fr', f.principal)}, sélectionnez ${f.principal.name}, activez ${quoted('fr', words.fr.temporaryAccess)} et indiquez la fin de la mission ; ou consignez une date de fin avec « Documenter l’accès ».`
          : `Consignez la fin de la mission de ${f.principal.name} avec « Documenter l’accès » dans ce panneau ; Scopekeeper vous rappellera de le retirer dans ${placeOf('fr', f.principal)}.`,
    },
  },
});
