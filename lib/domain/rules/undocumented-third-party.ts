import { holdsAccess, isThirdParty } from '../principals';
import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { who } from './words';

/** A third party has access and the ledger holds no grant record for them. */
export default defineRule({
  id: 'undocumented-third-party',
  severity: 'low',
  scope: 'page',
  check(snapshot, context) {
    return snapshot.principals
      .filter((p) => isThirdParty(p, context.ownDomains) === 'yes' && holdsAccess(p))
      .map((principal) => ({ subject: getSubjectKey(principal), principal }))
      .filter((f) => !context.ledger.grants.has(f.subject));
  },
  text: {
    en: {
      message: (f) => `Nothing records why ${who(f.principal)} has access.`,
      why: 'Without a record of the case, the approver and the end date, nobody can later tell whether this access is still needed, and an auditor will ask.',
      fix: (f) =>
        `Use “Document access” in this panel for ${f.principal.name}: the case, who approved it, the assets and the end date.`,
    },
    sv: {
      message: (f) => `Inget dokumenterar varför ${who(f.principal)} har åtkomst.`,
      why: 'Utan uppgift om uppdrag, godkännare och slutdatum kan ingen senare avgöra om åtkomsten fortfarande behövs, och en revisor kommer att fråga.',
      fix: (f) =>
        `Använd ”Dokumentera åtkomst” i den här panelen för ${f.principal.name}: uppdraget, vem som godkände, tillgångarna och slutdatum.`,
    },
    fr: {
      message: (f) => `Rien n’indique pourquoi ${who(f.principal)} a un accès.`,
      why: 'Sans trace de la mission, de qui l’a approuvée et de la date de fin, personne ne peut dire plus tard si cet accès est encore utile, et un auditeur le demandera.',
      fix: (f) =>
        `Utilisez « Documenter l’accès » dans ce panneau pour ${f.principal.name} : la mission, qui l’a approuvée, les éléments et la date de fin.`,
    },
  },
});
