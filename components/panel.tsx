import { useState } from 'react';
import { words } from '@/lib/domain/rules/words';
import type { UiLocale } from '@/lib/domain/locales';
import { describeReadProblem } from '@/lib/domain/read-problems';
import { getSubjectKey, type PageKind, type Principal } from '@/lib/domain/snapshot';
import { StartChecklist } from './checklists';
import { Findings } from './findings';
import { ChecklistsSection, DueSection, FocusSection } from './panel-work';
import { panelText } from './panel-text';
import { usePanelStore } from './panel-store';

const kindNames: Record<PageKind, string> = {
  people: 'People',
  partners: 'Partners',
  'system-users': 'System users',
  asset: 'Asset',
  'invite-dialog': 'Invite people dialog',
  'add-partner-dialog': 'Add partner dialog',
  other: 'Other page',
};

const accessNames: Record<string, string> = {
  'full-control': 'Full control',
  partial: 'Partial access',
  basic: 'Basic access',
  'apps-integrations': 'Apps and integrations',
  finance: 'Finance',
  unknown: 'Access not shown',
};

const statusNames = { ok: 'Read', partial: 'Partly read', unreadable: 'Not understood' } as const;

function PrincipalItem({
  principal,
  locale,
  businessId,
}: {
  principal: Principal;
  locale: UiLocale;
  businessId?: string;
}) {
  const subject = getSubjectKey(principal);
  const runs = usePanelStore((s) => s.state.runs);
  const sub =
    principal.kind === 'person'
      ? principal.email
      : principal.kind === 'partner'
        ? principal.businessId && `Business ID ${principal.businessId}`
        : principal.id && `ID ${principal.id}`;
  return (
    <li
      className="principal"
      data-principal={subject}
      data-portfolio-access={principal.portfolioAccess ?? 'unknown'}
      data-pending={String(principal.pending)}
    >
      {/* Names are page text: rendered as React text, never as markup. */}
      <div className="principal-name">
        {principal.name}
        {principal.isCurrentUser ? ' (you)' : ''}
      </div>
      {sub ? <div className="principal-sub">{sub}</div> : null}
      <div>
        <span className="tag">
          {principal.kind === 'person' ? 'Person' : principal.kind === 'partner' ? 'Partner' : 'System user'}
        </span>
        {principal.portfolioAccess ? (
          <span className="tag">{accessNames[principal.portfolioAccess]}</span>
        ) : null}
        {principal.pending ? <span className="tag">Pending</span> : null}
        {principal.temporaryUntil ? <span className="tag">Until {principal.temporaryUntil}</span> : null}
        {principal.assets.length > 0 ? (
          <span className="tag">
            {principal.assets.length} asset{principal.assets.length === 1 ? '' : 's'}
          </span>
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
        <ul className="assets" aria-label="Assets">
          {principal.assets.map((asset, i) => (
            <li key={`${asset.type}:${asset.name}:${i}`}>
              <span className="asset-name">{asset.name}</span>{' '}
              <span className="asset-access">
                {asset.access === 'full'
                  ? 'Full control'
                  : asset.access === 'full-except-sensitive'
                    ? 'Everything except sensitive actions'
                    : `Partial: ${asset.tasks.map((t) => words[locale].tasks[t]).join(', ') || 'no tasks'}`}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function Diagnostics() {
  const diagnostics = usePanelStore((s) => s.state.diagnostics);
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
        Copy diagnostics
      </button>
      <span role="status">
        {copied === 'copied' ? ' Copied.' : copied === 'manual' ? ' Select the text below and copy it.' : ''}
      </span>
      <details open={copied === 'manual'}>
        <summary>What the bundle holds</summary>
        <p className="empty">
          The page address without its values, the page kind, what went wrong and the page’s structure (roles
          and headings, no text). No names or e-mail addresses.
        </p>
        <textarea readOnly value={text} aria-label="Diagnostics bundle" />
      </details>
    </div>
  );
}

export function Panel() {
  const state = usePanelStore((s) => s.state);
  const snapshot = state.snapshot;
  if (!snapshot) {
    return (
      <main className="panel">
        <div className="panel-header">
          <div className="panel-title">Scopekeeper</div>
          <div className="panel-meta">{panelText[state.locale].waiting}</div>
        </div>
      </main>
    );
  }
  return (
    <main className="panel">
      <div className="panel-header" data-page-kind={snapshot.kind} data-read-status={snapshot.readStatus}>
        <div className="panel-title">Scopekeeper · {kindNames[snapshot.kind]}</div>
        <div className="panel-meta">
          <span className={`status status-${snapshot.readStatus}`}>{statusNames[snapshot.readStatus]}</span>
          <span>{snapshot.principals.length} read</span>
          {snapshot.businessId ? <span>Business {snapshot.businessId}</span> : null}
        </div>
      </div>
      {snapshot.readStatus !== 'ok' ? (
        <section className="section" aria-label="Reading problems">
          <h2>
            {snapshot.readStatus === 'unreadable'
              ? 'Scopekeeper could not read this page'
              : 'Part of this page could not be read'}
          </h2>
          <p>
            {snapshot.readStatus === 'unreadable'
              ? 'The page does not look the way Scopekeeper expects, so it shows nothing rather than guess. Your access is unchanged.'
              : 'What is listed below was read; the rest was left out rather than guessed.'}
          </p>
          <ul className="problems">
            {snapshot.readProblems.map((problem, i) => (
              <li key={i}>{describeReadProblem(state.locale, problem)}</li>
            ))}
          </ul>
          <Diagnostics />
        </section>
      ) : null}
      <FocusSection />
      <DueSection />
      {/* A checklist in progress is what the admin is working on: it comes before the findings. */}
      {state.runs.some((r) => r.status === 'open') ? <ChecklistsSection /> : null}
      {snapshot.readStatus !== 'unreadable' ? <Findings /> : null}
      {state.runs.some((r) => r.status === 'open') ? null : <ChecklistsSection />}
      <section className="section" aria-label="Read from the page">
        <h2>{panelText[state.locale].onThisPage}</h2>
        {snapshot.principals.length === 0 ? (
          <p className="empty">Nobody is listed here.</p>
        ) : (
          <ul className="principals" tabIndex={0} aria-label="Read from this page">
            {snapshot.principals.map((p, i) => (
              <PrincipalItem
                key={`${getSubjectKey(p)}#${i}`}
                principal={p}
                locale={state.locale}
                {...(snapshot.businessId ? { businessId: snapshot.businessId } : {})}
              />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
