import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, quoted, who, words } from './words';

/**
 * A system user holds full control of the portfolio (the Admin role): its tokens are what an intruder keeps
 * after a takeover (issue 15). Medium; high when the ledger holds no grant record for it.
 */
export default defineRule({
  id: 'admin-system-user',
  severity: 'medium',
  scope: 'page',
  check(snapshot, context) {
    return snapshot.principals
      .filter((p) => p.kind === 'system-user' && !p.pending && p.portfolioAccess === 'full-control')
      .map((principal) => {
        const subject = getSubjectKey(principal);
        const recorded = context.ledger.grants.has(subject);
        return { subject, principal, severity: recorded ? ('medium' as const) : ('high' as const) };
      });
  },
  text: {
    en: {
      message: (f) =>
        f.severity === 'high'
          ? `System user ${who(f.principal)} has full control of the business portfolio, and nothing records why.`
          : `System user ${who(f.principal)} has full control of the business portfolio.`,
      why: 'A system user’s access token works without a password or two-factor authentication, and it survives when the people who made it leave. With full control, one leaked token can add admins, partners and payment methods.',
      fix: (f) =>
        `In ${placeOf('en', f.principal)}, select ${f.principal.name} and switch ${quoted('en', words.en.fullControl)} to ${quoted('en', words.en.basicAccess)}; assign only the assets its integration needs. If it truly needs full control, record why with “Document access”.`,
    },
    sv: {
      message: (f) =>
        f.severity === 'high'
          ? `Systemanvändaren ${who(f.principal)} har full kontroll över företagsportföljen, och inget dokumenterar varför.`
          : `Systemanvändaren ${who(f.principal)} har full kontroll över företagsportföljen.`,
      why: 'En systemanvändares åtkomsttoken fungerar utan lösenord och tvåfaktorsautentisering, och den finns kvar när de som skapade den slutar. Med full kontroll kan en läckt token lägga till administratörer, partner och betalningsmetoder.',
      fix: (f) =>
        `I ${placeOf('sv', f.principal)}, välj ${f.principal.name} och byt ${quoted('sv', words.sv.fullControl)} till ${quoted('sv', words.sv.basicAccess)}; tilldela bara de tillgångar integrationen behöver. Om den verkligen behöver full kontroll, dokumentera varför med ”Dokumentera åtkomst”.`,
    },
    fr: {
      message: (f) =>
        f.severity === 'high'
          ? `L’utilisateur système ${who(f.principal)} a le contrôle total du portefeuille business, et rien n’indique pourquoi.`
          : `L’utilisateur système ${who(f.principal)} a le contrôle total du portefeuille business.`,
      why: 'Le jeton d’accès d’un utilisateur système fonctionne sans mot de passe ni authentification à deux facteurs, et il survit au départ de ceux qui l’ont créé. Avec le contrôle total, un seul jeton divulgué peut ajouter des administrateurs, des partenaires et des moyens de paiement.',
      fix: (f) =>
        `Dans ${placeOf('fr', f.principal)}, sélectionnez ${f.principal.name} et passez de ${quoted('fr', words.fr.fullControl)} à ${quoted('fr', words.fr.basicAccess)}\u00a0; n’attribuez que les éléments dont son intégration a besoin. S’il lui faut vraiment le contrôle total, consignez pourquoi avec « Documenter l’accès ».`,
    },
  },
});
