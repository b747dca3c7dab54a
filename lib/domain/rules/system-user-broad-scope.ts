import { getSubjectKey } from '../snapshot';
import { defineRule } from './types';
import { placeOf, who } from './words';

/** A system user is assigned more assets than the settings allow (default 5; issue 15). */
export default defineRule({
  id: 'system-user-broad-scope',
  severity: 'medium',
  scope: 'page',
  check(snapshot, context) {
    const max = context.settings.maxSystemUserAssets;
    return snapshot.principals
      .filter((p) => p.kind === 'system-user' && p.assets.length > max)
      .map((principal) => ({
        subject: getSubjectKey(principal),
        principal,
        facts: { count: principal.assets.length, max },
      }));
  },
  text: {
    en: {
      message: (f) =>
        `System user ${who(f.principal)} is assigned ${f.facts!.count} assets (your limit is ${f.facts!.max}).`,
      why: 'One system user across many assets means one leaked token reaches all of them. Give each integration its own system user with only the assets it works on.',
      fix: (f) =>
        `In ${placeOf('en', f.principal)}, select ${f.principal.name} and remove the assets its integration does not use, or split it into one system user per integration.`,
    },
    sv: {
      message: (f) =>
        `Systemanvändaren ${who(f.principal)} är tilldelad ${f.facts!.count} tillgångar (er gräns är ${f.facts!.max}).`,
      why: 'En systemanvändare på många tillgångar betyder att en läckt token når alla. Ge varje integration en egen systemanvändare med bara de tillgångar den arbetar med.',
      fix: (f) =>
        `I ${placeOf('sv', f.principal)}, välj ${f.principal.name} och ta bort de tillgångar integrationen inte använder, eller dela upp den i en systemanvändare per integration.`,
    },
    fr: {
      message: (f) =>
        `L’utilisateur système ${who(f.principal)} est affecté à ${f.facts!.count} éléments (votre limite est ${f.facts!.max}).`,
      why: 'Un utilisateur système sur de nombreux éléments signifie qu’un seul jeton divulgué les atteint tous. Donnez à chaque intégration son propre utilisateur système, limité aux éléments qu’elle utilise.',
      fix: (f) =>
        `Dans ${placeOf('fr', f.principal)}, sélectionnez ${f.principal.name} et retirez les éléments que son intégration n’utilise pas, ou scindez-le en un utilisateur système par intégration.`,
    },
  },
});
