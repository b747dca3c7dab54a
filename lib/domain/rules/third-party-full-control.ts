import { isThirdParty } from '../principals';
import { getSubjectKey } from '../snapshot';
import { defineRule, type RawFinding } from './types';
import { leastTasks, placeOf, quoted, taskList, who, words } from './words';

/** A third party (a partner, or a person outside the portfolio's own domains) holds full control. */
export default defineRule({
  id: 'third-party-full-control',
  severity: 'high',
  scope: 'page',
  check(snapshot, context) {
    const findings: RawFinding[] = [];
    for (const principal of snapshot.principals) {
      if (isThirdParty(principal, context.ownDomains) !== 'yes') continue;
      const subject = getSubjectKey(principal);
      if (principal.kind === 'person' && principal.portfolioAccess === 'full-control')
        findings.push({ subject, principal });
      for (const asset of principal.assets)
        if (asset.access === 'full') findings.push({ subject, principal, asset });
    }
    return findings;
  },
  text: {
    en: {
      message: (f) =>
        f.asset
          ? `${who(f.principal)} is a third party with full control of the ${words.en.assetTypeSingular[f.asset.type]} ${quoted('en', f.asset.name)}.`
          : `${who(f.principal)} is a third party with full control of the whole business portfolio.`,
      why: 'Full control lets them add or remove anyone, including you, and change everything. A third party needs only the tasks of their assignment.',
      fix: (f) =>
        f.asset
          ? `In ${placeOf('en', f.principal)}, select ${f.principal.name}, then on ${quoted('en', f.asset.name)} switch off ${quoted('en', words.en.full[f.asset.type])} and keep only ${taskList('en', leastTasks(f.principal, f.asset))}.`
          : `In ${placeOf('en', f.principal)}, select ${f.principal.name} and switch ${quoted('en', words.en.fullControl)} to ${quoted('en', words.en.partialAccess)}; then give them only the tasks they need on each asset.`,
    },
    sv: {
      message: (f) =>
        f.asset
          ? `${who(f.principal)} är en tredje part med full kontroll över ${words.sv.assetTypeSingular[f.asset.type]} ${quoted('sv', f.asset.name)}.`
          : `${who(f.principal)} är en tredje part med full kontroll över hela företagsportföljen.`,
      why: 'Full kontroll låter dem lägga till eller ta bort vem som helst, även dig, och ändra allt. En tredje part behöver bara uppgifterna i sitt uppdrag.',
      fix: (f) =>
        f.asset
          ? `I ${placeOf('sv', f.principal)}, välj ${f.principal.name} och stäng av ${quoted('sv', words.sv.full[f.asset.type])} på ${quoted('sv', f.asset.name)}; behåll bara ${taskList('sv', leastTasks(f.principal, f.asset))}.`
          : `I ${placeOf('sv', f.principal)}, välj ${f.principal.name} och byt ${quoted('sv', words.sv.fullControl)} till ${quoted('sv', words.sv.partialAccess)}; ge sedan bara de uppgifter som behövs på varje tillgång.`,
    },
    fr: {
      message: (f) =>
        f.asset
          ? `${who(f.principal)} est un tiers avec le contrôle total sur ${words.fr.assetTypeSingular[f.asset.type]} ${quoted('fr', f.asset.name)}.`
          : `${who(f.principal)} est un tiers avec le contrôle total de tout le portefeuille business.`,
      why: 'Le contrôle total permet d’ajouter ou de retirer n’importe qui, vous compris, et de tout modifier. Un tiers n’a besoin que des tâches de sa mission.',
      fix: (f) =>
        f.asset
          ? `Dans ${placeOf('fr', f.principal)}, sélectionnez ${f.principal.name}, puis sur ${quoted('fr', f.asset.name)} désactivez ${quoted('fr', words.fr.full[f.asset.type])} et ne gardez que ${taskList('fr', leastTasks(f.principal, f.asset))}.`
          : `Dans ${placeOf('fr', f.principal)}, sélectionnez ${f.principal.name} et passez de ${quoted('fr', words.fr.fullControl)} à ${quoted('fr', words.fr.partialAccess)} ; donnez ensuite seulement les tâches nécessaires sur chaque élément.`,
    },
  },
});
