import { useEffect, useId, useRef, useState } from 'react';
import { openSteps } from '@/lib/domain/checklists/open-steps';
import type { ChecklistRun } from '@/lib/domain/checklists/runs';
import { subjectKindOf, templates, templatesFor, type TemplateId } from '@/lib/domain/checklists/templates';
import { catalogue, describeEvidence, describeProblem } from '@/lib/domain/i18n/words';
import type { UiLocale } from '@/lib/domain/locales';
import type { RequestOf } from '@/lib/domain/protocol';
import type { DueItemView } from '@/lib/domain/ui-state';
import { useApi } from './api';
import { useRefusal } from './refusal';

/** Sends a checklist command and says what went wrong, if anything, in the admin's words. */
function useChecklistCommand(locale: UiLocale) {
  const { ask } = useApi();
  const [error, setError] = useState<string | undefined>();
  const send = async (command: RequestOf<'checklistCommand'>) => {
    const reply = await ask('checklistCommand', command);
    setError(reply.ok ? undefined : describeProblem(locale, reply.error));
    return reply;
  };
  return { send, error };
}

/** How long "Undo" is offered after a tick or a snooze. */
const UNDO_MS = 10_000;

/** An offer to undo what was just done, for a few seconds (issue 11, item 2). */
export function useUndo<T>() {
  const [offer, setOffer] = useState<T | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const offerUndo = (next: T | undefined) => {
    clearTimeout(timer.current);
    setOffer(next);
    if (next !== undefined) timer.current = setTimeout(() => setOffer(undefined), UNDO_MS);
  };
  return [offer, offerUndo] as const;
}

/** What was just done, with its "Undo" button (a status line, keyboard reachable). */
export function UndoBar({ text, locale, onUndo }: { text: string; locale: UiLocale; onUndo: () => void }) {
  return (
    <p className="undo" role="status" data-undo="offered">
      {text}{' '}
      <button type="button" onClick={onUndo}>
        {catalogue(locale).panelSafety.undo}
      </button>
    </p>
  );
}

/**
 * The confirmation of an action that cannot be taken back, in the panel itself (not window.confirm): says
 * what will happen, focuses "Cancel", and Escape cancels.
 */
