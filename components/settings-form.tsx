import { useEffect, useState } from 'react';
import { catalogue, type Catalogue } from '@/lib/domain/i18n';
import { rules } from '@/lib/domain/rules';
import type { Settings, SettingsProblem } from '@/lib/domain/settings';
import { useApi } from './api';

const lines = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);

type NumberKey =
  | 'maxFullControl'
  | 'stalePendingDays'
  | 'maxPartnerAssets'
  | 'maxSystemUserAssets'
  | 'expiryLeadDays'
  | 'maxGrantDays'
  | 'backupReminderDays'
  | 'changeRetentionDays'
  | 'reviewEveryDays'
  | 'reminderHour';
type ListKey = 'ownDomains' | 'approvedPartnerIds';
/** Settings where 0 is allowed (it switches a reminder off, or is midnight). */
const zeroAllowed: readonly NumberKey[] = [
  'expiryLeadDays',
  'backupReminderDays',
  'reviewEveryDays',
  'reminderHour',
];

type Words = Catalogue['options'];
/** The fields of a settings problem by their labels on this page (the key where a field has none). */
const fieldNames = (t: Words, problem: SettingsProblem) =>
  problem.fields
    .map((field) => {
      const label = (t as Record<string, unknown>)[field];
      return typeof label === 'string' ? label : field;
    })
    .join(', ');

/** The settings form: own domains, approved partners, thresholds and rules. Saved settings apply to open tabs at once. */
export function SettingsForm() {
  const api = useApi();
  if (!api.settings) throw new Error('The settings form needs the settings API.');
  const { load, save } = api.settings;
  const t = catalogue(api.locale).options;
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
      if (problem) setStatus({ kind: 'problem', text: t.storedInvalid(fieldNames(t, problem)) });
    });
  }, [load, t]);

  if (!settings) return <main>{t.loading}</main>;
  const number = (key: NumberKey) => (
    <>
      <label htmlFor={key}>{t[key]}</label>
      <input
        id={key}
        type="number"
        min={zeroAllowed.includes(key) ? 0 : 1}
        value={settings[key]}
        onChange={(e) => setSettings({ ...settings, [key]: Number(e.target.value) })}
      />
      <p className="hint">{t[`${key}Hint`]}</p>
    </>
  );

  /** A list of values, one a line (commas and spaces separate them too). */
  const list = (key: ListKey, text: string, setText: (text: string) => void, placeholder: string) => (
    <>
      <label htmlFor={key}>{t[key]}</label>
      <textarea id={key} value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} />
      <p className="hint">{t[`${key}Hint`]}</p>
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
      setStatus({ kind: 'saved', text: t.saved });
    } else setStatus({ kind: 'error', text: t.notSaved(fieldNames(t, result.error)) });
  };

  return (
    <main>
      <h1>{t.title}</h1>
      <p className="hint">{t.localOnly}</p>
      {status?.kind === 'problem' || status?.kind === 'error' ? <p role="alert">{status.text}</p> : null}
      <form onSubmit={(e) => void onSubmit(e)}>
        <h2>{t.thirdParty}</h2>
        {list('ownDomains', domains, setDomains, 'example.com')}
        {list('approvedPartnerIds', partners, setPartners, '3228568050780000')}

        <h2>{t.thresholds}</h2>
        {number('maxFullControl')}
        {number('stalePendingDays')}
        {number('maxPartnerAssets')}
        {number('maxSystemUserAssets')}
        {number('expiryLeadDays')}

        <h2>{t.reminders}</h2>
        <label htmlFor="reminderLeadDays">{t.reminderLeadDays}</label>
        <input id="reminderLeadDays" value={leadDays} onChange={(e) => setLeadDays(e.target.value)} />
        <p className="hint">{t.reminderLeadDaysHint}</p>
        {number('reviewEveryDays')}
        {number('reminderHour')}

        <h2>{t.ledger}</h2>
        {number('maxGrantDays')}
        {number('backupReminderDays')}
        {number('changeRetentionDays')}

        <h2>{t.rules}</h2>
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
                    <code>{rule.id}</code> ({t.severity[rule.severity]})
                  </label>
                  <span className="hint">{rule.text[api.locale].why}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">{t.save}</button>
        {status?.kind === 'saved' ? <span role="status">{status.text}</span> : <span role="status" />}
      </form>
    </main>
  );
}
