import type { PageLocale } from './locales';
import type { AssetType, PortfolioAccess, TaskKey } from './snapshot';

/**
 * The words of Business Settings in English, Swedish and French (LEXICON.md), one entry per canonical
 * concept. Kept as data: wording that turns out wrong on the live pages is corrected here, not in readers.
 * Variants marked ✓ in LEXICON.md were seen in public descriptions of the live UI; the rest are best-known.
 * The first variant of a concept is the word Meta shows today: the rules' messages quote it
 * (rules/words.ts); the reader (lib/page) matches every variant.
 */
export type Variants = Record<PageLocale, readonly string[]>;

export const navigation = {
  people: { en: ['People'], sv: ['Personer'], fr: ['Personnes'] },
  partners: { en: ['Partners'], sv: ['Partner'], fr: ['Partenaires'] },
  'system-users': { en: ['System users'], sv: ['Systemanvändare'], fr: ['Utilisateurs système'] },
  users: { en: ['Users'], sv: ['Användare'], fr: ['Utilisateurs'] },
  'business-settings': {
    en: ['Business settings', 'Settings'],
    sv: ['Företagsinställningar', 'Inställningar'],
    fr: ["Paramètres de l'entreprise", 'Paramètres'],
  },
} satisfies Record<string, Variants>;

/** Portfolio access labels (People list, person detail). */
export const portfolioAccess: Record<Exclude<PortfolioAccess, 'unknown' | 'partial'>, Variants> & {
  partial: Variants;
} = {
  'full-control': {
    en: ['Full control', 'Admin', 'Admin access', 'Everything', 'Business admin'],
    sv: ['Fullständig kontroll', 'Full kontroll', 'Administratör', 'Administratörsåtkomst'],
    fr: ['Contrôle total', 'Administrateur', 'Accès administrateur'],
  },
  partial: {
    en: ['Partial access'],
    sv: ['Delvis åtkomst', 'Partiell åtkomst'],
    fr: ['Accès partiel'],
  },
  basic: {
    en: ['Basic access', 'Employee', 'Employee access', 'Basic'],
    sv: ['Grundläggande åtkomst', 'Anställd', 'Anställdas åtkomst'],
    fr: ['Accès de base', 'Employé', 'Accès employé'],
  },
  'apps-integrations': {
    en: ['Apps and integrations', 'Apps & integrations', 'Developer'],
    sv: ['Appar och integreringar', 'Utvecklare'],
    fr: ['Applications et intégrations', 'Développeur'],
  },
  finance: {
    en: ['Finance editor', 'Finance analyst', 'Financial access'],
    sv: ['Ekonomiredigerare', 'Ekonomianalytiker', 'Ekonomisk åtkomst'],
    fr: ['Éditeur financier', 'Analyste financier', 'Accès financier'],
  },
};

