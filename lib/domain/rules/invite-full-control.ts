import { getSubjectKey, type AssetType, type TaskKey } from '../snapshot';
import { defineRule, type RawFinding } from './types';
import { leastTasks, quoted, taskList, words } from './words';

/** Every task of an asset type: selecting all of them equals full control in all but name [I]. */
const allTasks: Partial<Record<AssetType, TaskKey[]>> = {
  page: ['content', 'community', 'messages', 'ads', 'insights', 'revenue'],
  'ad-account': ['campaigns', 'performance', 'mockups'],
};

/** In an open invite or add-partner dialog, full control (or a task set equal to it) is selected. */
export default defineRule({
  id: 'invite-full-control',
  severity: 'high',
  scope: 'dialog',
  check(snapshot) {
    const findings: RawFinding[] = [];
    for (const principal of snapshot.principals) {
      const subject = getSubjectKey(principal);
      if (principal.kind === 'person' && principal.portfolioAccess === 'full-control')
        findings.push({ subject, principal });
      for (const asset of principal.assets) {
        const all = allTasks[asset.type];
        const everyTask =
          asset.access === 'partial' && all !== undefined && all.every((t) => asset.tasks.includes(t));
        if (asset.access === 'full' || everyTask) findings.push({ subject, principal, asset });
      }
    }
    return findings;
  },
  text: {
    en: {
      message: (f) =>
        f.asset
          ? `This ${f.principal.kind === 'partner' ? 'partner' : 'invitation'} would get full control of ${quoted('en', f.asset.name)}.`
          : `This invitation gives ${quoted('en', words.en.fullControl)} of the whole business portfolio.`,
      why: 'Full control cannot be narrowed to one case: it lets them manage people and change or remove everything. Grant the least that does the job.',
      fix: (f) =>
        f.asset
          ? `On ${quoted('en', f.asset.name)}, switch off ${quoted('en', words.en.full[f.asset.type])} and keep only ${taskList('en', leastTasks({ ...f.principal, assets: [] }, f.asset))}, before you press ${quoted('en', f.principal.kind === 'partner' ? words.en.assign : words.en.sendRequest)}.`
          : `Choose ${quoted('en', words.en.partialAccess)} instead, then pick only the assets and tasks of this case before you press ${quoted('en', words.en.sendRequest)}.`,
    },
    sv: {
      message: (f) =>
        f.asset
          ? `${f.principal.kind === 'partner' ? 'Partnern' : 'Inbjudan'} skulle få full kontroll över ${quoted('sv', f.asset.name)}.`
          : `Inbjudan ger ${quoted('sv', words.sv.fullControl)} över hela företagsportföljen.`,
      why: 'Full kontroll kan inte begränsas till ett uppdrag: den låter dem hantera personer och ändra eller ta bort allt. Ge det minsta som räcker.',
      fix: (f) =>
        f.asset
          ? `På ${quoted('sv', f.asset.name)}, stäng av ${quoted('sv', words.sv.full[f.asset.type])} och behåll bara ${taskList('sv', leastTasks({ ...f.principal, assets: [] }, f.asset))} innan du trycker på ${quoted('sv', f.principal.kind === 'partner' ? words.sv.assign : words.sv.sendRequest)}.`
          : `Välj ${quoted('sv', words.sv.partialAccess)} i stället och välj sedan bara uppdragets tillgångar och uppgifter innan du trycker på ${quoted('sv', words.sv.sendRequest)}.`,
    },
    fr: {
      message: (f) =>
        f.asset
          ? `${f.principal.kind === 'partner' ? 'Ce partenaire' : 'Cette invitation'} obtiendrait le contrôle total de ${quoted('fr', f.asset.name)}.`
          : `Cette invitation donne le ${quoted('fr', words.fr.fullControl)} de tout le portefeuille business.`,
      why: 'Le contrôle total ne se limite pas à une mission : il permet de gérer les personnes et de tout modifier ou supprimer. Accordez le minimum nécessaire.',
      fix: (f) =>
        f.asset
          ? `Sur ${quoted('fr', f.asset.name)}, désactivez ${quoted('fr', words.fr.full[f.asset.type])} et ne gardez que ${taskList('fr', leastTasks({ ...f.principal, assets: [] }, f.asset))} avant de cliquer sur ${quoted('fr', f.principal.kind === 'partner' ? words.fr.assign : words.fr.sendRequest)}.`
          : `Choisissez plutôt ${quoted('fr', words.fr.partialAccess)}, puis seulement les éléments et tâches de cette mission avant de cliquer sur ${quoted('fr', words.fr.sendRequest)}.`,
    },
  },
});
