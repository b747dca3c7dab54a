import { useEffect, useRef, useState, type ReactNode } from 'react';
import { catalogue, describeProblem, type Catalogue } from '@/lib/domain/i18n';
import type { UiLocale } from '@/lib/domain/locales';
import {
  PREVIEW_FIRST_ROWS,
  PREVIEW_MORE_ROWS,
  type AdminRequest,
  type AdminResult,
  type ImportChangeView,
  type ImportSummary,
} from '@/lib/domain/ledger/admin';
import { describeSubject } from '@/lib/domain/reminder-text';
import { MAX_IMPORT_BYTES, type ImportProgress } from '@/lib/domain/ledger/import';
import type { Problem } from '@/lib/domain/problems';
import { useApi } from './api';
import { download } from './download';
import { ImportedCampaigns } from './review-imported';

type AdminReply = { ok: true; value: AdminResult } | { ok: false; error: Problem };
type Outcome = { ok: boolean; text: string } | undefined;
type Words = Catalogue['ledgerAdmin'];

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
function describe(
  t: Words['summary'],
  summary: ImportSummary,
  w: Catalogue['watchTransfer'],
  heldBack?: (id: string) => string,
): string {
  const parts = [
    t.toAdd(summary.addGrants, summary.addDecisions),
    t.skipped(summary.identicalGrants, summary.knownDecisions),
  ];
  for (const ledger of summary.ledgers)
    parts.push(
      ledger.heldBack && heldBack
        ? heldBack(ledger.ledgerId)
        : t.ledger(ledger.ours ? t.yourLedger : t.otherLedger(ledger.ledgerId), ledger.adding),
    );
  for (const conflict of summary.conflictingGrants) parts.push(t.grantDiffers(conflict.id, conflict.subject));
  if (summary.addRuns > 0 || summary.identicalRuns > 0)
    parts.push(t.runs(summary.addRuns, summary.identicalRuns));
  for (const conflict of summary.conflictingRuns)
    parts.push(
      conflict.reason === 'differs'
        ? t.runDiffers(conflict.id, conflict.subject)
        : t.runOpenHere(conflict.id, conflict.subject),
    );
  // The baselines and the change log (issue 13); after the import, whether they were applied.
  const watch = summary.watch;
  if (watch) {
    parts.push(w.counts(watch.businesses, watch.changes));
    if (watch.applied !== undefined) parts.push(watch.applied ? w.applied : w.skipped);
  }
  return t.join(parts);
}

type Colleagues = Extract<AdminResult, { type: 'colleagues' }>;

/** One record of an import that changes what the admin sees, as a sentence. */
function describeChange(
  locale: UiLocale,
  change: ImportChangeView,
  names: Record<string, string>,
  maxDays: string,
): string {
  const t = catalogue(locale).ledgerTrust;
  if (change.kind === 'baseline')
    return catalogue(locale).watchTransfer.baseline(
      change.businessId,
      change.replaces,
      change.taken,
      change.added,
    );
  const who = describeSubject(
    locale,
    change.subject,
    undefined,
    names[`${change.businessId} ${change.subject}`],
  );
  switch (change.kind) {
    case 'accept':
      return t.accept(change.ruleId, who, change.assetName, change.until, change.by);
    case 'revoke':
      return t.revoke(who, change.on, change.by, change.grants);
    case 'extend':
      return t.extend(who, change.endsAt, change.by);
    case 'add-grant': {
      const text = t.addGrant(who, change.assets.join(', '), change.endsAt, change.silences.join(', '));
      return change.cappedFrom ? `${text} (${t.capped(change.cappedFrom, maxDays)})` : text;
    }
  }
}

/**
 * Whether an import applies the file's baselines and changes (lib/ledger/store.ts applyImport): its own
 * key vouches for them and that is ours, or a trusted colleague's (trusted before, or ticked now) whose
 * changed key, if changed, is accepted.
 */
function watchApplies(
  summary: ImportSummary,
  trust: ReadonlySet<string>,
  acceptKeys: ReadonlySet<string>,
): boolean {
  const watch = summary.watch;
  if (!watch) return false;
  const ledger = summary.ledgers.find((l) => l.ledgerId === watch.ledgerId);
  if (ledger?.key === 'changed' && !acceptKeys.has(watch.ledgerId)) return false;
  return (
    watch.status === 'ours' ||
    watch.status === 'trusted' ||
    (watch.status === 'untrusted' && trust.has(watch.ledgerId))
  );
}

