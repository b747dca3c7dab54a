import { useState } from 'react';
import { openSteps, type ChecklistRun } from '@/lib/domain/checklists/runs';
import { subjectKindOf, templates, templatesFor, type TemplateId } from '@/lib/domain/checklists/templates';
import { catalogue, describeEvidence, describeProblem } from '@/lib/domain/i18n';
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
      {run.related.length > 0 ? (
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
                onClick={() =>
                  void send({ type: 'tick', runId: run.id, stepId: state.id, done: !state.done })
                }
              >
                {state.done ? '✓' : ''}
              </button>
              <div>
                <div className="step-title">{text.title}</div>
                <div className="step-hint">{text.hint}</div>
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
      {run.status === 'open' ? (
        <div className="run-actions">
          <span className="hint">{t.stepsLeft(left)}</span>
          <button
            type="button"
            disabled={left > 0}
            onClick={() => void send({ type: 'finish', runId: run.id })}
          >
            {t.finish}
          </button>
          <button type="button" onClick={() => void send({ type: 'discard', runId: run.id })}>
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

/** Items due or overdue, each with a link to its page and snoozes (1 day, 1 week). */
export function DueList({
  items,
  locale,
  snoozable,
}: {
  items: readonly DueItemView[];
  locale: UiLocale;
  snoozable: boolean;
}) {
  const t = catalogue(locale).checklists;
  const { ask } = useApi();
  const refusal = useRefusal(locale);
  if (items.length === 0) return <p className="empty">{t.nothingDue}</p>;
  return (
    <>
      {refusal.shown}
      <ul className="due">
        {items.map((item) => (
          <li key={item.group} data-due-group={item.group} data-due-kind={item.kind}>
            <div>
              <strong>{item.label ?? t.forBusiness(item.businessId)}</strong> ·{' '}
              {t.dueKind[item.kind](item.endsAt ?? '')}
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
                  <button
                    type="button"
                    onClick={() => void ask('snooze', { group: item.group, days: 1 }).then(refusal.check)}
                  >
                    {t.snoozeDay}
                  </button>
                  <button
                    type="button"
                    onClick={() => void ask('snooze', { group: item.group, days: 7 }).then(refusal.check)}
                  >
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
