import { defineRule } from './types';
import { isNewPartner, watchFinding } from './watch-facts';
import { placeOf, who } from './words';

/**
 * A partner business added since the last visit that no record approves (issue 13): high when it holds
 * full control of anything (the portfolio or an asset, as far as Scopekeeper has read), medium otherwise.
 */
export default defineRule({
  id: 'new-partner',
  severity: 'medium',
  scope: 'page',
  check(snapshot, context) {
    return snapshot.principals.flatMap((principal) => {
      const found = watchFinding(principal, context, (_c, all) => isNewPartner(principal, all));
      if (!found) return [];
      const full =
        found.changes.some((c) => c.fullControl) ||
        principal.portfolioAccess === 'full-control' ||
        principal.assets.some((a) => a.access === 'full');
      const added = found.changes.find((c) => c.kind === 'principal-added')!;
      return [
        {
          ...found,
          facts: { seen: added.firstSeen.slice(0, 10), full: full ? 1 : 0 },
          ...(full ? { severity: 'high' as const } : {}),
        },
      ];
    });
  },
  text: {
    en: {
      message: (f) =>
        `${who(f.principal)} was added as a partner (first seen ${f.facts!.seen}), and no record approves it.${f.facts!.full ? ' It holds full control.' : ''}`,
      why: 'Hijacked portfolios are typically emptied through a partner business: “an agency I had never heard of”, with full control. A partner nobody recorded is the first thing to check.',
      fix: (f) =>
        `If you work with ${f.principal.name}, use “Document access” in this panel: the case, who approved it, the assets and the end date. If you do not know them, remove the partner in ${placeOf('en', f.principal)} and check who else was added.`,
    },
    sv: {
      message: (f) =>
        `${who(f.principal)} lades till som partner (sågs första gången ${f.facts!.seen}), och inget dokument godkänner det.${f.facts!.full ? ' Partnern har full kontroll.' : ''}`,
      why: 'Kapade företagsportföljer töms oftast via ett partnerföretag: ”en byrå jag aldrig hört talas om”, med full kontroll. En partner som ingen har dokumenterat är det första att kontrollera.',
      fix: (f) =>
        `Om ni arbetar med ${f.principal.name}, använd ”Dokumentera åtkomst” i den här panelen: uppdraget, vem som godkände, tillgångarna och slutdatum. Om ni inte känner till dem, ta bort partnern i ${placeOf('sv', f.principal)} och kontrollera vilka fler som lagts till.`,
    },
    fr: {
      message: (f) =>
        `${who(f.principal)} a été ajouté comme partenaire (vu pour la première fois le ${f.facts!.seen}), et aucun enregistrement ne l’approuve.${f.facts!.full ? ' Il détient le contrôle total.' : ''}`,
      why: 'Les portefeuilles détournés sont le plus souvent vidés via une entreprise partenaire : « une agence dont je n’avais jamais entendu parler », avec le contrôle total. Un partenaire que personne n’a enregistré est la première chose à vérifier.',
      fix: (f) =>
        `Si vous travaillez avec ${f.principal.name}, utilisez « Documenter l’accès » dans ce panneau : la mission, qui l’a approuvée, les éléments et la date de fin. Si vous ne le connaissez pas, retirez le partenaire dans ${placeOf('fr', f.principal)} et vérifiez qui d’autre a été ajouté.`,
    },
  },
});
