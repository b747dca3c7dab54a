import { securityLists, twoFactor } from '../lexicon';
import type { UiLocale } from '../locales';
import type { ListedPerson, Person, TwoFactorRequirement } from '../snapshot';
import { metaWord, words } from './words';

/**
 * The places and Meta's words the security rules' fixes name (issue 15, item 5). Meta's option words come
 * from the lexicon; the sv and fr names of Business info's pages are the research's best reading
 * (research/meta-business-settings.md §3.4 and §4, not verified on Meta's own string tables).
 */
const places: Record<UiLocale, { businessOptions: string; securityCenter: string }> = {
  en: { businessOptions: 'Business portfolio info › Business options', securityCenter: 'Security Center' },
  sv: {
    businessOptions: 'Information om företagsportföljen › Företagsalternativ',
    securityCenter: 'Säkerhetscenter',
  },
  fr: {
    businessOptions: 'Informations sur le portefeuille business › Options business',
    securityCenter: 'Centre de sécurité',
  },
};

/** "Business settings › Business portfolio info › Business options". */
export const businessOptionsPlace = (locale: UiLocale): string =>
  `${words[locale].settings} › ${places[locale].businessOptions}`;

/** "Business settings › Security Center". */
export const securityCenterPlace = (locale: UiLocale): string =>
  `${words[locale].settings} › ${places[locale].securityCenter}`;

/** Meta's word for a two-factor requirement ("No one", "Admins only", "Everyone"). */
export const requirementWord = (locale: UiLocale, requirement: TwoFactorRequirement): string =>
  metaWord(twoFactor[requirement], locale);

/** Meta's name of the two-factor setting. */
export const twoFactorSettingWord = (locale: UiLocale): string => metaWord(twoFactor.setting, locale);

/** Meta's title of a Security Center list. */
export const securityListWord = (locale: UiLocale, list: keyof typeof securityLists): string =>
  metaWord(securityLists[list], locale);

/**
 * A person Security Center lists, as a principal for the finding's words: only what the list showed (the
 * name, the address where shown), so the finding is the same whatever else is known of them.
 */
export function listedAsPerson(listed: ListedPerson): Person {
  return {
    kind: 'person',
    name: listed.name,
    ...(listed.email ? { email: listed.email } : {}),
    pending: false,
    isCurrentUser: false,
    assets: [],
  };
}
