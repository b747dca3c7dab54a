import { useState } from 'react';
import type { AdminRequest, AdminResult, ImportSummary } from '@/lib/domain/ledger/admin';
import { pickUiLocale } from '@/lib/domain/locales';
import type { Problem } from '@/lib/domain/problems';
import { catalogue } from '@/lib/domain/i18n';
import { problemText, useApi } from './api';

type AdminReply = { ok: true; value: AdminResult } | { ok: false; error: Problem };
// The options page speaks the browser's language; its own words follow in the catalogue.
const locale = pickUiLocale(typeof navigator === 'undefined' ? undefined : navigator.language);
const errorText = (r: AdminReply) => (r.ok ? 'Unexpected answer.' : problemText(locale, r.error));

type Outcome = { ok: boolean; text: string } | undefined;

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function describe(summary: ImportSummary): string {
  const parts = [
    `${summary.addGrants} grant record${summary.addGrants === 1 ? '' : 's'} and ${summary.addDecisions} decision${summary.addDecisions === 1 ? '' : 's'} to add`,
    `${summary.identicalGrants} identical grant${summary.identicalGrants === 1 ? '' : 's'} and ${summary.knownDecisions} known decision${summary.knownDecisions === 1 ? '' : 's'} skipped`,
  ];
  for (const ledger of summary.ledgers)
    parts.push(`${ledger.ours ? 'your ledger' : `ledger ${ledger.ledgerId}`}: ${ledger.adding} new`);
  for (const conflict of summary.conflictingGrants)
    parts.push(`grant ${conflict.id} (${conflict.subject}) differs from yours and is left as it is`);
  if (summary.addRuns > 0 || summary.identicalRuns > 0)
    parts.push(
      `${summary.addRuns} checklist${summary.addRuns === 1 ? '' : 's'} to add, ${summary.identicalRuns} already held`,
    );
  for (const conflict of summary.conflictingRuns)
    parts.push(
      conflict.reason === 'differs'
        ? `checklist ${conflict.id} (${conflict.subject}) differs from yours and is left as it is`
        : `checklist ${conflict.id} (${conflict.subject}) is not added: the same checklist is already open here`,
    );
  return parts.join('; ') + '.';
}

/** Export, verify, import and delete the ledger (options page). Every outcome is said in plain words. */
export function LedgerAdmin() {
  const { ask } = useApi();
  const admin = (request: AdminRequest): Promise<AdminReply> => ask('ledgerAdmin', request);
  const [outcome, setOutcome] = useState<Outcome>();
  const [pending, setPending] = useState<
    { name: string; text: string; summary: ImportSummary } | undefined
  >();
  const [verify, setVerify] = useState<Extract<AdminResult, { type: 'verify' }>['ledgers'] | undefined>();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const exportJson = async () => {
    const r = await admin({ type: 'export' });
    if (r.ok && r.value.type === 'export') {
      const { fileName, json } = r.value;
      download(fileName, json, 'application/json');
      setOutcome({ ok: true, text: `Exported to ${fileName}.` });
      return json;
    }
    setOutcome({ ok: false, text: errorText(r) });
    return undefined;
  };
  const exportCsv = async () => {
    const r = await admin({ type: 'export-csv' });
    if (r.ok && r.value.type === 'export-csv') {
      download('scopekeeper-grants.csv', r.value.grants, 'text/csv');
      download('scopekeeper-decisions.csv', r.value.decisions, 'text/csv');
      setOutcome({ ok: true, text: 'Exported scopekeeper-grants.csv and scopekeeper-decisions.csv.' });
    } else setOutcome({ ok: false, text: errorText(r) });
  };
  const onFile = async (file: File | undefined) => {
    setPending(undefined);
    if (!file) return;
    if (file.size > 50 * 1024 * 1024) {
      setOutcome({
        ok: false,
        text: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB. Nothing was imported.`,
      });
      return;
    }
    const text = await file.text();
    const r = await admin({ type: 'plan-import', text });
    if (r.ok && r.value.type === 'import') {
      setPending({ name: file.name, text, summary: r.value.summary });
      setOutcome(undefined);
    } else
      setOutcome({
        ok: false,
        text: `${file.name} was not imported: ${errorText(r)}`,
      });
  };
  const apply = async () => {
    if (!pending) return;
    const r = await admin({ type: 'apply-import', text: pending.text });
    setPending(undefined);
    if (r.ok && r.value.type === 'import')
      setOutcome({ ok: true, text: `Imported ${pending.name}: ${describe(r.value.summary)}` });
    else
      setOutcome({
        ok: false,
        text: `${pending.name} was not imported: ${errorText(r)}`,
      });
  };

  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">Ledger</h2>
      <p className="hint">
        Grant records and decisions are kept in this browser. Export them for an auditor or to share with
        another admin.
      </p>
      <button type="button" onClick={() => void exportJson()}>
        Export
      </button>{' '}
      <button type="button" onClick={() => void exportCsv()}>
        Export CSV
      </button>{' '}
      <button
        type="button"
        onClick={() =>
          void admin({ type: 'verify' }).then((r) =>
            r.ok && r.value.type === 'verify'
              ? setVerify(r.value.ledgers)
              : setOutcome({ ok: false, text: errorText(r) }),
          )
        }
      >
        Verify chain
      </button>
      {verify ? (
        <ul aria-label="Chain check">
          {verify.length === 0 ? <li>No decisions yet.</li> : null}
          {verify.map((l) => (
            <li key={l.ledgerId} data-chain-ok={String(l.ok)}>
              {l.ours ? 'Your ledger' : `Ledger ${l.ledgerId}`}:{' '}
              {l.ok
                ? `${l.length} decisions, intact.`
                : `breaks at decision ${l.breakAt} (#${l.length + 1}): ${l.reason ? catalogue(locale).chainBreak[l.reason] : ''}.`}
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor="import-file">Import a ledger export</label>
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {pending ? (
        <div className="preview" aria-label="Import preview">
          <p>
            {pending.name}: {describe(pending.summary)}
          </p>
          <button type="button" onClick={() => void apply()}>
            Import
          </button>{' '}
          <button type="button" onClick={() => setPending(undefined)}>
            Cancel
          </button>
        </div>
      ) : null}
      <h2>Delete all data</h2>
      {!confirmDelete ? (
        <button type="button" onClick={() => setConfirmDelete(true)}>
          Delete all data…
        </button>
      ) : (
        <div role="group" aria-label="Confirm deletion">
          <p>
            This deletes every grant record, decision, checklist and first-seen date in this browser. Export
            first to keep a copy.
          </p>
          <button type="button" onClick={() => void exportJson()}>
            Export first
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              void admin({ type: 'delete-all' }).then((r) => {
                setConfirmDelete(false);
                setOutcome(
                  r.ok
                    ? { ok: true, text: 'All ledger data was deleted.' }
                    : { ok: false, text: errorText(r) },
                );
              })
            }
          >
            Delete everything
          </button>{' '}
          <button type="button" onClick={() => setConfirmDelete(false)}>
            Keep my data
          </button>
        </div>
      )}
      {outcome ? <p role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p> : null}
    </section>
  );
}
