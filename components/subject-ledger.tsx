import { useCallback, useEffect, useState } from 'react';
import { addDays } from '@/lib/domain/ledger/commands';
import type { Decision, GrantRecord } from '@/lib/domain/ledger/records';
import type { AssetGrant } from '@/lib/domain/snapshot';

export interface LedgerApi {
  record(query: {
    businessId: string;
    subject: string;
  }): Promise<{ grants: GrantRecord[]; decisions: Decision[] }>;
  command(command: unknown): Promise<{ ok: true } | { ok: false; error: string }>;
}

interface Props {
  api: LedgerApi;
  businessId: string;
  subject: string;
  name: string;
  /** The assets read from the page, to record as granted. */
  assets: AssetGrant[];
  /** The page shows an end date (temporary access): the record starts from it. */
  temporaryUntil?: string;
  today: string;
  /** Open with a form showing (a notification's "Extend…" or "Start offboarding"). */
  initialForm?: 'extend' | 'revoke';
}

type Form = 'document' | 'extend' | 'revoke' | undefined;

/** What the ledger knows about one subject, and the actions that add to it (each appends a decision). */
export function SubjectLedger({
  api,
  businessId,
  subject,
  name,
  assets,
  temporaryUntil,
  today,
  initialForm,
}: Props) {
  const [data, setData] = useState<{ grants: GrantRecord[]; decisions: Decision[] } | undefined>();
  const [form, setForm] = useState<Form>(initialForm);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const load = useCallback(
    () => api.record({ businessId, subject }).then(setData),
    [api, businessId, subject],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (command: Record<string, unknown>, done: string) => {
    const result = await api.command(command);
    setOutcome(result.ok ? { ok: true, text: done } : { ok: false, text: result.error });
    if (result.ok) {
      setForm(undefined);
      await load();
    }
  };
  const fields = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const entries = Object.fromEntries(new FormData(event.currentTarget).entries()) as Record<string, string>;
    return Object.fromEntries(Object.entries(entries).filter(([, v]) => v.trim() !== ''));
  };
  if (!data) return <p className="empty">Loading the record…</p>;
  const current = data.grants.filter((g) => !g.endsAt || g.endsAt >= today);

  return (
    <div className="ledger" data-ledger-subject={subject}>
      {data.grants.length === 0 ? (
        <p className="empty">No record of why {name} has access.</p>
      ) : (
        <ul className="grants">
          {data.grants.map((g) => (
            <li key={g.id} data-grant-id={g.id}>
              <strong>{g.case}</strong>
              {g.approver ? ` · approved by ${g.approver}` : ''} · {g.startsAt} → {g.endsAt ?? 'no end date'}
              {g.ticket ? ` · ${g.ticket}` : ''}
            </li>
          ))}
        </ul>
      )}
      <div className="ledger-actions">
        <button type="button" onClick={() => setForm(form === 'document' ? undefined : 'document')}>
          Document access
        </button>
        {current.length > 0 ? (
          <button type="button" onClick={() => setForm(form === 'extend' ? undefined : 'extend')}>
            Extend
          </button>
        ) : null}
        <button type="button" onClick={() => setForm(form === 'revoke' ? undefined : 'revoke')}>
          Record revocation
        </button>
      </div>
      {form === 'document' ? (
        <form
          className="ledger-form"
          aria-label={`Document access of ${name}`}
          onSubmit={(e) => {
            const f = fields(e);
            void submit({ type: 'document', businessId, subject, assets, ...f }, 'Access documented.');
          }}
        >
          <label>
            Case or purpose <input name="case" required />
          </label>
          <label>
            Ticket <input name="ticket" />
          </label>
          <label>
            Approved by <input name="approver" />
          </label>
          <label>
            Starts <input name="startsAt" type="date" defaultValue={today} required />
          </label>
          <label>
            Ends <input name="endsAt" type="date" defaultValue={temporaryUntil ?? addDays(today, 30)} />
          </label>
          <label>
            Notes <textarea name="notes" />
          </label>
          <p className="hint">
            Assets as granted: {assets.length ? assets.map((a) => a.name).join(', ') : 'none read yet'}.
          </p>
          <button type="submit">Save record</button>
        </form>
      ) : null}
      {form === 'extend' && current[0] ? (
        <form
          className="ledger-form"
          aria-label={`Extend access of ${name}`}
          onSubmit={(e) => {
            const f = fields(e);
            void submit({ type: 'extend', grantId: current[0]!.id, ...f }, 'Extended.');
          }}
        >
          <label>
            New end date{' '}
            <input
              name="endsAt"
              type="date"
              required
              defaultValue={addDays(current[0].endsAt ?? today, 30)}
            />
          </label>
          <label>
            Rationale <input name="rationale" required />
          </label>
          <button type="submit">Extend</button>
        </form>
      ) : null}
      {form === 'revoke' ? (
        <form
          className="ledger-form"
          aria-label={`Record revocation of ${name}`}
          onSubmit={(e) => {
            const f = fields(e);
            void submit({ type: 'revoke', businessId, subject, ...f }, 'Revocation recorded.');
          }}
        >
          <label>
            Rationale <input name="rationale" required />
          </label>
          <button type="submit">Record revocation</button>
        </form>
      ) : null}
      {outcome ? <p role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p> : null}
      {data.decisions.length > 0 ? (
        <details className="history">
          <summary>Decisions ({data.decisions.length})</summary>
          <ol>
            {data.decisions.map((d) => (
              <li key={d.id} data-action={d.action}>
                {d.at.slice(0, 10)} · {d.action} · {d.rationale} · {d.decidedBy}
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
  api,
  businessId,
  subject,
  ruleId,
  assetName,
  today,
}: {
  api: LedgerApi;
  businessId: string;
  subject: string;
  ruleId: string;
  assetName?: string;
  today: string;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Accept with rationale
      </button>
    );
  return (
    <form
      className="ledger-form"
      aria-label={`Accept ${ruleId}`}
      onSubmit={(e) => {
        e.preventDefault();
        const f = Object.fromEntries(new FormData(e.currentTarget).entries()) as Record<string, string>;
        void api
          .command({
            type: 'accept-finding',
            businessId,
            subject,
            ruleId,
            ...(assetName ? { assetName } : {}),
            rationale: f.rationale,
            reviewAt: f.reviewAt,
          })
          .then((r) => (r.ok ? setOpen(false) : setError(r.error)));
      }}
    >
      <label>
        Rationale <input name="rationale" required />
      </label>
      <label>
        Review on <input name="reviewAt" type="date" required defaultValue={addDays(today, 30)} />
      </label>
      <button type="submit">Accept</button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
