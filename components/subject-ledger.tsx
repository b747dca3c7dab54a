import { useCallback, useEffect, useState } from 'react';
import { addDays } from '@/lib/domain/ledger/days';
import type { Decision, GrantRecord } from '@/lib/domain/ledger/records';
import type { RequestOf } from '@/lib/domain/protocol';
import type { AssetGrant } from '@/lib/domain/snapshot';
import { catalogue, describeProblem } from '@/lib/domain/i18n/words';
import { useApi } from './api';
import { usePanelStore } from './panel-store';
import { useRefusal } from './refusal';
import { GrantConflict } from './team-conflict';

type Command = RequestOf<'ledgerCommand'>;

type Fields = Record<string, string | undefined>;

/** A form's fields by name, blank ones left out (so an empty optional field is absent, not ""). */
function formFields(event: React.FormEvent<HTMLFormElement>): Fields {
  event.preventDefault();
  const entries = Object.fromEntries(new FormData(event.currentTarget).entries()) as Record<string, string>;
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v.trim() !== ''));
}

/** The form of a ledger action: on submit, its fields go to `onFields` (and the page stays). */
function LedgerForm({
  label,
  onFields,
  children,
}: {
  label: string;
  onFields: (fields: Fields) => void;
  children: React.ReactNode;
}) {
  return (
    <form className="ledger-form" aria-label={label} onSubmit={(e) => onFields(formFields(e))}>
      {children}
    </form>
  );
}

/** Why: every decision the ledger records carries one. */
function RationaleField({ label }: { label: string }) {
  return (
    <label>
      {label} <input name="rationale" required />
    </label>
  );
}

/** Sends a ledger command; says what went wrong in the admin's words. */
function useLedgerCommand() {
  const { ask } = useApi();
  const locale = usePanelStore((s) => s.state.locale);
  return async (command: Command): Promise<{ ok: boolean; text?: string }> => {
    const reply = await ask('ledgerCommand', command);
    return reply.ok ? { ok: true } : { ok: false, text: describeProblem(locale, reply.error) };
  };
}

interface Props {
  businessId: string;
  subject: string;
  name: string;
  /** The assets read from the page, to record as granted. */
  assets: AssetGrant[];
  /** The page shows an end date (temporary access): the record starts from it. */
  temporaryUntil?: string;
  today: string;
  /** Open with a form showing (a notification's "Extend…" or "Start offboarding", an alert's "This was approved"). */
  initialForm?: 'document' | 'extend' | 'revoke';
  /** The document form's case, filled in (an alert's "This was approved" says what it approves). */
  caseText?: string;
}

type Form = 'document' | 'extend' | 'revoke' | undefined;

