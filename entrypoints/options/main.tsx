import { createRoot } from 'react-dom/client';
import { SettingsForm } from '@/components/settings-form';
import { loadSettings, saveSettings } from '@/lib/platform/settings';

createRoot(document.getElementById('root')!).render(<SettingsForm load={loadSettings} save={saveSettings} />);
