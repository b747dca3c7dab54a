import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { ChangesLink } from '@/components/changes-page';
import { OverviewLink } from '@/components/overview-page';
import { LedgerAdmin } from '@/components/ledger-admin';
import { SettingsForm } from '@/components/settings-form';
import { TeamLedgerForm } from '@/components/team-ledger-form';
import { TeamStatusLine } from '@/components/team-status';
import { TeamAdminSection } from '@/components/team-admin';
import { changesPageUrl } from '@/lib/platform/changes-page';
import { overviewPageUrl } from '@/lib/platform/overview-page';
import { ask, uiLocale } from '@/lib/platform/page-api';
import { loadSettings, saveSettings } from '@/lib/platform/settings';
import { saveTeamSettings, turnOffTeamLedger, viewTeamSettings } from '@/lib/platform/team-settings';
import { catalogue } from '@/lib/domain/i18n';
import { Uploads } from '@/lib/ledger/uploads';
import { handOver } from '@/lib/platform/handoff';

const locale = uiLocale();
document.documentElement.lang = locale;
document.title = catalogue(locale).options.title;

createRoot(document.getElementById('root')!).render(
  <ApiProvider
    api={{
      ask,
      locale,
      changesPage: changesPageUrl,
      overviewPage: overviewPageUrl,
      settings: { load: loadSettings, save: saveSettings },
      team: {
        view: viewTeamSettings,
        save: saveTeamSettings,
        // Said done once the background has closed replication and deleted its copy of the team's database
        // (its status, asked once the setting is gone, answers after that).
        turnOff: async () => {
          await turnOffTeamLedger();
          await ask('teamStatus', {}).catch(() => undefined);
        },
      },
      // Handed to the worker by reference where it can be, else (or when asked to be durable, because a
      // stopped worker lost the file it held) stored in IndexedDB for it.
      upload: async (file, how) =>
        (how?.durable ? undefined : await handOver(file)) ?? new Uploads().put(file),
    }}
  >
    <nav className="page-links">
      <ChangesLink />
      <OverviewLink />
    </nav>
    <SettingsForm />
    <main>
      <LedgerAdmin />
      <TeamLedgerForm />
      {/* The replication's status (issue 16), under the team ledger's settings; nothing while it is off. */}
      <TeamStatusLine heading />
      {/* Grants edited in two places and documents refused from the server (issue 16); nothing while off. */}
      <TeamAdminSection />
    </main>
  </ApiProvider>,
);
