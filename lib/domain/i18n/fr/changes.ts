import type { Catalogue } from '../shape';

/** The change timeline's page in French (see en/changes.ts). */
export const changes: Catalogue['changes'] = {
  title: 'Historique des changements',
  open: 'Historique des changements',
  intro:
    'Chaque changement que Scopekeeper a vu sur les pages d’une entreprise, du plus récent au plus ancien, et si un enregistrement du registre l’approuve. Conservé dans ce navigateur uniquement.',
  loading: 'Chargement des changements…',
  business: 'Entreprise',
  chooseBusiness: 'Choisir une entreprise',
  businessOption: (id, date) => `Entreprise ${id} (lue le ${date})`,
  namedBusinessOption: (name, id, date) => `${name} · ${id} (lue le ${date})`,
  noBusinesses:
    'Scopekeeper n’a encore lu aucune entreprise. Ouvrez Personnes, Partenaires ou Utilisateurs système dans les Paramètres de l’entreprise, puis revenez.',
  none: 'Aucun changement vu sur cette entreprise pour l’instant : ce que ses pages montrent n’a pas changé depuis la première lecture.',
  noMatch: 'Aucun changement ne correspond au filtre.',
  shown: (shown, all) =>
    shown === all
      ? `${all} changement${all === 1 ? '' : 's'}`
      : `${shown} sur ${all} changement${all === 1 ? '' : 's'} affiché${shown === 1 ? '' : 's'}`,
  openCount: (n) => (n === 1 ? '1 alerte ouverte' : `${n} alertes ouvertes`),
  listLabel: 'Changements, du plus récent au plus ancien',
  filter: 'Afficher',
  filters: {
    all: 'Tous les changements',
    unrecorded: 'Non enregistrés uniquement',
    'hide-informational': 'Masquer les informatifs',
  },
  search: 'Rechercher un nom ou un identifiant',
  exportCsv: 'Exporter en CSV',
  exportJson: 'Exporter en JSON',
  exported: (file) => `Enregistré sous ${file}.`,
  firstSeen: 'Vu pour la première fois',
  page: 'Vu sur',
  openAlert: 'Alerte ouverte',
  fullControl: 'Contrôle total',
  replaced: (who) => `À la place de ${who}`,
  record: {
    grantCase: (caseText, ticket) =>
      ticket ? `Besoin «\u00a0${caseText}\u00a0», ticket ${ticket}` : `Besoin «\u00a0${caseText}\u00a0»`,
    decisionBy: (action, by) => `${action}, par ${by}`,
  },
};
