import { catalogue } from '@/lib/domain/i18n';
import type { ImportSummary } from '@/lib/domain/ledger/admin';
import { businessLabel } from '@/lib/domain/reminder-text';
import { useApi } from './api';

type Campaigns = NonNullable<NonNullable<ImportSummary['watch']>['campaigns']>;

/** At most this many campaigns listed; the count says how many there are. */
const SHOWN = 50;

/**
 * The access review campaigns an import brings (issue 14), listed in its preview under the file's ledger:
 * they are taken with the file's baselines (under the same signature and trust), so they are shown as
 * not applied when those are not.
 */
export function ImportedCampaigns({ campaigns, applies }: { campaigns: Campaigns; applies: boolean }) {
  const { locale } = useApi();
  const t = catalogue(locale).review.imported;
  const w = catalogue(locale).watchTransfer;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <div data-imported-campaigns={campaigns.length} data-takes-effect={String(applies)}>
      <p>{t.heading(campaigns.length)}</p>
      <ul>
        {campaigns.slice(0, SHOWN).map((c) => (
          <li key={c.id} data-imported-campaign={c.id} data-status={c.status}>
            {/* The reviewer's name is the file's text: React text, never markup. */}
            {t.campaign(
              businessLabel(locale, c.businessId),
              day.format(new Date(c.startedAt)),
              c.decided,
              c.items,
            )}
            {' · '}
            {c.reviewer !== undefined ? t.signed(c.reviewer) : t.open}
            {applies ? '' : ` (${w.notApplied})`}
          </li>
        ))}
      </ul>
    </div>
  );
}
