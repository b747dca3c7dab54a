import type { AssetType, TaskKey } from '../../lib/domain/snapshot';

/**
 * The sandbox's own words, in the wording LEXICON.md gives for Business Settings. Written out separately
 * from lib/page/lexicon.ts on purpose: the sandbox must not be generated from the reader's own data.
 */
export interface SandboxStrings {
  metaBusiness: string;
  businessSettings: string;
  /** The business switcher's label (LEXICON.md "Security and business info"). */
  businessPortfolio: string;
  users: string;
  people: string;
  partners: string;
  systemUsers: string;
  accounts: string;
  dataSources: string;
  assetTypes: Record<AssetType, string>;
  you: string;
  fullControl: string;
  partialAccess: string;
  basicAccess: string;
  appsIntegrations: string;
  finance: string;
  adminLegacy: string;
  employeeLegacy: string;
  pending: string;
  accessExpires: string;
  temporaryAccess: string;
  businessId: string;
  email: string;
  name: string;
  access: string;
  status: string;
  active: string;
  invitePeople: string;
  addPartner: string;
  givePartnerAccess: string;
  askPartnerToShare: string;
  partnerBusinessId: string;
  assignAssets: string;
  assign: string;
  sendRequest: string;
  next: string;
  back: string;
  cancel: string;
  close: string;
  remove: string;
  resend: string;
  cancelInvite: string;
  searchPeople: string;
  loading: string;
  noPartners: string;
  noSystemUsers: string;
  assignedAssets: string;
  selectAccessType: string;
  selectAssets: string;
  review: string;
  partnerAdded: string;
  invitationSent: string;
  tasks: Record<TaskKey, string>;
  full: Record<AssetType, string>;
  exceptSensitive: string;
  systemUserAdmin: string;
  systemUserEmployee: string;
  idLabel: string;
  selectPrompt: string;
  /** The longer Business ID label some panes use ("ID de l’entreprise"). */
  businessIdLong: string;
  /**
   * How a label meets its value, three ways: French puts a narrow no-break space, a no-break space or a
   * plain space before the colon (LEXICON.md, Business ID line).
   */
  colons: readonly [string, string, string];
  /** The descriptions under Meta's task switches (aria-describedby). */
  taskDescriptions: Record<TaskKey, string>;
  fullDescription: string;
  exceptSensitiveDescription: string;
}

