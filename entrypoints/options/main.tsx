import { createRoot } from 'react-dom/client';
import { LedgerAdmin } from '@/components/ledger-admin';
import { SettingsForm } from '@/components/settings-form';
import { sendMessage } from '@/lib/platform/messaging';
import { loadSettings, saveSettings } from '@/lib/platform/settings';

createRoot(document.getElementById('root')!).render(
  <>
    <SettingsForm load={loadSettings} save={saveSettings} />
    <main>
      <LedgerAdmin admin={(request) => sendMessage('ledgerAdmin', request)} />
    </main>
  </>,
);
