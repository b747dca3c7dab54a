import { catalogue } from '@/lib/domain/i18n/words';
import { assetKey } from '@/lib/domain/principals';
import type { PageSnapshot } from '@/lib/domain/snapshot';
import { useApi } from './api';

/**
 * The panel's link on an asset page (issue 15, item 3): every path to this asset, on the overview's page
 * (an extension page of its own, opened in a new tab: the panel itself is never sent other businesses).
 */
export function PanelAssetPathsLink({ snapshot }: { snapshot: PageSnapshot }) {
  const { locale } = useApi();
  if (snapshot.kind !== 'asset' || !snapshot.businessId) return null;
  const first = snapshot.principals.flatMap((p) => p.assets)[0];
  const params = new URLSearchParams({ business: snapshot.businessId });
  if (first) params.set('asset', assetKey(first));
  return (
    <a
      className="asset-paths-link"
      href={`/overview.html?${params.toString()}`}
      target="_blank"
      rel="noopener noreferrer"
      data-asset-paths-link=""
    >
      {catalogue(locale).overview.assetPathsLink}
    </a>
  );
}
