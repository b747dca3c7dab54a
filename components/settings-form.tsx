import { useEffect, useState } from 'react';
import { rules } from '@/lib/domain/rules';
import type { Settings } from '@/lib/domain/settings';
import { useApi } from './api';

const lines = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);

/** The settings form: own domains, approved partners, thresholds and rules. Saved settings apply to open tabs at once. */
export function SettingsForm() {
  const api = useApi();
  if (!api.settings) throw new Error('The settings form needs the settings API.');
  const { load, save } = api.settings;
  const [settings, setSettings] = useState<Settings | undefined>();
  const [domains, setDomains] = useState('');
  const [partners, setPartners] = useState('');
  const [leadDays, setLeadDays] = useState('');
  const [status, setStatus] = useState<{ kind: 'saved' | 'error' | 'problem'; text: string } | undefined>();

  useEffect(() => {
    void load().then(({ settings: loaded, problem }) => {
      setSettings(loaded);
      setDomains(loaded.ownDomains.join('\n'));
      setPartners(loaded.approvedPartnerIds.join('\n'));
      setLeadDays(loaded.reminderLeadDays.join(', '));
      if (problem) setStatus({ kind: 'problem', text: problem });
    });
  }, [load]);

  if (!settings) return <main>Loading settings…</main>;
  const number = (
    key:
      | 'maxFullControl'
      | 'stalePendingDays'
      | 'maxPartnerAssets'
      | 'expiryLeadDays'
      | 'maxGrantDays'
      | 'backupReminderDays'
      | 'reviewEveryDays'
      | 'reminderHour',
    label: string,
    hint: string,
  ) => (
    <>
      <label htmlFor={key}>{label}</label>
      <input
        id={key}
        type="number"
        min={
          ['expiryLeadDays', 'backupReminderDays', 'reviewEveryDays', 'reminderHour'].includes(key) ? 0 : 1
        }
        value={settings[key]}
        onChange={(e) => setSettings({ ...settings, [key]: Number(e.target.value) })}
      />
      <p className="hint">{hint}</p>
    </>
  );

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await save({
      ...settings,
      ownDomains: lines(domains),
      approvedPartnerIds: lines(partners),
      reminderLeadDays: lines(leadDays).map(Number),
    });
    if (result.ok) {
      setSettings(result.settings);
      setStatus({ kind: 'saved', text: 'Saved. Open Business Settings tabs are updated.' });
    } else setStatus({ kind: 'error', text: `Not saved: ${result.error}` });
  };

  return (
    <main>
      <h1>Scopekeeper settings</h1>
      <p className="hint">Stored in this browser only. Nothing is sent anywhere.</p>
      {status?.kind === 'problem' || status?.kind === 'error' ? <p role="alert">{status.text}</p> : null}
      <form onSubmit={(e) => void onSubmit(e)}>
        <h2>Who is a third party</h2>
        <label htmlFor="ownDomains">Your organisation’s e-mail domains</label>
        <textarea
          id="ownDomains"
          value={domains}
          onChange={(e) => setDomains(e.target.value)}
          placeholder="example.com"
        />
        <p className="hint">
          One per line. People with other addresses are third parties. Empty: the domain of the person marked
          “(you)” in People, unless it is a consumer domain such as gmail.com.
        </p>
        <label htmlFor="approvedPartnerIds">Approved partner Business IDs</label>
        <textarea
          id="approvedPartnerIds"
          value={partners}
          onChange={(e) => setPartners(e.target.value)}
          placeholder="3228568050780000"
        />
        <p className="hint">
          One per line. When the list is not empty, any other partner with access is flagged.
        </p>

        <h2>Thresholds</h2>
        {number(
          'maxFullControl',
          'Most people with full control',
          'More than this raises too-many-full-control (default 5).',
        )}
        {number(
          'stalePendingDays',
          'Days an invitation may stay pending',
          'Longer raises stale-pending-invite (default 7).',
        )}
        {number(
          'maxPartnerAssets',
          'Most assets per partner',
          'More than this raises broad-partner-scope (default 5).',
        )}
        {number('expiryLeadDays', 'Days of warning before an end date', 'Raises expiring-soon (default 7).')}

        <h2>Reminders</h2>
        <label htmlFor="reminderLeadDays">Remind before an end date (days)</label>
        <input id="reminderLeadDays" value={leadDays} onChange={(e) => setLeadDays(e.target.value)} />
        <p className="hint">
          Up to five, separated by commas (default 7, 1). Then on the day, and every day while overdue.
        </p>
        {number(
          'reviewEveryDays',
          'Review each business every (days)',
          'A reminder to review who holds what; 0 switches it off (default 30).',
        )}
        {number('reminderHour', 'Remind at (hour, local time)', 'From 0 to 23 (default 9).')}

        <h2>Ledger</h2>
        {number(
          'maxGrantDays',
          'Longest recorded grant (days)',
          'An end date may be at most this far after the start; extensions likewise from today (default 90).',
        )}
        {number(
          'backupReminderDays',
          'Suggest an export every (days)',
          'A notification suggests exporting the ledger; 0 switches it off (default 30).',
        )}

        <h2>Rules</h2>
        <table className="rules">
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id}>
                <td>
                  <input
                    type="checkbox"
                    id={`rule-${rule.id}`}
                    checked={!settings.disabledRules.includes(rule.id)}
                    onChange={(e) =>
                      setSettings({
                        ...settings,
                        disabledRules: e.target.checked
                          ? settings.disabledRules.filter((id) => id !== rule.id)
                          : [...settings.disabledRules, rule.id],
                      })
                    }
                  />
                </td>
                <td>
                  <label htmlFor={`rule-${rule.id}`} style={{ margin: 0 }}>
                    <code>{rule.id}</code> ({rule.severity})
                  </label>
                  <span className="hint">{rule.text.en.why}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">Save</button>
        {status?.kind === 'saved' ? <span role="status">{status.text}</span> : <span role="status" />}
      </form>
    </main>
  );
}
