import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { Panel } from '@/components/panel';
import { usePanelStore } from '@/components/panel-store';
import { ask } from '@/lib/platform/page-api';
import { connectPanel } from '@/lib/platform/panel-connection';

connectPanel({
  onState: (state) => usePanelStore.getState().setState(state),
  onConnected: (connected) => usePanelStore.getState().setConnected(connected),
});
createRoot(document.getElementById('root')!).render(
  <ApiProvider api={{ ask }}>
    <Panel />
  </ApiProvider>,
);
