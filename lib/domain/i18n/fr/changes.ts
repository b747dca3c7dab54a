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
  what: {
    added: {
      person: 'Nouvelle personne',
      partner: 'Nouveau partenaire',
      'system-user': 'Nouvel utilisateur système',
    },
    removed: {
      person: 'Personne retirée',
      partner: 'Partenaire retiré',
      'system-user': 'Utilisateur système retiré',
    },
    portfolioRaised: (from, to) =>
      `Accès au portefeuille d’entreprise relevé de «\u00a0${from}\u00a0» à «\u00a0${to}\u00a0»`,
    assetAdded: (asset, access) => `Accès ajouté sur ${asset} : «\u00a0${access}\u00a0»`,
    assetRaised: (asset, from, to) =>
      `Accès sur ${asset} relevé de «\u00a0${from}\u00a0» à «\u00a0${to}\u00a0»`,
    taskAdded: (asset, task) => `Tâche «\u00a0${task}\u00a0» ajoutée sur ${asset}`,
    assetRemoved: (asset) => `Accès retiré sur ${asset}`,
    endDateRemoved: (from) => `Date de fin ${from} supprimée : l’accès ne prend plus fin`,
    endDateExtended: (from, to) => `Date de fin repoussée du ${from} au ${to}`,
    fullControlToThirdParty: (replaced) =>
      `Le contrôle total du portefeuille d’entreprise est passé à un tiers tandis que ${replaced} l’a perdu`,
    someone: 'un titulaire du domaine de l’organisation',
  },
  verdict: {
    grant: (id) => `Approuvé par l’enregistrement d’accès ${id}`,
    grantCase: (caseText, ticket) =>
      ticket ? `Besoin «\u00a0${caseText}\u00a0», ticket ${ticket}` : `Besoin «\u00a0${caseText}\u00a0»`,
    decision: (id) => `Approuvé par la décision ${id}`,
    decisionBy: (action, by) => `${action}, par ${by}`,
    onboarding: (runId) => `Fait avec la liste d’intégration de Scopekeeper (${runId})`,
    unrecorded: 'Non enregistré : aucun enregistrement ne l’approuve',
    informational: 'Informatif : un retrait n’a pas besoin d’approbation',
  },
};
