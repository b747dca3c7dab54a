import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { LedgerAdmin } from '@/components/ledger-admin';
import { SettingsForm } from '@/components/settings-form';
import { ask } from '@/lib/platform/page-api';
import { loadSettings, saveSettings } from '@/lib/platform/settings';

createRoot(document.getElementById('root')!).render(
  <ApiProvider api={{ ask, settings: { load: loadSettings, save: saveSettings } }}>
    <SettingsForm />
    <main>
      <LedgerAdmin />
    </main>
  </ApiProvider>,
);
