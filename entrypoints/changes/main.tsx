import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { ChangesPage } from '@/components/changes-page';
import { catalogue } from '@/lib/domain/i18n';
import { businessOfChangesPage, changesPageUrl } from '@/lib/platform/changes-page';
import { ask, uiLocale } from '@/lib/platform/page-api';

const locale = uiLocale();
document.documentElement.lang = locale;
document.title = catalogue(locale).changes.title;

// The business the address names; a business chosen on the page goes into the address (reload, bookmark).
const keepInAddress = (businessId: string) => history.replaceState(null, '', changesPageUrl(businessId));

createRoot(document.getElementById('root')!).render(
  <ApiProvider api={{ ask, locale, changesPage: changesPageUrl }}>
    <ChangesPage businessId={businessOfChangesPage(location.search)} onBusiness={keepInAddress} />
  </ApiProvider>,
);