const en: SandboxStrings = {
  metaBusiness: 'Meta Business Suite',
  businessSettings: 'Business settings',
  businessPortfolio: 'Business portfolio',
  users: 'Users',
  people: 'People',
  partners: 'Partners',
  systemUsers: 'System users',
  accounts: 'Accounts',
  dataSources: 'Data sources',
  assetTypes: {
    page: 'Pages',
    'ad-account': 'Ad accounts',
    catalog: 'Catalogs',
    dataset: 'Datasets',
    instagram: 'Instagram accounts',
    whatsapp: 'WhatsApp accounts',
    app: 'Apps',
  },
  you: '(you)',
  fullControl: 'Full control',
  partialAccess: 'Partial access',
  basicAccess: 'Basic access',
  appsIntegrations: 'Apps and integrations',
  finance: 'Finance editor',
  adminLegacy: 'Admin access',
  employeeLegacy: 'Employee access',
  pending: 'Pending',
  accessExpires: 'Access expires',
  temporaryAccess: 'Temporary access',
  businessId: 'Business ID',
  email: 'Email',
  name: 'Name',
  access: 'Access',
  status: 'Status',
  active: 'Active',
  invitePeople: 'Invite people',
  addPartner: 'Add partner',
  givePartnerAccess: 'Give a partner access to your assets',
  askPartnerToShare: 'Ask a partner to share their assets',
  partnerBusinessId: 'Partner business ID',
  assignAssets: 'Assign assets',
  assign: 'Assign',
  sendRequest: 'Send request',
  next: 'Next',
  back: 'Back',
  cancel: 'Cancel',
  close: 'Close',
  remove: 'Remove',
  resend: 'Resend invitation',
  cancelInvite: 'Cancel invitation',
  searchPeople: 'Search by name or email',
  loading: 'Loading',
  noPartners: 'No partners yet',
  noSystemUsers: 'No system users',
  assignedAssets: 'Assigned assets',
  selectAccessType: 'Select the type of access',
  selectAssets: 'Select assets and tasks',
  review: 'Review',
  partnerAdded: 'Partner added',
  invitationSent: 'Invitation sent',
  tasks: {
    content: 'Content',
    community: 'Community activity',
    messages: 'Messages and calls',
    ads: 'Ads',
    insights: 'Insights',
    revenue: 'Revenue',
    campaigns: 'Manage campaigns',
    performance: 'View performance',
    mockups: 'Manage Creative Hub mockups',
    advertise: 'Advertise',
    use: 'Use dataset',
    develop: 'Develop app',
  },
  full: {
    page: 'Everything',
    instagram: 'Everything',
    'ad-account': 'Manage ad accounts',
    catalog: 'Manage catalog',
    dataset: 'Manage dataset',
    app: 'Manage app',
    whatsapp: 'Full control',
  },
  exceptSensitive: 'Everything except sensitive actions',
  systemUserAdmin: 'Admin',
  systemUserEmployee: 'Employee',
  idLabel: 'ID',
  selectPrompt: 'Select an item to see its details',
  businessIdLong: 'Business ID',
  colons: [': ', ': ', ': '],
  taskDescriptions: {
    content: 'Create, manage or delete posts, stories and more',
    community: 'Respond to and delete comments, remove unwanted content and report activity',
    messages: 'Send and respond to messages and calls as the Page',
    ads: 'Create, manage and delete ads',
    insights: 'See how the Page and its content perform',
    revenue: 'View and manage payouts and earnings',
    campaigns: 'Create and edit ads, pause and delete campaigns',
    performance: 'See ad performance and reports',
    mockups: 'Create and share ad mockups in Creative Hub',
    advertise: 'Use the catalog in ads',
    use: 'Use the dataset in ads and reports',
    develop: 'Change the app’s settings and test it',
  },
  fullDescription: 'Manage everything, including people and their access',
  exceptSensitiveDescription: 'All tasks except deleting the Page and changing who has access',
};