/**
 * The preview, per ledger: whose it is, by which key (a changed key is a warning, held back unless
 * accepted), and every record that would change a finding, a reminder or an end date, in sentences.
 * Another admin's mutes and revocations wait for "trust this colleague".
 */
export function ImportPreview(props: {
  locale: UiLocale;
  summary: ImportSummary;
  trust: ReadonlySet<string>;
  acceptKeys: ReadonlySet<string>;
  onTrust: (ledgerId: string, on: boolean) => void;
  onAcceptKey: (ledgerId: string, on: boolean) => void;
  /** More rows of a list the background kept with the preview (`summary.lists`); an error's text if none. */
  more?: MoreChanges;
}) {
  const { locale, summary } = props;
  const t = catalogue(locale).ledgerTrust;
  const w = catalogue(locale).watchTransfer;
  const watchEffective = watchApplies(summary, props.trust, props.acceptKeys);
  const maxDays = String(summary.maxGrantDays);
  const grantChanges = summary.changes.filter((c) => c.kind === 'add-grant');
  const t2 = catalogue(locale).importProgress;
  // A list's counts: the background's, when it kept the list (only its first rows are here), else counted.
  const counted = (key: string, list: readonly ImportChangeView[]) => {
    const kept = summary.lists?.find((l) => l.list === key);
    const of = (kind: 'accept' | 'revoke' | 'extend') =>
      (kept ? kept[kind] : list.filter((c) => c.kind === kind).length).toLocaleString(locale);
    return { total: kept?.total ?? list.length, text: t2.counts(of('accept'), of('revoke'), of('extend')) };
  };
  return (
    <div aria-label={t.changesLabel}>
      {summary.ledgers.map((ledger) => {
        const changes = summary.changes.filter((c) => 'ledgerId' in c && c.ledgerId === ledger.ledgerId);
        const fp = ledger.fingerprint ?? '';
        const effective = ledger.trusted || props.trust.has(ledger.ledgerId);
        return (
          <section
            key={ledger.ledgerId}
            data-ledger={ledger.ledgerId}
            data-key-status={ledger.key}
            data-trusted={String(ledger.trusted)}
          >
            <h4>{ledger.ours ? t.yourLedger(ledger.adding) : t.colleague(ledger.ledgerId, ledger.adding)}</h4>
            <p>
              {ledger.key === 'ours'
                ? t.key.ours(fp)
                : ledger.key === 'new'
                  ? t.key.new(fp)
                  : ledger.key === 'known'
                    ? t.key.known(fp)
                    : ledger.key === 'none'
                      ? t.key.none
                      : null}{' '}
              ({t.signatures(ledger.signed, ledger.unsigned)})
            </p>
            {ledger.key === 'changed' ? (
              <p role="alert" data-key-warning="true">
                {t.key.changed(fp, ledger.pinnedFingerprint ?? '')}{' '}
                <label>
                  <input
                    type="checkbox"
                    data-accept-key={ledger.ledgerId}
                    checked={props.acceptKeys.has(ledger.ledgerId)}
                    onChange={(e) => props.onAcceptKey(ledger.ledgerId, e.target.checked)}
                  />{' '}
                  {t.acceptKey}
                </label>
              </p>
            ) : null}
            {ledger.trustLapsed ? (
              <p role="alert" data-trust-lapsed="true">
                {t.trustLapsed(fp)}
              </p>
            ) : null}
            {!ledger.ours && ledger.trusted ? <p>{t.trusted}</p> : null}
            {!ledger.ours && !ledger.trusted ? (
              <p>
                {ledger.silencing > 0 ? t.silencing(ledger.silencing) : null}{' '}
                <label>
                  <input
                    type="checkbox"
                    data-trust-ledger={ledger.ledgerId}
                    checked={props.trust.has(ledger.ledgerId)}
                    onChange={(e) => props.onTrust(ledger.ledgerId, e.target.checked)}
                  />{' '}
                  {t.trust}
                </label>
              </p>
            ) : null}
            {summary.watch?.ledgerId === ledger.ledgerId ? (
              <p data-watch-status={summary.watch.status} data-watch-applies={String(watchEffective)}>
                {w.heading(summary.watch.businesses, summary.watch.changes, summary.watch.newChanges)}:{' '}
                {ledger.key === 'changed' && summary.watch.status !== 'unverified'
                  ? w.status.keyChanged
                  : w.status[summary.watch.status]}
              </p>
            ) : null}
            {summary.watch?.ledgerId === ledger.ledgerId && summary.watch.campaigns?.length ? (
              <ImportedCampaigns campaigns={summary.watch.campaigns} applies={watchEffective} />
            ) : null}
            {changes.length > 0 ? (
              <ShortList
                locale={locale}
                items={changes}
                total={counted(ledger.ledgerId, changes).total}
                summary={counted(ledger.ledgerId, changes).text}
                names={summary.names}
                {...(props.more ? { more: props.more.bind(null, ledger.ledgerId) } : {})}
                render={(change, i, names) => (
                  <li
                    key={i}
                    data-change={change.kind}
                    data-takes-effect={String(
                      change.kind === 'baseline'
                        ? watchEffective
                        : effective || (change.kind !== 'accept' && change.kind !== 'revoke'),
                    )}
                  >
                    {describeChange(locale, change, names, maxDays)}
                    {change.kind === 'baseline'
                      ? watchEffective
                        ? ''
                        : ` (${w.notApplied})`
                      : !effective && (change.kind === 'accept' || change.kind === 'revoke')
                        ? ` (${t.waits})`
                        : ''}
                  </li>
                )}
              />
            ) : null}
          </section>
        );
      })}
      {grantChanges.length > 0 ? (
        <ShortList
          locale={locale}
          items={grantChanges}
          total={counted('grants', grantChanges).total}
          names={summary.names}
          {...(props.more ? { more: props.more.bind(null, 'grants') } : {})}
          render={(change, i, names) => (
            <li
              key={i}
              data-change={change.kind}
              data-capped={String(!!('cappedFrom' in change && change.cappedFrom))}
            >
              {describeChange(locale, change, names, maxDays)}
            </li>
          )}
        />
      ) : null}
      {summary.changes.length === 0 ? <p>{t.nothingChanges}</p> : null}
      {summary.moreChanges > 0 ? <p>{t.more(summary.moreChanges)}</p> : null}
    </div>
  );
}

