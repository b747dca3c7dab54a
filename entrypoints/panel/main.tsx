import { createRoot } from 'react-dom/client';
import { Panel } from '@/components/panel';
import type { LedgerApi } from '@/components/subject-ledger';
import { sendMessage } from '@/lib/platform/messaging';
import { connectPanelStore } from '@/lib/platform/panel-connection';

const api: LedgerApi = {
  record: (query) => sendMessage('subjectRecord', query),
  command: (command) => sendMessage('ledgerCommand', command),
};

connectPanelStore();
createRoot(document.getElementById('root')!).render(<Panel api={api} />);
