import type { AssetGrant, Person, Principal } from './snapshot';

/** Consumer e-mail domains (DESIGN.md `public-email-domain`). A `*` stands for any top-level domain. */
const consumerExact = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'msn.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'mail.com',
  'mail.ru',
  'yandex.ru',
  'web.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'wanadoo.fr',
  'sfr.fr',
  'telia.com',
  'zoho.com',
]);
const consumerAnyTld = ['hotmail', 'live', 'yahoo', 'gmx', 'outlook', 'ymail', 'yandex'];

export function getEmailDomain(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  return at > 0 ? email!.slice(at + 1).toLowerCase() : undefined;
}

export function isConsumerDomain(domain: string): boolean {
  if (consumerExact.has(domain)) return true;
  const first = domain.split('.')[0]!;
  return consumerAnyTld.includes(first) && domain.split('.').length >= 2;
}

/**
 * The portfolio's own domains: the settings' list, or else the current user's e-mail domain. A consumer
 * domain never counts as "own" by default (everyone's gmail.com is not your company).
 */
export function resolveOwnDomains(
  settingsDomains: readonly string[],
  currentUserEmail: string | undefined,
): string[] {
  if (settingsDomains.length > 0) return [...settingsDomains];
  const domain = getEmailDomain(currentUserEmail);
  return domain && !isConsumerDomain(domain) ? [domain] : [];
}

export type ThirdParty = 'yes' | 'no' | 'unknown';

/**
 * A third party is a partner, or a person whose e-mail domain is not one of the portfolio's own domains.
 * Without own domains or without an e-mail address the answer is "unknown", never a guess.
 */
export function isThirdParty(principal: Principal, ownDomains: readonly string[]): ThirdParty {
  if (principal.kind === 'partner') return 'yes';
  if (principal.kind === 'system-user' || principal.isCurrentUser) return 'no';
  const domain = getEmailDomain(principal.email);
  if (!domain || ownDomains.length === 0) return 'unknown';
  return ownDomains.some((own) => domain === own || domain.endsWith(`.${own}`)) ? 'no' : 'yes';
}

/** Whether a principal holds any access: portfolio access, any asset, or a partner link. */
export function holdsAccess(principal: Principal): boolean {
  // A partner is listed in Business Settings only once it has been given something.
  if (principal.kind === 'partner' || principal.assets.length > 0) return true;
  return principal.portfolioAccess !== undefined && principal.portfolioAccess !== 'unknown';
}

/** The people who hold full control of the portfolio (an invitation does not hold it yet). */
export function fullControlHolders(principals: readonly Principal[]): Person[] {
  return principals.filter(
    (p): p is Person => p.kind === 'person' && !p.pending && p.portfolioAccess === 'full-control',
  );
}

export function assetKey(asset: Pick<AssetGrant, 'type' | 'id' | 'name'>): string {
  return `${asset.type}:${asset.id ?? asset.name}`;
}
