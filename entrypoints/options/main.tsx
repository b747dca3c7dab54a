import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { LedgerAdmin } from '@/components/ledger-admin';
import { SettingsForm } from '@/components/settings-form';
import { ask, uiLocale } from '@/lib/platform/page-api';
import { loadSettings, saveSettings } from '@/lib/platform/settings';
import { catalogue } from '@/lib/domain/i18n';

const locale = uiLocale();
document.documentElement.lang = locale;
document.title = catalogue(locale).options.title;

createRoot(document.getElementById('root')!).render(
  <ApiProvider api={{ ask, locale, settings: { load: loadSettings, save: saveSettings } }}>
    <SettingsForm />
    <main>
      <LedgerAdmin />
    </main>
  </ApiProvider>,
);