export { PREVIEW_FIRST_ROWS };

/** Asks the background for rows `from` to `from + count` of a list it kept with the preview. */
type MoreChanges = (
  list: string,
  from: number,
  count: number,
) => Promise<{ changes: ImportChangeView[]; names: Record<string, string> } | string>;

/**
 * A preview's list, its first rows and the rest on demand (issue 12, item 5): a colleague's file of
 * 100,000 decisions lists about 35,000 silencing changes, and rendering them all took seconds; sending
 * them all to the page took seconds more. Every change is reachable here: the rows the page has (`items`),
 * then, up to `total`, those the background kept with the preview (`more`). A long list says how many it
 * holds (and, given `summary`, how many of each kind) above its first rows.
 */
function ShortList<T extends ImportChangeView>(props: {
  locale: UiLocale;
  items: readonly T[];
  /** How many the list holds in all (the background keeps those past `items`). */
  total?: number;
  summary?: string;
  names: Record<string, string>;
  more?: (from: number, count: number) => ReturnType<MoreChanges>;
  render: (item: T, index: number, names: Record<string, string>) => ReactNode;
}) {
  const { locale } = props;
  const t = catalogue(locale).importProgress;
  const [limit, setLimit] = useState(PREVIEW_FIRST_ROWS);
  const [fetched, setFetched] = useState<{ items: T[]; names: Record<string, string> }>({
    items: [],
    names: {},
  });
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const items = fetched.items.length ? [...props.items, ...fetched.items] : props.items;
  const names = fetched.items.length ? { ...props.names, ...fetched.names } : props.names;
  const total = Math.max(props.total ?? 0, items.length);
  const number = (n: number) => n.toLocaleString(locale);
  const long = total > PREVIEW_FIRST_ROWS;
  const showMore = async () => {
    const next = Math.min(total, limit + PREVIEW_MORE_ROWS);
    if (next > items.length && props.more) {
      setAsking(true);
      const got = await props.more(items.length, next - items.length);
      setAsking(false);
      if (typeof got === 'string') {
        setProblem(got);
        return;
      }
      setProblem(undefined);
      setFetched((f) => ({
        items: [...f.items, ...(got.changes as T[])],
        names: { ...f.names, ...got.names },
      }));
    }
    setLimit(next);
  };
  return (
    <>
      {long && props.summary ? <p data-change-counts="true">{props.summary}</p> : null}
      <ul>{items.slice(0, limit).map((item, i) => props.render(item, i, names))}</ul>
      {total > limit ? (
        <p data-change-list-more="true">
          {t.listed(number(Math.min(limit, items.length)), number(total))}{' '}
          <button type="button" disabled={asking} onClick={() => void showMore()}>
            {t.showMore(number(Math.min(PREVIEW_MORE_ROWS, total - limit)))}
          </button>
        </p>
      ) : null}
      {problem ? <p role="alert">{problem}</p> : null}
    </>
  );
}

