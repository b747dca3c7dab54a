import type { Catalogue } from '../shape';

/** The panel's long lists in French (see en/panel-lists.ts). */
export const panelLists: Catalogue['panelLists'] = {
  ruleTitles: {
    'unrecorded-full-control': 'Contrôle total obtenu sans enregistrement',
    'new-partner': 'Nouveau partenaire sans enregistrement',
    'unrecorded-access': 'Accès donné sans enregistrement',
    'third-party-full-control': 'Tiers avec contrôle total',
    'full-control-person': 'Contrôle total détenu par une autre personne',
    'single-full-control': 'Une seule personne avec contrôle total',
    'too-many-full-control': 'Trop de personnes avec contrôle total',
    'public-email-domain': 'Adresse e-mail grand public',
    'pending-invite': 'Invitation en attente',
    'stale-pending-invite': 'Invitation en attente depuis trop longtemps',
    'undocumented-third-party': 'Tiers sans enregistrement',
    'no-expiry': 'Accès d’un tiers sans date de fin',
    'expiring-soon': 'Accès bientôt terminé',
    'expired-access-present': 'Accès encore affiché après sa date de fin',
    'broad-partner-scope': 'Partenaire ayant accès à de nombreux éléments',
    'unapproved-partner': 'Partenaire absent de la liste approuvée',
    'invite-full-control': 'Invitation donnant le contrôle total',
    'invite-no-expiry': 'Invitation sans date de fin',
  },
  byRule: 'Constats par règle',
  findingCount: (n) => (n <= 1 ? `${n} constat` : `${n} constats`),
  acceptedCount: (n) => (n <= 1 ? `${n} accepté` : `${n} acceptés`),
  findingsOf: (rule) => `Constats\u00a0: ${rule}`,
  explain: 'Pourquoi et comment corriger',
  subjectFindings: (name) => `${name}\u00a0: tous les constats et le registre`,
  closeSubject: 'Fermer',
};