export function ConfirmStep({
  text,
  confirm,
  locale,
  busy,
  onConfirm,
  onCancel,
}: {
  text: string;
  confirm: string;
  locale: UiLocale;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const textId = useId();
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-label={confirm}
      aria-describedby={textId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id={textId}>{text}</p>
      <div className="run-actions">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          {catalogue(locale).panelSafety.cancel}
        </button>
      </div>
    </div>
  );
}

/**
 * How many recorded grants finishing an offboarding would end: those of its subject and related subjects
 * still running today (as the background's revoke counts them). Undefined while counting.
 */
function useGrantsToRevoke(run: ChecklistRun, asked: boolean): number | undefined {
  const { ask } = useApi();
  const [count, setCount] = useState<number | undefined>();
  const revokes = templates[run.templateId].onFinish === 'revoke-subject-and-related';
  useEffect(() => {
    if (!asked || !revokes) return;
    let live = true;
    setCount(undefined);
    const today = new Date().toISOString().slice(0, 10);
    void Promise.all(
      [run.subject, ...run.related].map((subject) =>
        ask('subjectRecord', { businessId: run.businessId, subject }),
      ),
    ).then((replies) => {
      if (!live) return;
      setCount(
        replies.reduce(
          (n, r) => n + (r.ok ? r.value.grants.filter((g) => !g.endsAt || g.endsAt > today).length : 0),
          0,
        ),
      );
    });
    return () => {
      live = false;
    };
  }, [asked, revokes, run.subject, run.related, run.businessId, ask]);
  return count;
}

/** A subject a run names: its name as read at the start, with its address or ID; the key when unnamed. */
function namedSubject(run: ChecklistRun, key: string): string {
  const id = key.replace(/^[\w-]+:/, '');
  const name = run.names?.[key];
  return name && name !== id ? `${name} (${id})` : id;
}

/** The unknown principals of an incident of one kind, or all, named (issue 13, item 4). */
function SubjectNames({
  run,
  keys,
  none,
  label,
  attr,
}: {
  run: ChecklistRun;
  keys: readonly string[];
  none: string;
  label?: string;
  attr: string;
}) {
  if (keys.length === 0) return <div className="step-hint">{none}</div>;
  return (
    <div className="run-related" {...{ [attr]: '' }}>
      {label}
      <ul>
        {keys.map((key) => (
          <li key={key} data-subject={key}>
            {namedSubject(run, key)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Which of an incident's steps name whom: the unknown ones of a kind, or the full-control holders. */
const incidentNames: Record<string, (run: ChecklistRun) => readonly string[]> = {
  'remove-unknown-people': (run) => run.related.filter((s) => s.startsWith('person')),
  'remove-unknown-partners': (run) => run.related.filter((s) => s.startsWith('partner')),
  'review-system-users': (run) => run.related.filter((s) => s.startsWith('system-user')),
};

/** What happened, recorded in the ledger as a note about the business (the `document-incident` step). */
function RecordNote({ run, locale }: { run: ChecklistRun; locale: UiLocale }) {
  const t = catalogue(locale).incident;
  const { send, error } = useChecklistCommand(locale);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const id = useId();
  return (
    <form
      className="record-note"
      data-record-note={run.id}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void send({ type: 'note', runId: run.id, rationale: text })
          .then((reply) => {
            setRecorded(reply.ok);
            if (reply.ok) setText('');
          })
          .finally(() => setBusy(false));
      }}
    >
      <label htmlFor={id}>{t.whatHappened}</label>
      <textarea
        id={id}
        value={text}
        placeholder={t.placeholder}
        maxLength={10_000}
        required
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={busy || text.trim() === ''}>
        {t.record}
      </button>
      {recorded ? <p role="status">{t.recorded}</p> : null}
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}

/** One run: its steps with `data-step-id` / `data-done`, each ticked by evidence or with one click. */
export function RunView({ run, locale }: { run: ChecklistRun; locale: UiLocale }) {
  const t = catalogue(locale).checklists;
  const { send, error } = useChecklistCommand(locale);
  const template = templates[run.templateId];
  const left = openSteps(run).length;
  const who =
    run.subjectName && !run.subject.endsWith(run.subjectName)
      ? run.subjectName
      : run.subject.replace(/^\w+(-\w+)?:/, '');
  const safety = catalogue(locale).panelSafety;
  const [asking, setAsking] = useState<'finish' | 'discard' | undefined>();
  const [undo, offerUndo] = useUndo<{ stepId: string; text: string }>();
  const revokes = template.onFinish === 'revoke-subject-and-related';
  const grants = useGrantsToRevoke(run, asking === 'finish');
  const tick = async (stepId: string, title: string, done: boolean) => {
    const reply = await send({ type: 'tick', runId: run.id, stepId, done });
    offerUndo(reply.ok ? { stepId, text: done ? safety.ticked(title) : safety.unticked(title) } : undefined);
  };
  const confirmText =
    asking === 'discard'
      ? safety.confirmDiscard(template.title[locale], who, run.steps.filter((x) => x.done).length)
      : !revokes
        ? safety.confirmFinish(template.title[locale], who)
        : grants === undefined
          ? safety.counting
          : safety.confirmFinishRevokes(grants, who, run.related.length);
  return (
    <div
      className="run"
      data-run-id={run.id}
      data-template-id={run.templateId}
      data-run-subject={run.subject}
      data-status={run.status}
    >
      <div className="run-title">
        {template.title[locale]} · {who}
      </div>
      {run.case ? <div className="run-case">{run.case}</div> : null}
      {template.relatesOpenChanges ? (
        <SubjectNames
          run={run}
          keys={run.related}
          none={catalogue(locale).incident.nothingUnrecorded}
          label={catalogue(locale).panel.label(catalogue(locale).incident.unknown)}
          attr="data-incident-unknown"
        />
      ) : run.related.length > 0 ? (
        <div className="run-related">
          {catalogue(locale).panel.label(t.alsoRemoving)}
          {run.related.map((s) => s.replace(/^[\w-]+:/, '')).join(', ')}
        </div>
      ) : null}
      <ol className="steps">
        {run.steps.map((state) => {
          const step = template.steps.find((s) => s.id === state.id);
          if (!step) return null;
          const text = step.text[locale];
          return (
            <li key={state.id} className="step" data-step-id={state.id} data-done={String(state.done)}>
              <button
                type="button"
                className="tick"
                role="checkbox"
                aria-checked={state.done}
                aria-label={state.done ? t.untick(text.title) : t.tick(text.title)}
                disabled={run.status !== 'open'}
                onClick={() => void tick(state.id, text.title, !state.done)}
              >
                {state.done ? '✓' : ''}
              </button>
              <div>
                <div className="step-title">{text.title}</div>
                <div className="step-hint">{text.hint}</div>
                {template.relatesOpenChanges ? (
                  <IncidentStep run={run} stepId={state.id} done={state.done} locale={locale} />
                ) : null}
                {state.done && state.at ? (
                  <div
                    className="step-how"
                    data-how={state.how}
                    title={state.evidence && describeEvidence(locale, state.evidence)}
                  >
                    {state.at.slice(0, 16).replace('T', ' ')} ·{' '}
                    {state.how === 'evidence' ? t.byEvidence : t.byHand}
                    {state.evidence ? ` · ${describeEvidence(locale, state.evidence)}` : ''}
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {undo && run.status === 'open' ? (
        <UndoBar
          text={undo.text}
          locale={locale}
          onUndo={() => {
            offerUndo(undefined);
            void send({ type: 'undo-tick', runId: run.id, stepId: undo.stepId });
          }}
        />
      ) : null}
      {run.status === 'open' && asking ? (
        // Finishing an offboarding records revocations; discarding deletes the run: both are asked first.
        <ConfirmStep
          text={confirmText}
          confirm={asking === 'discard' ? safety.confirmDiscardButton : safety.confirmFinishButton}
          locale={locale}
          busy={asking === 'finish' && revokes && grants === undefined}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            setAsking(undefined);
            void send(
              asking === 'discard' ? { type: 'discard', runId: run.id } : { type: 'finish', runId: run.id },
            );
          }}
        />
      ) : run.status === 'open' ? (
        <div className="run-actions">
          <span className="hint">{t.stepsLeft(left)}</span>
          <button type="button" disabled={left > 0} onClick={() => setAsking('finish')}>
            {t.finish}
          </button>
          <button type="button" onClick={() => setAsking('discard')}>
            {t.discard}
          </button>
        </div>
      ) : (
        <div className="hint">
          {t.finished} {run.finishedAt?.slice(0, 10)}
        </div>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}

/** What an incident's step adds under its hint: whom it is about, or the form that documents it. */
function IncidentStep({
  run,
  stepId,
  done,
  locale,
}: {
  run: ChecklistRun;
  stepId: string;
  done: boolean;
  locale: UiLocale;
}) {
  const t = catalogue(locale).incident;
  const named = incidentNames[stepId];
  if (named && run.related.length > 0)
    return <SubjectNames run={run} keys={named(run)} none={t.noneOfKind} attr="data-incident-kind" />;
  if (stepId === 'secure-admin-accounts')
    return (
      <SubjectNames
        run={run}
        keys={run.holders ?? []}
        none={t.noHolders}
        label={catalogue(locale).panel.label(t.holders)}
        attr="data-incident-holders"
      />
    );
  if (stepId === 'document-incident' && !done && run.status === 'open')
    return <RecordNote run={run} locale={locale} />;
  return null;
}

/** One-click starts for a subject read from the page (or a finding about it). */
export function StartChecklist({
  businessId,
  subject,
  name,
  locale,
  runs,
}: {
  businessId: string;
  subject: string;
  name: string;
  locale: UiLocale;
  runs: readonly ChecklistRun[];
}) {
  const t = catalogue(locale).checklists;
  const { send, error } = useChecklistCommand(locale);
  const open = (id: TemplateId) =>
    runs.some((r) => r.subject === subject && r.templateId === id && r.status === 'open');
  const start = (templateId: TemplateId) =>
    send({ type: 'start', businessId, templateId, who: subject, subjectName: name });
  // The templates say what they are for and whom: offboarding first, then onboarding.
  const kind = subjectKindOf(subject);
  const buttons: { id: TemplateId; label: string }[] =
    kind === 'person' || kind === 'partner'
      ? [
          ...templatesFor('offboard', kind).map((x) => ({ id: x.id, label: t.startOffboarding })),
          ...templatesFor('onboard', kind).map((x) => ({ id: x.id, label: t.onboardingChecklist })),
        ]
      : [];
  if (buttons.length === 0) return null;
  return (
    <span className="start-checklist">
      {buttons
        .filter((b) => !open(b.id))
        .map((b) => (
          <button key={b.id} type="button" data-start={b.id} onClick={() => void start(b.id)}>
            {b.label}
          </button>
        ))}
      {error ? <span role="alert">{error}</span> : null}
    </span>
  );
}

export interface SnoozeUndo {
  group: string;
  text: string;
}

/** Items due or overdue, each with a link to its page and snoozes (1 day, 1 week). */
export function DueList({
  items,
  locale,
  snoozable,
  undoState,
}: {
  items: readonly DueItemView[];
  locale: UiLocale;
  snoozable: boolean;
  /** Where the offer to undo a snooze lives, when it must outlive the list (the last item snoozed). */
  undoState?: ReturnType<typeof useUndo<SnoozeUndo>>;
}) {
  const t = catalogue(locale).checklists;
  const { ask } = useApi();
  const own = useUndo<SnoozeUndo>();
  const [undo, offerUndo] = undoState ?? own;
  const refusal = useRefusal(locale);
  const snooze = async (item: DueItemView, days: 1 | 7) => {
    const reply = await ask('snooze', { group: item.group, days });
    refusal.check(reply);
    const label = item.label ?? t.forBusiness(item.businessId);
    offerUndo(
      reply.ok ? { group: item.group, text: catalogue(locale).panelSafety.snoozed(label, days) } : undefined,
    );
  };
  // The snoozed item leaves the list: its "Undo" stays above it.
  const undoBar = undo ? (
    <UndoBar
      text={undo.text}
      locale={locale}
      onUndo={() => {
        offerUndo(undefined);
        void ask('unsnooze', { group: undo.group }).then(refusal.check);
      }}
    />
  ) : null;
  if (items.length === 0)
    return (
      <>
        {refusal.shown}
        {undoBar}
        <p className="empty">{t.nothingDue}</p>
      </>
    );
  return (
    <>
      {refusal.shown}
      {undoBar}
      <ul className="due">
        {items.map((item) => (
          <li key={item.group} data-due-group={item.group} data-due-kind={item.kind}>
            <div>
              <strong>{item.label ?? t.forBusiness(item.businessId)}</strong> ·{' '}
              {t.dueKind[item.kind](item.endsAt ?? item.dueAt.slice(0, 10))}
            </div>
            <div className="due-actions">
              <button
                type="button"
                onClick={() => void ask('openTarget', { group: item.group }).then(refusal.check)}
              >
                {t.open}
              </button>
              {snoozable ? (
                <>
                  <button type="button" onClick={() => void snooze(item, 1)}>
                    {t.snoozeDay}
                  </button>
                  <button type="button" onClick={() => void snooze(item, 7)}>
                    {t.snoozeWeek}
                  </button>
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
