import { Fragment, useEffect, useRef, useState } from 'react';
import { subjectKindOf, templatesFor } from '@/lib/domain/checklists/templates';
import { getSubjectKey } from '@/lib/domain/snapshot';
import { useApi } from './api';
import { catalogue } from '@/lib/domain/i18n/words';
import { DueList, RunView, useUndo, type SnoozeUndo } from './checklists';
import { usePanelStore } from './panel-store';
import { useRecordConflicts } from './panel-record-conflicts';
import { RecordConflict, type ConflictOutcome } from './team-conflict';
import { useRefusal } from './refusal';
import { SubjectLedger } from './subject-ledger';
import { approvalCase, assetsOf, StartIncident, useTimeline } from './changes-section';

/** The review template (the whole business is its subject). */
const reviewTemplate = () => templatesFor('review', 'business')[0];

/** The review button, unless a review of the business is already open. */
function StartReview({ businessId }: { businessId: string }) {
  const { ask } = useApi();
  const { runs, locale } = usePanelStore((s) => s.state);
  const refusal = useRefusal(locale);
  const template = reviewTemplate();
  if (!template || runs.some((r) => r.templateId === template.id && r.status === 'open')) return null;
  return (
    <>
      <button
        type="button"
        data-start={template.id}
        onClick={() =>
          void ask('checklistCommand', { type: 'start', businessId, templateId: template.id }).then(
            refusal.check,
          )
        }
      >
        {catalogue(locale).checklists.startReview}
      </button>
      {refusal.shown}
    </>
  );
}

/**
 * An alert's "This was approved" (issue 13): the document form for the subject, its case saying which of
 * the subject's open changes it approves. Saving it clears the alert.
 */
function ApproveAlert(props: { businessId: string; subject: string; name: string; at: number }) {
  const { snapshot, locale } = usePanelStore((s) => s.state);
  const { data, refused } = useTimeline(props.businessId);
  const t = catalogue(locale).watch;
  if (refused) return refused;
  if (!data) return null;
  const entry = data.entries.find((e) => e.open && e.change.subject === props.subject);
  const principal = snapshot?.principals.find((p) => getSubjectKey(p) === props.subject);
  return (
    <>
      <h2>{props.name}</h2>
      <p>{t.approveHere}</p>
      <SubjectLedger
        key={props.at}
        businessId={props.businessId}
        subject={props.subject}
        name={props.name}
        assets={entry ? assetsOf(entry, principal?.assets) : (principal?.assets ?? [])}
        temporaryUntil={principal?.temporaryUntil}
        today={new Date().toISOString().slice(0, 10)}
        initialForm="document"
        {...(entry ? { caseText: approvalCase(locale, entry) } : {})}
      />
    </>
  );
}

/**
 * What the admin came to do when a notification or the popup opened this page: extend a grant, offboard a
 * subject, or review the business. Shown first; the checklists and due items follow.
 */
