import { useState } from 'react';
import { catalogue, describeProblem, type Catalogue } from '@/lib/domain/i18n';
import type { AdminRequest, AdminResult, ImportSummary } from '@/lib/domain/ledger/admin';
import { MAX_IMPORT_BYTES } from '@/lib/domain/ledger/import';
import type { Problem } from '@/lib/domain/problems';
import { useApi } from './api';

type AdminReply = { ok: true; value: AdminResult } | { ok: false; error: Problem };
type Outcome = { ok: boolean; text: string } | undefined;
type Words = Catalogue['ledgerAdmin'];

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The File System Access API's save dialog (Chromium); Firefox has none. */
type SaveFilePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<{ createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }> }>;

/**
 * Writes the export where the admin chooses and resolves once the file is closed (written); without a save
 * dialog (Firefox), hands it to the downloads. Says which, so the last export's time is set honestly.
 */
async function saveExport(name: string, json: string): Promise<'saved' | 'downloaded' | 'cancelled'> {
  const picker = (window as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (!picker) {
    download(name, json, 'application/json');
    return 'downloaded';
  }
  let handle: Awaited<ReturnType<SaveFilePicker>>;
  try {
    handle = await picker({
      suggestedName: name,
      types: [{ description: 'Scopekeeper ledger', accept: { 'application/json': ['.json'] } }],
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    throw error;
  }
  const file = await handle.createWritable();
  await file.write(json);
  await file.close();
  return 'saved';
}

/** What an import adds, skips and leaves alone, in the admin's words. */
function describe(t: Words['summary'], summary: ImportSummary): string {
  const parts = [
    t.toAdd(summary.addGrants, summary.addDecisions),
    t.skipped(summary.identicalGrants, summary.knownDecisions),
  ];
  for (const ledger of summary.ledgers)
    parts.push(t.ledger(ledger.ours ? t.yourLedger : t.otherLedger(ledger.ledgerId), ledger.adding));
  for (const conflict of summary.conflictingGrants) parts.push(t.grantDiffers(conflict.id, conflict.subject));
  if (summary.addRuns > 0 || summary.identicalRuns > 0)
    parts.push(t.runs(summary.addRuns, summary.identicalRuns));
  for (const conflict of summary.conflictingRuns)
    parts.push(
      conflict.reason === 'differs'
        ? t.runDiffers(conflict.id, conflict.subject)
        : t.runOpenHere(conflict.id, conflict.subject),
    );
  return t.join(parts);
}

/** Export, verify, import and delete the ledger (options page). Every outcome is said in plain words. */
export function LedgerAdmin() {
  const { ask, locale } = useApi();
  const words = catalogue(locale);
  const t = words.ledgerAdmin;
  const d = words.durability;
  const admin = (request: AdminRequest): Promise<AdminReply> => ask('ledgerAdmin', request);
  const errorText = (r: AdminReply) => (r.ok ? t.unexpected : describeProblem(locale, r.error));
  const [outcome, setOutcome] = useState<Outcome>();
  const [pending, setPending] = useState<
    { name: string; text: string; summary: ImportSummary } | undefined
  >();
  const [verify, setVerify] = useState<Extract<AdminResult, { type: 'verify' }>['ledgers'] | undefined>();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const exportJson = async () => {
    const r = await admin({ type: 'export' });
    if (!r.ok || r.value.type !== 'export') {
      setOutcome({ ok: false, text: errorText(r) });
      return undefined;
    }
    const { fileName, json } = r.value;
    let how: Awaited<ReturnType<typeof saveExport>>;
    try {
      how = await saveExport(fileName, json);
    } catch (error) {
      setOutcome({
        ok: false,
        text: d.exportNotWritten(error instanceof Error ? error.message : String(error)),
      });
      return undefined;
    }
    if (how === 'cancelled') {
      setOutcome({ ok: false, text: d.exportCancelled });
      return undefined;
    }
    // The last export's time is set only now, once the file is written (or handed to the downloads).
    const saved = await admin({ type: 'export-saved' });
    if (!saved.ok) setOutcome({ ok: false, text: errorText(saved) });
    else
      setOutcome({
        ok: true,
        text: how === 'saved' ? d.exportSaved(fileName) : d.exportDownloaded(fileName),
      });
    return json;
  };
  const exportCsv = async () => {
    const r = await admin({ type: 'export-csv' });
    if (r.ok && r.value.type === 'export-csv') {
      download('scopekeeper-grants.csv', r.value.grants, 'text/csv');
      download('scopekeeper-decisions.csv', r.value.decisions, 'text/csv');
      setOutcome({ ok: true, text: t.exportedCsv });
    } else setOutcome({ ok: false, text: errorText(r) });
  };
  const onFile = async (file: File | undefined) => {
    setPending(undefined);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setOutcome({ ok: false, text: t.tooLarge(file.name, (file.size / 1024 / 1024).toFixed(1)) });
      return;
    }
    const text = await file.text();
    const r = await admin({ type: 'plan-import', text });
    if (r.ok && r.value.type === 'import') {
      setPending({ name: file.name, text, summary: r.value.summary });
      setOutcome(undefined);
    } else setOutcome({ ok: false, text: t.notImported(file.name, errorText(r)) });
  };
  const apply = async () => {
    if (!pending) return;
    const r = await admin({ type: 'apply-import', text: pending.text });
    setPending(undefined);
    if (r.ok && r.value.type === 'import')
      setOutcome({ ok: true, text: t.imported(pending.name, describe(t.summary, r.value.summary)) });
    else setOutcome({ ok: false, text: t.notImported(pending.name, errorText(r)) });
  };

  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <button type="button" onClick={() => void exportJson()}>
        {t.export}
      </button>{' '}
      <button type="button" onClick={() => void exportCsv()}>
        {t.exportCsv}
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
        {t.verify}
      </button>
      {verify ? (
        <ul aria-label={t.chainCheck}>
          {verify.length === 0 ? <li>{t.noDecisions}</li> : null}
          {verify.map((l) => (
            <li key={l.ledgerId} data-chain-ok={String(l.ok)}>
              {l.ours ? t.yourLedger : t.otherLedger(l.ledgerId)}:{' '}
              {l.ok
                ? t.intact(l.length)
                : t.breaksAt(l.breakAt ?? '', l.length + 1, l.reason ? words.chainBreak[l.reason] : '')}
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor="import-file">{t.importLabel}</label>
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {pending ? (
        <div className="preview" aria-label={t.previewLabel}>
          <p>{t.preview(pending.name, describe(t.summary, pending.summary))}</p>
          <button type="button" onClick={() => void apply()}>
            {t.import}
          </button>{' '}
          <button type="button" onClick={() => setPending(undefined)}>
            {t.cancel}
          </button>
        </div>
      ) : null}
      <h2>{t.deleteTitle}</h2>
      {!confirmDelete ? (
        <button type="button" onClick={() => setConfirmDelete(true)}>
          {t.deleteAsk}
        </button>
      ) : (
        <div role="group" aria-label={t.confirmLabel}>
          <p>{d.deleteWarning}</p>
          <button type="button" onClick={() => void exportJson()}>
            {t.exportFirst}
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              void admin({ type: 'delete-all' }).then((r) => {
                setConfirmDelete(false);
                setOutcome(r.ok ? { ok: true, text: d.deleted } : { ok: false, text: errorText(r) });
              })
            }
          >
            {t.deleteEverything}
          </button>{' '}
          <button type="button" onClick={() => setConfirmDelete(false)}>
            {t.keep}
          </button>
        </div>
      )}
      {outcome ? <p role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p> : null}
    </section>
  );
}
