import { describe, expect, it } from 'vitest';
import type { PageKind } from '@/lib/domain/snapshot';
import { getPageKind, getRouteInfo } from '@/lib/page/routes';

const B = 'https://business.facebook.com';
const q = '?business_id=1203456789012345';

/** Positive URLs per kind, both URL families (research/meta-business-settings.md §1). */
const positives: Record<PageKind, string[]> = {
  people: [
    `${B}/latest/settings/business_users${q}`,
    `${B}/latest/settings/business_users${q}&selected_user_id=61000000000002`,
    `${B}/latest/settings/people${q}`,
    `${B}/settings/people${q}`,
    `${B}/settings/people/61000000000002${q}`,
    `${B}/settings/people/61000000000002${q}&nav_ref=bm_settings_redirect_migration&bm_redirect_migration=true`,
  ],
  partners: [
    `${B}/latest/settings/partners${q}`,
    `${B}/latest/settings/partners${q}&selected_partner_id=3228568050780001`,
    `${B}/settings/partners${q}`,
    `${B}/settings/partners/3228568050780001${q}`,
  ],
  'system-users': [
    `${B}/latest/settings/system_users${q}&selected_user_id=61550000000001`,
    `${B}/settings/system-users${q}&selected_user_id=61550000000001`,
    `${B}/settings/system-users/61550000000001${q}`,
  ],
  asset: [
    `${B}/latest/settings/pages${q}&selected_asset_id=100200300400501&selected_asset_type=page`,
    `${B}/latest/settings/ad_accounts${q}&selected_asset_id=120251669477430356&selected_asset_type=ad-account`,
    `${B}/latest/settings/instagram_account${q}&selected_asset_type=instagram-account`,
    `${B}/latest/settings/instagram_accounts${q}`,
    `${B}/latest/settings/whatsapp_account${q}&selected_asset_id=1&selected_asset_type=whatsapp-business-account&detail_view_tab=PARTNERS`,
    `${B}/latest/settings/apps${q}&selected_asset_type=app`,
    `${B}/latest/settings/events_dataset_and_pixel${q}&selected_asset_type=events-dataset-new`,
    `${B}/latest/settings/events_dataset${q}`,
    `${B}/latest/settings/product_catalogs${q}`,
    `${B}/settings/pages${q}`,
    `${B}/settings/ad-accounts/1758104775449075${q}`,
    `${B}/settings/product-catalogs/123456789${q}`,
    `${B}/settings/pixels/123456789`,
    `${B}/settings/instagram-accounts${q}`,
    `${B}/settings/instagram-account-v2${q}`,
  ],
  'invite-dialog': [
    `${B}/latest/settings/business_users${q}&modal=invite_people`,
    `${B}/settings/people${q}&modal=invite_people`,
    `${B}/latest/settings/people${q}&modal=add_people`,
  ],
  'add-partner-dialog': [
    `${B}/latest/settings/partners${q}&modal=add_partner`,
    `${B}/settings/partners${q}&modal=add_partner`,
  ],
  'business-info': [`${B}/latest/settings/business_info${q}`, `${B}/latest/settings/business_info`],
  'security-center': [
    `${B}/latest/settings/security_center${q}`,
    `${B}/settings/security${q}`,
    `${B}/settings/security`,
    `${B}/settings/security_center${q}`,
  ],
  other: [
    `${B}/latest/settings/${q}`,
    `${B}/latest/settings/business_assets`,
    `${B}/latest/home${q}`,
    `${B}/settings/security/61000000000002/extra${q}`,
    `${B}/settings/people/not-an-id${q}`,
    `${B}/latest/settings/business_users/extra${q}`,
    `${B}/security/block/`,
    `https://www.facebook.com/latest/settings/business_users${q}`,
    `https://business.facebook.com.evil.example/latest/settings/business_users${q}`,
    `http://business.facebook.com/latest/settings/business_users${q}`,
    'not a url',
  ],
};

describe('getPageKind', () => {
  for (const [kind, urls] of Object.entries(positives) as [PageKind, string[]][]) {
    it(`recognises every ${kind} URL`, () => {
      for (const url of urls) expect(getPageKind(url), url).toBe(kind);
    });
    it(`gives no other kind's URL the kind ${kind}`, () => {
      const others = Object.entries(positives)
        .filter(([k]) => k !== kind)
        .flatMap(([, u]) => u);
      for (const url of others) expect(getPageKind(url), url).not.toBe(kind);
    });
  }

  it('reads the business, the selected id and the asset type from the URL', () => {
    expect(getRouteInfo(`${B}/latest/settings/partners${q}&selected_partner_id=3228568050780001`)).toEqual({
      kind: 'partners',
      businessId: '1203456789012345',
      selectedId: '3228568050780001',
      layout: 'latest',
    });
    expect(getRouteInfo(`${B}/settings/ad-accounts/1758104775449075${q}`)).toMatchObject({
      kind: 'asset',
      assetType: 'ad-account',
      selectedId: '1758104775449075',
      layout: 'classic',
    });
    expect(getRouteInfo(`${B}/latest/settings/business_users?business_id=abc`).businessId).toBeUndefined();
  });
});