export const markers = {
  pending: {
    en: ['Pending', 'Invitation pending', 'Invite pending'],
    sv: ['Väntande', 'Väntar', 'Inbjudan väntar'],
    fr: ['En attente', 'Invitation en attente'],
  },
  you: { en: ['(you)'], sv: ['(du)'], fr: ['(vous)'] },
  'temporary-access': {
    en: ['Temporary access', 'Access expires', 'Access expires on', 'Expires'],
    sv: ['Tillfällig åtkomst', 'Åtkomsten upphör', 'Upphör'],
    fr: ['Accès temporaire', "L'accès expire", "L'accès expire le", 'Expire le'],
  },
  /**
   * A Business ID line's label (LEXICON.md "Detail panes"): followed by a colon (in French often after a
   * no-break space), by the number with no colon, or alone in its element beside the number's.
   */
  'business-id': {
    en: ['Partner business ID', 'Business portfolio ID', 'Business ID', 'ID'],
    sv: ['Partnerns företags-ID', 'Företagsportföljens ID', 'Företags-ID', 'ID'],
    fr: [
      "ID de l'entreprise partenaire",
      'ID du portefeuille business',
      "ID de l'entreprise",
      "ID d'entreprise",
      'ID',
    ],
  },
  email: {
    en: ['Email', 'Email address', 'Work email'],
    sv: ['E-post', 'E-postadress', 'Jobbmejl'],
    fr: ['E-mail', 'Adresse e-mail', 'Adresse e-mail professionnelle'],
  },
  /** An empty list says so; without these words an empty list is read as "not loaded yet". */
  empty: {
    en: [
      'No people',
      'No partners',
      'No system users',
      'No people yet',
      'No partners yet',
      'Nothing here yet',
    ],
    sv: ['Inga personer', 'Inga partner', 'Inga systemanvändare', 'Inget här än'],
    fr: ['Aucune personne', 'Aucun partenaire', 'Aucun utilisateur système', 'Rien pour le moment'],
  },
  /** Access-denied pages (research §5). */
  denied: {
    en: ["You don't have permission", "You don't have access", "This content isn't available"],
    sv: ['Du har inte behörighet', 'Du har inte åtkomst', 'Innehållet är inte tillgängligt'],
    fr: ["Vous n'avez pas l'autorisation", "Vous n'avez pas accès", "Ce contenu n'est pas disponible"],
  },
  loading: { en: ['Loading'], sv: ['Läser in', 'Laddar'], fr: ['Chargement'] },
  /** A list or heading that holds only invitations: its rows are pending even without a per-row label. */
  'pending-section': {
    en: ['Pending invitations', 'Pending invites', 'Invitations', 'Pending'],
    sv: ['Väntande inbjudningar', 'Inbjudningar', 'Väntande'],
    fr: ['Invitations en attente', 'Invitations', 'En attente'],
  },
  /**
   * Section titles of a detail pane: where the principal's own facts end and its assets begin, and where
   * the assets end (LEXICON.md "Detail panes").
   */
  'pane-sections': {
    en: ['Assigned assets', 'Assets', 'People from this partner'],
    sv: ['Tilldelade tillgångar', 'Tillgångar', 'Personer från den här partnern'],
    fr: ['Éléments affectés', 'Éléments', 'Personnes de ce partenaire'],
  },
  /** The header of the column that holds the name. */
  'name-column': { en: ['Name'], sv: ['Namn'], fr: ['Nom'] },
  /** Column headers: a row made only of these is a header row, not a principal. */
  columns: {
    en: [
      'Name',
      'Email',
      'Email address',
      'Access',
      'Status',
      'Role',
      'Business ID',
      'ID',
      'Assets',
      'Assigned assets',
      'Permissions',
      'Last active',
      'Date added',
      'Actions',
      'Expires',
    ],
    sv: [
      'Namn',
      'E-post',
      'E-postadress',
      'Åtkomst',
      'Status',
      'Roll',
      'Företags-ID',
      'ID',
      'Tillgångar',
      'Tilldelade tillgångar',
      'Behörigheter',
      'Senast aktiv',
      'Tillagd',
      'Åtgärder',
      'Upphör',
    ],
    fr: [
      'Nom',
      'E-mail',
      'Adresse e-mail',
      'Accès',
      'Statut',
      'Rôle',
      "ID d'entreprise",
      'ID',
      'Éléments',
      'Éléments affectés',
      'Autorisations',
      'Dernière activité',
      "Date d'ajout",
      'Actions',
      'Expire',
    ],
  },
} satisfies Record<string, Variants>;

export const assetTypeWords: Record<AssetType, Variants> = {
  page: { en: ['Pages', 'Page'], sv: ['Sidor', 'Sida'], fr: ['Pages', 'Page'] },
  'ad-account': {
    en: ['Ad accounts', 'Ad account'],
    sv: ['Annonskonton', 'Annonskonto'],
    fr: ['Comptes publicitaires', 'Compte publicitaire'],
  },
  catalog: {
    en: ['Catalogs', 'Catalogues', 'Catalog', 'Catalogue'],
    sv: ['Kataloger', 'Katalog'],
    fr: ['Catalogues', 'Catalogue'],
  },
  dataset: {
    en: ['Datasets', 'Pixels', 'Datasets and pixels', 'Datasets & pixels', 'Dataset', 'Pixel'],
    sv: ['Dataset', 'Pixlar', 'Pixel'],
    fr: ['Ensembles de données', 'Pixels', 'Ensemble de données'],
  },
  instagram: {
    en: ['Instagram accounts', 'Instagram account'],
    sv: ['Instagramkonton', 'Instagramkonto'],
    fr: ['Comptes Instagram', 'Compte Instagram'],
  },
  whatsapp: {
    en: ['WhatsApp accounts', 'WhatsApp account'],
    sv: ['WhatsApp-konton', 'WhatsApp-konto'],
    fr: ['Comptes WhatsApp', 'Compte WhatsApp'],
  },
  app: { en: ['Apps', 'App'], sv: ['Appar', 'App'], fr: ['Applications', 'Application'] },
};

