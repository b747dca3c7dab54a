import { defineRule } from './types';
import { changesOnPage, more } from './watch-facts';
import { placeOf, who } from './words';

/**
 * Since the last visit someone gained full control of the portfolio or of an asset, and no record (grant,
 * decision, onboarding checklist) approves it (issue 13).
 */
export default defineRule({
  id: 'unrecorded-full-control',
  severity: 'high',
  scope: 'page',
  // Not a new partner's changes: `new-partner` speaks of those.
  check: changesOnPage((c) => c.fullControl),
  text: {
    en: {
      message: (f) =>
        `${who(f.principal)} gained full control of ${f.facts!.asset ? `“${f.facts!.asset}”` : 'the business portfolio'} (first seen ${f.facts!.seen}), and no record approves it.${more(f.facts!.more, 'One more change of theirs is unrecorded.', (n) => `${n} more changes of theirs are unrecorded.`)}`,
      why: 'Portfolio takeovers start this way: an attacker adds an admin or a partner with full control, then runs ads from it within hours. Nothing in the ledger says anyone approved this.',
      fix: (f) =>
        `If you approved it, use “Document access” in this panel for ${f.principal.name}: the case, who approved it, the assets and the end date. If nobody did, remove ${f.principal.name} in ${placeOf('en', f.principal)} at once, then check the other admins, partners and system users.`,
    },
    sv: {
      message: (f) =>
        `${who(f.principal)} fick full kontroll över ${f.facts!.asset ? `”${f.facts!.asset}”` : 'företagsportföljen'} (sågs första gången ${f.facts!.seen}), och inget dokument godkänner det.${more(f.facts!.more, 'Ytterligare en av deras ändringar är odokumenterad.', (n) => `Ytterligare ${n} av deras ändringar är odokumenterade.`)}`,
      why: 'Så börjar kapningar av företagsportföljer: en angripare lägger till en administratör eller partner med full kontroll och kör annonser därifrån inom några timmar. Inget i liggaren säger att någon godkände detta.',
      fix: (f) =>
        `Om ni godkände det, använd ”Dokumentera åtkomst” i den här panelen för ${f.principal.name}: uppdraget, vem som godkände, tillgångarna och slutdatum. Om ingen gjorde det, ta bort ${f.principal.name} i ${placeOf('sv', f.principal)} direkt och kontrollera sedan övriga administratörer, partner och systemanvändare.`,
    },
    fr: {
      message: (f) =>
        `${who(f.principal)} a obtenu le contrôle total ${f.facts!.asset ? `de « ${f.facts!.asset} »` : 'du portefeuille d’entreprise'} (vu pour la première fois le ${f.facts!.seen}), et aucun enregistrement ne l’approuve.${more(f.facts!.more, 'Un autre de ses changements n’est pas enregistré.', (n) => `${n} autres de ses changements ne sont pas enregistrés.`)}`,
      why: 'C’est ainsi que commencent les prises de contrôle de portefeuilles : un attaquant ajoute un administrateur ou un partenaire avec le contrôle total, puis diffuse des publicités en quelques heures. Rien dans le registre n’indique que quelqu’un l’a approuvé.',
      fix: (f) =>
        `Si vous l’avez approuvé, utilisez « Documenter l’accès » dans ce panneau pour ${f.principal.name} : la mission, qui l’a approuvée, les éléments et la date de fin. Sinon, retirez ${f.principal.name} dans ${placeOf('fr', f.principal)} immédiatement, puis vérifiez les autres administrateurs, partenaires et utilisateurs système.`,
    },
  },
});
