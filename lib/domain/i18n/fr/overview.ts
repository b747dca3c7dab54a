import type { overview as en } from '../en/overview';

/** La vue d’ensemble de toutes les entreprises et la vue des ressources (issue 15). */
export const overview: typeof en = {
  title: 'Toutes les entreprises',
  open: 'Toutes les entreprises',
  intro:
    'Chaque entreprise que Scopekeeper a lue dans ce navigateur, la plus à risque d’abord : constats, changements qu’aucun enregistrement n’approuve, échéances et listes de contrôle ouvertes. Conservé dans ce navigateur uniquement.',
  loading: 'Chargement des entreprises…',
  none: 'Scopekeeper n’a encore lu aucune entreprise. Ouvrez Personnes, Partenaires ou Utilisateurs système dans les Paramètres de l’entreprise, puis revenez.',
  noMatch: 'Aucune entreprise ne correspond au filtre.',
  shown: (shown, all) =>
    shown === all
      ? `${all} ${all === 1 ? 'entreprise' : 'entreprises'}`
      : `${shown} sur ${all} ${all === 1 ? 'entreprise affichée' : 'entreprises affichées'}`,
  listLabel: 'Entreprises',
  business: (label) => `Entreprise ${label}`,
  sort: 'Trier par',
  sorts: { risk: 'Risque', business: 'Entreprise', recent: 'Dernière lecture' },
  filter: 'Afficher',
  filters: {
    all: 'Toutes les entreprises',
    findings: 'Avec des constats',
    unrecorded: 'Avec des changements non enregistrés',
    due: 'Avec des échéances',
    checklists: 'Avec des listes de contrôle ou des revues ouvertes',
  },
  search: 'Rechercher',
  severities: { high: 'élevé', medium: 'moyen', low: 'faible' },
  findings: 'Constats',
  noFindings: 'Aucun constat',
  unrecorded: (n, full) =>
    `${n} ${n === 1 ? 'changement non enregistré' : 'changements non enregistrés'}` +
    (full > 0 ? ` (${full} avec contrôle total)` : ''),
  due: (n) => `${n} ${n === 1 ? 'échéance' : 'échéances'}`,
  openRuns: (n) => `${n} ${n === 1 ? 'liste de contrôle ouverte' : 'listes de contrôle ouvertes'}`,
  openReviews: (n) => `${n} ${n === 1 ? 'revue des accès ouverte' : 'revues des accès ouvertes'}`,
  counts: (principals, assets) =>
    `${principals} ${principals === 1 ? 'titulaire' : 'titulaires'}, ${assets} ${assets === 1 ? 'ressource' : 'ressources'}`,
  lastRead: 'Dernière lecture complète',
  neverRead: 'jamais',
  assetPage: 'une page de ressource',
  openSettings: 'Ouvrir dans les Paramètres de l’entreprise',
  notOpened: 'Les Paramètres de l’entreprise n’ont pas pu être ouverts.',
  assetPathsLink: 'Qui accède à cette ressource',
  assetsLink: 'Ressources et qui y accède',
  assets: {
    title: (label) => `Qui accède aux ressources de l’entreprise ${label}`,
    intro:
      'Chaque chemin vers chaque ressource que Scopekeeper a vue : personnes avec un accès direct, partenaires et utilisateurs système, avec leur accès, leurs tâches, l’enregistrement du registre et la date de lecture de chaque fait.',
    back: 'Toutes les entreprises',
    loading: 'Chargement des ressources…',
    none: 'Aucune ressource de cette entreprise n’a encore été lue. Ouvrez les détails d’une personne, d’un partenaire ou d’un utilisateur système, ou la page d’une ressource, dans les Paramètres de l’entreprise.',
    noMatch: 'Aucune ressource ne correspond à la recherche.',
    shown: (shown, all) =>
      shown === all
        ? `${all} ${all === 1 ? 'ressource' : 'ressources'}`
        : `${shown} sur ${all} ${all === 1 ? 'ressource affichée' : 'ressources affichées'}`,
    listLabel: 'Ressources',
    paths: (people, partners, systemUsers) =>
      `${people} ${people === 1 ? 'personne' : 'personnes'}, ${partners} ${partners === 1 ? 'partenaire' : 'partenaires'}, ${systemUsers} ${systemUsers === 1 ? 'utilisateur système' : 'utilisateurs système'}`,
    pageRead: (date) => `Page de la ressource lue le ${date}`,
    noPath: 'Personne n’est connu pour détenir cette ressource.',
    via: { person: 'Personne', partner: 'Partenaire', 'system-user': 'Utilisateur système' },
    access: {
      full: 'Contrôle total',
      'full-except-sensitive': 'Contrôle total sauf tâches sensibles',
      partial: 'Accès partiel',
    },
    pending: 'en attente',
    pageEnds: (date) => `accès jusqu’au ${date}`,
    grant: (id, endsAt) => `Enregistrement ${id}` + (endsAt ? `, jusqu’au ${endsAt}` : ', sans date de fin'),
    grantOther: 'un enregistrement de ce titulaire qui ne nomme pas cette ressource',
    noGrant: 'Aucun enregistrement',
    seen: (date) => `lu le ${date}`,
    exportCsv: 'Exporter en CSV',
    exported: (file) => `${file} enregistré.`,
  },
};