/** A task label: which concept it is, and on which asset types it is used. `full` marks full control. */
export interface TaskWord {
  concept: TaskKey | 'full' | 'full-except-sensitive';
  on: readonly AssetType[];
  words: Variants;
}

const pageLike: AssetType[] = ['page', 'instagram'];

export const taskWords: readonly TaskWord[] = [
  { concept: 'content', on: pageLike, words: { en: ['Content'], sv: ['Innehåll'], fr: ['Contenu'] } },
  {
    concept: 'community',
    on: pageLike,
    words: { en: ['Community activity'], sv: ['Communityaktivitet'], fr: ['Activité de la communauté'] },
  },
  {
    concept: 'messages',
    on: pageLike,
    words: {
      en: ['Messages and calls', 'Messages'],
      sv: ['Meddelanden och samtal', 'Meddelanden'],
      fr: ['Messages et appels', 'Messages'],
    },
  },
  { concept: 'ads', on: pageLike, words: { en: ['Ads'], sv: ['Annonser'], fr: ['Publicités'] } },
  { concept: 'insights', on: pageLike, words: { en: ['Insights'], sv: ['Statistik'], fr: ['Statistiques'] } },
  { concept: 'revenue', on: ['page'], words: { en: ['Revenue'], sv: ['Intäkter'], fr: ['Revenus'] } },
  {
    concept: 'full-except-sensitive',
    on: ['page'],
    words: {
      en: ['Everything except sensitive actions'],
      sv: ['Allt utom känsliga åtgärder'],
      fr: ['Tout sauf les actions sensibles'],
    },
  },
  {
    concept: 'full',
    on: pageLike,
    words: {
      en: ['Everything', 'Full control'],
      sv: ['Allt', 'Fullständig kontroll', 'Full kontroll'],
      fr: ['Tout', 'Contrôle total'],
    },
  },
  {
    concept: 'campaigns',
    on: ['ad-account'],
    words: { en: ['Manage campaigns'], sv: ['Hantera kampanjer'], fr: ['Gérer les campagnes'] },
  },
  {
    concept: 'performance',
    on: ['ad-account'],
    words: { en: ['View performance'], sv: ['Visa resultat'], fr: ['Voir les performances'] },
  },
  {
    concept: 'mockups',
    on: ['ad-account'],
    words: {
      en: ['Manage Creative Hub mockups'],
      sv: ['Hantera modeller i Creative Hub'],
      fr: ['Gérer les maquettes Creative Hub'],
    },
  },
  {
    concept: 'full',
    on: ['ad-account'],
    words: {
      en: ['Manage ad accounts', 'Manage ad account', 'Full control'],
      sv: ['Hantera annonskonton', 'Fullständig kontroll', 'Full kontroll'],
      fr: ['Gérer les comptes publicitaires', 'Contrôle total'],
    },
  },
  {
    concept: 'advertise',
    on: ['catalog'],
    words: { en: ['Advertise'], sv: ['Annonsera'], fr: ['Faire de la publicité'] },
  },
  {
    concept: 'full',
    on: ['catalog'],
    words: {
      en: ['Manage catalog', 'Manage catalogue', 'Full control'],
      sv: ['Hantera katalog', 'Fullständig kontroll', 'Full kontroll'],
      fr: ['Gérer le catalogue', 'Contrôle total'],
    },
  },
  {
    concept: 'use',
    on: ['dataset'],
    words: {
      en: ['Use dataset', 'Use pixel'],
      sv: ['Använd dataset', 'Använd pixel'],
      fr: ["Utiliser l'ensemble de données", 'Utiliser le pixel'],
    },
  },
  {
    concept: 'full',
    on: ['dataset'],
    words: {
      en: ['Manage dataset', 'Manage pixel', 'Full control'],
      sv: ['Hantera dataset', 'Fullständig kontroll', 'Full kontroll'],
      fr: ["Gérer l'ensemble de données", 'Contrôle total'],
    },
  },
  {
    concept: 'develop',
    on: ['app'],
    words: { en: ['Develop app'], sv: ['Utveckla app'], fr: ["Développer l'application"] },
  },
  {
    concept: 'full',
    on: ['app'],
    words: { en: ['Manage app'], sv: ['Hantera app'], fr: ["Gérer l'application"] },
  },
  {
    concept: 'full',
    on: ['whatsapp'],
    words: {
      en: ['Full control', 'Manage'],
      sv: ['Fullständig kontroll', 'Full kontroll'],
      fr: ['Contrôle total'],
    },
  },
];

