import { createRoot } from 'react-dom/client';
import { Panel } from '@/components/panel';
import { connectPanelStore } from '@/lib/platform/panel-connection';

connectPanelStore();
createRoot(document.getElementById('root')!).render(<Panel />);
