import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { Panel } from '@/components/panel';
import { usePanelStore } from '@/components/panel-store';
import { ask, uiLocale } from '@/lib/platform/page-api';
import { connectPanel } from '@/lib/platform/panel-connection';

const locale = uiLocale();
document.documentElement.lang = locale;

connectPanel({
  onState: (state) => usePanelStore.getState().setState(state),
  onConnected: (connected) => usePanelStore.getState().setConnected(connected),
});
createRoot(document.getElementById('root')!).render(
  <ApiProvider api={{ ask, locale }}>
    <Panel />
  </ApiProvider>,
);
