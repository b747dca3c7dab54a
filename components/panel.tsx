import { lazy, memo, Suspense, useLayoutEffect, useMemo, useState } from 'react';
import { portfolioAccess } from '@/lib/domain/lexicon';
import { kindName } from './page-words';
import { words } from '@/lib/domain/rules/words';
import type { UiLocale } from '@/lib/domain/locales';
import { describeReadProblem } from '@/lib/domain/read-problems';
import type { ChecklistRun } from '@/lib/domain/checklists/runs';
import { getSubjectKey, type Principal } from '@/lib/domain/snapshot';
import type { TabState } from '@/lib/domain/ui-state';
import { useApi } from './api';
import { StartChecklist } from './checklists';
import { Findings } from './findings';
import { ChecklistsSection, DueSection, FocusSection } from './panel-work';
import { ChangesSection } from './changes-section';
import { PanelAssetPathsLink as AssetPathsLink } from './asset-paths-link';
import { catalogue, displayName } from '@/lib/domain/i18n/words';
import { usePanelStore } from './panel-store';
import { VirtualList } from './virtual-list';

/**
 * The access review (issue 14) is loaded once the panel has shown its first state: its code brings zod (the
 * review's schemas), which the panel otherwise does without, and it asks the background for its campaign
 * before it shows anything anyway (issue 12, item 4: the panel's own code is on the page's critical path).
 */
const ReviewSection = lazy(() => import('./review-section').then((m) => ({ default: m.ReviewSection })));

/** A portfolio access level in Meta's words for the admin's language (the lexicon's first variant). */
function accessName(locale: UiLocale, access: Principal['portfolioAccess']): string {
  if (!access || access === 'unknown') return catalogue(locale).panel.accessNotShown;
  return portfolioAccess[access][locale][0]!;
}

interface PrincipalRowProps {
  principal: Principal;
  subject: string;
  locale: UiLocale;
  businessId: string | undefined;
  runs: readonly ChecklistRun[];
  /** The checklists open for this subject: the only part of `runs` the row shows. */
  openRuns: string;
}

/**
 * One principal's row. A new state re-parses every principal, so a row compares what it shows (its
 * principal, language, business and open checklists) and is not re-rendered when that is unchanged.
 */
