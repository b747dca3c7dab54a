import {
  actions,
  assetTypeWords,
  markers,
  navigation,
  portfolioAccess,
  taskWords,
  type Variants,
} from '../lexicon';
import type { UiLocale } from '../locales';
import {
  assetTypes,
  taskKeys,
  type AssetGrant,
  type AssetType,
  type Principal,
  type TaskKey,
} from '../snapshot';

/**
 * The Business Settings words the messages use, per UI language: fixes name the exact places and
 * switches the admin will see. Meta's own words come from the lexicon (lib/domain/lexicon.ts), so each is
 * written once; only the words of our sentences (a list's "and", an asset with its article) are here.
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

/**
 * Meta's word for a concept, as the messages quote it: the lexicon's first variant, with the typographic
 * apostrophe (the reader folds both kinds; the screen shows ’).
 */
export function metaWord(variants: Variants, locale: UiLocale): string {
  return variants[locale][0]!.replace(/'/g, '’');
}

/** The lexicon's task label of a concept (on an asset type, for full control, which differs by type). */
function taskVariants(concept: TaskKey | 'full', type?: AssetType): Variants {
  const entry = taskWords.find((t) => t.concept === concept && (type === undefined || t.on.includes(type)));
  if (!entry) throw new Error(`The lexicon has no task label for ${concept}${type ? ` on ${type}` : ''}.`);
  return entry.words;
}

function record<K extends string>(keys: readonly K[], value: (key: K) => string): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, string>;
}

type OwnWords = Pick<Words, 'and' | 'assetTypeSingular'>;

function wordsOf(locale: UiLocale, own: OwnWords): Words {
  const meta = (variants: Variants) => metaWord(variants, locale);
  return {
    settings: meta(navigation['business-settings']),
    users: meta(navigation.users),
    people: meta(navigation.people),
    partners: meta(navigation.partners),
    systemUsers: meta(navigation['system-users']),
    fullControl: meta(portfolioAccess['full-control']),
    partialAccess: meta(portfolioAccess.partial),
    basicAccess: meta(portfolioAccess.basic),
    temporaryAccess: meta(markers['temporary-access']),
    sendRequest: meta(actions['send-request']),
    assign: meta(actions.assign),
    remove: meta(actions.remove),
    cancelInvite: meta(actions['cancel-invite']),
    resend: meta(actions.resend),
    assetTypes: record(assetTypes, (type) => meta(assetTypeWords[type])),
    full: record(assetTypes, (type) => meta(taskVariants('full', type))),
    tasks: record(taskKeys, (task) => meta(taskVariants(task))),
    ...own,
  };
}

export const words: Record<UiLocale, Words> = {
  en: wordsOf('en', {
    and: 'and',
    assetTypeSingular: {
      page: 'Page',
      'ad-account': 'ad account',
      catalog: 'catalog',
      dataset: 'dataset',
      instagram: 'Instagram account',
      whatsapp: 'WhatsApp account',
      app: 'app',
    },
  }),
  sv: wordsOf('sv', {
    and: 'och',
    assetTypeSingular: {
      page: 'sidan',
      'ad-account': 'annonskontot',
      catalog: 'katalogen',
      dataset: 'datasetet',
      instagram: 'Instagramkontot',
      whatsapp: 'WhatsApp-kontot',
      app: 'appen',
    },
  }),
  fr: wordsOf('fr', {
    and: 'et',
    assetTypeSingular: {
      page: 'la Page',
      'ad-account': 'le compte publicitaire',
      catalog: 'le catalogue',
      dataset: 'l’ensemble de données',
      instagram: 'le compte Instagram',
      whatsapp: 'le compte WhatsApp',
      app: 'l’application',
    },
  }),
};

/** "A, B and C" in the language. */
export function list(locale: UiLocale, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${words[locale].and} ${items.at(-1)}`;
}

export function quoted(locale: UiLocale, text: string): string {
  // French quotes hold their text with no-break spaces, so a closing » never starts a line.
  return locale === 'fr' ? `«\u00a0${text}\u00a0»` : locale === 'sv' ? `”${text}”` : `“${text}”`;
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
