import type { AssetGrant, AssetType, Principal, TaskKey } from '../snapshot';
import type { UiLocale } from './types';

/**
 * The Business Settings words the messages use, per UI language, as LEXICON.md gives them: fixes name
 * the exact places and switches the admin will see.
 */
interface Words {
  settings: string;
  users: string;
  people: string;
  partners: string;
  systemUsers: string;
  fullControl: string;
  partialAccess: string;
  basicAccess: string;
  temporaryAccess: string;
  sendRequest: string;
  assign: string;
  remove: string;
  cancelInvite: string;
  resend: string;
  and: string;
  assetTypes: Record<AssetType, string>;
  assetTypeSingular: Record<AssetType, string>;
  full: Record<AssetType, string>;
  tasks: Record<TaskKey, string>;
}

const en: Words = {
  settings: 'Business settings',
  users: 'Users',
  people: 'People',
  partners: 'Partners',
  systemUsers: 'System users',
  fullControl: 'Full control',
  partialAccess: 'Partial access',
  basicAccess: 'Basic access',
  temporaryAccess: 'Temporary access',
  sendRequest: 'Send request',
  assign: 'Assign',
  remove: 'Remove',
  cancelInvite: 'Cancel invitation',
  resend: 'Resend invitation',
  and: 'and',
  assetTypes: {
    page: 'Pages',
    'ad-account': 'Ad accounts',
    catalog: 'Catalogs',
    dataset: 'Datasets',
    instagram: 'Instagram accounts',
    whatsapp: 'WhatsApp accounts',
    app: 'Apps',
  },
  assetTypeSingular: {
    page: 'Page',
    'ad-account': 'ad account',
    catalog: 'catalog',
    dataset: 'dataset',
    instagram: 'Instagram account',
    whatsapp: 'WhatsApp account',
    app: 'app',
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
};

const sv: Words = {
  settings: 'Företagsinställningar',
  users: 'Användare',
  people: 'Personer',
  partners: 'Partner',
  systemUsers: 'Systemanvändare',
  fullControl: 'Fullständig kontroll',
  partialAccess: 'Delvis åtkomst',
  basicAccess: 'Grundläggande åtkomst',
  temporaryAccess: 'Tillfällig åtkomst',
  sendRequest: 'Skicka förfrågan',
  assign: 'Tilldela',
  remove: 'Ta bort',
  cancelInvite: 'Avbryt inbjudan',
  resend: 'Skicka inbjudan igen',
  and: 'och',
  assetTypes: {
    page: 'Sidor',
    'ad-account': 'Annonskonton',
    catalog: 'Kataloger',
    dataset: 'Dataset',
    instagram: 'Instagramkonton',
    whatsapp: 'WhatsApp-konton',
    app: 'Appar',
  },
  assetTypeSingular: {
    page: 'sidan',
    'ad-account': 'annonskontot',
    catalog: 'katalogen',
    dataset: 'datasetet',
    instagram: 'Instagramkontot',
    whatsapp: 'WhatsApp-kontot',
    app: 'appen',
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
};

const fr: Words = {
  settings: 'Paramètres de l’entreprise',
  users: 'Utilisateurs',
  people: 'Personnes',
  partners: 'Partenaires',
  systemUsers: 'Utilisateurs système',
  fullControl: 'Contrôle total',
  partialAccess: 'Accès partiel',
  basicAccess: 'Accès de base',
  temporaryAccess: 'Accès temporaire',
  sendRequest: 'Envoyer la demande',
  assign: 'Attribuer',
  remove: 'Supprimer',
  cancelInvite: 'Annuler l’invitation',
  resend: 'Renvoyer l’invitation',
  and: 'et',
  assetTypes: {
    page: 'Pages',
    'ad-account': 'Comptes publicitaires',
    catalog: 'Catalogues',
    dataset: 'Ensembles de données',
    instagram: 'Comptes Instagram',
    whatsapp: 'Comptes WhatsApp',
    app: 'Applications',
  },
  assetTypeSingular: {
    page: 'la Page',
    'ad-account': 'le compte publicitaire',
    catalog: 'le catalogue',
    dataset: 'l’ensemble de données',
    instagram: 'le compte Instagram',
    whatsapp: 'le compte WhatsApp',
    app: 'l’application',
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
};

export const words: Record<UiLocale, Words> = { en, sv, fr };

/** "A, B and C" in the language. */
export function list(locale: UiLocale, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${words[locale].and} ${items.at(-1)}`;
}

export function quoted(locale: UiLocale, text: string): string {
  return locale === 'fr' ? `« ${text} »` : locale === 'sv' ? `”${text}”` : `“${text}”`;
}

/** Where a principal is managed: "Business settings › Users › People". */
export function placeOf(locale: UiLocale, principal: Principal): string {
  const w = words[locale];
  const section =
    principal.kind === 'person' ? w.people : principal.kind === 'partner' ? w.partners : w.systemUsers;
  return `${w.settings} › ${w.users} › ${section}`;
}

/** Who, as the admin sees them: "Nils Holm (nils@byraab.se)", "Byrå AB (Business ID 3228…)". */
export function who(principal: Principal): string {
  if (principal.kind === 'person' && principal.email && principal.email !== principal.name)
    return `${principal.name} (${principal.email})`;
  if (principal.kind === 'partner' && principal.businessId && principal.businessId !== principal.name)
    return `${principal.name} (ID ${principal.businessId})`;
  return principal.name;
}

/** Tasks that keep the work going on an asset, the least of them: what the principal visibly uses elsewhere on
 * assets of the same type, else the usual minimum for that type. */
const usualMinimum: Record<AssetType, TaskKey[]> = {
  page: ['content', 'insights'],
  instagram: ['content', 'insights'],
  'ad-account': ['campaigns', 'performance'],
  catalog: ['advertise'],
  dataset: ['use'],
  app: ['develop'],
  whatsapp: [],
};

export function leastTasks(principal: Principal, asset: AssetGrant): TaskKey[] {
  if (asset.access === 'partial') return asset.tasks;
  const used = new Set<TaskKey>();
  for (const other of principal.assets)
    if (other.type === asset.type && other.access === 'partial') other.tasks.forEach((t) => used.add(t));
  return used.size > 0 ? [...used].sort() : usualMinimum[asset.type];
}

export function taskList(locale: UiLocale, tasks: readonly TaskKey[]): string {
  return list(
    locale,
    tasks.map((t) => quoted(locale, words[locale].tasks[t])),
  );
}
