import type { AssetType, PageKind } from '../domain/snapshot';

/**
 * The sections and dialogs of Business Settings by the words of their URLs (research/meta-business-settings.md
 * §1), for lib/page/routes.ts. Data only: the content script's build reads it from `_locales`
 * (lib/page/page-data.ts), like the lexicon.
 */

export type SectionKind =
  | { kind: 'people' | 'partners' | 'system-users' | 'business-info' | 'security-center' }
  | { kind: 'asset'; assetType: AssetType };

// 2026-11 /latest/settings/<section> names (§1.1). Aliases seen in public code are listed too.
export const latestSections: Record<string, SectionKind> = {
  business_users: { kind: 'people' },
  people: { kind: 'people' },
  partners: { kind: 'partners' },
  system_users: { kind: 'system-users' },
  pages: { kind: 'asset', assetType: 'page' },
  ad_accounts: { kind: 'asset', assetType: 'ad-account' },
  instagram_account: { kind: 'asset', assetType: 'instagram' },
  instagram_accounts: { kind: 'asset', assetType: 'instagram' },
  whatsapp_account: { kind: 'asset', assetType: 'whatsapp' },
  whatsapp_accounts: { kind: 'asset', assetType: 'whatsapp' },
  whatsapp_business_accounts: { kind: 'asset', assetType: 'whatsapp' },
  apps: { kind: 'asset', assetType: 'app' },
  events_dataset_and_pixel: { kind: 'asset', assetType: 'dataset' },
  events_dataset: { kind: 'asset', assetType: 'dataset' },
  product_catalogs: { kind: 'asset', assetType: 'catalog' },
  catalogs: { kind: 'asset', assetType: 'catalog' },
  // Meta's own security signals (§1.1, §3.4; issue 15): the two-factor requirement, Security Center.
  business_info: { kind: 'business-info' },
  security_center: { kind: 'security-center' },
};

// Classic Business Manager /settings/<section>[/<id>] names (§1.2): hyphens, and the id in the path.
export const classicSections: Record<string, SectionKind> = {
  people: { kind: 'people' },
  partners: { kind: 'partners' },
  'system-users': { kind: 'system-users' },
  pages: { kind: 'asset', assetType: 'page' },
  'ad-accounts': { kind: 'asset', assetType: 'ad-account' },
  'product-catalogs': { kind: 'asset', assetType: 'catalog' },
  pixels: { kind: 'asset', assetType: 'dataset' },
  'events-datasets': { kind: 'asset', assetType: 'dataset' },
  'instagram-accounts': { kind: 'asset', assetType: 'instagram' },
  'instagram-account-v2': { kind: 'asset', assetType: 'instagram' },
  'whatsapp-business-accounts': { kind: 'asset', assetType: 'whatsapp' },
  apps: { kind: 'asset', assetType: 'app' },
  // §1.2: the classic security page and Security Center (no classic Business info address is known).
  security: { kind: 'security-center' },
  security_center: { kind: 'security-center' },
};

/**
 * Dialog URLs. Meta opens the invite and add-partner dialogs over the People and Partners pages; where the
 * dialog is addressable it carries a `modal` query parameter [G]. Readers also recognise an open dialog
 * from the DOM (see refinePageKind), so this is a hint, not the only way in.
 */
export const dialogModals: Record<string, { on: 'people' | 'partners'; kind: PageKind }> = {
  invite_people: { on: 'people', kind: 'invite-dialog' },
  add_people: { on: 'people', kind: 'invite-dialog' },
  add_partner: { on: 'partners', kind: 'add-partner-dialog' },
  share_assets: { on: 'partners', kind: 'add-partner-dialog' },
};
