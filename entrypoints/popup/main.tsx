import '../panel/style.css';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { Popup } from '@/components/popup';
import { changesPageUrl } from '@/lib/platform/changes-page';
import { overviewPageUrl } from '@/lib/platform/overview-page';
import { activeTabId, ask, uiLocale } from '@/lib/platform/page-api';

const locale = uiLocale();
document.documentElement.lang = locale;

void activeTabId().then((tabId) =>
  createRoot(document.getElementById('root')!).render(
    <ApiProvider api={{ ask, locale, changesPage: changesPageUrl, overviewPage: overviewPageUrl }}>
      <Popup tabId={tabId} />
    </ApiProvider>,
  ),
);
