import { holdsAccess } from '../principals';
import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { who } from './words';

/** A system user has access and the ledger holds no grant record for it (issue 15). */
export default defineRule({
  id: 'undocumented-system-user',
  severity: 'low',
  scope: 'page',
  check(snapshot, context) {
    return snapshot.principals
      .filter((p) => p.kind === 'system-user' && holdsAccess(p))
      .map((principal) => ({ subject: getSubjectKey(principal), principal }))
      .filter((f) => !context.ledger.grants.has(f.subject));
  },
  text: {
    en: {
      message: (f) =>
        `Nothing records which integration uses system user ${who(f.principal)}, or who owns it.`,
      why: 'A system user nobody can name outlives the integration it was made for, and its tokens keep working. A record says what it is for, who owns it and when to review it.',
      fix: (f) =>
        `Use “Document access” in this panel for ${f.principal.name}: the integration, its owner, the assets and a review date. If nobody knows it, remove it.`,
    },
    sv: {
      message: (f) =>
        `Inget dokumenterar vilken integration som använder systemanvändaren ${who(f.principal)} eller vem som äger den.`,
      why: 'En systemanvändare som ingen kan förklara överlever integrationen den skapades för, och dess token fortsätter att fungera. En dokumentation säger vad den används till, vem som äger den och när den ska granskas.',
      fix: (f) =>
        `Använd ”Dokumentera åtkomst” i den här panelen för ${f.principal.name}: integrationen, ägaren, tillgångarna och ett granskningsdatum. Om ingen känner till den, ta bort den.`,
    },
    fr: {
      message: (f) =>
        `Rien n’indique quelle intégration utilise l’utilisateur système ${who(f.principal)}, ni qui en est responsable.`,
      why: 'Un utilisateur système que personne ne sait expliquer survit à l’intégration pour laquelle il a été créé, et ses jetons continuent de fonctionner. Un enregistrement dit à quoi il sert, qui en est responsable et quand le réexaminer.',
      fix: (f) =>
        `Utilisez « Documenter l’accès » dans ce panneau pour ${f.principal.name} : l’intégration, son responsable, les éléments et une date de réexamen. Si personne ne le connaît, supprimez-le.`,
    },
  },
});