/** What the ledger knows about one subject, and the actions that add to it (each appends a decision). */
export function SubjectLedger({
  businessId,
  subject,
  name,
  assets,
  temporaryUntil,
  today,
  initialForm,
  caseText,
}: Props) {
  const { ask } = useApi();
  const command = useLedgerCommand();
  const locale = usePanelStore((s) => s.state.locale);
  const t = catalogue(locale).ledger;
  const [data, setData] = useState<{ grants: GrantRecord[]; decisions: Decision[] } | undefined>();
  const [form, setForm] = useState<Form>(initialForm);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  // A record that could not be read is said so, never shown as "no record".
  const refusal = useRefusal(locale);
  const { check } = refusal;
  // Grants of this subject edited in two places (the team ledger, issue 16): marked, for the admin to resolve.
  // Asked again whenever the ledger was written (`watchMark`): a sync that brought a colleague's records.
  const [conflicts, setConflicts] = useState<ReadonlySet<string>>(new Set());
  const watchMark = usePanelStore((s) => s.state.watchMark);
  const loadConflicts = useCallback(async () => {
    const reply = await ask('teamConflictsOf', { businessId, subject });
    // An older background, or one that cannot say: no marker rather than a refusal over the record.
    setConflicts(new Set(reply.ok ? (reply.value.grantIds ?? []) : []));
  }, [ask, businessId, subject]);
  const load = useCallback(async () => {
    const reply = check(await ask('subjectRecord', { businessId, subject }));
    setData(reply.ok ? reply.value : undefined);
  }, [ask, businessId, subject, check]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void loadConflicts();
  }, [loadConflicts, watchMark]);

  const submit = async (request: Command, done: string) => {
    const result = await command(request);
    setOutcome(result.ok ? { ok: true, text: done } : { ok: false, text: result.text ?? '' });
    if (result.ok) {
      setForm(undefined);
      await load();
    }
  };
  if (!data) return refusal.shown ?? <p className="empty">{t.loading}</p>;
  const current = data.grants.filter((g) => !g.endsAt || g.endsAt >= today);

  return (
    <div className="ledger" data-ledger-subject={subject}>
      {data.grants.length === 0 ? (
        <p className="empty">{t.noRecord(name)}</p>
      ) : (
        <ul className="grants">
          {data.grants.map((g) => (
            <li key={g.id} data-grant-id={g.id}>
              <strong>{g.case}</strong>
              {g.approver ? t.approvedBy(g.approver) : ''} · {g.startsAt} → {g.endsAt ?? t.noEndDate}
              {g.ticket ? ` · ${g.ticket}` : ''}
              {conflicts.has(g.id) ? (
                <GrantConflict
                  locale={locale}
                  grantId={g.id}
                  subject={name}
                  onResolved={(result) => {
                    setOutcome(result);
                    void load();
                    void loadConflicts();
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div className="ledger-actions">
        <button type="button" onClick={() => setForm(form === 'document' ? undefined : 'document')}>
          {t.documentAccess}
        </button>
        {current.length > 0 ? (
          <button type="button" onClick={() => setForm(form === 'extend' ? undefined : 'extend')}>
            {t.extend}
          </button>
        ) : null}
        <button type="button" onClick={() => setForm(form === 'revoke' ? undefined : 'revoke')}>
          {t.recordRevocation}
        </button>
      </div>
      {form === 'document' ? (
        <LedgerForm
          label={t.documentOf(name)}
          onFields={(f) => {
            void submit(
              {
                type: 'document',
                businessId,
                subject,
                assets,
                case: f.case ?? '',
                startsAt: f.startsAt ?? today,
                ...(f.ticket ? { ticket: f.ticket } : {}),
                ...(f.approver ? { approver: f.approver } : {}),
                ...(f.endsAt ? { endsAt: f.endsAt } : {}),
                ...(f.notes ? { notes: f.notes } : {}),
              },
              t.documented,
            );
          }}
        >
          <label>
            {t.case} <input name="case" required defaultValue={caseText} />
          </label>
          <label>
            {t.ticket} <input name="ticket" />
          </label>
          <label>
            {t.approver} <input name="approver" />
          </label>
          <label>
            {t.starts} <input name="startsAt" type="date" defaultValue={today} required />
          </label>
          <label>
            {t.ends} <input name="endsAt" type="date" defaultValue={temporaryUntil ?? addDays(today, 30)} />
          </label>
          <label>
            {t.notes} <textarea name="notes" />
          </label>
          <p className="hint">
            {t.assetsGranted(assets.length ? assets.map((a) => a.name).join(', ') : t.noAssetsRead)}
          </p>
          <button type="submit">{t.save}</button>
        </LedgerForm>
      ) : null}
      {form === 'extend' && current[0] ? (
        <LedgerForm
          label={t.extendOf(name)}
          onFields={(f) => {
            void submit(
              {
                type: 'extend',
                grantId: current[0]!.id,
                endsAt: f.endsAt ?? '',
                rationale: f.rationale ?? '',
              },
              t.extended,
            );
          }}
        >
          <label>
            {t.newEndDate}{' '}
            <input
              name="endsAt"
              type="date"
              required
              defaultValue={addDays(current[0].endsAt ?? today, 30)}
            />
          </label>
          <RationaleField label={t.rationale} />
          <button type="submit">{t.extend}</button>
        </LedgerForm>
      ) : null}
      {form === 'revoke' ? (
        <LedgerForm
          label={t.revokeOf(name)}
          onFields={(f) => {
            void submit({ type: 'revoke', businessId, subject, rationale: f.rationale ?? '' }, t.revoked);
          }}
        >
          <RationaleField label={t.rationale} />
          <button type="submit">{t.recordRevocation}</button>
        </LedgerForm>
      ) : null}
      {outcome ? <p role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p> : null}
      {data.decisions.length > 0 ? (
        <details className="history">
          <summary>{t.decisions(data.decisions.length)}</summary>
          <ol>
            {data.decisions.map((d) => (
              <li key={d.id} data-action={d.action}>
                {d.at.slice(0, 10)} · {t.actions[d.action]} · {d.rationale} · {d.decidedBy}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

/** "Accept with rationale": the finding stays visible as accepted until the review date. */
export function AcceptFinding({
  businessId,
  subject,
  ruleId,
  assetName,
  today,
}: {
  businessId: string;
  subject: string;
  ruleId: string;
  assetName?: string;
  today: string;
}) {
  const command = useLedgerCommand();
  const t = catalogue(usePanelStore((s) => s.state.locale)).ledger;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t.acceptWithRationale}
      </button>
    );
  return (
    <LedgerForm
      label={t.acceptLabel(ruleId)}
      onFields={(f) => {
        void command({
          type: 'accept-finding',
          businessId,
          subject,
          ruleId,
          ...(assetName ? { assetName } : {}),
          rationale: f.rationale ?? '',
          reviewAt: f.reviewAt ?? '',
        }).then((r) => (r.ok ? setOpen(false) : setError(r.text)));
      }}
    >
      <RationaleField label={t.rationale} />
      <label>
        {t.reviewOn} <input name="reviewAt" type="date" required defaultValue={addDays(today, 30)} />
      </label>
      <button type="submit">{t.accept}</button>
      {error ? <p role="alert">{error}</p> : null}
    </LedgerForm>
  );
}