/**
 * Legacy roles of classic Business Manager and old Page roles (LEXICON.md "Legacy names"). Admin is full
 * control; the others are partial access with the tasks the old role carried [I] (research §2.2).
 */
export const legacyRoles: readonly { tasks: readonly TaskKey[] | 'full'; words: Variants }[] = [
  { tasks: 'full', words: { en: ['Admin'], sv: ['Administratör'], fr: ['Administrateur'] } },
  {
    tasks: ['content', 'community', 'messages', 'ads', 'insights'],
    words: { en: ['Editor'], sv: ['Redaktör'], fr: ['Éditeur'] },
  },
  {
    tasks: ['community', 'messages', 'ads', 'insights'],
    words: { en: ['Moderator'], sv: ['Moderator'], fr: ['Modérateur'] },
  },
  { tasks: ['ads', 'insights'], words: { en: ['Advertiser'], sv: ['Annonsör'], fr: ['Annonceur'] } },
  { tasks: ['insights'], words: { en: ['Analyst'], sv: ['Analytiker'], fr: ['Analyste'] } },
];

export const actions = {
  'invite-people': {
    en: ['Invite people', 'Add people', 'Invite', 'Add'],
    sv: ['Bjud in personer', 'Lägg till personer', 'Bjud in', 'Lägg till'],
    fr: ['Inviter des personnes', 'Ajouter des personnes', 'Inviter', 'Ajouter'],
  },
  'add-partner': {
    en: ['Add partner', 'Give a partner access to your assets', 'Share assets with a partner'],
    sv: ['Lägg till partner', 'Ge en partner åtkomst till dina tillgångar'],
    fr: ['Ajouter un partenaire', 'Donner accès à vos éléments à un partenaire'],
  },
  'assign-assets': {
    en: ['Assign assets'],
    sv: ['Tilldela tillgångar'],
    fr: ['Attribuer des éléments', 'Ajouter des éléments'],
  },
  /** The add-partner dialog's button that hands the chosen assets over. */
  assign: { en: ['Assign'], sv: ['Tilldela'], fr: ['Attribuer'] },
  'send-request': {
    en: ['Send request', 'Send invitation'],
    sv: ['Skicka förfrågan', 'Skicka inbjudan'],
    fr: ['Envoyer la demande', "Envoyer l'invitation"],
  },
  remove: { en: ['Remove'], sv: ['Ta bort'], fr: ['Supprimer', 'Retirer'] },
  resend: { en: ['Resend invitation'], sv: ['Skicka inbjudan igen'], fr: ["Renvoyer l'invitation"] },
  'cancel-invite': { en: ['Cancel invitation'], sv: ['Avbryt inbjudan'], fr: ["Annuler l'invitation"] },
  next: { en: ['Next'], sv: ['Nästa'], fr: ['Suivant'] },
  back: { en: ['Back'], sv: ['Tillbaka'], fr: ['Retour'] },
  cancel: { en: ['Cancel'], sv: ['Avbryt'], fr: ['Annuler'] },
  close: { en: ['Close'], sv: ['Stäng'], fr: ['Fermer'] },
} satisfies Record<string, Variants>;

/**
 * How Business Settings writes a date around its numbers (lib/page/dates.ts holds only the parsing):
 * the words that may lead it ("until 31 Dec 2026", "t.o.m. 31 dec. 2026", "jusqu'au 31 déc. 2026"),
 * a day's ordinal suffix ("1er mars") and which comes first in an all-numeric date ("12/31/2026" in
 * en-US, "31/12/2026" in sv and fr).
 */
export const dateWords: {
  leads: Variants;
  ordinals: Variants;
  numericOrder: Record<PageLocale, 'month-day' | 'day-month'>;
} = {
  leads: {
    en: ['until', 'till', 'to', 'on'],
    sv: ['t.o.m.', 't.o.m', 'tom', 'till', 'den'],
    fr: ["jusqu'au", "jusqu'à", 'au', 'le'],
  },
  ordinals: { en: [], sv: [], fr: ['er'] },
  numericOrder: { en: 'month-day', sv: 'day-month', fr: 'day-month' },
};

