import { createRoot } from 'react-dom/client';
import { Panel } from '@/components/panel';
import type { ChecklistApi } from '@/components/checklists';
import type { LedgerApi } from '@/components/subject-ledger';
import { sendMessage } from '@/lib/platform/messaging';
import { connectPanelStore } from '@/lib/platform/panel-connection';

const api: LedgerApi & ChecklistApi = {
  record: (query) => sendMessage('subjectRecord', query),
  command: (command) => sendMessage('ledgerCommand', command),
  checklist: (command) => sendMessage('checklistCommand', command),
  snooze: (request) => sendMessage('snooze', request),
  open: (target) => sendMessage('openTarget', target),
};

connectPanelStore();
createRoot(document.getElementById('root')!).render(<Panel api={api} />);