/** How long an import runs before its progress bar shows (a quick one never flashes a bar). */
const PROGRESS_AFTER_MS = 1000;
/** How often a preview on screen reminds the background (a worker idle for 30 s is stopped). */
const KEEP_PREVIEW_MS = 20_000;
/** How long the page waits before asking again when a progress poll fails (a worker starting again, say). */
const PROGRESS_POLL_MS = 250;

/** Reads a file as text, saying how many bytes are read so far (UTF-8, as File.text() decodes it). */
async function readText(file: File, onRead: (bytes: number) => void): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const pieces: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    pieces.push(decoder.decode(value, { stream: true }));
    onRead(bytes);
  }
  pieces.push(decoder.decode());
  return pieces.join('');
}

/** The import's progress bar: reading (the page), then checking and writing (the background). */
function ImportProgressBar(props: { locale: UiLocale; progress: ImportProgress | undefined }) {
  const t = catalogue(props.locale).importProgress;
  const { progress } = props;
  const number = (n: number) => n.toLocaleString(props.locale);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const percent = progress && progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0;
  const text = !progress
    ? t.sending
    : progress.stage === 'reading'
      ? t.reading(mb(progress.done), mb(progress.total))
      : progress.stage === 'checking'
        ? t.checking(number(progress.done), number(progress.total))
        : t.writing(number(progress.done), number(progress.total));
  return (
    <div className="import-progress" data-stage={progress?.stage ?? 'sending'}>
      <progress
        role="progressbar"
        aria-label={t.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        max={100}
        value={percent}
      />{' '}
      <span aria-hidden="true">{text}</span>
    </div>
  );
}

/** Export, verify, import and delete the ledger (options page). Every outcome is said in plain words. */
export function LedgerAdmin() {
  const { ask, locale, upload } = useApi();
  const words = catalogue(locale);
  const t = words.ledgerAdmin;
  const d = words.durability;
  const admin = (request: AdminRequest): Promise<AdminReply> => ask('ledgerAdmin', request);
  const errorText = (r: AdminReply) => (r.ok ? t.unexpected : describeProblem(locale, r.error));
  const [outcome, setOutcome] = useState<Outcome>();
  // The preview on screen: the background keeps its file for the import (`preview`), so the page does not.
  const [pending, setPending] = useState<
    { name: string; preview: string | undefined; summary: ImportSummary } | undefined
  >();
  const [trust, setTrust] = useState<ReadonlySet<string>>(new Set());
  const [acceptKeys, setAcceptKeys] = useState<ReadonlySet<string>>(new Set());
  const [colleagues, setColleagues] = useState<Colleagues | undefined>();
  const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const loadColleagues = (request: AdminRequest = { type: 'colleagues' }) =>
    admin(request).then((r) => {
      if (r.ok && r.value.type === 'colleagues') setColleagues(r.value);
      else setOutcome({ ok: false, text: errorText(r) });
    });
  useEffect(() => {
    void loadColleagues();
    // Once, when the page opens; later changes reload it themselves.
  }, []);
  const [verify, setVerify] = useState<Extract<AdminResult, { type: 'verify' }>['ledgers'] | undefined>();
  // An import's progress: shown once it has run for a second; the background's part is polled by its key.
  const [progress, setProgress] = useState<ImportProgress | undefined>();
  const [showProgress, setShowProgress] = useState(false);
  const [importing, setImporting] = useState(false);
  const progressTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const startProgress = () => {
    setProgress(undefined);
    setImporting(true);
    clearTimeout(progressTimer.current);
    progressTimer.current = setTimeout(() => setShowProgress(true), PROGRESS_AFTER_MS);
  };
  const endProgress = () => {
    clearTimeout(progressTimer.current);
    setImporting(false);
    setShowProgress(false);
    setProgress(undefined);
  };
  /** Sends an import request under a key of its own, asking meanwhile how far the background is. */
  const importRequest = async (
    request: Extract<AdminRequest, { type: 'plan-import' | 'plan-upload' | 'apply-previewed' }>,
  ) => {
    const commandKey = crypto.randomUUID();
    let waiting = true;
    // Each poll names the stage shown and is answered when the background is in another one (or after a
    // quarter of a second with the counts): a stage shows when it starts, however short it is.
    const poll = async () => {
      let seen: ImportProgress['stage'] | undefined;
      while (waiting) {
        const r = await ask('importProgress', { commandKey, ...(seen ? { seen } : {}) });
        if (!waiting) break;
        if (r.ok && r.value.progress) {
          seen = r.value.progress.stage;
          setProgress(r.value.progress);
        } else if (!r.ok) await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
      }
    };
    void poll();
    try {
      // Marks where the page's time goes (read by `npm run bench -- --only import` with BENCH_DEBUG).
      globalThis.performance?.mark?.('page:asked');
      const reply = (await ask('ledgerAdmin', { ...request, commandKey })) as AdminReply;
      globalThis.performance?.mark?.('page:answered');
      return reply;
    } finally {
      waiting = false;
    }
  };
  useEffect(() => () => clearTimeout(progressTimer.current), []);
  // While a preview is on screen its file waits in the background's memory, which lives as long as the
  // worker: a message now and then keeps the worker from stopping while the admin reads.
  const previewId = pending?.preview;
  useEffect(() => {
    if (!previewId) return undefined;
    const timer = setInterval(
      () => void admin({ type: 'keep-preview', preview: previewId }),
      KEEP_PREVIEW_MS,
    );
    return () => clearInterval(timer);
  }, [previewId]);
  /** More rows of a preview's list, kept with it in the background; the problem's words if it is gone. */
  const moreChanges =
    (preview: string): MoreChanges =>
    async (list, from, count) => {
      const r = await admin({ type: 'preview-changes', preview, list, from, count });
      return r.ok && r.value.type === 'preview-changes'
        ? { changes: r.value.changes, names: r.value.names }
        : errorText(r);
    };
  /** Closes the preview on screen; the background forgets its file. */
  const closePreview = () => {
    if (pending?.preview) void admin({ type: 'drop-preview', preview: pending.preview });
    setPending(undefined);
  };
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
    closePreview();
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setOutcome({ ok: false, text: t.tooLarge(file.name, (file.size / 1024 / 1024).toFixed(1)) });
      return;
    }
    startProgress();
    let r: AdminReply;
    try {
      if (upload) {
        // Handed to the worker by reference (or through IndexedDB), not in messages (a file of 100,000
        // decisions took a minute so).
        r = await importRequest({ type: 'plan-upload', upload: await upload(file) });
        // A worker that stopped after the hand-over lost the file it held by reference (and a retry of the
        // same request finds it taken): the page still has it, and hands it again where no stop loses it.
        if (!r.ok && r.error.code === 'import-preview-gone')
          r = await importRequest({ type: 'plan-upload', upload: await upload(file, { durable: true }) });
      } else {
        const text = await readText(file, (bytes) =>
          setProgress({ stage: 'reading', done: bytes, total: file.size }),
        );
        setProgress(undefined);
        r = await importRequest({ type: 'plan-import', text });
      }
    } catch (error) {
      r = { ok: false, error: { code: 'internal', facts: { message: String(error).slice(0, 300) } } };
    } finally {
      endProgress();
    }
    if (r.ok && r.value.type === 'import') {
      setTrust(new Set());
      setAcceptKeys(new Set());
      setPending({ name: file.name, preview: r.value.preview, summary: r.value.summary });
      setOutcome(undefined);
    } else setOutcome({ ok: false, text: t.notImported(file.name, errorText(r)) });
  };
  const apply = async () => {
    if (!pending) return;
    startProgress();
    const r: AdminReply = pending.preview
      ? await importRequest({
          type: 'apply-previewed',
          preview: pending.preview,
          trust: [...trust],
          acceptKeys: [...acceptKeys],
        }).finally(endProgress)
      : { ok: false, error: { code: 'import-preview-gone', facts: {} } };
    if (!pending.preview) endProgress();
    setPending(undefined);
    void loadColleagues();
    if (r.ok && r.value.type === 'import')
      setOutcome({
        ok: true,
        text: t.imported(
          pending.name,
          describe(t.summary, r.value.summary, words.watchTransfer, words.ledgerTrust.heldBack),
        ),
      });
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
            <li
              key={l.ledgerId}
              data-chain-ok={String(l.ok)}
              data-signatures-ok={String(!l.authorship.badAt && l.authorship.fingerprint !== undefined)}
            >
              {l.ours ? t.yourLedger : t.otherLedger(l.ledgerId)}:{' '}
              {l.ok
                ? words.ledgerTrust.integrity(l.length)
                : words.ledgerTrust.integrityBroken(
                    l.breakAt ?? '',
                    l.length + 1,
                    l.reason ? words.chainBreak[l.reason] : '',
                  )}
              ;{' '}
              {l.authorship.badAt
                ? words.ledgerTrust.authorshipBad(l.authorship.badAt)
                : l.authorship.fingerprint
                  ? words.ledgerTrust.authorship(
                      l.authorship.valid,
                      l.authorship.signed,
                      l.authorship.fingerprint,
                      l.authorship.unsigned,
                    )
                  : words.ledgerTrust.authorshipUnknown(l.authorship.signed, l.authorship.unsigned)}
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
      {importing && showProgress ? <ImportProgressBar locale={locale} progress={progress} /> : null}
      {pending ? (
        <div className="preview" aria-label={t.previewLabel}>
          <p>{t.preview(pending.name, describe(t.summary, pending.summary, words.watchTransfer))}</p>
          <ImportPreview
            locale={locale}
            summary={pending.summary}
            trust={trust}
            acceptKeys={acceptKeys}
            onTrust={(id, on) => setTrust((s) => toggle(s, id, on))}
            onAcceptKey={(id, on) => setAcceptKeys((s) => toggle(s, id, on))}
            {...(pending.preview ? { more: moreChanges(pending.preview) } : {})}
          />
          <button type="button" disabled={importing} onClick={() => void apply()}>
            {t.import}
          </button>{' '}
          <button type="button" onClick={closePreview}>
            {t.cancel}
          </button>
        </div>
      ) : null}
      <h3>{words.ledgerTrust.colleaguesTitle}</h3>
      {colleagues ? (
        <>
          <p className="hint">{words.ledgerTrust.colleaguesIntro(colleagues.fingerprint)}</p>
          {colleagues.colleagues.length === 0 ? <p>{words.ledgerTrust.noColleagues}</p> : null}
          <ul aria-label={words.ledgerTrust.colleaguesTitle}>
            {colleagues.colleagues.map((c) => (
              <li key={c.ledgerId} data-colleague={c.ledgerId} data-trusted={String(c.trusted)}>
                {words.ledgerTrust.colleagueRow(
                  c.ledgerId,
                  c.fingerprint,
                  c.trusted ? (c.trustedSince ?? '') : undefined,
                )}{' '}
                <button
                  type="button"
                  onClick={() =>
                    void loadColleagues({ type: c.trusted ? 'untrust' : 'trust', ledgerId: c.ledgerId })
                  }
                >
                  {c.trusted ? words.ledgerTrust.stopTrusting : words.ledgerTrust.startTrusting}
                </button>
                {c.badSignature ? (
                  <p role="alert" data-bad-signature={c.badSignature}>
                    {words.ledgerTrust.authorshipBad(c.badSignature)}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
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
