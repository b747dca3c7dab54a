import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { ReviewReportPage } from '@/components/review-report';
import { catalogue } from '@/lib/domain/i18n';
import { ask, uiLocale } from '@/lib/platform/page-api';

const locale = uiLocale();
document.documentElement.lang = locale;
document.title = catalogue(locale).reviewReport.title;

// review.html?campaign=<id>: the campaign the report is of.
const campaignId = new URLSearchParams(location.search).get('campaign')?.slice(0, 100) || undefined;

createRoot(document.getElementById('root')!).render(
  <ApiProvider api={{ ask, locale }}>
    <ReviewReportPage campaignId={campaignId} />
  </ApiProvider>,
);