const sv: SandboxStrings = {
  metaBusiness: 'Meta Business Suite',
  businessSettings: 'Företagsinställningar',
  businessPortfolio: 'Företagsportfölj',
  users: 'Användare',
  people: 'Personer',
  partners: 'Partner',
  systemUsers: 'Systemanvändare',
  accounts: 'Konton',
  dataSources: 'Datakällor',
  assetTypes: {
    page: 'Sidor',
    'ad-account': 'Annonskonton',
    catalog: 'Kataloger',
    dataset: 'Dataset',
    instagram: 'Instagramkonton',
    whatsapp: 'WhatsApp-konton',
    app: 'Appar',
  },
  you: '(du)',
  fullControl: 'Fullständig kontroll',
  partialAccess: 'Delvis åtkomst',
  basicAccess: 'Grundläggande åtkomst',
  appsIntegrations: 'Appar och integreringar',
  finance: 'Ekonomiredigerare',
  adminLegacy: 'Administratörsåtkomst',
  employeeLegacy: 'Anställdas åtkomst',
  pending: 'Väntande',
  accessExpires: 'Åtkomsten upphör',
  temporaryAccess: 'Tillfällig åtkomst',
  businessId: 'Företags-ID',
  email: 'E-post',
  name: 'Namn',
  access: 'Åtkomst',
  status: 'Status',
  active: 'Aktiv',
  invitePeople: 'Bjud in personer',
  addPartner: 'Lägg till partner',
  givePartnerAccess: 'Ge en partner åtkomst till dina tillgångar',
  askPartnerToShare: 'Be en partner att dela sina tillgångar',
  partnerBusinessId: 'Partnerns företags-ID',
  assignAssets: 'Tilldela tillgångar',
  assign: 'Tilldela',
  sendRequest: 'Skicka förfrågan',
  next: 'Nästa',
  back: 'Tillbaka',
  cancel: 'Avbryt',
  close: 'Stäng',
  remove: 'Ta bort',
  resend: 'Skicka inbjudan igen',
  cancelInvite: 'Avbryt inbjudan',
  searchPeople: 'Sök efter namn eller e-post',
  loading: 'Läser in',
  noPartners: 'Inga partner',
  noSystemUsers: 'Inga systemanvändare',
  assignedAssets: 'Tilldelade tillgångar',
  selectAccessType: 'Välj typ av åtkomst',
  selectAssets: 'Välj tillgångar och uppgifter',
  review: 'Granska',
  partnerAdded: 'Partner har lagts till',
  invitationSent: 'Inbjudan har skickats',
  tasks: {
    content: 'Innehåll',
    community: 'Communityaktivitet',
    messages: 'Meddelanden och samtal',
    ads: 'Annonser',
    insights: 'Statistik',
    revenue: 'Intäkter',
    campaigns: 'Hantera kampanjer',
    performance: 'Visa resultat',
    mockups: 'Hantera modeller i Creative Hub',
    advertise: 'Annonsera',
    use: 'Använd dataset',
    develop: 'Utveckla app',
  },
  full: {
    page: 'Allt',
    instagram: 'Allt',
    'ad-account': 'Hantera annonskonton',
    catalog: 'Hantera katalog',
    dataset: 'Hantera dataset',
    app: 'Hantera app',
    whatsapp: 'Fullständig kontroll',
  },
  exceptSensitive: 'Allt utom känsliga åtgärder',
  systemUserAdmin: 'Administratör',
  systemUserEmployee: 'Anställd',
  idLabel: 'ID',
  selectPrompt: 'Välj ett objekt för att se detaljer',
  businessIdLong: 'Företags-ID',
  colons: [': ', ': ', ': '],
  taskDescriptions: {
    content: 'Skapa, hantera eller ta bort inlägg, stories med mera',
    community: 'Svara på och ta bort kommentarer, ta bort oönskat innehåll och rapportera aktivitet',
    messages: 'Skicka och svara på meddelanden och samtal som sidan',
    ads: 'Skapa, hantera och ta bort annonser',
    insights: 'Se hur sidan och dess innehåll presterar',
    revenue: 'Visa och hantera utbetalningar och intäkter',
    campaigns: 'Skapa och redigera annonser, pausa och ta bort kampanjer',
    performance: 'Se annonsresultat och rapporter',
    mockups: 'Skapa och dela annonsmodeller i Creative Hub',
    advertise: 'Använd katalogen i annonser',
    use: 'Använd datasetet i annonser och rapporter',
    develop: 'Ändra appens inställningar och testa den',
  },
  fullDescription: 'Hantera allt, inklusive personer och deras åtkomst',
  exceptSensitiveDescription: 'Alla uppgifter utom att ta bort sidan och ändra vem som har åtkomst',
};

