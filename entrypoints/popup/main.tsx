import '../panel/style.css';
import { createRoot } from 'react-dom/client';
import { Popup, type PopupApi } from '@/components/popup';
import { activeTabId } from '@/lib/platform/active-tab';
import { sendMessage } from '@/lib/platform/messaging';

const api: PopupApi = {
  state: async () => sendMessage('popupState', { tabId: await activeTabId() }),
  checklist: (command) => sendMessage('checklistCommand', command),
  snooze: (request) => sendMessage('snooze', request),
  open: (target) => sendMessage('openTarget', target),
};

createRoot(document.getElementById('root')!).render(<Popup api={api} />);
