import { useEffect, useRef } from 'react';
import { getSubjectKey } from '@/lib/domain/snapshot';
import { checklistText } from './checklist-text';
import { DueList, RunView, type ChecklistApi } from './checklists';
import { usePanelStore } from './panel-store';
import { SubjectLedger, type LedgerApi } from './subject-ledger';

type Api = LedgerApi & ChecklistApi;

/**
 * What the admin came to do when a notification or the popup opened this page: extend a grant, offboard a
 * subject, or review the business. Shown first; the checklists and due items follow.
 */
export function FocusSection({ api }: { api: Api }) {
  const { focus, snapshot, locale, runs, due, findings } = usePanelStore((s) => s.state);
  const t = checklistText[locale];
  const started = useRef<number | undefined>(undefined);
  const businessId = snapshot?.businessId;
  const subject = focus?.subject;
  const isPartner = subject?.startsWith('partner:') ?? false;
  const hasRun = runs.some(
    (r) => r.subject === subject && r.templateId === 'offboard-partner' && r.status === 'open',
  );
  useEffect(() => {
    // "Start offboarding" on a partner's notification starts the checklist once per click.
    if (!focus || focus.action !== 'offboard' || !isPartner || !businessId || hasRun) return;
    if (started.current === focus.at) return;
    started.current = focus.at;
    void api.checklist({ type: 'start', businessId, templateId: 'offboard-partner', who: focus.subject });
  }, [focus, isPartner, businessId, hasRun, api]);
  if (!focus?.action || !businessId || !subject) return null;
  const principal = snapshot?.principals.find((p) => getSubjectKey(p) === subject);
  const name =
    principal?.name ??
    findings.find((f) => f.subject === subject)?.subjectName ??
    due.find((d) => d.subject === subject)?.label ??
    subject.replace(/^[\w-]+:/, '');
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="section focus" aria-label="Requested" data-focus-action={focus.action}>
      {focus.action === 'review' ? (
        <>
          <h2>{t.startReview}</h2>
          <p>{t.reviewHere}</p>
          {runs.some((r) => r.templateId === 'periodic-review' && r.status === 'open') ? null : (
            <button
              type="button"
              data-start="periodic-review"
              onClick={() => void api.checklist({ type: 'start', businessId, templateId: 'periodic-review' })}
            >
              {t.startReview}
            </button>
          )}
        </>
      ) : (
        <>
          <h2>{name}</h2>
          <p>{focus.action === 'extend' ? t.extendHere : t.revokeHere}</p>
          {focus.action === 'offboard' && isPartner ? null : (
            <SubjectLedger
              key={focus.at}
              api={api}
              businessId={businessId}
              subject={subject}
              name={name}
              assets={principal?.assets ?? []}
              today={today}
              initialForm={focus.action === 'extend' ? 'extend' : 'revoke'}
            />
          )}
        </>
      )}
    </section>
  );
}

export function DueSection({ api }: { api: Api }) {
  const { due, locale } = usePanelStore((s) => s.state);
  if (due.length === 0) return null;
  return (
    <section className="section" aria-label={checklistText[locale].due}>
      <h2>{checklistText[locale].due}</h2>
      <DueList items={due} locale={locale} api={api} snoozable />
    </section>
  );
}

/** The business's checklists: the subject in focus first, then the other open runs, then finished ones. */
export function ChecklistsSection({ api }: { api: Api }) {
  const { runs, locale, focus, snapshot } = usePanelStore((s) => s.state);
  const t = checklistText[locale];
  const businessId = snapshot?.businessId;
  if (!businessId) return null;
  const ordered = [...runs].sort(
    (a, b) =>
      Number(a.status === 'finished') - Number(b.status === 'finished') ||
      Number(b.subject === focus?.subject) - Number(a.subject === focus?.subject),
  );
  return (
    <section className="section" aria-labelledby="checklists-title">
      <h2 id="checklists-title">{t.checklists}</h2>
      {ordered.length === 0 ? <p className="empty">{t.noRuns}</p> : null}
      {ordered.map((run) => (
        <RunView key={run.id} run={run} locale={locale} api={api} />
      ))}
      {runs.some((r) => r.templateId === 'periodic-review' && r.status === 'open') ? null : (
        <button
          type="button"
          data-start="periodic-review"
          onClick={() => void api.checklist({ type: 'start', businessId, templateId: 'periodic-review' })}
        >
          {t.startReview}
        </button>
      )}
    </section>
  );
}
