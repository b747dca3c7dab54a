import { useEffect, useState } from 'react';
import { catalogue, describeProblem } from '@/lib/domain/i18n';
import { teamFields, type TeamCheck, type TeamField, type TeamSettingsView } from '@/lib/domain/team-ledger';
import { useApi } from './api';
import { describeCheck } from './team-status';

const empty: Record<TeamField, string> = { serverUrl: '', database: '', user: '', password: '' };

/**
 * The team ledger's settings (issue 16): the team's CouchDB server, database and credentials, "Test
 * connection", and turning it off. Off until the admin saves a server here.
 */
export function TeamLedgerForm() {
  const api = useApi();
  if (!api.team) throw new Error('The team ledger form needs the team settings API.');
  const { view, save, turnOff } = api.team;
  const t = catalogue(api.locale).teamLedger;
  const [saved, setSaved] = useState<TeamSettingsView | undefined>();
  const [fields, setFields] = useState(empty);
  const [status, setStatus] = useState<{ kind: 'done' | 'error'; text: string } | undefined>();
  const [check, setCheck] = useState<TeamCheck | 'testing' | undefined>();

  useEffect(() => {
    void view().then((loaded) => {
      setSaved(loaded);
      if (loaded.kind === 'on') setFields({ ...loaded.settings, password: '' });
      if (loaded.kind === 'invalid') setStatus({ kind: 'error', text: t.storedInvalid });
    });
  }, [view, t]);

  if (!saved) return null;
  const field = (key: TeamField, type = 'text', hint?: string) => (
    <>
      <label htmlFor={`team-${key}`}>{t[key]}</label>
      <input
        id={`team-${key}`}
        type={type}
        autoComplete={key === 'password' ? 'new-password' : 'off'}
        spellCheck={false}
        value={fields[key]}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      />
      {hint ? <p className="hint">{hint}</p> : null}
    </>
  );

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setCheck(undefined);
    // Called at once, inside the click: it asks the browser for the server's host permission first.
    void save(fields).then((outcome) => {
      if (outcome.kind === 'saved') {
        setSaved({ kind: 'on', settings: outcome.settings });
        setFields({ ...outcome.settings, password: '' });
        setStatus({ kind: 'done', text: t.saved(outcome.origin) });
      } else if (outcome.kind === 'permission-refused')
        setStatus({ kind: 'error', text: t.permissionRefused(outcome.origin) });
      else {
        const names = teamFields.filter((f) => outcome.fields.includes(f)).map((f) => t[f]);
        const why = outcome.serverUrlIssue ? ` (${t.urlIssue[outcome.serverUrlIssue]})` : '';
        setStatus({ kind: 'error', text: t.notSaved(names.join(', ')) + why });
      }
    });
  };

  const test = async (createDatabase: boolean) => {
    setCheck('testing');
    const reply = await api.ask('teamConnection', createDatabase ? { createDatabase } : {});
    if (reply.ok) setCheck(reply.value);
    else {
      setCheck(undefined);
      setStatus({ kind: 'error', text: describeProblem(api.locale, reply.error) });
    }
  };

  const onTurnOff = async () => {
    await turnOff();
    setSaved({ kind: 'off' });
    setFields(empty);
    setCheck(undefined);
    setStatus({ kind: 'done', text: t.turnedOff });
  };

  return (
    <section className="team-ledger" aria-labelledby="team-ledger-title">
      <h2 id="team-ledger-title">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <p className="hint">{t.notYet}</p>
      <form onSubmit={onSubmit}>
        {field('serverUrl', 'url', t.serverUrlHint)}
        {field('database', 'text', t.databaseHint)}
        {field('user')}
        {field('password', 'password', t.passwordHint)}
        <button type="submit">{t.save}</button>
      </form>
      {status ? (
        <p role={status.kind === 'error' ? 'alert' : 'status'} data-team-status={status.kind}>
          {status.text}
        </p>
      ) : null}
      {saved.kind === 'on' ? (
        <p>
          <button type="button" disabled={check === 'testing'} onClick={() => void test(false)}>
            {t.test}
          </button>{' '}
          <button type="button" onClick={() => void onTurnOff()}>
            {t.turnOff}
          </button>
        </p>
      ) : saved.kind === 'invalid' ? (
        <button type="button" onClick={() => void onTurnOff()}>
          {t.turnOff}
        </button>
      ) : null}
      {check === 'testing' ? <p role="status">{t.testing}</p> : null}
      {check && check !== 'testing' ? (
        <p role="status" data-team-check={check.kind}>
          {describeCheck(t, check)}{' '}
          {check.kind === 'missing-database' && check.canCreate ? (
            <button type="button" onClick={() => void test(true)}>
              {t.create}
            </button>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