export function FocusSection() {
  const { ask } = useApi();
  const { focus, snapshot, locale, runs, due, findings } = usePanelStore((s) => s.state);
  const t = catalogue(locale).checklists;
  const started = useRef<number | undefined>(undefined);
  const refusal = useRefusal(locale);
  const { check } = refusal;
  const businessId = snapshot?.businessId;
  const subject = focus?.subject;
  const kind = subject ? subjectKindOf(subject) : undefined;
  // The offboarding template for this kind of subject, when there is one (a partner's).
  const offboarding = kind ? templatesFor('offboard', kind)[0] : undefined;
  const hasRun = runs.some(
    (r) => r.subject === subject && r.templateId === offboarding?.id && r.status === 'open',
  );
  useEffect(() => {
    // "Start offboarding" on a notification starts the checklist once per click.
    if (!focus || focus.action !== 'offboard' || !offboarding || !businessId || hasRun) return;
    if (started.current === focus.at) return;
    started.current = focus.at;
    void ask('checklistCommand', {
      type: 'start',
      businessId,
      templateId: offboarding.id,
      who: focus.subject,
    }).then(check);
  }, [focus, offboarding, businessId, hasRun, ask, check]);
  if (!focus?.action || !businessId || !subject) return null;
  const principal = snapshot?.principals.find((p) => getSubjectKey(p) === subject);
  const name =
    principal?.name ??
    findings.find((f) => f.subject === subject)?.subjectName ??
    due.find((d) => d.subject === subject)?.label ??
    subject.replace(/^[\w-]+:/, '');
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section
      className="section focus"
      aria-label={catalogue(locale).panel.requested}
      data-focus-action={focus.action}
    >
      {focus.action === 'review' ? (
        <>
          <h2>{t.startReview}</h2>
          <p>{t.reviewHere}</p>
          <StartReview businessId={businessId} />
        </>
      ) : focus.action === 'incident' ? (
        <>
          <h2>{catalogue(locale).watch.startIncident}</h2>
          <p>{catalogue(locale).watch.incidentHere}</p>
          <StartIncident businessId={businessId} auto={focus.at} />
        </>
      ) : focus.action === 'approve' ? (
        <ApproveAlert businessId={businessId} subject={subject} name={name} at={focus.at} />
      ) : (
        <>
          <h2>{name}</h2>
          <p>{focus.action === 'extend' ? t.extendHere : t.revokeHere}</p>
          {focus.action === 'offboard' && offboarding ? null : (
            <SubjectLedger
              key={focus.at}
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

export function DueSection() {
  const { due, locale } = usePanelStore((s) => s.state);
  // The offer to undo a snooze stays when the snoozed item was the last one due.
  const undoState = useUndo<SnoozeUndo>();
  if (due.length === 0 && !undoState[0]) return null;
  return (
    <section className="section" aria-label={catalogue(locale).checklists.due}>
      <h2>{catalogue(locale).checklists.due}</h2>
      <DueList items={due} locale={locale} snoozable undoState={undoState} />
    </section>
  );
}

/** The business's checklists: the subject in focus first, then the other open runs, then finished ones. */
export function ChecklistsSection() {
  const { runs, locale, focus, snapshot } = usePanelStore((s) => s.state);
  const t = catalogue(locale).checklists;
  const businessId = snapshot?.businessId;
  // Runs edited in two places (the team ledger, issue 16): marked under the run, for the admin to resolve.
  const { conflicts, reload } = useRecordConflicts(businessId);
  const [outcome, setOutcome] = useState<ConflictOutcome | undefined>();
  if (!businessId) return null;
  const conflicted = new Set(conflicts.filter((c) => c.kind === 'checklist').map((c) => c.id));
  const marker = (id: string) => (
    <RecordConflict
      key={`conflict-${id}`}
      locale={locale}
      kind="checklist"
      id={id}
      onResolved={(result) => {
        setOutcome(result);
        reload();
      }}
    />
  );
  // The run the admin came for: the subject's, or the incident run when an alert sent them.
  const first = (run: (typeof runs)[number]) =>
    run.subject === focus?.subject ||
    (focus?.action === 'incident' && run.templateId === 'incident-response');
  const ordered = [...runs].sort(
    (a, b) =>
      Number(a.status === 'finished') - Number(b.status === 'finished') ||
      Number(first(b)) - Number(first(a)),
  );
  return (
    <section className="section" aria-labelledby="checklists-title">
      <h2 id="checklists-title">{t.checklists}</h2>
      {ordered.length === 0 ? <p className="empty">{t.noRuns}</p> : null}
      {ordered.map((run) => (
        <Fragment key={run.id}>
          <RunView run={run} locale={locale} />
          {conflicted.has(run.id) ? marker(run.id) : null}
        </Fragment>
      ))}
      {/* A run in conflict this browser does not hold (discarded here, kept by a colleague). */}
      {[...conflicted].filter((id) => !runs.some((r) => r.id === id)).map(marker)}
      {outcome ? <p role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p> : null}
      <StartReview businessId={businessId} />
    </section>
  );
}