/** Month names for dates written out on the page ("31 déc. 2026", "Dec 31, 2026", "31 december 2026"). */
export const monthWords: Record<PageLocale, readonly (readonly string[])[]> = {
  en: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  sv: [
    ['januari', 'jan'],
    ['februari', 'feb'],
    ['mars', 'mar'],
    ['april', 'apr'],
    ['maj'],
    ['juni', 'jun'],
    ['juli', 'jul'],
    ['augusti', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  fr: [
    ['janvier', 'janv'],
    ['février', 'févr', 'fevrier', 'fevr'],
    ['mars'],
    ['avril', 'avr'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil'],
    ['août', 'aout'],
    ['septembre', 'sept'],
    ['octobre', 'oct'],
    ['novembre', 'nov'],
    ['décembre', 'déc', 'decembre', 'dec'],
  ],
};

/**
 * The business switcher, where Business Settings names the portfolio (LEXICON.md "Security and business
 * info"; issue 15). Markup as data, kept with the words the reader gets from `_locales`: Meta's bundles
 * mark it `data-pagelet="BizKitPresenceSelector"` (research/meta-markup-evidence.md, "Mechanics"; 2026-11
 * latest/settings layout), in the banner or the left navigation's header. `notIn`: where a switcher is not
 * read (the content, where anyone's names are; a dialog; hidden). `labels`: the switcher's own label, never
 * the name.
 */
export const switcher = {
  is: '[data-pagelet="BizKitPresenceSelector"]',
  notIn: '[role=main],main,[role=dialog],[role=alertdialog],[hidden],[aria-hidden=true]',
  labels: {
    en: ['Business portfolio', 'Business portfolios', 'Switch business portfolio', 'Business'],
    sv: ['Företagsportfölj', 'Företagsportföljer', 'Byt företagsportfölj', 'Företag'],
    fr: ['Portefeuille business', 'Portefeuilles business', 'Changer de portefeuille business', 'Entreprise'],
  } satisfies Variants,
};

/**
 * Meta's own security signals (issue 15, item 5; research/meta-business-settings.md §3.4 and §4). English
 * seen in public descriptions of the live UI [H]: Business info › Business options › "Two-factor
 * authentication" with "No one / Admins only / Everyone", and Security Center's recommendations ("Remove
 * users without two-factor authentication", "Remove inactive users"); "Centre de sécurité" [C]. The other
 * Swedish and French words are best-known: a wording the reader does not know is a read problem
 * (`two-factor-unknown`), never a guess.
 */
export const twoFactor = {
  setting: {
    en: ['Two-factor authentication', 'Require two-factor authentication'],
    sv: ['Tvåstegsverifiering', 'Tvåfaktorsautentisering', 'Kräv tvåstegsverifiering'],
    fr: ['Authentification à deux facteurs', 'Exiger l’authentification à deux facteurs'],
  },
  'no-one': { en: ['No one', 'Nobody'], sv: ['Ingen'], fr: ['Personne'] },
  admins: {
    en: ['Admins only', 'Only admins'],
    sv: ['Endast administratörer', 'Bara administratörer'],
    fr: ['Administrateurs uniquement', 'Administrateurs seulement'],
  },
  everyone: { en: ['Everyone'], sv: ['Alla'], fr: ['Tout le monde'] },
} satisfies Record<string, Variants>;

/** Security Center's lists of people, by their titles (issue 15, item 5). */
export const securityLists = {
  withoutTwoFactor: {
    en: [
      'Remove users without two-factor authentication',
      'Users without two-factor authentication',
      'People without two-factor authentication',
    ],
    sv: [
      'Ta bort användare utan tvåstegsverifiering',
      'Användare utan tvåstegsverifiering',
      'Ta bort användare utan tvåfaktorsautentisering',
      'Användare utan tvåfaktorsautentisering',
      'Personer utan tvåstegsverifiering',
    ],
    fr: [
      'Supprimer les utilisateurs sans authentification à deux facteurs',
      'Utilisateurs sans authentification à deux facteurs',
      'Personnes sans authentification à deux facteurs',
    ],
  },
  inactive: {
    en: ['Remove inactive users', 'Inactive users', 'Inactive people'],
    sv: ['Ta bort inaktiva användare', 'Inaktiva användare', 'Inaktiva personer'],
    fr: ['Supprimer les utilisateurs inactifs', 'Utilisateurs inactifs', 'Personnes inactives'],
  },
} satisfies Record<string, Variants>;
