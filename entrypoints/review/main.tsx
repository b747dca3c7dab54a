import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { ReviewReportPage } from '@/components/review-report';
import { ReviewStartPage } from '@/components/review-start';
import { catalogue } from '@/lib/domain/i18n';
import { reviewAddress } from '@/lib/domain/review/address';
import { ask, uiLocale } from '@/lib/platform/page-api';

const locale = uiLocale();
document.documentElement.lang = locale;
document.title = catalogue(locale).reviewReport.title;

// review.html?campaign=<id>: the campaign the report is of. review.html?business=<id>&start=1: the
// periodic-review reminder's way in, which starts (or resumes) the business's review.
const address = reviewAddress(location.search);

createRoot(document.getElementById('root')!).render(
  <ApiProvider api={{ ask, locale }}>
    {address.kind === 'business' ? (
      <ReviewStartPage businessId={address.businessId} start={address.start} />
    ) : (
      <ReviewReportPage campaignId={address.campaignId} />
    )}
  </ApiProvider>,
);
