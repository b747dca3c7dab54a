import type { AssetType, PageKind } from '../domain/snapshot';
import { classicSections, dialogModals, latestSections, type SectionKind } from './route-tables';

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

/**
 * Every word a Business Settings URL path is made of, as the tables (route-tables.ts) know them: the diagnostics bundle
 * keeps these and replaces any other path segment (an ID, an address, a word it does not know) by its kind.
 */
export const routeWords: ReadonlySet<string> = new Set([
  'latest',
  'settings',
  ...Object.keys(latestSections),
  ...Object.keys(classicSections),
]);

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
