import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { OverviewPage } from '@/components/overview-page';
import { catalogue } from '@/lib/domain/i18n';
import { changesPageUrl } from '@/lib/platform/changes-page';
import { overviewAddress, overviewPageUrl } from '@/lib/platform/overview-page';
import { ask, uiLocale } from '@/lib/platform/page-api';

const locale = uiLocale();
document.documentElement.lang = locale;
document.title = catalogue(locale).overview.title;

const { businessId, asset } = overviewAddress(location.search);

createRoot(document.getElementById('root')!).render(
  <ApiProvider api={{ ask, locale, changesPage: changesPageUrl, overviewPage: overviewPageUrl }}>
    <OverviewPage businessId={businessId} asset={asset} pageUrl={overviewPageUrl} />
  </ApiProvider>,
);
