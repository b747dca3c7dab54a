import { useCallback, useEffect, useMemo, useState } from 'react';
import { templatesFor } from '@/lib/domain/checklists/templates';
import type { PopupState } from '@/lib/domain/ui-state';
import type { Problem } from '@/lib/domain/problems';
import { ApiProvider, useApi, type Api } from './api';
import { catalogue, describeProblem } from '@/lib/domain/i18n';
import { ChangesLink } from './changes-page';
import { OverviewLink } from './overview-page';
import { DueList, RunView } from './checklists';
import { TeamStatusLine } from './team-status';

const POLL_MS = 1500;

/**
 * The toolbar popup: the checklists in progress for the current tab's business, a one-click start of an
 * onboarding (an e-mail makes a person's checklist, a Business ID a partner's), and what is due, with links.
 * Away from Business Settings it shows every business's open runs and due items.
 */
export function Popup({ tabId }: { tabId: number | undefined }) {
  const api = useApi();
  const { ask } = api;
  const [state, setState] = useState<PopupState | undefined>();
  const [chosen, setChosen] = useState<string>('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const [unreachable, setUnreachable] = useState<Problem | undefined>();
  const load = useCallback(async () => {
    const reply = await ask('popupState', tabId === undefined ? {} : { tabId });
    if (reply.ok) setState(reply.value);
    // Said, not left at "…": the popup's own language is the browser's until the state says otherwise.
    setUnreachable(reply.ok ? undefined : reply.error);
  }, [ask, tabId]);
  // A command from the popup reloads its state at once (the background pushes nothing to a popup).
  const reloading = useMemo<Api>(
    () => ({
      ...api,
      ask: async (name, data) => {
        const reply = await ask(name, data);
        await load();
        return reply;
      },
    }),
    [api, ask, load],
  );
  useEffect(() => {
    void load();
    // The background pushes nothing to a popup: it asks again while open, so evidence ticks show up.
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (!state)
    return (
      <main className="popup panel">
        {unreachable ? <p role="alert">{describeProblem(api.locale, unreachable)}</p> : '…'}
      </main>
    );
  const t = catalogue(state.locale).checklists;
  const businessId = state.businessId ?? (chosen || state.businesses[0]);

  const start = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const who = String(data.get('who') ?? '').trim();
    // An e-mail address makes a person's onboarding, a Business ID a partner's: the templates say which.
    const template = templatesFor('onboard', who.includes('@') ? 'person' : 'partner')[0];
    if (!template) return;
    const result = await ask('checklistCommand', {
      type: 'start',
      businessId: String(data.get('businessId') ?? businessId ?? ''),
      templateId: template.id,
      who,
      case: String(data.get('case') ?? ''),
    });
    setOutcome(
      result.ok
        ? { ok: true, text: t.started }
        : { ok: false, text: describeProblem(state.locale, result.error) },
    );
    if (result.ok) form.reset();
    await load();
  };

  return (
    <main className="popup panel" data-popup-business={state.businessId ?? ''}>
      <div className="panel-header">
        <div className="panel-title">Scopekeeper</div>
        <div className="panel-meta">
          {state.businessId ? (
            <span data-business-name={state.names[state.businessId] ?? ''}>
              {state.names[state.businessId] ?? t.forBusiness(state.businessId)}
            </span>
          ) : (
            t.notOnBusinessSettings
          )}
        </div>
      </div>
      <TeamStatusLine heading />

      <section className="section" aria-labelledby="start-title">
        <h2 id="start-title">{t.startOnboarding}</h2>
        <form aria-label={t.startOnboarding} onSubmit={(e) => void start(e)}>
          {state.businessId ? (
            <input type="hidden" name="businessId" value={state.businessId} />
          ) : (
            <label>
              {t.business}
              {state.businesses.length > 0 ? (
                <select name="businessId" value={businessId} onChange={(e) => setChosen(e.target.value)}>
                  {state.businesses.map((b) => (
                    <option key={b} value={b}>
                      {state.names[b] ? `${state.names[b]} (${b})` : b}
                    </option>
                  ))}
                </select>
              ) : (
                <input name="businessId" inputMode="numeric" required />
              )}
            </label>
          )}
          <label>
            {t.who}
            <input name="who" required placeholder={t.whoPlaceholder} />
          </label>
          <label>
            {t.case}
            <input name="case" required />
          </label>
          <button type="submit">{t.startOnboarding}</button>
          {outcome ? <p role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p> : null}
        </form>
      </section>

      <section className="section" aria-labelledby="runs-title">
        <h2 id="runs-title">{t.checklists}</h2>
        {state.runs.length === 0 ? <p className="empty">{t.noRuns}</p> : null}
        <ApiProvider api={reloading}>
          {state.runs.map((run) => (
            <RunView key={run.id} run={run} locale={state.locale} />
          ))}
        </ApiProvider>
      </section>

      <section className="section" aria-labelledby="due-title">
        <h2 id="due-title">{t.due}</h2>
        <DueList items={state.due} locale={state.locale} snoozable={false} />
      </section>

      {businessId ? <StartReview businessId={businessId} locale={state.locale} /> : null}

      <section className="section">
        {businessId ? (
          <button
            type="button"
            data-open-business={businessId}
            onClick={() => void ask('openTarget', { businessId })}
          >
            {t.openBusinessSettings}
          </button>
        ) : (
          <a href="https://business.facebook.com/latest/settings" target="_blank" rel="noreferrer">
            {t.openBusinessSettings}
          </a>
        )}
        <p>
          <ChangesLink businessId={businessId} />
        </p>
        <p>
          <OverviewLink />
        </p>
      </section>
    </main>
  );
}

/** Starts this business's access review from the popup (issue 14, item 1); it is decided in the panel. */
function StartReview({ businessId, locale }: { businessId: string; locale: PopupState['locale'] }) {
  const { ask } = useApi();
  const t = catalogue(locale).review;
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; campaignId?: string } | undefined>();
  return (
    <section className="section" aria-labelledby="review-title" data-popup-review="">
      <h2 id="review-title">{t.title}</h2>
      <p>{t.popupHint}</p>
      <button
        type="button"
        data-review-start=""
        onClick={() =>
          void ask('reviewStart', { businessId }).then((reply) =>
            setOutcome(
              reply.ok
                ? { ok: true, text: t.popupStarted, campaignId: reply.value.campaign.id }
                : { ok: false, text: describeProblem(locale, reply.error) },
            ),
          )
        }
      >
        {t.start}
      </button>
      {outcome ? <p role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p> : null}
      {outcome?.campaignId ? (
        <a
          href={`/review.html?campaign=${encodeURIComponent(outcome.campaignId)}`}
          target="_blank"
          rel="noopener noreferrer"
          data-review-report-link=""
        >
          {t.openReport}
        </a>
      ) : null}
    </section>
  );
}
