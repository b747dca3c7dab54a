import type { AssetType, PageKind } from '../domain/snapshot';

/** What the URL alone says about a Business Settings page (research/meta-business-settings.md §1). */
export interface RouteInfo {
  kind: PageKind;
  businessId?: string;
  /** The id of the person, partner, system user or asset selected in the detail pane, when the URL names one. */
  selectedId?: string;
  /** For asset pages: which asset type the section lists. */
  assetType?: AssetType;
  /** Which URL family the page uses. */
  layout?: 'latest' | 'classic';
}

const HOST = 'business.facebook.com';

type SectionKind = { kind: 'people' | 'partners' | 'system-users' } | { kind: 'asset'; assetType: AssetType };

// 2026-11 /latest/settings/<section> names (§1.1). Aliases seen in public code are listed too.
const latestSections: Record<string, SectionKind> = {
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
};

// Classic Business Manager /settings/<section>[/<id>] names (§1.2): hyphens, and the id in the path.
const classicSections: Record<string, SectionKind> = {
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
};

/**
 * Every word a Business Settings URL path is made of, as the tables above know them: the diagnostics bundle
 * keeps these and replaces any other path segment (an ID, an address, a word it does not know) by its kind.
 */
export const routeWords: ReadonlySet<string> = new Set([
  'latest',
  'settings',
  ...Object.keys(latestSections),
  ...Object.keys(classicSections),
]);

/**
 * Dialog URLs. Meta opens the invite and add-partner dialogs over the People and Partners pages; where the
 * dialog is addressable it carries a `modal` query parameter [G]. Readers also recognise an open dialog
 * from the DOM (see refinePageKind), so this is a hint, not the only way in.
 */
const dialogModals: Record<string, { on: 'people' | 'partners'; kind: PageKind }> = {
  invite_people: { on: 'people', kind: 'invite-dialog' },
  add_people: { on: 'people', kind: 'invite-dialog' },
  add_partner: { on: 'partners', kind: 'add-partner-dialog' },
  share_assets: { on: 'partners', kind: 'add-partner-dialog' },
};

const idPattern = /^\d{1,20}$/;

function readId(value: string | null | undefined): string | undefined {
  return value && idPattern.test(value) ? value : undefined;
}

export function getRouteInfo(input: URL | string): RouteInfo {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return { kind: 'other' };
  }
  if (url.protocol !== 'https:' || url.hostname !== HOST) return { kind: 'other' };
  const parts = url.pathname.split('/').filter(Boolean);
  const params = url.searchParams;
  const businessId = readId(params.get('business_id'));

  let section: SectionKind | undefined;
  let layout: RouteInfo['layout'];
  let pathId: string | undefined;
  if (parts[0] === 'latest' && parts[1] === 'settings' && parts.length === 3) {
    section = Object.hasOwn(latestSections, parts[2]!) ? latestSections[parts[2]!] : undefined;
    layout = 'latest';
  } else if (parts[0] === 'settings' && (parts.length === 2 || parts.length === 3)) {
    section = Object.hasOwn(classicSections, parts[1]!) ? classicSections[parts[1]!] : undefined;
    layout = 'classic';
    if (parts.length === 3) {
      pathId = readId(parts[2]);
      if (!pathId) return { kind: 'other' };
    }
  }
  if (!section) return { kind: 'other' };

  const modal = params.get('modal');
  const dialog = modal && Object.hasOwn(dialogModals, modal) ? dialogModals[modal] : undefined;
  if (dialog && dialog.on === section.kind) return { kind: dialog.kind, businessId, layout };

  const selectedId =
    pathId ??
    readId(params.get('selected_user_id')) ??
    readId(params.get('selected_partner_id')) ??
    readId(params.get('selected_asset_id'));
  const info: RouteInfo = { kind: section.kind, layout };
  if (businessId) info.businessId = businessId;
  if (selectedId) info.selectedId = selectedId;
  if (section.kind === 'asset') info.assetType = section.assetType;
  return info;
}

/** The page kind of a URL: a pure function of the URL (STYLE.md "Reading the page"). */
export function getPageKind(url: URL | string): PageKind {
  return getRouteInfo(url).kind;
}