const PrincipalRow = memo(function PrincipalRow({
  principal,
  subject,
  locale,
  businessId,
  runs,
}: PrincipalRowProps) {
  const t = catalogue(locale).panel;
  const sub =
    principal.kind === 'person'
      ? principal.email
      : principal.kind === 'partner'
        ? principal.businessId && t.businessId(principal.businessId)
        : principal.id && t.systemUserId(principal.id);
  return (
    <>
      {/* Names are page text: rendered as React text, never as markup. */}
      <div className="principal-name">
        {displayName(locale, principal)}
        {principal.isCurrentUser ? t.you : ''}
      </div>
      {sub ? <div className="principal-sub">{sub}</div> : null}
      {principal.hiddenCharacters ? (
        <div className="principal-note" data-hidden-characters="true">
          {t.hiddenCharacters}
        </div>
      ) : null}
      <div>
        <span className="tag">{t.kinds[principal.kind]}</span>
        {principal.portfolioAccess ? (
          <span className="tag">{accessName(locale, principal.portfolioAccess)}</span>
        ) : null}
        {principal.pending ? <span className="tag">{t.pending}</span> : null}
        {principal.temporaryUntil ? <span className="tag">{t.until(principal.temporaryUntil)}</span> : null}
        {principal.assets.length > 0 ? (
          <span className="tag">{t.assetCount(principal.assets.length)}</span>
        ) : null}
      </div>
      {businessId && !principal.isCurrentUser ? (
        <StartChecklist
          businessId={businessId}
          subject={subject}
          name={principal.name}
          locale={locale}
          runs={runs}
        />
      ) : null}
      {principal.assets.length > 0 ? (
        <ul className="assets" aria-label={t.assets}>
          {principal.assets.map((asset, i) => (
            <li key={`${asset.type}:${asset.name}:${i}`}>
              <span className="asset-name">{asset.name}</span>{' '}
              <span className="asset-access">
                {asset.access === 'full'
                  ? words[locale].fullControl
                  : asset.access === 'full-except-sensitive'
                    ? t.fullExceptSensitive
                    : t.partialTasks(
                        asset.tasks.map((task) => words[locale].tasks[task]).join(', ') || t.noTasks,
                      )}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}, samePrincipalRow);

function samePrincipalRow(a: PrincipalRowProps, b: PrincipalRowProps): boolean {
  return (
    a.subject === b.subject &&
    a.locale === b.locale &&
    a.businessId === b.businessId &&
    a.openRuns === b.openRuns &&
    (a.principal === b.principal || JSON.stringify(a.principal) === JSON.stringify(b.principal))
  );
}

/** What the principals list needs, derived once per state (not once per row). */
function usePrincipalIndex(state: TabState) {
  return useMemo(() => {
    const principals = state.snapshot?.principals ?? [];
    const subjects = principals.map(getSubjectKey);
    // Stable row keys: the subject key (one a page shows twice keeps its place in the list as well).
    const indexOf = new Map<string, number>();
    const keys = subjects.map((s, i) => {
      if (indexOf.has(s)) return `${s}#${i}`;
      indexOf.set(s, i);
      return s;
    });
    const open = new Map<string, string[]>();
    for (const run of state.runs)
      if (run.status === 'open') open.set(run.subject, [...(open.get(run.subject) ?? []), run.templateId]);
    const openRuns = (subject: string) => open.get(subject)?.sort().join(' ') ?? '';
    return { subjects, keys, indexOf, openRuns };
  }, [state.snapshot, state.runs]);
}

/** Every principal read from the page, virtualised: only the rows in view are in the document. */
function PrincipalList({ state }: { state: TabState }) {
  const snapshot = state.snapshot!;
  const { subjects, keys, indexOf, openRuns } = usePrincipalIndex(state);
  const t = catalogue(state.locale).panel;
  const focus = state.focus;
  const focusIndex = focus ? indexOf.get(focus.subject) : undefined;
  return (
    <VirtualList
      items={snapshot.principals}
      className="principals"
      label={t.readFromPage}
      estimateSize={64}
      itemKey={(_, i) => keys[i]!}
      itemAttributes={(p, i) => ({
        className: subjects[i] === focus?.subject ? 'principal focused' : 'principal',
        'data-principal': subjects[i],
        'data-portfolio-access': p.portfolioAccess ?? 'unknown',
        'data-pending': String(p.pending),
      })}
      scrollTo={focus && focusIndex !== undefined ? { index: focusIndex, token: focus.at } : undefined}
      renderItem={(p, i) => (
        <PrincipalRow
          principal={p}
          subject={subjects[i]!}
          locale={state.locale}
          businessId={snapshot.businessId}
          runs={state.runs}
          openRuns={openRuns(subjects[i]!)}
        />
      )}
    />
  );
}

function Diagnostics() {
  const diagnostics = usePanelStore((s) => s.state.diagnostics);
  const t = catalogue(usePanelStore((s) => s.state.locale)).panel;
  const [copied, setCopied] = useState<'idle' | 'copied' | 'manual'>('idle');
  if (!diagnostics) return null;
  const text = JSON.stringify(diagnostics, null, 2);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied('manual');
    }
  };
  return (
    <div>
      <button type="button" onClick={() => void copy()}>
        {t.copyDiagnostics}
      </button>
      <span role="status">{copied === 'copied' ? t.copied : copied === 'manual' ? t.copyByHand : ''}</span>
      <details open={copied === 'manual'}>
        <summary>{t.bundleSummary}</summary>
        <p className="empty">{t.bundleText}</p>
        <textarea readOnly value={text} aria-label={t.bundleLabel} />
      </details>
    </div>
  );
}

/** A panel.html that Scopekeeper's content script did not put here (issue 11, item 2): it shows nothing. */
function NotOurs() {
  const t = catalogue(useApi().locale).panelSafety;
  return (
    <main className="panel" data-panel-refused="true">
      <div className="panel-header">
        <div className="panel-title">Scopekeeper</div>
      </div>
      <section className="section" role="alert">
        <h2>{t.notOursTitle}</h2>
        <p>{t.notOursText}</p>
      </section>
    </main>
  );
}

export function Panel() {
  const state = usePanelStore((s) => s.state);
  const refused = usePanelStore((s) => s.refused);
  const snapshot = state.snapshot;
  // Before the background's first state arrives, the page's own idea of the language.
  const { locale } = useApi();
  const t = catalogue(snapshot ? state.locale : locale).panel;
  // Once per committed state: what the benchmark (scripts/bench/panel-page.ts) times.
  useLayoutEffect(() => {
    if (!state.snapshot) return;
    performance.mark('scopekeeper:panel-rendered', {
      detail: { principals: state.snapshot.principals.length, findings: state.findings.length },
    });
  }, [state]);
  if (refused) return <NotOurs />;
  if (!snapshot) {
    return (
      <main className="panel">
        <div className="panel-header">
          <div className="panel-title">Scopekeeper</div>
          <div className="panel-meta">{t.waiting}</div>
        </div>
      </main>
    );
  }
  return (
    <main className="panel">
      <div className="panel-header" data-page-kind={snapshot.kind} data-read-status={snapshot.readStatus}>
        <div className="panel-title">Scopekeeper · {kindName(state.locale, snapshot.kind)}</div>
        <div className="panel-meta">
          <span className={`status status-${snapshot.readStatus}`}>{t.status[snapshot.readStatus]}</span>
          <span>{t.readCount(snapshot.principals.length)}</span>
          {snapshot.businessId ? (
            // The name a page showed (issue 15), as text; the ID when none has, and on hover.
            <span data-business-name={state.businessName ?? ''} title={t.business(snapshot.businessId)}>
              {state.businessName ?? t.business(snapshot.businessId)}
            </span>
          ) : null}
        </div>
        <AssetPathsLink snapshot={snapshot} />
      </div>
      {snapshot.readStatus !== 'ok' ? (
        <section className="section" aria-label={t.problemsLabel}>
          <h2>{snapshot.readStatus === 'unreadable' ? t.unreadableTitle : t.partialTitle}</h2>
          <p>{snapshot.readStatus === 'unreadable' ? t.unreadableText : t.partialText}</p>
          <ul className="problems">
            {snapshot.readProblems.map((problem, i) => (
              <li key={i}>{describeReadProblem(state.locale, problem)}</li>
            ))}
          </ul>
          <Diagnostics />
        </section>
      ) : null}
      <FocusSection />
      {/* What changed between visits comes first: an alert there may be a takeover. */}
      <ChangesSection />
      <DueSection />
      {/* A checklist in progress is what the admin is working on: it comes before the findings. */}
      {state.runs.some((r) => r.status === 'open') ? <ChecklistsSection /> : null}
      {snapshot.readStatus !== 'unreadable' ? <Findings /> : null}
      {state.runs.some((r) => r.status === 'open') ? null : <ChecklistsSection />}
      <Suspense fallback={null}>
        <ReviewSection />
      </Suspense>
      <section className="section" aria-label={t.readFromPage}>
        <h2>{t.onThisPage}</h2>
        {snapshot.principals.length === 0 ? (
          <p className="empty">{t.nobody}</p>
        ) : (
          <PrincipalList state={state} />
        )}
      </section>
    </main>
  );
}
