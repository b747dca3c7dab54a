import '../panel/style.css';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { Popup } from '@/components/popup';
import { activeTabId, ask } from '@/lib/platform/page-api';

void activeTabId().then((tabId) =>
  createRoot(document.getElementById('root')!).render(
    <ApiProvider api={{ ask }}>
      <Popup tabId={tabId} />
    </ApiProvider>,
  ),
);