const fr: SandboxStrings = {
  metaBusiness: 'Meta Business Suite',
  businessSettings: 'Paramètres de l’entreprise',
  businessPortfolio: 'Portefeuille business',
  users: 'Utilisateurs',
  people: 'Personnes',
  partners: 'Partenaires',
  systemUsers: 'Utilisateurs système',
  accounts: 'Comptes',
  dataSources: 'Sources de données',
  assetTypes: {
    page: 'Pages',
    'ad-account': 'Comptes publicitaires',
    catalog: 'Catalogues',
    dataset: 'Ensembles de données',
    instagram: 'Comptes Instagram',
    whatsapp: 'Comptes WhatsApp',
    app: 'Applications',
  },
  you: '(vous)',
  fullControl: 'Contrôle total',
  partialAccess: 'Accès partiel',
  basicAccess: 'Accès de base',
  appsIntegrations: 'Applications et intégrations',
  finance: 'Éditeur financier',
  adminLegacy: 'Accès administrateur',
  employeeLegacy: 'Accès employé',
  pending: 'En attente',
  accessExpires: 'L’accès expire le',
  temporaryAccess: 'Accès temporaire',
  businessId: 'ID d’entreprise',
  email: 'E-mail',
  name: 'Nom',
  access: 'Accès',
  status: 'Statut',
  active: 'Actif',
  invitePeople: 'Inviter des personnes',
  addPartner: 'Ajouter un partenaire',
  givePartnerAccess: 'Donner accès à vos éléments à un partenaire',
  askPartnerToShare: 'Demander à un partenaire de partager ses éléments',
  partnerBusinessId: 'ID de l’entreprise partenaire',
  assignAssets: 'Attribuer des éléments',
  assign: 'Attribuer',
  sendRequest: 'Envoyer la demande',
  next: 'Suivant',
  back: 'Retour',
  cancel: 'Annuler',
  close: 'Fermer',
  remove: 'Supprimer',
  resend: 'Renvoyer l’invitation',
  cancelInvite: 'Annuler l’invitation',
  searchPeople: 'Rechercher par nom ou e-mail',
  loading: 'Chargement',
  noPartners: 'Aucun partenaire',
  noSystemUsers: 'Aucun utilisateur système',
  assignedAssets: 'Éléments affectés',
  selectAccessType: 'Sélectionnez le type d’accès',
  selectAssets: 'Sélectionnez les éléments et les tâches',
  review: 'Vérifier',
  partnerAdded: 'Partenaire ajouté',
  invitationSent: 'Invitation envoyée',
  tasks: {
    content: 'Contenu',
    community: 'Activité de la communauté',
    messages: 'Messages et appels',
    ads: 'Publicités',
    insights: 'Statistiques',
    revenue: 'Revenus',
    campaigns: 'Gérer les campagnes',
    performance: 'Voir les performances',
    mockups: 'Gérer les maquettes Creative Hub',
    advertise: 'Faire de la publicité',
    use: 'Utiliser l’ensemble de données',
    develop: 'Développer l’application',
  },
  full: {
    page: 'Tout',
    instagram: 'Tout',
    'ad-account': 'Gérer les comptes publicitaires',
    catalog: 'Gérer le catalogue',
    dataset: 'Gérer l’ensemble de données',
    app: 'Gérer l’application',
    whatsapp: 'Contrôle total',
  },
  exceptSensitive: 'Tout sauf les actions sensibles',
  systemUserAdmin: 'Administrateur',
  systemUserEmployee: 'Employé',
  idLabel: 'ID',
  selectPrompt: 'Sélectionnez un élément pour voir ses détails',
  businessIdLong: 'ID de l’entreprise',
  colons: ['\u202f: ', '\u00a0: ', ' : '],
  taskDescriptions: {
    content: 'Créer, gérer ou supprimer des publications, des stories et plus encore',
    community:
      'Répondre aux commentaires et les supprimer, retirer le contenu indésirable et signaler une activité',
    messages: 'Envoyer des messages et répondre aux messages et appels en tant que Page',
    ads: 'Créer, gérer et supprimer des publicités',
    insights: 'Voir les performances de la Page et de son contenu',
    revenue: 'Voir et gérer les paiements et les revenus',
    campaigns: 'Créer et modifier des publicités, mettre en pause et supprimer des campagnes',
    performance: 'Voir les performances et les rapports publicitaires',
    mockups: 'Créer et partager des maquettes publicitaires dans Creative Hub',
    advertise: 'Utiliser le catalogue dans les publicités',
    use: 'Utiliser l’ensemble de données dans les publicités et les rapports',
    develop: 'Modifier les paramètres de l’application et la tester',
  },
  fullDescription: 'Tout gérer, y compris les personnes et leur accès',
  exceptSensitiveDescription: 'Toutes les tâches sauf supprimer la Page et modifier qui y a accès',
};

export const sandboxStrings: Record<'en' | 'sv' | 'fr', SandboxStrings> = { en, sv, fr };

/** Which tasks the sandbox offers per asset type (research §2.2). */
export const tasksByAssetType: Record<AssetType, TaskKey[]> = {
  page: ['content', 'community', 'messages', 'ads', 'insights', 'revenue'],
  instagram: ['content', 'community', 'messages', 'ads', 'insights'],
  'ad-account': ['campaigns', 'performance', 'mockups'],
  catalog: ['advertise'],
  dataset: ['use'],
  app: ['develop'],
  whatsapp: [],
};
